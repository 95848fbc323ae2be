import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { QuantileSketchImpl } from "../_lib/quantileSketchCore";
import type { Sketch } from "./Sketch";

/**
 * A relative-error quantile sketch (response times, order values, watch time). `add`
 * mutates it; `merge`, `clone`, `quantile` and `serialize` do not. See {@link Sketch}.
 */
export interface QuantileSketch extends Sketch<QuantileSketch> {
  readonly kind: "quantile";
  /** α: every quantile is within a factor (1 ± α) of the true one. */
  readonly relativeAccuracy: number;
  /** The most bins per sign before the lowest ones are folded together. */
  readonly maxBins: number;
  /** Values added. */
  readonly count: number;
  /** Their sum (plain floating-point addition). */
  readonly sum: number;
  /** The exact smallest and largest values, `null` while empty. */
  readonly min: number | null;
  readonly max: number | null;
  /** Counts one finite value (mutates the sketch; returns it for chaining). */
  add(value: number): this;
  /** The q-quantile (0 ≤ q ≤ 1) within relative error α of the order statistic x₍⌊q(n−1)⌋₎; `null` while empty. */
  quantile(q: number): number | null;
}

/** Options of {@link createQuantileSketch}. */
export interface QuantileSketchOptions {
  /** α in (0, 1); default 0.01 (1 %). */
  readonly relativeAccuracy?: number;
  /** Bins per sign before the lowest are folded, 16–2²⁰; default 2048 (covers 1e-9 to 1e9 at 1 %). */
  readonly maxBins?: number;
}

/** Schema of {@link QuantileSketchOptions}. */
export const QuantileSketchOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    relativeAccuracy: z.optional(
      z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" })),
    ),
    maxBins: z.optional(
      z
        .int({ error: "must be a whole number" })
        .check(z.minimum(16, { error: "must be ≥ 16" }), z.maximum(1 << 20, { error: "must be ≤ 2^20" })),
    ),
  }))();

/**
 * Creates an empty DDSketch-style quantile sketch: quantiles with a guaranteed relative
 * error (1 % by default) in bounded memory, mergeable across shards without loss.
 *
 * With γ = (1 + α)/(1 − α), a value x > 0 goes to bin i = ⌈log_γ x⌉, which holds
 * (γ^(i−1), γ^i]; the bin is reported as 2γ^i/(γ + 1), within α of every value in it.
 * Negative values use a mirrored store and zeros a counter. The q-quantile walks the
 * bins to the one holding rank q(n − 1), as DDSketch does, and is clamped to the exact
 * min and max. Merging adds bin counts, so it equals one pass over all values. More
 * than `maxBins` bins fold the lowest ones (only the lowest quantiles lose accuracy).
 * Source: C. Masson, J. E. Rim, H. K. Lee, "DDSketch: A Fast and Fully-Mergeable Quantile
 * Sketch with Relative-Error Guarantees", PVLDB 12(12), 2019.
 *
 * @param options - `relativeAccuracy` (0.01), `maxBins` (2048)
 * @returns an empty sketch
 * @throws {OpsError} `invalid_argument` for an accuracy outside (0, 1) or maxBins outside 16–2²⁰
 *
 * @example
 * ```ts
 * import { createQuantileSketch } from "@ops/metrics";
 * const replyMinutes = createQuantileSketch();
 * for (let i = 1; i <= 1000; i++) replyMinutes.add(i);
 * const p90 = replyMinutes.quantile(0.9) ?? 0; // exact: 900
 * Math.abs(p90 - 900) / 900 <= 0.01;
 * // => true
 * [replyMinutes.count, replyMinutes.min, replyMinutes.max];
 * // => [1000, 1, 1000]
 * ```
 */
export function createQuantileSketch(options: QuantileSketchOptions = {}): QuantileSketch {
  const opts = parseOrThrow(QuantileSketchOptionsSchema, options, { fn: "createQuantileSketch", path: ["options"] });
  return new QuantileSketchImpl(opts.relativeAccuracy ?? 0.01, opts.maxBins ?? 2048);
}
