import { OpsError } from "@ops/core";
import { phi } from "../_lib/normalDist";

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 *
 * Computed with Marsaglia's Taylor series for |x| < 3 and Laplace's continued fraction
 * for the tails, so that both Φ(x) and 1 − Φ(−x) keep about 15 significant digits.
 * Source: G. Marsaglia, "Evaluating the Normal Distribution", Journal of Statistical
 * Software 11(4), 2004; Abramowitz & Stegun 26.2.14.
 *
 * @param x - any number (±Infinity allowed)
 * @returns Φ(x) in [0, 1]
 * @throws {OpsError} `invalid_argument` when `x` is NaN or not a number
 *
 * @example
 * ```ts
 * import { normalCdf } from "@ops/metrics";
 * // scipy.stats.norm.cdf(1.959963984540054) = 0.975
 * Math.round(normalCdf(1.959963984540054) * 1e12) / 1e12;
 * // => 0.975
 * normalCdf(0);
 * // => 0.5
 * ```
 */
export function normalCdf(x: number): number {
  if (typeof x !== "number" || Number.isNaN(x)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "normalCdf",
      path: ["x"],
      rule: "must be a number (not NaN)",
      received: x,
    });
  }
  return phi(x);
}
