import { readOptions } from "../_lib/readOptions";
import { OpsError } from "@ops/core";
import * as z from "zod/mini";
import { quantileOfSorted } from "../_lib/quantileOfSorted";
import type { QuantileMethod } from "../_lib/quantileOfSorted";
export type { QuantileMethod } from "../_lib/quantileOfSorted";

/** Options of {@link quantile}. */
export interface QuantileOptions {
  /** Hyndman–Fan type, default 7 (R and numpy default). */
  readonly method?: QuantileMethod;
  /**
   * Promise that `values` are already in ascending order, to skip the sort (the order is
   * still checked, in O(n); an unsorted input throws `out_of_order`).
   */
  readonly sorted?: boolean;
}

/** Schema of {@link QuantileOptions}. */
export const QuantileOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    method: z.optional(
      z.union([
        z.literal(1),
        z.literal(2),
        z.literal(3),
        z.literal(4),
        z.literal(5),
        z.literal(6),
        z.literal(7),
        z.literal(8),
        z.literal(9),
      ]),
    ),
    sorted: z.optional(z.boolean()),
  }))();

/**
 * The `p`-quantile of a sample, by one of the nine definitions of Hyndman & Fan —
 * R type 7 unless `method` says otherwise.
 *
 * With the values sorted as x₁ ≤ … ≤ xₙ, every type computes j = ⌊np + m⌋, g = np + m − j
 * and returns (1 − γ)·xⱼ + γ·xⱼ₊₁ (x₀ := x₁, xₙ₊₁ := xₙ). For the continuous types 4–9,
 * m = a + p(1 − a − b) and γ = g; type 7 (a = b = 1) is the linear interpolation
 * h = (n − 1)p + 1 used by R, numpy (`method="linear"`) and Excel `PERCENTILE.INC`.
 * For types 1–3, m = 0, 0, −½ and γ ∈ {0, ½, 1} by the rules of the paper. The code
 * follows R's `quantile.default`, including its 4·ε fuzz for floating-point ties, and
 * interpolates from the nearer order statistic as numpy does (results agree with numpy
 * to within a few units in the last place; bit for bit for type 7 on the test data).
 * Source: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages",
 * The American Statistician 50(4), 1996, 361–365; R documentation `?quantile`.
 *
 * @param values - finite numbers of any magnitude, in any order (not mutated)
 * @param p - probability in [0, 1] (0.5 = median, 0.9 = p90)
 * @param options - `method` (Hyndman–Fan type 1–9, default 7), `sorted`
 * @returns the sample quantile: a finite number between the smallest and the largest value (interpolation between two neighbours of opposite signs beyond ±Number.MAX_VALUE / 2 is computed without their overflowing difference)
 * @throws {OpsError} `invalid_argument` for an empty sample, a non-finite value, `p` outside [0, 1] or an unknown method; `out_of_order` when `sorted: true` is false
 *
 * @example
 * ```ts
 * import { quantile } from "@ops/metrics";
 * // R: quantile(1:10, 0.9) — type 7
 * quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9);
 * // => 9.1
 * // R: quantile(1:10, 0.9, type = 6)
 * quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9, { method: 6 });
 * // => 9.9
 * ```
 */
export function quantile(values: ArrayLike<number>, p: number, options: QuantileOptions = {}): number {
  const opts = readOptions(options, "quantile");
  const fn = "quantile";
  const method = opts.method ?? 7;
  if (!Number.isInteger(method) || method < 1 || method > 9) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "method"],
      rule: "must be a Hyndman–Fan type from 1 to 9",
      received: method,
    });
  }
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["p"],
      rule: "must be a probability in [0, 1]",
      received: p,
    });
  }
  const n = values?.length ?? 0;
  if (n === 0)
    throw new OpsError({ code: "invalid_argument", fn, path: ["values"], rule: "must contain at least one value" });
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
  let x: ArrayLike<number>;
  if (opts.sorted === true) {
    for (let i = 1; i < n; i++) {
      if ((values[i] as number) < (values[i - 1] as number)) {
        throw new OpsError({
          code: "out_of_order",
          fn,
          path: ["values", i],
          rule: "must be ≥ the previous value when options.sorted is true",
          received: values[i],
        });
      }
    }
    x = values;
  } else {
    x = Float64Array.from(values).sort();
  }
  return quantileOfSorted(x, p, method);
}
