import { DsHllState } from "./_lib/dsHllCore";
import { DsHyperLogLogImpl } from "./_lib/dsHyperLogLog";
import type { HllCodecImpl } from "./_lib/sketchCodec";
import type { SketchCodec } from "./SketchCodec";

const codec: HllCodecImpl = {
  kind: "hyperloglog",
  format: "datasketches",
  name: "dataSketchesHll",
  create: (precision, targetType) => new DsHyperLogLogImpl(new DsHllState(precision, targetType)),
  read: (bytes, fn) => new DsHyperLogLogImpl(DsHllState.fromBytes(bytes, fn)),
};

/**
 * The Apache DataSketches HLL format, as a codec to pass in: `createHyperLogLog({ format:
 * dataSketchesHll })` makes sketches whose compact image is byte-identical to the reference
 * library's (Druid, Pinot, Spark, Hive, the Java/C++/Python libraries), and
 * `deserializeSketch(bytes, "hyperloglog", { formats: [dataSketchesHll] })` reads their images
 * (compact or updatable; LIST, SET or HLL mode; HLL_4/6/8).
 *
 * It is a separate import because it is heavy: its estimators carry the reference's empirical
 * tables (the composite estimator's x values, 18 × 257 doubles; the relative-error tables),
 * which must be copied, not recomputed, for the estimates to equal the reference's bit for bit —
 * about 42 kB min+gz, against about 3 kB for the default ops-format HyperLogLog. See
 * docs/sketch-formats.md.
 *
 * @example
 * ```ts
 * import { createHyperLogLog, dataSketchesHll, deserializeSketch } from "@ops/metrics";
 * const druid = createHyperLogLog({ format: dataSketchesHll, precision: 12 }).add(42).add("小红");
 * const back = deserializeSketch(druid.serialize(), "hyperloglog", { formats: [dataSketchesHll] });
 * [back.format, back.targetType, back.estimate() === druid.estimate(), Math.round(back.estimate())];
 * // => ["datasketches", "HLL_4", true, 2]
 * ```
 */
export const dataSketchesHll: SketchCodec<"hyperloglog"> = codec;
