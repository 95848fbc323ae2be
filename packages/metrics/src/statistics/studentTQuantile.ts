import { OpsError } from "@ops/core";
import { checkOpenProbability } from "./_lib/checkProbability";
import { regularizedBeta } from "../_lib/gammaFn";

/** P(T > t) for t ≥ 0 and Student's t with `df` degrees of freedom: ½·I_{df/(df+t²)}(df/2, ½). */
function upperTail(t: number, df: number): number {
  return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * The quantile of Student's t distribution: the t with P(T ≤ t) = p for `df` degrees of
 * freedom (R's `qt(p, df)`, scipy's `t.ppf(p, df)`) — e.g. the multiplier of a t-based
 * confidence interval of a mean (`studentTQuantile(0.975, n − 1)` for 95 %).
 *
 * Method: bisection on the exact tail P(T > t) = ½·I_{df/(df+t²)}(df/2, ½) (the regularised
 * incomplete beta function by its continued fraction, Numerical Recipes 3rd ed. §6.4 and
 * §6.14.9) to full double precision; the tail is monotone, so bisection cannot fail; the
 * lower half by symmetry. Agrees with scipy's `t.ppf` / `t.isf` to 10+ significant digits
 * (see the tests for the values).
 *
 * @param p - a probability in the open interval (0, 1)
 * @param df - degrees of freedom, a finite number > 0 (not necessarily an integer)
 * @returns t
 * @throws {OpsError} `invalid_argument` when `p` is not in [0, 1] or `df` is not a finite
 *   number > 0; `out_of_range` for p = 0 or 1 (t is ∓Infinity) and for a tail so far out that
 *   t would pass 1e150 (few degrees of freedom and p within ~1e-150 of 0 or 1: scipy gives
 *   `t.ppf(1e-200, 1)` = −3.2e199), past which t² overflows and the tail cannot be computed
 *
 * @example
 * ```ts
 * import { studentTQuantile } from "@ops/metrics";
 * // scipy.stats.t.ppf(0.975, 9) = 2.2621571627982053
 * Math.round(studentTQuantile(0.975, 9) * 1e10) / 1e10;
 * // => 2.2621571628
 * studentTQuantile(0.5, 3);
 * // => 0
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  const fn = "studentTQuantile";
  checkOpenProbability(p, fn);
  if (typeof df !== "number" || !Number.isFinite(df) || df <= 0)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["df"],
      rule: "must be a finite number of degrees of freedom > 0",
      received: df,
    });
  if (p === 0.5) return 0;
  // the upper tail to invert: exact for p ≥ ½ (1 − p is exact there, Sterbenz)
  const upper = p > 0.5 ? 1 - p : p;
  let lo = 0;
  let hi = 1;
  let tail = upperTail(hi, df);
  while (tail > upper && hi < 1e150) {
    hi *= 2;
    tail = upperTail(hi, df);
  }
  // past ~1e154, t² overflows and the tail can no longer be computed in doubles
  if (tail > upper)
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["p"],
      rule: "must not be so far in the tail that t exceeds 1e150 (few degrees of freedom and p within ~1e-150 of 0 or 1)",
      received: p,
    });
  for (let i = 0; i < 2000 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid, df) > upper) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return p > 0.5 ? t : -t;
}
