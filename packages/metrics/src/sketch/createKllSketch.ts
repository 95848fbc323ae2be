import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { KLL_MAX_K, KLL_MIN_K, KllSketchImpl } from "../_lib/kllCore";
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
 * Java/C++/Python libraries write). `add` mutates it; `merge` and `serialize` are pure
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

/** Options of {@link createKllSketch}. */
export interface KllSketchOptions {
  /** k from 8 to 65535; default 200 (as DataSketches). */
  readonly k?: number;
  /** `"double"` (default) or `"float"` items. */
  readonly itemType?: KllItemType;
  /** Seed (uint32, default 0) of the coin flips that choose which half of a level survives a compaction. */
  readonly seed?: number;
}

/** Schema of {@link KllSketchOptions}. */
export const KllSketchOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    k: z.optional(
      z
        .int({ error: "must be a whole number" })
        .check(
          z.minimum(KLL_MIN_K, { error: `must be ≥ ${KLL_MIN_K}` }),
          z.maximum(KLL_MAX_K, { error: `must be ≤ ${KLL_MAX_K}` }),
        ),
    ),
    itemType: z.optional(z.enum(["double", "float"], { error: 'must be "double" or "float"' })),
    seed: z.optional(
      z
        .int({ error: "must be a whole number" })
        .check(z.minimum(0, { error: "must be ≥ 0" }), z.maximum(0xffffffff, { error: "must be < 2^32" })),
    ),
  }))();

/**
 * Creates an empty KLL quantile sketch, wire-compatible with Apache DataSketches' KLL: its
 * image has the reference's layout, `deserializeSketch(bytes, "kll")` reads images the
 * reference wrote (doubles or floats, detected from their size), and every query on a given
 * image — quantile, rank, CDF, PMF, inclusive or not — returns the reference's number.
 *
 * KLL keeps levels of items; a full level is sorted and every other item is kept, each survivor
 * counting twice, so memory grows with log n and the rank error is about 2.296/k^0.9723 (99 %
 * of the time). Which half survives is a coin flip: here the coins come from a xorshift32
 * generator seeded by `seed`, so the same items in the same order give the same sketch (no
 * hidden randomness), but not the reference's coins — a sketch built here from more than k
 * items keeps other items than the reference would, with the same error guarantee. Up to k
 * items (no compaction) the image is byte-identical to the reference's. Merging follows the
 * reference (`kll_sketch::merge`), including sketches of different k.
 * Source: Z. Karnin, K. Lang, E. Liberty, "Optimal Quantile Approximation in Streams", FOCS
 * 2016; https://datasketches.apache.org/docs/KLL/KLLSketch.html.
 *
 * @param options - `k` (200), `itemType` ("double"), `seed` (0)
 * @returns an empty sketch
 * @throws {OpsError} `invalid_argument` for k outside 8–65535, an unknown item type or a seed outside 0–2³²−1; from `add`: `invalid_argument` for anything but a finite number
 *
 * @example
 * ```ts
 * import { createKllSketch } from "@ops/metrics";
 * const watchSeconds = createKllSketch();
 * for (let i = 1; i <= 100; i++) watchSeconds.add(i);
 * [watchSeconds.quantile(0.5), watchSeconds.rank(90), watchSeconds.isEstimationMode];
 * // => [50, 0.9, false]
 * ```
 */
export function createKllSketch(options: KllSketchOptions = {}): KllSketch {
  const opts = parseOrThrow(KllSketchOptionsSchema, options, { fn: "createKllSketch", path: ["options"] });
  return new KllSketchImpl(opts.k ?? 200, opts.itemType ?? "double", opts.seed ?? 0);
}
