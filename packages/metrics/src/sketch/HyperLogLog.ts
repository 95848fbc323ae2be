import type { Sketch } from "./Sketch";

/** DataSketches' HLL register width: 4, 6 or 8 bits per register. */
export type HllTargetType = "HLL_4" | "HLL_6" | "HLL_8";

/**
 * The byte format of a {@link HyperLogLog}: \@ops' own (`"ops"`, the fast default) or Apache
 * DataSketches' HLL (`"datasketches"`, chosen by passing the `dataSketchesHll` codec).
 */
export type HyperLogLogFormat = "ops" | "datasketches";

/** Lower and upper bounds of a distinct count, at a number of standard deviations. */
export interface HllBounds {
  readonly lower: number;
  readonly upper: number;
}

/**
 * A HyperLogLog distinct counter (unique visitors, unique commenters, unique entrants), made by
 * `createHyperLogLog` or read by `deserializeSketch`.
 * `add` mutates it; `merge`, `clone`, `estimate` and `serialize` do not. See {@link Sketch}.
 */
export interface HyperLogLog extends Sketch<HyperLogLog> {
  readonly kind: "hyperloglog";
  /** The byte format chosen at creation (or read from the bytes); sketches of different formats do not merge. */
  readonly format: HyperLogLogFormat;
  /** p (DataSketches: lgK): the sketch has m = 2^p registers. */
  readonly precision: number;
  /** The hash seed; only sketches with the same seed and precision merge. DataSketches: always 9001. */
  readonly seed: number;
  /** DataSketches' register width (`"HLL_4"`, `"HLL_6"`, `"HLL_8"`); `null` in the ops format. */
  readonly targetType: HllTargetType | null;
  /**
   * Counts one item (mutates the sketch; returns it for chaining). Numbers must be safe
   * integers (ids). Format `"ops"` hashes strings by UTF-16 code unit; `"datasketches"` hashes
   * their UTF-8 bytes (as Java's and C++'s `update(String)`), skips the empty string (as they
   * do) and refuses lone surrogates. Normalise text first (`actorKey` NFC-normalises).
   */
  add(value: string | number): this;
  /** The estimated number of distinct items added (ops: Ertl's improved estimator; datasketches: HIP or composite, as the reference). */
  estimate(): number;
  /**
   * Bounds of the distinct count at 1, 2 (default) or 3 standard deviations. Datasketches:
   * the reference library's `get_lower_bound`/`get_upper_bound`, equal to the double. Ops:
   * estimate × (1 ∓ z·1.04/√m), the lower one at least 0.
   */
  bounds(numStdDev?: 1 | 2 | 3): HllBounds;
}
