import type { SketchKind } from "./Sketch";

/**
 * A sketch byte format other than \@ops' own, as a value to import and pass in, so that only a
 * program that uses the format bundles its code — as date-fns locales (`format(d, p, { locale })`)
 * and \@noble/hashes' hash functions are imported and passed. The codecs: `dataSketchesHll`
 * (Apache DataSketches HLL: carries the reference's estimator tables, about 42 kB min+gz),
 * `dataSketchesKll` (reading Apache DataSketches KLL images) and `ddSketchProto` (the DDSketch
 * protobuf message). Pass one to `createHyperLogLog({ format })` or `createQuantileSketch({ format })`
 * to write that format, and the ones to accept to `deserializeSketch(bytes, kind, { formats })`.
 * Opaque: only the codecs \@ops/metrics exports work.
 */
export interface SketchCodec<K extends SketchKind = SketchKind> {
  /** The kind of sketch the format holds. */
  readonly kind: K;
  /** The name that sketches of this format carry in their `format` field. */
  readonly format: "datasketches" | "ddsketch";
  /** The name of the export that holds the codec (`"dataSketchesHll"`), as errors name it. */
  readonly name: string;
}
