import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { quantileOfSorted } from "../_lib/quantileOfSorted";
import { QuantileOptionsSchema, type QuantileMethod } from "./quantile";

/** Options of {@link describe}. */
export interface DescribeOptions {
  /** Hyndman–Fan type of the quartiles, default 7 (pandas `describe`, numpy, R, Excel `QUARTILE.INC`). */
  readonly method?: QuantileMethod;
}

/** Schema of {@link DescribeOptions}. */
export const DescribeOptionsSchema = /* @__PURE__ */ (() => z.pick(QuantileOptionsSchema, { method: true }))();

/** The usual summary of a sample. Every statistic is `null` for an empty sample. */
export interface DescriptiveStatistics {
  /** Number of values. */
  readonly n: number;
  readonly mean: number | null;
  /** Sample variance, denominator n − 1; `null` below two values. */
  readonly variance: number | null;
  /** √variance (sample standard deviation); `null` below two values. */
  readonly standardDeviation: number | null;
  readonly min: number | null;
  /** First quartile (25th percentile). */
  readonly q1: number | null;
  readonly median: number | null;
  /** Third quartile (75th percentile). */
  readonly q3: number | null;
  readonly max: number | null;
  /** The Hyndman–Fan type used for the quartiles and the median. */
  readonly method: QuantileMethod;
}

/**
 * Describes a sample the way an analyst's first look does (pandas `describe()`, R's
 * `summary()` + `var()` + `sd()`): n, mean, sample variance and standard deviation, min,
 * quartiles, median and max.
 *
 * mean = Σx/n; variance s² = Σ(x − x̄)²/(n − 1) — Bessel's correction, the unbiased
 * estimator of a population variance from a sample (pandas `std()`, numpy `var(ddof=1)`, R
 * `var`, Excel `VAR.S`; numpy's default ddof = 0 divides by n instead); standard deviation
 * s = √s². Computed with the corrected two-pass algorithm — the mean first (compensated
 * summation), then Σ(x − x̄)² − (Σ(x − x̄))²/n — so that a large common offset costs no digits
 * (the textbook Σx² − n·x̄² loses them all). Quartiles by {@link quantile}, R type 7 by default
 * (as pandas and numpy). Sources: T. F. Chan, G. H. Golub, R. J. LeVeque, "Algorithms for
 * Computing the Sample Variance", The American Statistician 37(3), 1983 (eq. 1.7);
 * Hyndman & Fan (1996) for the quartiles.
 *
 * @param values - finite numbers, in any order (not mutated)
 * @param options - `method` (Hyndman–Fan type of the quartiles, default 7)
 * @returns the summary; `n: 0` and `null` statistics for an empty sample, `null` variance and standard deviation for one value
 * @throws {OpsError} `invalid_argument` for a value that is not a finite number or an unknown method; `out_of_range` when the variance exceeds the largest double (about 1.8·10³⁰⁸)
 *
 * @example
 * ```ts
 * import { describe } from "@ops/metrics";
 * // numpy: x = [2, 4, 4, 4, 5, 5, 7, 9]; x.var(ddof=1) = 4.571428571428571, np.percentile(x, [25, 50, 75]) = [4, 4.5, 5.5]
 * const d = describe([2, 4, 4, 4, 5, 5, 7, 9]);
 * [d.n, d.mean, d.min, d.q1, d.median, d.q3, d.max];
 * // => [8, 5, 2, 4, 4.5, 5.5, 9]
 * Math.round((d.variance ?? 0) * 1e12) / 1e12;
 * // => 4.571428571429
 * describe([]).mean;
 * // => null
 * ```
 */
export function describe(values: ArrayLike<number>, options: DescribeOptions = {}): DescriptiveStatistics {
  const fn = "describe";
  const method = parseOrThrow(DescribeOptionsSchema, options, { fn, path: ["options"] }).method ?? 7;
  if (
    values === null ||
    typeof values !== "object" ||
    typeof values.length !== "number" ||
    !Number.isSafeInteger(values.length) ||
    values.length < 0
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["values"],
      rule: "must be an array of finite numbers",
      received: values,
    });
  }
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["values", i],
        rule: "must be a finite number",
        received: v,
      });
    }
  }
  if (n === 0) {
    return {
      n: 0,
      mean: null,
      variance: null,
      standardDeviation: null,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
      method,
    };
  }
  const sorted = Float64Array.from(values).sort();
  const mean = meanOf(sorted);
  let variance: number | null = null;
  let standardDeviation: number | null = null;
  if (n > 1) {
    // scale by the largest deviation so that squares neither overflow nor underflow
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs((sorted[i] as number) - mean));
    if (scale === 0) {
      variance = 0;
      standardDeviation = 0;
    } else {
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const d = ((sorted[i] as number) - mean) / scale;
        sum += d;
        sumSq += d * d;
      }
      const scaled = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
      standardDeviation = scale * Math.sqrt(scaled);
      variance = scale * scale * scaled;
      if (!Number.isFinite(variance)) {
        throw new OpsError({
          code: "out_of_range",
          fn,
          path: ["values"],
          rule: "must have a variance below the largest double (rescale the values first)",
        });
      }
    }
  }
  return {
    n,
    mean,
    variance,
    standardDeviation,
    min: sorted[0] as number,
    q1: quantileOfSorted(sorted, 0.25, method),
    median: quantileOfSorted(sorted, 0.5, method),
    q3: quantileOfSorted(sorted, 0.75, method),
    max: sorted[n - 1] as number,
    method,
  };
}

/** The mean by Neumaier's compensated sum (no overflow for finite values: each is divided by n when the sum would). */
function meanOf(x: Float64Array): number {
  const n = x.length;
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  if (Number.isFinite(sum)) return (sum + c) / n;
  let m = 0;
  for (let i = 0; i < n; i++) m += (x[i] as number) / n;
  return m;
}
