/** The kinds of mergeable sketch in \@ops/metrics. */
export type SketchKind = "hyperloglog" | "quantile" | "counter" | "sum" | "kll";

/**
 * What every \@ops sketch offers, so that shards built in worker threads, services or
 * batch jobs combine the same way:
 * - `add` (on each kind) is a **mutable accumulator** call, for speed: it changes the sketch;
 * - `merge(other)` is **pure**: it returns a new sketch and leaves both inputs as they were;
 *   it is associative and commutative, so shards can be merged in any order or grouping;
 * - `serialize()` returns versioned bytes that `deserializeSketch` reads back: `"OS"`, kind,
 *   format version, payload, CRC-32 in the ops format; Apache DataSketches' HLL or KLL image,
 *   or the DDSketch protobuf message, in the interoperable formats (docs/sketch-formats.md).
 */
export interface Sketch<S> {
  readonly kind: SketchKind;
  /** A new sketch of everything this one and `other` have seen. Pure. */
  merge(other: S): S;
  /** A deep copy. */
  clone(): S;
  /** Versioned, checksummed bytes. */
  serialize(): Uint8Array;
}
