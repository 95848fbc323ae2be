import { OpsError, type Instant } from "@ops/core";
import type { BusinessCalendar } from "../calendar/compileCalendar";
import { openIntervals } from "../calendar/openIntervals";
import type { StaffingInterval } from "./predictBreaches";

/** Options of {@link staffingFromCalendar}. */
export interface StaffingFromCalendarOptions {
  readonly from: Instant;
  readonly to: Instant;
  /** Agents on duty whenever the calendar is open, an integer ≥ 0. */
  readonly agents: number;
}

/**
 * A staffing plan for `predictBreaches` from a calendar of capacity: `agents` agents on
 * duty in every open interval of `calendar` between `from` and `to`. Compile one calendar
 * per shift pattern and concatenate (sorted) for plans whose head count changes by hour.
 *
 * @param calendar - the team's working hours, from `compileCalendar`
 * @param options - `from`, `to` (inside the calendar's horizon) and `agents`
 * @returns sorted, non-overlapping staffing intervals
 * @throws {OpsError} `invalid_argument` for a bad agent count or `to < from`; `out_of_horizon` outside the calendar's horizon
 *
 * @example
 * ```ts
 * import { compileCalendar, staffingFromCalendar } from "@ops/sla";
 * import { parseInstant } from "@ops/core";
 * const calendar = compileCalendar(
 *   { timeZone: "Asia/Shanghai", weekly: { mon: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }] } },
 *   { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
 * );
 * const plan = staffingFromCalendar(calendar, { from: parseInstant("2026-03-09T00:00:00+08:00"), to: parseInstant("2026-03-10T00:00:00+08:00"), agents: 3 });
 * plan.map((s) => [(s.end - s.start) / 3_600_000, s.agents]);
 * // => [[3, 3], [5, 3]]
 * ```
 */
export function staffingFromCalendar(
  calendar: BusinessCalendar,
  options: StaffingFromCalendarOptions,
): StaffingInterval[] {
  const agents = options?.agents;
  if (typeof agents !== "number" || !Number.isInteger(agents) || agents < 0) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "staffingFromCalendar",
      path: ["options", "agents"],
      rule: "must be an integer ≥ 0",
      received: agents,
    });
  }
  return openIntervals(calendar, options.from, options.to).map((i) => ({ start: i.start, end: i.end, agents }));
}
