import { InstantInputSchema, OpsError, parseOrThrow, type Instant, type TimeZone } from "@ops/core";
import { z } from "zod";
import { INTERVALS, type CompiledIntervals } from "../_lib/calendarData";
import { expandCalendar } from "../_lib/expandCalendar";
import { CalendarSpecSchema, type CalendarSpec } from "./calendarSpec";

/** The longest horizon a calendar may be compiled over: 20 years (about 7 305 days). */
export const MAX_CALENDAR_HORIZON_MS = 20 * 366 * 86_400_000;

/** Options of {@link compileCalendar}: the horizon `[from, to]` the calendar answers for. */
export interface CompileCalendarOptions {
  /** First instant of the horizon (epoch ms, ISO-8601 string with offset, or Date). */
  readonly from: Instant | string | Date;
  /** Last instant of the horizon. */
  readonly to: Instant | string | Date;
}

/** Schema of {@link CompileCalendarOptions}. */
export const CompileCalendarOptionsSchema = z
  .object({ from: InstantInputSchema, to: InstantInputSchema })
  .refine((o) => o.to > o.from, { error: "must be after from", path: ["to"] })
  .refine((o) => o.to - o.from <= MAX_CALENDAR_HORIZON_MS, {
    error: "must be at most 20 years after from",
    path: ["to"],
  });

/**
 * A business calendar compiled over a horizon: sorted, disjoint UTC open intervals with a
 * prefix sum of open time. Opaque — read it only through the calendar functions
 * (`addBusinessTime`, `businessTimeBetween`, `isOpen`, `nextOpen`, `openIntervals`).
 * Immutable and safe to share.
 */
export interface BusinessCalendar {
  /** The zone the calendar's hours are read in. */
  readonly timeZone: TimeZone;
  /** First instant of the horizon. */
  readonly from: Instant;
  /** Last instant of the horizon; queries after it throw `out_of_horizon`. */
  readonly to: Instant;
  /** Number of open intervals in the horizon (adjacent intervals are merged). */
  readonly intervalCount: number;
  /** Total open time in the horizon, in milliseconds. */
  readonly openTime: number;
  /** @internal The compiled intervals. */
  readonly [INTERVALS]: CompiledIntervals;
}

/**
 * Validates a calendar specification once and precomputes it over the horizon
 * `[from, to]` into sorted UTC open intervals with a prefix sum of open time, so that every
 * later query is a binary search (O(log n)).
 *
 * Wall-clock hours become instants in the calendar's zone, exactly across DST changes:
 * each interval holds the instants whose wall-clock reading lies in `[open, close)`. A
 * 09:00–18:00 shift on a spring-forward day is 9 real hours; a shift across the skipped
 * hour is one hour shorter, across the repeated hour one hour longer. An opening or
 * closing time that falls in a skipped hour is the moment of the jump; one that falls in
 * a repeated hour is its first occurrence. Intervals that touch are merged, so a 24×7
 * calendar is one interval.
 *
 * @param spec - the calendar; see {@link CalendarSpecSchema}
 * @param options - the horizon `{ from, to }`, at most 20 years
 * @returns the compiled, frozen calendar
 * @throws {OpsError} `invalid_argument` for a spec that breaks its schema (inverted or
 * overlapping intervals, an unknown zone, a date that is both holiday and workday) or
 * a bad horizon, naming the field and rule
 *
 * @example
 * ```ts
 * import { compileCalendar } from "@ops/sla";
 * const calendar = compileCalendar(
 *   { timeZone: "Asia/Shanghai", weekly: { mon: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }] } },
 *   { from: "2026-03-02T00:00:00+08:00", to: "2026-03-09T00:00:00+08:00" },
 * );
 * calendar.intervalCount;
 * // => 2
 * calendar.openTime / 3_600_000;
 * // => 8
 * ```
 */
export function compileCalendar(spec: CalendarSpec, options: CompileCalendarOptions): BusinessCalendar {
  const fn = "compileCalendar";
  const parsed = parseOrThrow(CalendarSpecSchema, spec, { fn, path: ["spec"] });
  if (options === null || typeof options !== "object") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an object { from, to }",
      received: options,
    });
  }
  const { from, to } = parseOrThrow(CompileCalendarOptionsSchema, options, { fn, path: ["options"] });
  const intervals = expandCalendar(parsed, from, to, fn);
  return Object.freeze({
    timeZone: parsed.timeZone,
    from,
    to,
    intervalCount: intervals.starts.length,
    openTime: intervals.starts.length === 0 ? 0 : (intervals.through[intervals.starts.length - 1] as number),
    [INTERVALS]: intervals,
  });
}
