import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { checkPoissonMean, poissonLimitsOf } from "../_lib/poisson";

/** Options of {@link poissonControlLimits}. */
export interface PoissonControlLimitsOptions {
  /** Two-sided false-alarm probability, in [1e-15, 1); default 0.001 (as {@link detectCountAnomalies}). */
  readonly alpha?: number;
}

/** Schema of {@link PoissonControlLimitsOptions}. */
export const PoissonControlLimitsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    // ≥ 1e-15: α/2 must stay a normal double the Poisson tails can reach (α = 5e-324 searched for ever)
    alpha: z.optional(
      z.number().check(z.minimum(1e-15, { error: "must be ≥ 1e-15" }), z.lt(1, { error: "must be < 1" })),
    ),
  }))();

/** The range of counts that pass, both ends included. */
export interface PoissonControlLimits {
  /** The smallest count that is not unusually low. */
  readonly lower: number;
  /** The largest count that is not unusually high. */
  readonly upper: number;
}

/**
 * Exact Poisson control limits (probability limits of a c-chart) for a mean λ: the counts
 * `lower … upper` that a period with λ events on average stays within, except with
 * probability about α — "with 2 complaints a day on average, 0 to 7 is normal".
 *
 * lower = the smallest k with P(X ≤ k) ≥ α/2 (scipy's `poisson.ppf(α/2, λ)`); upper = the
 * largest k with P(X ≥ k) ≥ α/2 (scipy's `poisson.isf(α/2, λ)`, except when P(X > k) equals
 * α/2 to the last bit). So a count c is flagged low exactly when P(X ≤ c) < α/2 and high
 * exactly when P(X ≥ c) < α/2: the rule {@link detectCountAnomalies} applies, with these very
 * limits for its Poisson points. Unlike Shewhart's c-chart limits λ ± 3√λ, they respect the
 * skew of small counts — at the 3σ false-alarm rate α = 0.0027, λ = 2 gives 0 … 7 where
 * λ ± 3√λ gives −2.2 … 6.2, which flags 7 — and keep the false-alarm rate at most α (less,
 * since counts are discrete). Tail probabilities as in {@link poissonCdf}.
 * Sources: D. C. Montgomery, "Introduction to Statistical Quality Control" (7th ed.), §7.3
 * (c-charts, probability limits); N. L. Johnson, A. W. Kemp, S. Kotz, "Univariate Discrete
 * Distributions" (3rd ed., 2005), ch. 4.
 *
 * @param lambda - the expected count λ, a finite number from 0 to 10⁹
 * @param options - `alpha` (0.001)
 * @returns `{ lower, upper }`
 * @throws {OpsError} `invalid_argument` when `lambda` is negative or not finite, or `alpha` is outside [1e-15, 1); `out_of_range` when `lambda` exceeds 10⁹
 *
 * @example
 * ```ts
 * import { poissonControlLimits } from "@ops/metrics";
 * // scipy.stats.poisson.ppf(0.0005, 1.75) = 0.0, poisson.isf(0.0005, 1.75) = 7.0
 * poissonControlLimits(1.75);
 * // => { lower: 0, upper: 7 }
 * // scipy.stats.poisson.ppf(0.025, 100) = 81.0, poisson.isf(0.025, 100) = 120.0
 * poissonControlLimits(100, { alpha: 0.05 });
 * // => { lower: 81, upper: 120 }
 * ```
 */
export function poissonControlLimits(lambda: number, options: PoissonControlLimitsOptions = {}): PoissonControlLimits {
  const fn = "poissonControlLimits";
  checkPoissonMean(lambda, fn, ["lambda"]);
  const opts = parseOrThrow(PoissonControlLimitsOptionsSchema, options, { fn, path: ["options"] });
  return poissonLimitsOf(lambda, opts.alpha ?? 0.001);
}
