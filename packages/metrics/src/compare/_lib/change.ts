// The change between two values of a measure, shared by periodChange and comparePeriods.

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
 * The largest magnitude of a compared value: Number.MAX_VALUE / 2 (≈ 8.99e307), so that
 * `current − previous` is always a finite number.
 */
export const MAX_COMPARED = Number.MAX_VALUE / 2;

/**
 * The change between two finite values of magnitude ≤ {@link MAX_COMPARED} (or `null`), or
 * `null` when the relative change would exceed `Number.MAX_VALUE` (a base too close to 0 for
 * the change: no finite number answers it; the caller refuses it in its own words).
 */
export function changeOf(current: number | null, previous: number | null): PeriodChange | null {
  if (current === null || previous === null) {
    return { current, previous, absolute: null, relative: null, direction: null, reason: "missing_value" };
  }
  const absolute = current - previous;
  const direction: ChangeDirection = absolute > 0 ? "up" : absolute < 0 ? "down" : "flat";
  if (previous === 0) return { current, previous, absolute, relative: null, direction, reason: "zero_base" };
  const relative = absolute / Math.abs(previous);
  if (relative === Infinity || relative === -Infinity) return null;
  return { current, previous, absolute, relative, direction, reason: null };
}
