// Checks a calendar spec by the rules of CalendarSpecSchema without zod.
import { OpsError, assertTimeZone } from "@ops/core";
import {
  type CalendarSpec,
  type DateOverride,
  type Holiday,
  type HoursRange,
  WEEKDAYS,
  type Weekday,
  type Workday,
} from "../calendarSpec";
import {
  HOLIDAY_YEARS_RULE,
  HOURS_RANGE_RULES,
  LOCAL_DATE,
  LOCAL_DATE_RULE,
  MAX_NAME_LENGTH,
  REAL_DATE_RULE,
  type RuleIssue,
  TIME_OF_DAY,
  TIME_OF_DAY_RULE,
  calendarDateIssues,
  isHolidayYears,
} from "./calendarRules";
import { isRealDate } from "./localDate";

type Path = (string | number)[];
type Read<T> = (value: unknown, path: Path) => T;

/**
 * A copy of `input` checked by the rules of `CalendarSpecSchema`, or an `OpsError`
 * (`invalid_argument`) for the first rule it breaks, with the path, message and received
 * value that `parseOrThrow(CalendarSpecSchema, input, { fn, path: ["spec"] })` gives — a
 * property test compares the two on random specs. The rules are zod's read in zod's order:
 * a value's own form first, then its fields in the schema's order, then the rules that span
 * several fields ({@link HOURS_RANGE_RULES}, {@link isHolidayYears},
 * {@link calendarDateIssues}, shared with the schema). Written out because the schema
 * would bring about 6 kB (min+gz) of zod into every bundle that compiles a calendar.
 */
export function readCalendarSpec(input: unknown, fn: string): CalendarSpec {
  const refuse = (path: Path, rule: string, received: unknown): never => {
    throw new OpsError({ code: "invalid_argument", fn, path: ["spec", ...path], rule, received });
  };
  const firstOf = (issues: RuleIssue[], path: Path): void => {
    const [issue] = issues;
    if (issue !== undefined) refuse([...path, ...issue.path], issue.message, issue.value);
  };
  const object: Read<Record<string, unknown>> = (value, path) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : refuse(path, "must be an object", value);
  // every index, holes too (zod reads a hole as undefined)
  const array =
    <T>(item: Read<T>): Read<T[]> =>
    (value, path) => {
      if (!Array.isArray(value)) return refuse(path, "must be an array", value);
      const items: T[] = [];
      for (let i = 0; i < value.length; i++) items.push(item(value[i], [...path, i]));
      return items;
    };
  const optional = <T>(value: unknown, path: Path, read: Read<T>): T | undefined =>
    value === undefined ? undefined : read(value, path);
  const string: Read<string> = (value, path) =>
    typeof value === "string" ? value : refuse(path, "must be a string", value);
  const time: Read<string> = (value, path) =>
    TIME_OF_DAY.test(string(value, path)) ? (value as string) : refuse(path, TIME_OF_DAY_RULE, value);
  const date: Read<string> = (value, path) => {
    const text = string(value, path);
    if (!LOCAL_DATE.test(text)) refuse(path, LOCAL_DATE_RULE, text);
    return isRealDate(text) ? text : refuse(path, REAL_DATE_RULE, text);
  };
  // zod counts a string's length in code points
  const name: Read<string> = (value, path) => {
    const text = string(value, path);
    if (text.length > MAX_NAME_LENGTH && [...text].length > MAX_NAME_LENGTH) {
      refuse(path, `must have at most ${MAX_NAME_LENGTH} characters`, text);
    }
    return text;
  };
  const range: Read<HoursRange> = (value, path) => {
    const r = object(value, path);
    const checked: HoursRange = {
      open: time(r.open, [...path, "open"]),
      close: time(r.close, [...path, "close"]),
      overnight: optional(r.overnight, [...path, "overnight"], (v, p) =>
        typeof v === "boolean" ? v : refuse(p, "must be a boolean", v),
      ),
    };
    for (const [passes, field, rule] of HOURS_RANGE_RULES)
      if (!passes(checked)) refuse([...path, field], rule, checked[field]);
    return checked;
  };
  const dayHours = array(range);
  const holiday: Read<Holiday> = (value, path) => {
    const h = object(value, path);
    return { date: date(h.date, [...path, "date"]), name: optional(h.name, [...path, "name"], name) };
  };
  const workday: Read<Workday> = (value, path) => {
    const w = object(value, path);
    return {
      date: date(w.date, [...path, "date"]),
      name: optional(w.name, [...path, "name"], name),
      hoursOf: optional(w.hoursOf, [...path, "hoursOf"], (v, p) =>
        WEEKDAYS.includes(v as Weekday)
          ? (v as Weekday)
          : refuse(p, `must be one of ${WEEKDAYS.map((d) => `"${d}"`).join(", ")}`, v),
      ),
    };
  };
  const override: Read<DateOverride> = (value, path) => {
    const o = object(value, path);
    return {
      date: date(o.date, [...path, "date"]),
      name: optional(o.name, [...path, "name"], name),
      hours: dayHours(o.hours, [...path, "hours"]),
    };
  };

  const spec = object(input, []);
  const timeZone = string(spec.timeZone, ["timeZone"]);
  try {
    assertTimeZone(timeZone, fn);
  } catch (error) {
    // TimeZoneSchema words its rule as assertTimeZone does; a spec error is invalid_argument
    refuse(["timeZone"], (error as OpsError).rule, timeZone);
  }
  const week = object(spec.weekly, ["weekly"]);
  const weekly: { -readonly [D in Weekday]?: HoursRange[] | undefined } = {};
  for (const day of WEEKDAYS) weekly[day] = optional(week[day], ["weekly", day], dayHours);
  const checked: CalendarSpec = {
    timeZone,
    weekly,
    holidays: optional(spec.holidays, ["holidays"], array(holiday)),
    workdays: optional(spec.workdays, ["workdays"], array(workday)),
    overrides: optional(spec.overrides, ["overrides"], array(override)),
    years: optional(spec.years, ["years"], (v, p) =>
      isHolidayYears(v) ? ([v[0], v[1]] as const) : refuse(p, HOLIDAY_YEARS_RULE, v),
    ),
  };
  firstOf(calendarDateIssues(checked), []);
  return checked;
}
