import {
  brandCompiled,
  InstantInputSchema,
  MAX_INSTANT,
  OpsError,
  parseInstant,
  type Instant,
  type TimeZone,
} from "@ops/core";
import * as z from "zod/mini";
import { INTERVALS, type CompiledIntervals } from "./_lib/calendarData";
import { expandCalendar, localDayAt, zoneOffsets } from "./_lib/expandCalendar";
import { yearOfDay } from "./_lib/localDate";
import { readCalendarSpec } from "./_lib/readCalendarSpec";
import type { CalendarSpec } from "./calendarSpec";

/** The longest horizon a calendar may be compiled over: 20 years (about 7 305 days). */
export const MAX_CALENDAR_HORIZON_MS = 20 * 366 * 86_400_000;

/** Options of {@link compileCalendar}: the horizon `[from, to]` the calendar answers for. */
export interface CompileCalendarOptions {
  /** First instant of the horizon (epoch ms, ISO-8601 string with offset, or Date). */
  readonly from: Instant | string | Date;
  /** Last instant of the horizon (the end of the last span it measures; see `isOpen`). */
  readonly to: Instant | string | Date;
  /**
   * Compile a horizon that reaches outside the spec's `years` (the years its holiday data
   * covers), using the weekly hours on the dates the data does not know. Default `false`:
   * such a horizon is refused.
   */
  readonly allowOutsideHolidayYears?: boolean | undefined;
}

/**
 * Schema of {@link CompileCalendarOptions}: `from` and `to` as epoch milliseconds, ISO-8601
 * strings with an offset or valid `Date`s (`@ops/core`'s `InstantInputSchema`, anywhere in
 * ±8.64e15 ms), `to` after `from` and at most 20 years later; `allowOutsideHolidayYears` a
 * boolean. `compileCalendar` applies exactly these rules (and, with the spec, the `years`
 * rule).
 */
export const CompileCalendarOptionsSchema = /* @__PURE__ */ (() =>
  z
    .object({
      from: InstantInputSchema,
      to: InstantInputSchema,
      allowOutsideHolidayYears: z.optional(z.boolean()),
    })
    .check(
      z.refine((o) => o.to > o.from, { error: "must be after from", path: ["to"] }),
      z.refine((o) => o.to - o.from <= MAX_CALENDAR_HORIZON_MS, {
        error: "must be at most 20 years after from",
        path: ["to"],
      }),
    ))();

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
  /**
   * Last instant of the horizon; spans may end at it, but the calendar is read (`isOpen`,
   * `nextOpen`) only before it. Queries after it throw `out_of_horizon`.
   */
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
 * a repeated hour is its first occurrence. The calendar is open whenever any interval is:
 * overlapping intervals (two shifts sharing a handover hour, a night shift running into
 * the next morning's early shift) and touching ones merge, so a 24×7 calendar is one
 * interval.
 *
 * The horizon may lie anywhere in ±8.64e15 epoch milliseconds, up to both ends. When the
 * spec says which `years` its holiday data covers, the horizon must lie in them (the
 * local dates of `from` and of the last millisecond before `to`), unless
 * `allowOutsideHolidayYears: true`: data that has run out would otherwise make next
 * year's holidays working days without a word.
 *
 * @param spec - the calendar; see {@link CalendarSpecSchema}
 * @param options - the horizon `{ from, to }`, at most 20 years, and `allowOutsideHolidayYears`
 * @returns the compiled, frozen calendar
 * @throws {OpsError} `invalid_argument` for a spec that breaks its schema (an inverted
 * interval, an unknown zone, a date that is both holiday and workday, bad `years`) or a
 * bad horizon (see {@link CompileCalendarOptionsSchema}), naming the field and rule;
 * `out_of_range` for a horizon that reaches outside the spec's `years`, naming them
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
  const parsed = readCalendarSpec(spec, fn);
  if (options === null || typeof options !== "object") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an object { from, to }",
      received: options,
    });
  }
  const { from, to, allowOutsideHolidayYears } = readHorizon(options, fn);
  if (parsed.years !== undefined && !allowOutsideHolidayYears) checkHolidayYears(parsed, options, from, to, fn);
  const intervals = expandCalendar(parsed, from, to);
  const calendar = {
    timeZone: parsed.timeZone,
    from,
    to,
    intervalCount: intervals.starts.length,
    openTime: intervals.starts.length === 0 ? 0 : (intervals.through[intervals.starts.length - 1] as number),
    [INTERVALS]: intervals,
  };
  return Object.freeze(brandCompiled(calendar, "sla.calendar"));
}

/** Refuses a horizon whose local dates leave the years the spec's holiday data covers. */
function checkHolidayYears(
  spec: CalendarSpec,
  options: CompileCalendarOptions,
  from: Instant,
  to: Instant,
  fn: string,
): void {
  const [first, last] = spec.years as readonly [number, number];
  const offset = zoneOffsets(spec.timeZone);
  const start = yearOfDay(localDayAt(from, offset));
  const end = yearOfDay(localDayAt(to - 1, offset));
  const edge = start < first ? "from" : end > last ? "to" : null;
  if (edge === null) return;
  const years = first === last ? `${first}` : `${first}–${last}`;
  throw new OpsError({
    code: "out_of_range",
    fn,
    path: ["options", edge],
    rule: `must lie in ${years}, the years the spec's holiday data covers (spec.years), but the horizon reaches ${edge === "from" ? start : end}: add that year's holidays and workdays and widen spec.years, or pass allowOutsideHolidayYears: true to use the weekly hours there`,
    received: options[edge],
  });
}

/**
 * The horizon of `options`, checked by the rules of {@link CompileCalendarOptionsSchema} with
 * the same messages (a test compares the two on edge cases and random values). Written out
 * because the schema's union of instant forms adds 1.4 kB (min+gz) of zod to every bundle
 * that compiles a calendar.
 */
function readHorizon(
  options: CompileCalendarOptions,
  fn: string,
): { from: Instant; to: Instant; allowOutsideHolidayYears: boolean } {
  if (Array.isArray(options)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an object",
      received: options,
    });
  }
  const from = instantInput(options.from, fn, "from");
  const to = instantInput(options.to, fn, "to");
  const allow = options.allowOutsideHolidayYears;
  if (allow !== undefined && typeof allow !== "boolean") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "allowOutsideHolidayYears"],
      rule: "must be a boolean",
      received: allow,
    });
  }
  const rule =
    to <= from
      ? "must be after from"
      : to - from > MAX_CALENDAR_HORIZON_MS
        ? "must be at most 20 years after from"
        : undefined;
  if (rule !== undefined) {
    throw new OpsError({ code: "invalid_argument", fn, path: ["options", "to"], rule, received: options.to });
  }
  return { from, to, allowOutsideHolidayYears: allow === true };
}

/** One instant of the horizon, as `@ops/core`'s `InstantInputSchema` reads it through `parseOrThrow`. */
function instantInput(value: unknown, fn: string, key: "from" | "to"): Instant {
  let rule = "matches none of the allowed forms";
  if (typeof value === "number" && Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) rule = "must be an integer number of epoch milliseconds";
    else if (value > MAX_INSTANT) rule = "must be ≤ 8.64e15 epoch milliseconds";
    else if (value < -MAX_INSTANT) rule = "must be ≥ -8.64e15 epoch milliseconds";
    else return value;
  } else if (typeof value === "string") {
    try {
      return parseInstant(value);
    } catch {
      // not an ISO-8601 date-time with an offset: none of the forms
    }
  } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.getTime();
  }
  throw new OpsError({ code: "invalid_argument", fn, path: ["options", key], rule, received: value });
}
