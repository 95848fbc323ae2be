import type { Sketch } from "./Sketch";

/** The item type of a KLL sketch: DataSketches' `kll_sketch<double>` or `kll_sketch<float>`. */
export type KllItemType = "double" | "float";

/** Shared by the queries of {@link KllSketch}: `quantile`, `rank`, `cdf` and `pmf`. */
export interface KllQueryOptions {
  /** DataSketches' `inclusive` flag (default `true`): a rank counts the items ≤ x (else < x). */
  readonly inclusive?: boolean;
}

/**
 * A KLL quantile sketch in Apache DataSketches' format (the one Druid, Pinot, Spark and the
 * Java/C++/Python libraries write), made by `createKllSketch` or read by `deserializeSketch`
 * with the `dataSketchesKll` codec. `add` mutates it; `merge` and `serialize` are pure
 * (queries sort the lowest level in place, as the reference does, which the next `serialize`
 * shows as its "level zero sorted" flag). See {@link Sketch}.
 */
export interface KllSketch extends Sketch<KllSketch> {
  readonly kind: "kll";
  readonly format: "datasketches";
  readonly itemType: KllItemType;
  /** k: the accuracy parameter (8–65535; 200 gives a normalised rank error of about 1.65 %). */
  readonly k: number;
  /** Items added (n). */
  readonly count: number;
  /** The exact smallest and largest items, `null` while empty. */
  readonly min: number | null;
  readonly max: number | null;
  /** Items kept. */
  readonly retained: number;
  /** Whether some items were compacted away (the answers are then estimates). */
  readonly isEstimationMode: boolean;
  /** Counts one finite number (floats sketch: rounded to float32); mutates and returns the sketch. */
  add(value: number): this;
  /** The item at normalised rank `rank` in [0, 1] (`get_quantile`), `null` while empty. */
  quantile(rank: number, options?: KllQueryOptions): number | null;
  /** The normalised rank of `value` (`get_rank`), `null` while empty. */
  rank(value: number, options?: KllQueryOptions): number | null;
  /** The ranks at increasing split points, then 1 (`get_CDF`), `null` while empty. */
  cdf(splitPoints: readonly number[], options?: KllQueryOptions): number[] | null;
  /** The mass between consecutive split points (`get_PMF`), `null` while empty. */
  pmf(splitPoints: readonly number[], options?: KllQueryOptions): number[] | null;
  /** `get_normalized_rank_error(pmf)`: 2.296/minK^0.9723 (single-sided) or 2.446/minK^0.9433 (PMF). */
  normalizedRankError(pmf?: boolean): number;
}
