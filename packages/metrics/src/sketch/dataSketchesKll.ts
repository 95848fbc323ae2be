import { readKllSketch } from "./_lib/kllRead";
import type { SketchCodecImpl } from "./_lib/sketchCodec";
import type { SketchCodec } from "./SketchCodec";

const codec: SketchCodecImpl<"kll"> = {
  kind: "kll",
  format: "datasketches",
  name: "dataSketchesKll",
  read: (bytes, fn) => readKllSketch(bytes, fn, 0),
};

/**
 * The Apache DataSketches KLL format, as a codec to pass to `deserializeSketch(bytes, "kll",
 * { formats: [dataSketchesKll] })`: it reads KLL images (doubles or floats, serial version 1
 * or 2) written by the reference libraries, Druid, Pinot or Spark, or by `createKllSketch`,
 * checking every field. `createKllSketch` needs no codec (KLL has one format); reading is a
 * separate import so that a program that only reads \@ops' own bytes does not bundle it.
 *
 * @example
 * ```ts
 * import { createKllSketch, dataSketchesKll, deserializeSketch } from "@ops/metrics";
 * const s = createKllSketch({ k: 8 });
 * for (let i = 1; i <= 5; i++) s.add(i);
 * const back = deserializeSketch(s.serialize(), "kll", { formats: [dataSketchesKll] });
 * [back.count, back.quantile(0.5), back.k];
 * // => [5, 3, 8]
 * ```
 */
export const dataSketchesKll: SketchCodec<"kll"> = codec;
