import type { Instant } from "@ops/core";
import { checkInHorizon, intervalsOf, positionAt } from "./_lib/calendarData";
import type { BusinessCalendar } from "./compileCalendar";

/**
 * The open time between two instants, in milliseconds: the length of `[a, b)`
 * intersected with the calendar's open intervals. Signed — negative when `b` is before
 * `a` — so that `businessTimeBetween(c, a, b) === -businessTimeBetween(c, b, a)`.
 *
 * Definition: P(b) − P(a), where P(t) is the open time from the horizon start to t (a prefix
 * sum over the compiled intervals); O(log n).
 *
 * @param calendar - from `compileCalendar`
 * @param a - start, epoch ms, inside the horizon
 * @param b - end, epoch ms, inside the horizon
 * @returns open milliseconds from `a` to `b`
 * @throws {OpsError} `invalid_argument` for a non-integer instant or a non-calendar; `out_of_horizon` outside the horizon
 *
 * @example
 * ```ts
 * import { compileCalendar, businessTimeBetween } from "@ops/sla";
 * import { parseInstant } from "@ops/core";
 * const lunch = [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }];
 * const calendar = compileCalendar(
 *   { timeZone: "Asia/Shanghai", weekly: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch } },
 *   { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
 * );
 * // 10:00 → 15:00 on a Monday with a lunch hour: 4 business hours
 * businessTimeBetween(calendar, parseInstant("2026-03-02T10:00:00+08:00"), parseInstant("2026-03-02T15:00:00+08:00")) / 3_600_000;
 * // => 4
 * ```
 */
export function businessTimeBetween(calendar: BusinessCalendar, a: Instant, b: Instant): number {
  const fn = "businessTimeBetween";
  const c = intervalsOf(calendar, fn);
  checkInHorizon(calendar, a, fn, "a");
  checkInHorizon(calendar, b, fn, "b");
  return positionAt(c, b) - positionAt(c, a);
}
