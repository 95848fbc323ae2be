import { OpsError, type Instant } from "@ops/core";
import {
  checkInHorizon,
  firstAtLeast,
  firstEndingAfter,
  firstReaching,
  horizonError,
  intervalsOf,
  positionAt,
} from "./_lib/calendarData";
import type { BusinessCalendar } from "./compileCalendar";

/**
 * The instant at which `duration` milliseconds of open time have passed after `instant` —
 * or, for a negative duration, the latest instant before it from which `|duration|` of open
 * time remain until `instant` ("when must it have arrived to still be inside the SLA?").
 *
 * - `duration ≥ 0`: the earliest `t ≥ instant` with
 *   `businessTimeBetween(calendar, instant, t) === duration`. A deadline that ends exactly
 *   at a closing time is that closing time (09:00 + 9 h on a 09:00–18:00 day is 18:00, not
 *   the next morning). Started while closed, the clock first waits for the next opening.
 *   A duration of 0 returns `instant` unchanged.
 * - `duration < 0`: the latest `t ≤ instant` with
 *   `businessTimeBetween(calendar, t, instant) === -duration`. Where a closed stretch
 *   leaves a choice, the latest instant is the opening after it (10:00 − 1 h on a
 *   09:00–18:00 day is 09:00 that morning, not 18:00 the evening before).
 *
 * Definition: with P(t) the open time from the horizon start to t (a prefix sum over the
 * compiled intervals), the result is min { t : P(t) = P(instant) + duration } for
 * `duration ≥ 0` and max { t : P(t) = P(instant) + duration } for `duration < 0`. A day
 * index finds the interval of `instant` in O(1) and a galloping search the interval where
 * the sum is reached — O(log n) at worst, a few steps for deadlines of hours (a binary
 * search backwards); no validation beyond a few number checks per call.
 *
 * @param calendar - from `compileCalendar`
 * @param instant - the start, epoch ms, in `[calendar.from, calendar.to]`
 * @param duration - open time to add (or, negative, to go back), in milliseconds, an integer
 * @returns the deadline (or the latest start), epoch ms, in `[calendar.from, calendar.to]`
 * @throws {OpsError} `invalid_argument` for a non-integer duration or a non-calendar;
 * `out_of_horizon` when `instant` or the result falls outside the horizon
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
 * // to be answered within 2 business hours by Monday 10:00, it must have come in by Friday 17:00
 * formatInstant(addBusinessTime(calendar, parseInstant("2026-03-09T10:00:00+08:00"), -2 * 3_600_000));
 * // => "2026-03-06T09:00:00.000Z"
 * ```
 */
export function addBusinessTime(calendar: BusinessCalendar, instant: Instant, duration: number): Instant {
  const fn = "addBusinessTime";
  const c = intervalsOf(calendar, fn);
  checkInHorizon(calendar, instant, fn, "instant");
  if (typeof duration !== "number" || !Number.isInteger(duration)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["duration"],
      rule: "must be an integer number of milliseconds",
      received: duration,
    });
  }
  if (duration === 0) return instant;
  const n = c.starts.length;
  if (duration < 0) {
    const target = positionAt(c, instant) + duration;
    if (target < 0) throw horizonError(calendar, fn, "duration", instant, "must start inside");
    // the first interval whose running total passes the target (totals are whole milliseconds)
    const j = firstAtLeast(c.through, target + 1);
    return (c.starts[j] as number) + (target - (c.before[j] as number));
  }
  const i = firstEndingAfter(c, instant);
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
