import { OpsError, type Instant } from "@ops/core";
import { checkInHorizon, firstEndingAfter, firstReaching, horizonError, intervalsOf } from "../_lib/calendarData";
import type { BusinessCalendar } from "./compileCalendar";

/**
 * The instant at which `duration` milliseconds of open time have passed after `instant`:
 * the earliest `t ≥ instant` with `businessTimeBetween(calendar, instant, t) === duration`.
 * A deadline that ends exactly at a closing time is that closing time (09:00 + 9 h on a
 * 09:00–18:00 day is 18:00, not the next morning). Started while closed, the clock first
 * waits for the next opening. A duration of 0 returns `instant` unchanged.
 *
 * Definition: with P(t) the open time from the horizon start to t (a prefix sum over the
 * compiled intervals), the result is min { t : P(t) = P(instant) + duration }. A day index
 * finds the interval of `instant` in O(1) and a galloping search the interval where the
 * sum is reached — O(log n) at worst, a few steps for deadlines of hours; no validation
 * beyond a few number checks per call.
 *
 * @param calendar - from `compileCalendar`
 * @param instant - the start, epoch ms, inside the horizon
 * @param duration - open time to add, in milliseconds, a finite integer ≥ 0
 * @returns the deadline, epoch ms
 * @throws {OpsError} `invalid_argument` for a negative or non-integer duration or a
 * non-calendar; `out_of_horizon` when `instant` or the deadline falls outside the horizon
 *
 * @example
 * ```ts
 * import { compileCalendar, addBusinessTime } from "@ops/sla";
 * import { parseInstant, formatInstant } from "@ops/core";
 * const lunch = [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }];
 * const calendar = compileCalendar(
 *   { timeZone: "Asia/Shanghai", weekly: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch } },
 *   { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
 * );
 * // a comment at 11:00 on Friday with a 2-hour target: 1 h before lunch, 1 h after
 * formatInstant(addBusinessTime(calendar, parseInstant("2026-03-06T11:00:00+08:00"), 2 * 3_600_000));
 * // => "2026-03-06T06:00:00.000Z"
 * // at 17:30 on Friday: 30 min on Friday, 90 min on Monday morning
 * formatInstant(addBusinessTime(calendar, parseInstant("2026-03-06T17:30:00+08:00"), 2 * 3_600_000));
 * // => "2026-03-09T02:30:00.000Z"
 * ```
 */
export function addBusinessTime(calendar: BusinessCalendar, instant: Instant, duration: number): Instant {
  const fn = "addBusinessTime";
  const c = intervalsOf(calendar, fn);
  checkInHorizon(calendar, instant, fn, "instant");
  if (typeof duration !== "number" || !Number.isInteger(duration) || duration < 0) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["duration"],
      rule: "must be an integer number of milliseconds ≥ 0",
      received: duration,
    });
  }
  if (duration === 0) return instant;
  const i = firstEndingAfter(c, instant);
  const n = c.starts.length;
  let position = i === 0 ? 0 : (c.through[i - 1] as number);
  if (i < n && instant > (c.starts[i] as number))
    position = (c.before[i] as number) + instant - (c.starts[i] as number);
  const target = position + duration;
  const j = firstReaching(c.through, i, target);
  if (j >= n) {
    throw horizonError(calendar, fn, "duration", instant, "must end inside");
  }
  return (c.starts[j] as number) + (target - (c.before[j] as number));
}
