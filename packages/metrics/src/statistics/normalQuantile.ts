import { OpsError } from "@ops/core";
import { phiInverse } from "../_lib/normalDist";

/**
 * The standard normal quantile Φ⁻¹(p): the z with P(Z ≤ z) = p (R's `qnorm`, scipy's
 * `norm.ppf`).
 *
 * Acklam's rational approximation (relative error 1.15e-9) refined by one Halley step,
 * which brings it to double precision. Source: P. J. Acklam, "An algorithm for computing
 * the inverse normal cumulative distribution function" (2003); Halley refinement as given there.
 *
 * @param p - a probability in [0, 1]; 0 and 1 give −Infinity and Infinity
 * @returns z
 * @throws {OpsError} `invalid_argument` when `p` is outside [0, 1] or NaN
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
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "normalQuantile",
      path: ["p"],
      rule: "must be a probability in [0, 1]",
      received: p,
    });
  }
  return phiInverse(p);
}
