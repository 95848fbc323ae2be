import { decodeDDSketch, encodeDDSketch } from "./_lib/ddsketchProto";
import { quantileFromProto } from "./_lib/quantileFromProto";
import { QuantileSketchImpl } from "./_lib/quantileSketchCore";
import type { QuantileCodecImpl } from "./_lib/sketchCodec";
import type { SketchCodec } from "./SketchCodec";

const codec: QuantileCodecImpl = {
  kind: "quantile",
  format: "ddsketch",
  name: "ddSketchProto",
  create: (relativeAccuracy, maxBins) => new QuantileSketchImpl(relativeAccuracy, maxBins, encodeDDSketch),
  read: (bytes, fn) => quantileFromProto(decodeDDSketch(bytes, fn), fn),
};

/**
 * The DDSketch protobuf format, as a codec to pass in: `createQuantileSketch({ format:
 * ddSketchProto })` makes quantile sketches with \@datadog/sketches-js's bin mapping whose
 * `serialize()` writes the message its `DDSketch.fromProto` reads (DataDog's ddsketch.proto,
 * shared by sketches-go, -java and -py and the Datadog agent), and `deserializeSketch(bytes,
 * "quantile", { formats: [ddSketchProto] })` reads `toProto` messages. A separate import so
 * that the default ops-format quantile sketch does not bundle the protobuf code. See
 * docs/sketch-formats.md.
 *
 * @example
 * ```ts
 * import { createQuantileSketch, ddSketchProto, deserializeSketch } from "@ops/metrics";
 * const s = createQuantileSketch({ format: ddSketchProto }).add(1).add(2).add(3);
 * const back = deserializeSketch(s.serialize(), "quantile", { formats: [ddSketchProto] });
 * [back.format, back.count, back.quantile(0.5) === s.quantile(0.5)];
 * // => ["ddsketch", 3, true]
 * ```
 */
export const ddSketchProto: SketchCodec<"quantile"> = codec;
