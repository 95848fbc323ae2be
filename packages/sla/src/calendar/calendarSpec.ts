import { TimeZoneSchema } from "@ops/core";
import * as z from "zod/mini";
import { isRealDate, minutesOf } from "../_lib/localDate";

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
  z.string().check(
    z.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, {
      error: 'must be a 24-hour time "HH:mm" (00:00–23:59, or 24:00 as a closing time)',
    }),
  ))();

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
  z.object({ open: TimeOfDaySchema, close: TimeOfDaySchema, overnight: z.optional(z.boolean()) }).check(
    z.refine((r) => r.open !== "24:00", {
      error: "must be 00:00–23:59 (24:00 is only a closing time)",
      path: ["open"],
    }),
    z.refine((r) => r.overnight === true || minutesOf(r.close) > minutesOf(r.open), {
      error: "must be after open (an interval past midnight needs overnight: true)",
      path: ["close"],
    }),
    z.refine((r) => r.overnight !== true || (minutesOf(r.close) <= minutesOf(r.open) && r.close !== "24:00"), {
      error: "must be at or before open for an overnight interval (it closes on the next day)",
      path: ["close"],
    }),
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
 * Schema of the opening intervals of one day: in order of opening, not overlapping
 * (an overnight interval counts as running to its close on the next day).
 *
 * @example
 * ```ts
 * import { DayHoursSchema } from "@ops/sla";
 * DayHoursSchema.safeParse([{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }]).success;
 * // => true
 * DayHoursSchema.safeParse([{ open: "09:00", close: "13:00" }, { open: "12:00", close: "18:00" }]).success;
 * // => false
 * ```
 */
export const DayHoursSchema = /* @__PURE__ */ (() =>
  z.array(HoursRangeSchema).check(
    z.superRefine((ranges, ctx) => {
      for (let i = 1; i < ranges.length; i++) {
        const prev = ranges[i - 1];
        const cur = ranges[i];
        if (prev === undefined || cur === undefined) continue;
        const prevOpen = minutesOf(prev.open);
        let prevClose = minutesOf(prev.close);
        if (prevClose <= prevOpen) prevClose += 1440;
        const curOpen = minutesOf(cur.open);
        if (curOpen < prevOpen) {
          ctx.issues.push({
            code: "custom",
            input: ranges,
            path: [i, "open"],
            message: "must come after the previous interval's open (list intervals in order)",
          });
        } else if (curOpen < prevClose) {
          ctx.issues.push({
            code: "custom",
            input: ranges,
            path: [i, "open"],
            message: `overlaps the previous interval ${prev.open}–${prev.close}`,
          });
        }
      }
    }),
  ))();

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
  z
    .string()
    .check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date "YYYY-MM-DD"' }),
      z.refine(isRealDate, { error: "must be a date that exists in the Gregorian calendar" }),
    ))();

/** Schema of a holiday: a date on which the calendar is closed all day. */
export const HolidaySchema = /* @__PURE__ */ (() =>
  z.object({ date: LocalDateSchema, name: z.optional(z.string().check(z.maxLength(200))) }))();
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
    name: z.optional(z.string().check(z.maxLength(200))),
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
    name: z.optional(z.string().check(z.maxLength(200))),
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
 * - `overrides`: dates with special hours (`hours: []` closes the date).
 *
 * For a date, an override wins over a holiday, which wins over the weekly hours; a date
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
    })
    .check(
      z.superRefine((spec, ctx) => {
        const holidays = new Set((spec.holidays ?? []).map((h) => h.date));
        const workdays = new Map<string, string>();
        (spec.workdays ?? []).forEach((w, i) => {
          const hoursOf = w.hoursOf ?? "mon";
          if (holidays.has(w.date)) {
            ctx.issues.push({
              code: "custom",
              input: spec,
              path: ["workdays", i, "date"],
              message: "must not also be a holiday",
            });
          }
          const seen = workdays.get(w.date);
          if (seen !== undefined && seen !== hoursOf) {
            ctx.issues.push({
              code: "custom",
              input: spec,
              path: ["workdays", i, "date"],
              message: "appears twice with different hoursOf",
            });
          }
          workdays.set(w.date, hoursOf);
        });
        const overrides = new Set<string>();
        (spec.overrides ?? []).forEach((o, i) => {
          if (overrides.has(o.date))
            ctx.issues.push({
              code: "custom",
              input: spec,
              path: ["overrides", i, "date"],
              message: "must be unique (one override per date)",
            });
          overrides.add(o.date);
        });
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
}
