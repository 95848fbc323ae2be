import type { Sketch } from "./Sketch";

/**
 * The byte format of a {@link QuantileSketch}: \@ops' own (`"ops"`, the default) or the DDSketch
 * protobuf (`"ddsketch"`, chosen by passing the `ddSketchProto` codec).
 */
export type QuantileSketchFormat = "ops" | "ddsketch";

/**
 * A relative-error quantile sketch (response times, order values, watch time), made by
 * `createQuantileSketch` or read by `deserializeSketch`. `add`
 * mutates it; `merge`, `clone`, `quantile` and `serialize` do not. See {@link Sketch}.
 */
export interface QuantileSketch extends Sketch<QuantileSketch> {
  readonly kind: "quantile";
  /** The byte format chosen at creation (or read from the bytes); sketches of different formats do not merge. */
  readonly format: QuantileSketchFormat;
  /** α: every quantile is within a factor (1 ± α) of the true one. */
  readonly relativeAccuracy: number;
  /** The most bins per sign before the lowest ones are folded together. */
  readonly maxBins: number;
  /** Values added. */
  readonly count: number;
  /**
   * Their sum (plain floating-point addition); an `add` or `merge` that would overflow it is
   * refused (`out_of_range`). Read from a DDSketch message written by another library (which
   * carries no sum, min or max): Σ count × bin value, within α.
   */
  readonly sum: number;
  /** The exact smallest and largest values, `null` while empty. */
  readonly min: number | null;
  readonly max: number | null;
  /** Counts one finite number (mutates the sketch; returns it for chaining); anything else is refused on the hot path. */
  add(value: number): this;
  /** The q-quantile (0 ≤ q ≤ 1) within relative error α of the order statistic x₍⌊q(n−1)⌋₎; `null` while empty. */
  quantile(q: number): number | null;
}
