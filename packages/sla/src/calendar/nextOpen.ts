import type { Instant } from "@ops/core";
import { checkInHorizon, firstEndingAfter, horizonError, intervalsOf } from "./_lib/calendarData";
import type { BusinessCalendar } from "./compileCalendar";

/**
 * The first open instant at or after `instant`: `instant` itself when the calendar is
 * open, otherwise the next opening. This is where a business clock started by a message
 * outside hours begins to run. O(log n).
 *
 * Like `isOpen`, it reads the calendar in `[from, to)`: the answer is an open instant
 * before `to`, and `instant = to` is refused.
 *
 * @param calendar - from `compileCalendar`
 * @param instant - epoch ms in `[calendar.from, calendar.to)`
 * @returns epoch ms of the next open instant, before `calendar.to`
 * @throws {OpsError} `invalid_argument` for a non-integer instant or a non-calendar;
 * `out_of_horizon` when `instant` is outside `[from, to)` or no opening follows it before `to`
 *
 * @example
 * ```ts
 * import { compileCalendar, nextOpen } from "@ops/sla";
 * import { parseInstant, formatInstant } from "@ops/core";
 * const calendar = compileCalendar(
 *   { timeZone: "Asia/Shanghai", weekly: { mon: [{ open: "09:00", close: "18:00" }], fri: [{ open: "09:00", close: "18:00" }] } },
 *   { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
 * );
 * // a DM at 20:00 on Friday waits for Monday 09:00
 * formatInstant(nextOpen(calendar, parseInstant("2026-03-06T20:00:00+08:00")));
 * // => "2026-03-09T01:00:00.000Z"
 * ```
 */
export function nextOpen(calendar: BusinessCalendar, instant: Instant): Instant {
  const fn = "nextOpen";
  const c = intervalsOf(calendar, fn);
  checkInHorizon(calendar, instant, fn, "instant", "state");
  const next = c.starts[firstEndingAfter(c, instant)];
  if (next === undefined) {
    throw horizonError(calendar, fn, "instant", instant, "must be followed by an opening inside", "state");
  }
  return next > instant ? next : instant;
}
