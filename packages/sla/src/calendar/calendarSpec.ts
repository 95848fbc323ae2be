import { TimeZoneSchema } from "@ops/core";
import * as z from "zod/mini";
import {
  HOLIDAY_YEARS_RULE,
  HOURS_RANGE_RULES,
  LOCAL_DATE,
  LOCAL_DATE_RULE,
  MAX_NAME_LENGTH,
  REAL_DATE_RULE,
  TIME_OF_DAY,
  TIME_OF_DAY_RULE,
  calendarDateIssues,
  isHolidayYears,
} from "./_lib/calendarRules";
import { isRealDate } from "./_lib/localDate";

/** The keys of a weekly schedule, Monday first (ISO 8601 order). */
export const WEEKDAYS = /* @__PURE__ */ Object.freeze(["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const);

/** A weekday key of a weekly schedule. */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Schema of a wall-clock time of day, `"HH:mm"` on a 24-hour clock; `"24:00"` (the end of
 * the day) is allowed as a closing time only.
 *
 * @example
 * ```ts
 * import { TimeOfDaySchema } from "@ops/sla";
 * TimeOfDaySchema.safeParse("09:30").success;
 * // => true
 * TimeOfDaySchema.safeParse("9:30").success;
 * // => false
 * ```
 */
export const TimeOfDaySchema = /* @__PURE__ */ (() =>
  z.string().check(z.regex(TIME_OF_DAY, { error: TIME_OF_DAY_RULE })))();

/**
 * Schema of one opening interval of a day, half-open `[open, close)` in wall-clock time.
 * An interval that runs past midnight into the next day (a night shift `22:00–06:00`)
 * says so with `overnight: true`; without it, `close` must be after `open`, so that a typo
 * such as `18:00–09:00` is refused rather than read as a night shift. `"00:00"–"24:00"`
 * is the whole day.
 *
 * @example
 * ```ts
 * import { HoursRangeSchema } from "@ops/sla";
 * HoursRangeSchema.safeParse({ open: "22:00", close: "06:00", overnight: true }).success;
 * // => true
 * HoursRangeSchema.safeParse({ open: "18:00", close: "09:00" }).success;
 * // => false
 * ```
 */
export const HoursRangeSchema = /* @__PURE__ */ (() =>
  z
    .object({ open: TimeOfDaySchema, close: TimeOfDaySchema, overnight: z.optional(z.boolean()) })
    .check(
      ...HOURS_RANGE_RULES.map(([passes, field, error]) => z.refine<HoursRange>(passes, { error, path: [field] })),
    ))();

/** One opening interval of a day; see {@link HoursRangeSchema}. */
export interface HoursRange {
  /** Opening time `"HH:mm"`. */
  readonly open: string;
  /** Closing time `"HH:mm"` (exclusive); `"24:00"` is the end of the day. */
  readonly close: string;
  /** `true` when the interval closes on the next day (`22:00–06:00`). */
  readonly overnight?: boolean | undefined;
}

/**
 * Schema of the opening intervals of one day, in any order. Intervals may overlap or touch
 * — two shifts that share a handover hour, a night shift `22:00–06:00` and an early shift
 * from `05:00` the next morning: the calendar is open whenever **any** interval is (their
 * union), as a team's staffed hours are.
 *
 * @example
 * ```ts
 * import { DayHoursSchema } from "@ops/sla";
 * DayHoursSchema.safeParse([{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }]).success;
 * // => true
 * DayHoursSchema.safeParse([{ open: "09:00", close: "17:00" }, { open: "13:00", close: "21:00" }]).success;
 * // => true
 * ```
 */
export const DayHoursSchema = /* @__PURE__ */ (() => z.array(HoursRangeSchema))();

/**
 * Schema of a local calendar date `"YYYY-MM-DD"` that exists.
 *
 * @example
 * ```ts
 * import { LocalDateSchema } from "@ops/sla";
 * LocalDateSchema.safeParse("2024-02-29").success;
 * // => true
 * LocalDateSchema.safeParse("2026-02-29").success;
 * // => false
 * ```
 */
export const LocalDateSchema = /* @__PURE__ */ (() =>
  z.string().check(z.regex(LOCAL_DATE, { error: LOCAL_DATE_RULE }), z.refine(isRealDate, { error: REAL_DATE_RULE })))();

/** Schema of a holiday: a date on which the calendar is closed all day. */
export const HolidaySchema = /* @__PURE__ */ (() =>
  z.object({ date: LocalDateSchema, name: z.optional(z.string().check(z.maxLength(MAX_NAME_LENGTH))) }))();
/** A holiday: closed all day. */
export interface Holiday {
  /** Local date `"YYYY-MM-DD"`. */
  readonly date: string;
  readonly name?: string | undefined;
}

/**
 * Schema of a make-up workday (China's 调休 上班日): a date, usually a Saturday or Sunday,
 * that opens with the hours of the weekday `hoursOf` (default `"mon"`).
 */
export const WorkdaySchema = /* @__PURE__ */ (() =>
  z.object({
    date: LocalDateSchema,
    name: z.optional(z.string().check(z.maxLength(MAX_NAME_LENGTH))),
    hoursOf: z.optional(z.enum(WEEKDAYS)),
  }))();
/** A make-up workday; see {@link WorkdaySchema}. */
export interface Workday {
  /** Local date `"YYYY-MM-DD"`. */
  readonly date: string;
  readonly name?: string | undefined;
  /** Whose weekly hours the day opens with; default `"mon"`. */
  readonly hoursOf?: Weekday | undefined;
}

/** Schema of a date override: the date has exactly these `hours` (`[]` closes it). */
export const DateOverrideSchema = /* @__PURE__ */ (() =>
  z.object({
    date: LocalDateSchema,
    name: z.optional(z.string().check(z.maxLength(MAX_NAME_LENGTH))),
    hours: DayHoursSchema,
  }))();
/** A date override; see {@link DateOverrideSchema}. */
export interface DateOverride {
  /** Local date `"YYYY-MM-DD"`. */
  readonly date: string;
  readonly name?: string | undefined;
  /** The date's opening intervals; `[]` closes it. */
  readonly hours: readonly HoursRange[];
}

/** Schema of the weekly schedule: for each weekday its opening intervals (absent = closed). */
export const WeeklyHoursSchema = /* @__PURE__ */ (() =>
  z.object({
    mon: z.optional(DayHoursSchema),
    tue: z.optional(DayHoursSchema),
    wed: z.optional(DayHoursSchema),
    thu: z.optional(DayHoursSchema),
    fri: z.optional(DayHoursSchema),
    sat: z.optional(DayHoursSchema),
    sun: z.optional(DayHoursSchema),
  }))();
/** The weekly schedule; see {@link WeeklyHoursSchema}. */
export type WeeklyHours = { readonly [D in Weekday]?: readonly HoursRange[] | undefined };

/**
 * Schema of a business-calendar specification, the input of `compileCalendar`.
 *
 * - `timeZone`: the IANA zone whose wall clock the hours are read in;
 * - `weekly`: opening intervals per weekday (split shifts, lunch breaks, overnight shifts);
 * - `holidays`: dates closed all day;
 * - `workdays`: make-up workdays that open with the hours of another weekday;
 * - `overrides`: dates with special hours (`hours: []` closes the date);
 * - `years`: `[first, last]`, the years that `holidays` and `workdays` cover (a
 *   `StatutoryDays` set such as `CN_PUBLIC_HOLIDAYS` carries it, so spreading the set
 *   brings it along). `compileCalendar` then refuses a horizon that reaches outside these
 *   years — holiday data runs out, and a calendar past its end would silently treat next
 *   year's holidays as working days — unless told `allowOutsideHolidayYears: true`.
 *
 * Intervals are read as their union: the calendar is open whenever any interval of any
 * date is, so overlapping shifts and an overnight shift running into the next morning's
 * hours are both fine. For a date, an override wins over a holiday, which wins over the weekly hours; a date
 * may not be both a holiday and a make-up workday, and may have one override at most.
 * An overnight interval belongs to the date it opens on.
 *
 * @example
 * ```ts
 * import { CalendarSpecSchema } from "@ops/sla";
 * CalendarSpecSchema.safeParse({ timeZone: "Asia/Shanghai", weekly: { mon: [{ open: "09:00", close: "18:00" }] } }).success;
 * // => true
 * CalendarSpecSchema.safeParse({ timeZone: "Asia/Beijing", weekly: {} }).success;
 * // => false
 * ```
 */
export const CalendarSpecSchema = /* @__PURE__ */ (() =>
  z
    .object({
      timeZone: TimeZoneSchema,
      weekly: WeeklyHoursSchema,
      holidays: z.optional(z.array(HolidaySchema)),
      workdays: z.optional(z.array(WorkdaySchema)),
      overrides: z.optional(z.array(DateOverrideSchema)),
      years: z.optional(z.custom<readonly [number, number]>(isHolidayYears, { error: HOLIDAY_YEARS_RULE })),
    })
    .check(
      z.superRefine((spec, ctx) => {
        for (const { path, message } of calendarDateIssues(spec)) {
          ctx.issues.push({ code: "custom", input: spec, path, message });
        }
      }),
    ))();

/** A business-calendar specification; see {@link CalendarSpecSchema}. */
export interface CalendarSpec {
  /** IANA zone the hours are read in. */
  readonly timeZone: string;
  readonly weekly: WeeklyHours;
  readonly holidays?: readonly Holiday[] | undefined;
  readonly workdays?: readonly Workday[] | undefined;
  readonly overrides?: readonly DateOverride[] | undefined;
  /**
   * The years `[first, last]` that `holidays` and `workdays` cover: a horizon outside them
   * is refused by `compileCalendar` unless `allowOutsideHolidayYears` is set.
   */
  readonly years?: readonly [number, number] | undefined;
}
