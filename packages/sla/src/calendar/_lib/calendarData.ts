// The compiled form of a business calendar and the binary searches over it.
import { assertCompiled, MAX_INSTANT, OpsError, formatInstant, type Instant } from "@ops/core";

/** Key of the compiled intervals inside a `BusinessCalendar`. */
export const INTERVALS: unique symbol = /* @__PURE__ */ Symbol.for("@ops/sla.calendar.intervals");

/** Width of the buckets of the day index (one UTC day). */
export const BUCKET_MS = 86_400_000;

/** The horizon of a compiled calendar (the `from` and `to` of a `BusinessCalendar`). */
export interface Horizon {
  readonly from: Instant;
  readonly to: Instant;
}

/** Sorted, disjoint, non-adjacent open intervals `[starts[i], ends[i])` and their prefix sums. */
export interface CompiledIntervals {
  /** Start of bucket 0 (the horizon start). */
  readonly origin: number;
  /**
   * Day index: `bucketFirst[k]` is the first interval whose end is after the start of
   * bucket k (`origin + k·BUCKET_MS`); one extra entry at the end. It narrows every search
   * to the intervals that meet one day.
   */
  readonly bucketFirst: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Open time before interval i. */
  readonly before: Float64Array;
  /** Open time up to the end of interval i (`before[i] + ends[i] - starts[i]`). */
  readonly through: Float64Array;
}

/** The compiled data of a calendar, or a typed error for anything that `compileCalendar` did not brand. */
export function intervalsOf(calendar: unknown, fn: string): CompiledIntervals {
  assertCompiled(calendar, "sla.calendar", "compileCalendar", fn, ["calendar"]);
  return (calendar as { [INTERVALS]: CompiledIntervals })[INTERVALS];
}

/**
 * Throws unless `t` is an integer instant inside the calendar's horizon: `[from, to]` for
 * the end of a span (a measure, a deadline, an interval query), `[from, to)` for an instant
 * at which the calendar is read (`isOpen`, `nextOpen`) — the horizon's last instant
 * belongs to what comes after it, as a half-open period's end does.
 */
export function checkInHorizon(
  calendar: Horizon,
  t: number,
  fn: string,
  path: string,
  reads: "span" | "state" = "span",
): void {
  if (typeof t !== "number" || !Number.isInteger(t)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: [path],
      rule: "must be an integer number of epoch milliseconds",
      received: t,
    });
  }
  if (t < calendar.from || t > calendar.to || (reads === "state" && t === calendar.to)) {
    throw horizonError(calendar, fn, path, t, "must lie inside", reads);
  }
}

export function horizonError(
  calendar: Horizon,
  fn: string,
  path: string,
  t: Instant,
  what = "must lie inside",
  reads: "span" | "state" = "span",
): OpsError {
  const horizon = `[${formatInstant(calendar.from)}, ${formatInstant(calendar.to)}${reads === "state" ? ")" : "]"}`;
  return new OpsError({
    code: "out_of_horizon",
    fn,
    path: [path],
    rule: `${what} the calendar's horizon ${horizon} (compile the calendar over a wider horizon)`,
    // an integer beyond ±8.64e15 is no instant that formatInstant can write
    received: Math.abs(t) <= MAX_INSTANT ? formatInstant(t) : t,
  });
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

/** Index of the first interval whose end is after t (length if none), through the day index. */
export function firstEndingAfter(c: CompiledIntervals, t: number): number {
  const k = Math.floor((t - c.origin) / BUCKET_MS);
  let lo = c.bucketFirst[k] ?? c.starts.length;
  let hi = c.bucketFirst[k + 1] ?? c.starts.length;
  const ends = c.ends;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open time in [horizon start, t): the calendar's "business clock" reading at t. */
export function positionAt(c: CompiledIntervals, t: number): number {
  const j = firstEndingAfter(c, t);
  if (j >= c.starts.length) return j === 0 ? 0 : (c.through[j - 1] as number);
  const start = c.starts[j] as number;
  return (c.before[j] as number) + (t > start ? t - start : 0);
}

/**
 * Index of the first interval at or after `from` whose running total reaches `target`
 * (length if none): an exponential (galloping) search from `from`, then a binary search —
 * O(log distance), so short deadlines cost a step or two.
 */
export function firstReaching(through: Float64Array, from: number, target: number): number {
  const n = through.length;
  if (from >= n || (through[from] as number) >= target) return from;
  let step = 1;
  let lo = from; // through[lo] < target
  while (lo + step < n && (through[lo + step] as number) < target) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, n); // through[hi] ≥ target, or hi = n
  lo += 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((through[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
