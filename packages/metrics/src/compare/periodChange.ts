import { OpsError } from "@ops/core";

/** Direction of a change; `null` when a value is missing. */
export type ChangeDirection = "up" | "down" | "flat";

/** Why a change has no relative value. */
export type ChangeNullReason = "zero_base" | "missing_value";

/** A value compared with its previous-period value. */
export interface PeriodChange {
  readonly current: number | null;
  readonly previous: number | null;
  /** `current − previous`, or `null` when either is missing. */
  readonly absolute: number | null;
  /** `(current − previous) / |previous|`, or `null` when the base is 0 or a value is missing. */
  readonly relative: number | null;
  readonly direction: ChangeDirection | null;
  /** `null` when `relative` is a number. */
  readonly reason: ChangeNullReason | null;
}

/**
 * Compares a value with its previous-period value: absolute change, relative change and
 * direction. Relative change is (current − previous) / |previous| — the usual
 * period-over-period growth (WoW, MoM, YoY); dividing by |previous| keeps the sign of the
 * change meaningful when the base is negative (e.g. net follower growth). A base of 0
 * gives `relative: null` with `reason: "zero_base"` (growth from nothing has no ratio),
 * a missing value (`null`, e.g. a rate without denominator) gives `"missing_value"`.
 *
 * @param current - this period's value, or `null`
 * @param previous - the previous period's value, or `null`
 * @returns the change
 * @throws {OpsError} `invalid_argument` for NaN or an infinite value
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
  for (const [name, v] of [
    ["current", current],
    ["previous", previous],
  ] as const) {
    if (v !== null && (typeof v !== "number" || !Number.isFinite(v))) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "periodChange",
        path: [name],
        rule: "must be a finite number or null",
        received: v,
      });
    }
  }
  if (current === null || previous === null) {
    return { current, previous, absolute: null, relative: null, direction: null, reason: "missing_value" };
  }
  const absolute = current - previous;
  const direction: ChangeDirection = absolute > 0 ? "up" : absolute < 0 ? "down" : "flat";
  if (previous === 0) return { current, previous, absolute, relative: null, direction, reason: "zero_base" };
  return { current, previous, absolute, relative: absolute / Math.abs(previous), direction, reason: null };
}
