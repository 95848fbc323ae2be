import { OpsError, type Instant, type Period } from "@ops/core";
import { checkInHorizon, firstAtLeast, intervalsOf } from "./_lib/calendarData";
import type { BusinessCalendar } from "./compileCalendar";

/**
 * The open intervals of the calendar that meet `[from, to)`, clipped to it, in order —
 * for display, for capacity planning, and for checking a compiled calendar by eye.
 *
 * @param calendar - from `compileCalendar`
 * @param from - start, epoch ms inside the horizon
 * @param to - end, epoch ms inside the horizon, ≥ `from`
 * @returns fresh, non-empty {@link Period}s `{ start, end }` (half-open), sorted, disjoint;
 * `[]` when `from === to`
 * @throws {OpsError} `invalid_argument` when `to < from`; `out_of_horizon` outside the horizon
 *
 * @example
 * ```ts
 * import { compileCalendar, openIntervals } from "@ops/sla";
 * import { parseInstant, formatInstant } from "@ops/core";
 * const calendar = compileCalendar(
 *   { timeZone: "Asia/Shanghai", weekly: { mon: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }] } },
 *   { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
 * );
 * const monday = openIntervals(calendar, parseInstant("2026-03-02T00:00:00+08:00"), parseInstant("2026-03-03T00:00:00+08:00"));
 * monday.map((i) => `${formatInstant(i.start)}/${formatInstant(i.end)}`).join(" ");
 * // => "2026-03-02T01:00:00.000Z/2026-03-02T04:00:00.000Z 2026-03-02T05:00:00.000Z/2026-03-02T10:00:00.000Z"
 * ```
 */
export function openIntervals(calendar: BusinessCalendar, from: Instant, to: Instant): Period[] {
  const fn = "openIntervals";
  const c = intervalsOf(calendar, fn);
  checkInHorizon(calendar, from, fn, "from");
  checkInHorizon(calendar, to, fn, "to");
  if (to < from)
    throw new OpsError({ code: "invalid_argument", fn, path: ["to"], rule: "must not be before from", received: to });
  const out: Period[] = [];
  // an empty range [t, t) meets no interval, not even the one t lies in
  if (to === from) return out;
  for (let i = firstAtLeast(c.ends, from + 1); i < c.starts.length && (c.starts[i] as number) < to; i++) {
    out.push({ start: Math.max(c.starts[i] as number, from), end: Math.min(c.ends[i] as number, to) });
  }
  return out;
}
