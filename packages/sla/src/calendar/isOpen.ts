import type { Instant } from "@ops/core";
import { checkInHorizon, firstEndingAfter, intervalsOf } from "./_lib/calendarData";
import type { BusinessCalendar } from "./compileCalendar";

/**
 * Whether the calendar is open at `instant` (intervals are half-open: open at the opening
 * time, closed at the closing time). O(log n).
 *
 * The horizon is half-open for this question: the calendar answers for instants in
 * `[from, to)`. Its last instant `to` is the start of what the calendar was not compiled
 * for (a 24×7 calendar may or may not be open then), so it is refused like any instant
 * after it, as by `nextOpen`.
 *
 * @param calendar - from `compileCalendar`
 * @param instant - epoch ms in `[calendar.from, calendar.to)`
 * @returns `true` when `instant` lies in an open interval
 * @throws {OpsError} `invalid_argument` for a non-integer instant or a non-calendar;
 * `out_of_horizon` outside `[from, to)`
 *
 * @example
 * ```ts
 * import { compileCalendar, isOpen } from "@ops/sla";
 * import { parseInstant } from "@ops/core";
 * const calendar = compileCalendar(
 *   { timeZone: "Europe/London", weekly: { mon: [{ open: "09:00", close: "17:00" }] } },
 *   { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
 * );
 * isOpen(calendar, parseInstant("2026-03-02T09:00:00Z"));
 * // => true
 * isOpen(calendar, parseInstant("2026-03-02T17:00:00Z"));
 * // => false
 * ```
 */
export function isOpen(calendar: BusinessCalendar, instant: Instant): boolean {
  const fn = "isOpen";
  const c = intervalsOf(calendar, fn);
  checkInHorizon(calendar, instant, fn, "instant", "state");
  const j = firstEndingAfter(c, instant);
  return j < c.starts.length && (c.starts[j] as number) <= instant;
}
