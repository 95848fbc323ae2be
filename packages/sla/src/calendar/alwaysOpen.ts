import { assertTimeZone, type TimeZone } from "@ops/core";
import type { CalendarSpec } from "./calendarSpec";

/**
 * The specification of a 24×7 calendar in `timeZone`: every day `00:00–24:00`. Compiled,
 * it is a single open interval, so business time equals elapsed time — the "calendar
 * hours" of Zendesk and Chatwoot policies. The zone still matters for reports by local hour.
 *
 * @param timeZone - an IANA zone
 * @returns a fresh calendar spec
 * @throws {OpsError} `invalid_time_zone` for an unknown zone
 *
 * @example
 * ```ts
 * import { alwaysOpen, compileCalendar } from "@ops/sla";
 * const calendar = compileCalendar(alwaysOpen("America/New_York"), { from: "2026-03-07T00:00:00Z", to: "2026-03-10T00:00:00Z" });
 * calendar.intervalCount;
 * // => 1
 * calendar.openTime / 3_600_000;
 * // => 72
 * ```
 */
export function alwaysOpen(timeZone: TimeZone): CalendarSpec {
  assertTimeZone(timeZone, "alwaysOpen", ["timeZone"]);
  const day = () => [{ open: "00:00", close: "24:00" }];
  return { timeZone, weekly: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: day(), sun: day() } };
}
