import { OpsError } from "@ops/core";
import { changeOf, MAX_COMPARED } from "./_lib/change";
import type { PeriodChange } from "./_lib/change";
export type { ChangeDirection, ChangeNullReason, PeriodChange } from "./_lib/change";

/**
 * Compares a value with its previous-period value: absolute change, relative change and
 * direction. Relative change is (current − previous) / |previous| — the usual
 * period-over-period growth (WoW, MoM, YoY); dividing by |previous| keeps the sign of the
 * change meaningful when the base is negative (e.g. net follower growth). A base of 0
 * gives `relative: null` with `reason: "zero_base"` (growth from nothing has no ratio),
 * a missing value (`null`, e.g. a rate without denominator) gives `"missing_value"`.
 *
 * Every number it returns is finite. Each value must be at most `Number.MAX_VALUE / 2`
 * (≈ 8.99e307) in magnitude, so that `current − previous` cannot overflow (1e308 − (−1e308)
 * has no finite answer); a base so close to 0 that the relative change would exceed
 * `Number.MAX_VALUE` (100 against 5e-324) is refused too, since no finite number answers it.
 *
 * @param current - this period's value: a finite number with |current| ≤ Number.MAX_VALUE / 2, or `null`
 * @param previous - the previous period's value: 0, a finite number with |current − previous| / Number.MAX_VALUE ≤ |previous| ≤ Number.MAX_VALUE / 2, or `null`
 * @returns the change
 * @throws {OpsError} `invalid_argument` for NaN, an infinite value or a non-number; `out_of_range` for a value beyond ±Number.MAX_VALUE / 2 or a relative change beyond Number.MAX_VALUE
 *
 * @example
 * ```ts
 * import { periodChange } from "@ops/metrics";
 * periodChange(120, 100);
 * // => { current: 120, previous: 100, absolute: 20, relative: 0.2, direction: "up", reason: null }
 * periodChange(5, 0);
 * // => { current: 5, previous: 0, absolute: 5, relative: null, direction: "up", reason: "zero_base" }
 * ```
 */
export function periodChange(current: number | null, previous: number | null): PeriodChange {
  const fn = "periodChange";
  for (const [name, v] of [
    ["current", current],
    ["previous", previous],
  ] as const) {
    if (v === null) continue;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [name],
        rule: "must be a finite number or null",
        received: v,
      });
    }
    if (Math.abs(v) > MAX_COMPARED) {
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: [name],
        rule: "must be at most Number.MAX_VALUE / 2 (≈ 8.99e307) in magnitude, so that the change is finite",
        received: v,
      });
    }
  }
  const change = changeOf(current, previous);
  if (change === null) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["previous"],
      rule: "must be 0 or not so close to 0 that the relative change exceeds Number.MAX_VALUE",
      received: previous,
    });
  }
  return change;
}
