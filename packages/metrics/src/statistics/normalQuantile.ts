import { checkOpenProbability } from "./_lib/checkProbability";
import { phiInverse } from "../_lib/normalDist";

/**
 * The standard normal quantile Φ⁻¹(p): the z with P(Z ≤ z) = p (R's `qnorm`, scipy's
 * `norm.ppf`).
 *
 * Acklam's rational approximation (relative error 1.15e-9) refined by one Halley step,
 * which brings it to double precision. Source: P. J. Acklam, "An algorithm for computing
 * the inverse normal cumulative distribution function" (2003); Halley refinement as given there.
 * In the far lower tail (p < 1e-300, down to the smallest double 5e-324) the step is taken
 * in log space, where e^(x²/2) would overflow: every p in (0, 1) gives a finite z, from
 * Φ⁻¹(5e-324) ≈ −38.4674 to Φ⁻¹(1 − 2^-53) ≈ 8.2095 (scipy.stats.norm.ppf agrees to the
 * last digit or two).
 *
 * @param p - a probability in the open interval (0, 1); every such p gives a finite z. The end
 *   points 0 and 1, where Φ⁻¹ is −∞ and +∞ (R's `qnorm` and scipy's `norm.ppf` return the
 *   infinities), are refused: no \@ops output is ever ±Infinity
 * @returns z
 * @throws {OpsError} `invalid_argument` when `p` is outside [0, 1] or NaN; `out_of_range` for
 *   p = 0 or p = 1 (no finite quantile)
 *
 * @example
 * ```ts
 * import { normalQuantile } from "@ops/metrics";
 * // scipy.stats.norm.ppf(0.975) = 1.959963984540054
 * Math.round(normalQuantile(0.975) * 1e12) / 1e12;
 * // => 1.959963984540
 * normalQuantile(0.5);
 * // => 0
 * ```
 */
export function normalQuantile(p: number): number {
  checkOpenProbability(p, "normalQuantile");
  return phiInverse(p);
}
