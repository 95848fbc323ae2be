import { OpsError } from "@ops/core";
import { checkPoissonMean, poissonQuantileOf } from "../_lib/poisson";

/**
 * The Poisson quantile: the smallest whole k with P(X ≤ k) ≥ p for X ~ Poisson(λ) (R's
 * `qpois`, scipy's `poisson.ppf`) — "on a day that averages 2.5 complaints, 95 % of days
 * have at most this many".
 *
 * A search over {@link poissonCdf}: a start at the Cornish–Fisher approximation
 * λ + z√λ + (z² − 1)/6 (z = Φ⁻¹(p)), then doubling steps and bisection, comparing in the tail
 * that keeps its digits (P(X > k) ≤ 1 − p when p > ½). As in R's `qpois`, p is first lowered by
 * 64 machine epsilons (relative), so that a p computed as the cdf at k gives k back instead of
 * k + 1. p = 0 gives 0 (R's convention; scipy returns −1 there) and p = 1 gives Infinity.
 * Source: N. L. Johnson, A. W. Kemp, S. Kotz, "Univariate Discrete Distributions"
 * (3rd ed., 2005), ch. 4; R's `qpois.c`.
 *
 * @param p - a probability in [0, 1]
 * @param lambda - the mean λ, a finite number from 0 to 10⁹
 * @returns the quantile, a whole number ≥ 0 (Infinity for p = 1 and λ > 0)
 * @throws {OpsError} `invalid_argument` when `p` is outside [0, 1] or NaN or `lambda` is negative or not finite; `out_of_range` when `lambda` exceeds 10⁹
 *
 * @example
 * ```ts
 * import { poissonQuantile } from "@ops/metrics";
 * // scipy.stats.poisson.ppf(0.95, 2.5) = 5.0
 * poissonQuantile(0.95, 2.5);
 * // => 5
 * // scipy.stats.poisson.ppf(0.5, 1e6) = 1000000.0
 * poissonQuantile(0.5, 1e6);
 * // => 1000000
 * ```
 */
export function poissonQuantile(p: number, lambda: number): number {
  const fn = "poissonQuantile";
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["p"],
      rule: "must be a probability in [0, 1]",
      received: p,
    });
  }
  checkPoissonMean(lambda, fn, ["lambda"]);
  return poissonQuantileOf(p, lambda);
}
