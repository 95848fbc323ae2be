// The compiled form of a business calendar and the binary searches over it.
import { OpsError, formatInstant, type Instant } from "@ops/core";
import type { BusinessCalendar } from "../calendar/compileCalendar";

/** Key of the compiled intervals inside a {@link BusinessCalendar}. */
export const INTERVALS: unique symbol = Symbol.for("@ops/sla.calendar.intervals");

/** Sorted, disjoint, non-adjacent open intervals `[starts[i], ends[i])` and their prefix sums. */
export interface CompiledIntervals {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Open time before interval i. */
  readonly before: Float64Array;
  /** Open time up to the end of interval i (`before[i] + ends[i] - starts[i]`). */
  readonly through: Float64Array;
}

/** The compiled data of a calendar, or a typed error for anything else. */
export function intervalsOf(calendar: BusinessCalendar, fn: string): CompiledIntervals {
  const data = (calendar as { [INTERVALS]?: CompiledIntervals } | null | undefined)?.[INTERVALS];
  if (data === undefined) {
    throw new OpsError({ code: "invalid_argument", fn, path: ["calendar"], rule: "must be a calendar returned by compileCalendar" });
  }
  return data;
}

/** Throws unless `t` is an integer instant inside the calendar's horizon [from, to]. */
export function checkInHorizon(calendar: BusinessCalendar, t: number, fn: string, path: string): void {
  if (typeof t !== "number" || !Number.isInteger(t)) {
    throw new OpsError({ code: "invalid_argument", fn, path: [path], rule: "must be an integer number of epoch milliseconds", received: t });
  }
  if (t < calendar.from || t > calendar.to) throw horizonError(calendar, fn, path, t);
}

export function horizonError(calendar: BusinessCalendar, fn: string, path: string, t: Instant, what = "must lie inside"): OpsError {
  return new OpsError({
    code: "out_of_horizon",
    fn,
    path: [path],
    rule: `${what} the calendar's horizon [${formatInstant(calendar.from)}, ${formatInstant(calendar.to)}] (compile the calendar over a wider horizon)`,
    received: Number.isFinite(t) ? formatInstant(t) : t,
  });
}

/** Index of the last interval starting at or before t, or -1. */
export function lastStartAtOrBefore(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first entry ≥ value in a sorted array (length if none). */
export function firstAtLeast(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open time in [first interval start, t): the calendar's "business clock" reading at t. */
export function positionAt(c: CompiledIntervals, t: number): number {
  const i = lastStartAtOrBefore(c.starts, t);
  if (i < 0) return 0;
  const start = c.starts[i] as number;
  const end = c.ends[i] as number;
  return (c.before[i] as number) + (t < end ? t - start : end - start);
}
