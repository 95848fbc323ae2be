import {
  addLocalDays,
  daysInMonth,
  fromLocalParts,
  localParts,
  parseOrThrow,
  PeriodSchema,
  TimeZoneSchema,
  type Instant,
  type Period,
  type TimeZone,
} from "@ops/core";
import * as z from "zod/mini";

/** Which earlier period to compare with: week over week, month over month, year over year. */
export type Comparison = "wow" | "mom" | "yoy";

/** How a year-over-year period is aligned: same calendar dates, or same weekdays 364 days (52 weeks) earlier. */
export type YoyAlignment = "calendar" | "weekday";

/** Options of {@link previousPeriod}. */
export interface PreviousPeriodOptions {
  readonly against: Comparison;
  readonly timeZone: TimeZone;
  /** Default `"calendar"`. */
  readonly yoyAlignment?: YoyAlignment;
}

/** Schema of {@link PreviousPeriodOptions}. */
export const PreviousPeriodOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    against: z.enum(["wow", "mom", "yoy"]),
    timeZone: TimeZoneSchema,
    yoyAlignment: z.optional(z.enum(["calendar", "weekday"])),
  }))();

/**
 * The period to compare a period with, shifted on the local calendar of a zone:
 * `wow` 7 local days earlier; `mom` one calendar month earlier; `yoy` twelve calendar
 * months earlier (`calendar`) or 364 days earlier, so that Mondays line up with Mondays
 * (`weekday`, the retail "52-week" comparison). Wall-clock times are kept, so a DST change
 * between the two periods does not shift them by an hour; a day of the month that does
 * not exist in the earlier month is clamped to its last day (31 March → 28 February).
 *
 * @param period - the current period `[start, end)`
 * @param options - `against`, `timeZone`, `yoyAlignment`
 * @returns the earlier period
 * @throws {OpsError} `invalid_argument` for a bad period or option, `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { previousPeriod } from "@ops/metrics";
 * import { formatInstant, parseInstant } from "@ops/core";
 * const march = { start: parseInstant("2026-03-01T00:00:00+08:00"), end: parseInstant("2026-04-01T00:00:00+08:00") };
 * const feb = previousPeriod(march, { against: "mom", timeZone: "Asia/Shanghai" });
 * [formatInstant(feb.start), formatInstant(feb.end)];
 * // => ["2026-01-31T16:00:00.000Z", "2026-02-28T16:00:00.000Z"]
 * const lastYear = previousPeriod(march, { against: "yoy", timeZone: "Asia/Shanghai", yoyAlignment: "weekday" });
 * formatInstant(lastYear.start);
 * // => "2025-03-01T16:00:00.000Z"
 * ```
 */
export function previousPeriod(period: Period, options: PreviousPeriodOptions): Period {
  const fn = "previousPeriod";
  const p = parseOrThrow(PeriodSchema, period, { fn, path: ["period"] });
  const opts = parseOrThrow(PreviousPeriodOptionsSchema, options, { fn, path: ["options"] });
  const shift = (t: Instant): Instant => {
    if (opts.against === "wow") return addLocalDays(t, opts.timeZone, -7);
    if (opts.against === "yoy" && opts.yoyAlignment === "weekday") return addLocalDays(t, opts.timeZone, -364);
    return addLocalMonths(t, opts.timeZone, opts.against === "mom" ? -1 : -12);
  };
  return { start: shift(p.start), end: shift(p.end) };
}

function addLocalMonths(t: Instant, zone: TimeZone, months: number): Instant {
  const p = localParts(t, zone);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return fromLocalParts(
    { year, month, day, hour: p.hour, minute: p.minute, second: p.second, millisecond: p.millisecond },
    zone,
  );
}
