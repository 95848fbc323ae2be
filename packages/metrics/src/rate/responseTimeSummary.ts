import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { quantileOfSorted } from "../_lib/quantileOfSorted";
import { DurationSchema } from "../_lib/schemas";
import { QuantileOptionsSchema, type QuantileMethod } from "../statistics/quantile";

/** Options of {@link responseTimeSummary}. */
export interface ResponseTimeSummaryOptions {
  /** Hyndman–Fan percentile method for the median and p90; default 7 (R, numpy, Excel PERCENTILE.INC). */
  readonly method?: QuantileMethod;
}

/** Summary of response times (ms). Every statistic is `null` when there is no response. */
export interface ResponseTimeSummary {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** The percentile method used for `median` and `p90`. */
  readonly method: QuantileMethod;
}

/** Schema of {@link ResponseTimeSummaryOptions}. */
export const ResponseTimeSummaryOptionsSchema = /* @__PURE__ */ (() =>
  z.pick(QuantileOptionsSchema, { method: true }))();

const DurationListSchema = /* @__PURE__ */ (() => z.array(DurationSchema))();

/**
 * Summarises response times (first-reply times, resolution times) in milliseconds:
 * count, arithmetic mean, median, 90th percentile, min and max. Percentiles use the stated
 * Hyndman–Fan method (see {@link quantile}), R type 7 by default: with n sorted values,
 * p90 interpolates linearly at rank h = (n − 1)·0.9 + 1. Zendesk reports medians for the
 * same reason this summary leads with them: response times are skewed, and a mean is
 * pulled up by a few very late replies.
 *
 * Every statistic is a finite number (or `null` for no response): a mean whose plain sum
 * would overflow (durations near `Number.MAX_VALUE`) is computed from the durations divided
 * by their count instead.
 *
 * @param durations - response times in ms: finite numbers ≥ 0 of any magnitude, in any order (not mutated); unanswered items are not durations
 * @param options - `method` (Hyndman–Fan type, default 7)
 * @returns the summary; statistics are `null` for an empty input
 * @throws {OpsError} `invalid_argument` for a negative, NaN or infinite duration or an unknown method
 *
 * @example
 * ```ts
 * import { responseTimeSummary } from "@ops/metrics";
 * const minute = 60_000;
 * // R: quantile(c(5, 10, 20, 30, 120), c(0.5, 0.9)) → 20, 84
 * responseTimeSummary([20, 5, 120, 10, 30].map((m) => m * minute));
 * // => { count: 5, mean: 37 * minute, median: 20 * minute, p90: 84 * minute, min: 5 * minute, max: 120 * minute, method: 7 }
 * responseTimeSummary([]);
 * // => { count: 0, mean: null, median: null, p90: null, min: null, max: null, method: 7 }
 * ```
 */
export function responseTimeSummary(
  durations: readonly number[],
  options: ResponseTimeSummaryOptions = {},
): ResponseTimeSummary {
  const fn = "responseTimeSummary";
  parseOrThrow(DurationListSchema, durations, { fn, path: ["durations"] });
  const method = parseOrThrow(ResponseTimeSummaryOptionsSchema, options, { fn, path: ["options"] }).method ?? 7;
  const n = durations.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null, min: null, max: null, method };
  const sorted = Float64Array.from(durations).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  let mean = sum / n;
  if (sum === Infinity) {
    // the sum overflowed, the mean cannot: add the durations divided by their count (≤ the largest)
    mean = 0;
    for (let i = 0; i < n; i++) mean += (sorted[i] as number) / n;
    mean = Math.min(mean, sorted[n - 1] as number);
  }
  return {
    count: n,
    mean,
    median: quantileOfSorted(sorted, 0.5, method),
    p90: quantileOfSorted(sorted, 0.9, method),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    method,
  };
}
