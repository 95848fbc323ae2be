import { OpsError } from "@ops/core";
import { gammaQ } from "../_lib/gammaFn";

/** The result of {@link chiSquareTest}. */
export interface ChiSquareResult {
  /** Σ (observed − expected)² / expected. */
  readonly statistic: number;
  /** Number of categories − 1. */
  readonly degreesOfFreedom: number;
  /** P(χ²_df ≥ statistic), the upper tail. */
  readonly pValue: number;
}

/**
 * Pearson's chi-square goodness-of-fit test: statistic Σ (Oᵢ − Eᵢ)² / Eᵢ over k categories,
 * p-value = Q(df/2, statistic/2) with df = k − 1 (the regularised upper incomplete gamma
 * function, Numerical Recipes §6.2). The usual validity rule is every Eᵢ ≥ 5.
 *
 * Source: NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.5.15 "Chi-Square
 * Goodness-of-Fit Test", https://www.itl.nist.gov/div898/handbook/eda/section3/eda35f.htm
 *
 * @param observed - counts per category
 * @param expected - expected counts per category (same length, each > 0, same total as observed up to rounding)
 * @returns statistic, degrees of freedom and p-value
 * @throws {OpsError} `invalid_argument` for fewer than 2 categories, lengths that differ,
 *   negative or non-finite counts, or an expected count ≤ 0; `out_of_range` when the statistic overflows a double
 *   (counts near 1e150, or a tiny expected count against a large observed one)
 *
 * @example
 * ```ts
 * import { chiSquareTest } from "@ops/metrics";
 * const r = chiSquareTest([18, 22, 20, 40], [25, 25, 25, 25]);
 * [r.statistic, r.degreesOfFreedom, r.pValue < 0.001];
 * // => [12.32, 3, false]
 * ```
 */
export function chiSquareTest(observed: readonly number[], expected: readonly number[]): ChiSquareResult {
  const fn = "chiSquareTest";
  if (
    !Array.isArray(observed) ||
    !Array.isArray(expected) ||
    observed.length !== expected.length ||
    observed.length < 2
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["observed"],
      rule: "must be two arrays of the same length ≥ 2",
      received: [observed?.length, expected?.length],
    });
  }
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) {
    const o = observed[i] as number;
    const e = expected[i] as number;
    if (!Number.isFinite(o) || o < 0)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["observed", i],
        rule: "must be a finite count ≥ 0",
        received: o,
      });
    if (!Number.isFinite(e) || e <= 0)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["expected", i],
        rule: "must be a finite expected count > 0",
        received: e,
      });
    statistic += (o - e) ** 2 / e;
  }
  // (o − e)² / e overflows for counts near 1e154 or expected counts near 0 against large observed ones
  if (!Number.isFinite(statistic * 1e9))
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["observed"],
      rule: "must give a finite statistic Σ (o − e)² / e (counts this large or expected counts this small overflow a double)",
      received: statistic,
    });
  const degreesOfFreedom = observed.length - 1;
  return {
    statistic: Math.round(statistic * 1e9) / 1e9,
    degreesOfFreedom,
    pValue: gammaQ(degreesOfFreedom / 2, statistic / 2),
  };
}
