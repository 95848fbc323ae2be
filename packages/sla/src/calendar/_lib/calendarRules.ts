// The rules of a calendar spec beyond its shape, written once: `CalendarSpecSchema` (zod,
// exported so that users can check their data) and `readCalendarSpec` (no zod, what
// `compileCalendar` runs) both apply them, with the same words.
import { minutesOf } from "./localDate";

/** A broken rule found inside a checked value: where, the rule's words, and the value there. */
export interface RuleIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly value: unknown;
}

/** `"HH:mm"` on a 24-hour clock, or `"24:00"`. */
export const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const TIME_OF_DAY_RULE = 'must be a 24-hour time "HH:mm" (00:00–23:59, or 24:00 as a closing time)';

/** `"YYYY-MM-DD"`, before the check that the date exists. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const LOCAL_DATE_RULE = 'must be a date "YYYY-MM-DD"';
export const REAL_DATE_RULE = "must be a date that exists in the Gregorian calendar";

/** The longest name of a holiday, workday or override, in code points. */
export const MAX_NAME_LENGTH = 200;

/** The rules of one interval whose times are well formed, in order: passes, field named, words. */
/** The fields of an opening interval (an `HoursRange`) that the rules read. */
interface IntervalFields {
  readonly open: string;
  readonly close: string;
  readonly overnight?: boolean | undefined;
}

/** The fields of a calendar spec (a `CalendarSpec`) that the date rules read. */
interface DatedFields {
  readonly holidays?: readonly { readonly date: string }[] | undefined;
  readonly workdays?: readonly { readonly date: string; readonly hoursOf?: string | undefined }[] | undefined;
  readonly overrides?: readonly { readonly date: string }[] | undefined;
}

export const HOURS_RANGE_RULES: readonly (readonly [(r: IntervalFields) => boolean, "open" | "close", string])[] = [
  [(r) => r.open !== "24:00", "open", "must be 00:00–23:59 (24:00 is only a closing time)"],
  [
    (r) => r.overnight === true || minutesOf(r.close) > minutesOf(r.open),
    "close",
    "must be after open (an interval past midnight needs overnight: true)",
  ],
  [
    (r) => r.overnight !== true || (minutesOf(r.close) <= minutesOf(r.open) && r.close !== "24:00"),
    "close",
    "must be at or before open for an overnight interval (it closes on the next day)",
  ],
];

/** The years a holiday data set covers, `[first, last]`; see `CalendarSpec.years`. */
export const HOLIDAY_YEARS_RULE = "must be [first, last]: two whole years 1–9999, first ≤ last";

/** Whether a value is a `years` range `[first, last]` by {@link HOLIDAY_YEARS_RULE}. */
export function isHolidayYears(value: unknown): value is readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [first, last] = value as unknown[];
  const year = (y: unknown): y is number => Number.isInteger(y) && (y as number) >= 1 && (y as number) <= 9999;
  return year(first) && year(last) && first <= last;
}

/**
 * The dates of a spec that clash, in order: a make-up workday that is also a holiday or is
 * listed again with other hours, then a second override of a date.
 */
export function calendarDateIssues(spec: DatedFields): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const holidays = new Set((spec.holidays ?? []).map((h) => h.date));
  const workdays = new Map<string, string>();
  (spec.workdays ?? []).forEach((w, i) => {
    const hoursOf = w.hoursOf ?? "mon";
    const clash = (message: string) => issues.push({ path: ["workdays", i, "date"], message, value: w.date });
    if (holidays.has(w.date)) clash("must not also be a holiday");
    const seen = workdays.get(w.date);
    if (seen !== undefined && seen !== hoursOf) clash("appears twice with different hoursOf");
    workdays.set(w.date, hoursOf);
  });
  const overrides = new Set<string>();
  (spec.overrides ?? []).forEach((o, i) => {
    if (overrides.has(o.date)) {
      issues.push({ path: ["overrides", i, "date"], message: "must be unique (one override per date)", value: o.date });
    }
    overrides.add(o.date);
  });
  return issues;
}
