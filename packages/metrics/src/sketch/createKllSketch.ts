import * as z from "zod/mini";
import { enumOption, intOption, readOptions } from "../_lib/readOptions";
import { KLL_MAX_K, KLL_MIN_K, KllSketchImpl } from "./_lib/kllCore";
import type { KllItemType, KllSketch } from "./KllSketch";

/** Options of {@link createKllSketch}. */
export interface KllSketchOptions {
  /** k from 8 to 65535; default 200 (as DataSketches). */
  readonly k?: number;
  /** `"double"` (default) or `"float"` items. */
  readonly itemType?: KllItemType;
  /** Seed (uint32, default 0) of the coin flips that choose which half of a level survives a compaction. */
  readonly seed?: number;
}

/** Schema of {@link KllSketchOptions} (`createKllSketch` makes the same checks by hand, so that it does not bundle zod). */
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
 * image has the reference's layout, `deserializeSketch(bytes, "kll", { formats: [dataSketchesKll] })`
 * reads images the reference wrote (doubles or floats, detected from their size), and every
 * query on a given image — quantile, rank, CDF, PMF, inclusive or not — returns the reference's
 * number. KLL has one format, so creating a sketch needs no codec; reading one needs the
 * `dataSketchesKll` codec, which keeps the KLL reader out of every other `deserializeSketch` user's bundle.
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
  // the checks of KllSketchOptionsSchema, by hand (no zod in the bundle of a sketch)
  const fn = "createKllSketch";
  const o = readOptions(options, fn);
  const k = intOption(o, "k", KLL_MIN_K, KLL_MAX_K, fn);
  const itemType = enumOption(o, "itemType", ["double", "float"], fn);
  const seed = intOption(o, "seed", 0, 0xffffffff, fn, "must be < 2^32");
  return new KllSketchImpl(k ?? 200, itemType ?? "double", seed ?? 0);
}
