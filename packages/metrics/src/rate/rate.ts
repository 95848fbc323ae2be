import { OpsError } from "@ops/core";
import { rateOf } from "../_lib/ratio";
import type { Rate } from "../_lib/ratio";
export type { RateNullReason, Rate } from "../_lib/ratio";

/**
 * Builds a {@link Rate} from its parts: `numerator / denominator`, or `value: null` with
 * `reason: "zero_denominator"` when the denominator is 0. The value is always a finite
 * number or `null`: a denominator so close to 0 that the quotient would exceed
 * `Number.MAX_VALUE` (≈ 1.8e308, e.g. `rate(4, 5e-324)`) is refused, since no finite
 * number answers it.
 *
 * @param numerator - a finite number ≥ 0
 * @param denominator - a finite number ≥ 0: 0, or at least `numerator / Number.MAX_VALUE`
 * @returns the rate with its parts
 * @throws {OpsError} `invalid_argument` when a part is negative, NaN or infinite; `out_of_range` when `numerator / denominator` would exceed `Number.MAX_VALUE`
 *
 * @example
 * ```ts
 * import { rate } from "@ops/metrics";
 * rate(3, 4);
 * // => { value: 0.75, numerator: 3, denominator: 4, reason: null }
 * rate(0, 0);
 * // => { value: null, numerator: 0, denominator: 0, reason: "zero_denominator" }
 * ```
 */
export function rate(numerator: number, denominator: number): Rate {
  check(numerator, "numerator");
  check(denominator, "denominator");
  return rateOf(numerator, denominator, "rate", ["denominator"]);
}

function check(value: number, name: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "rate",
      path: [name],
      rule: "must be a finite number ≥ 0",
      received: value,
    });
  }
}
