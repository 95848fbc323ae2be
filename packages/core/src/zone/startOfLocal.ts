import { readOptions } from "../_lib/readOptions";
import type { Instant } from "../instant/Instant";
import { assertInstant, formatInstant } from "../instant/Instant";
import { OpsError } from "../error/OpsError";
import { assertTimeZone, type TimeZone } from "./timeZone";
import { partsAt, rawOffset, resolveLocal, wallClockMs } from "./_lib/zoneMath";

/** Day a week starts on: 0 = Sunday, 1 = Monday (ISO 8601, default) … 6 = Saturday. */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Options of {@link startOfLocalWeek}. */
export interface StartOfLocalWeekOptions {
  /** 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: WeekStartsOn;
}

/**
 * The first instant of the local calendar day that contains `instant` in `zone`. On a day
 * whose midnight is skipped by DST, that is the first instant that exists (e.g. 01:00).
 * A day is a calendar day: 23 or 25 hours long on DST-change days.
 *
 * @throws {OpsError} `invalid_argument` for an invalid instant, `invalid_time_zone` for an unknown zone,
 *   `out_of_range` when the local day starts before the first instant (`-8.64e15` in Asia/Shanghai:
 *   its local day began 8 hours earlier)
 *
 * @example
 * ```ts
 * import { startOfLocalDay, parseInstant, formatInstant } from "@ops/core";
 * formatInstant(startOfLocalDay(parseInstant("2026-03-08T20:00:00Z"), "Asia/Shanghai"));
 * // => "2026-03-08T16:00:00.000Z"
 * ```
 */
export function startOfLocalDay(instant: Instant, zone: TimeZone): Instant {
  check(instant, zone, "startOfLocalDay");
  const p = partsAt(instant, rawOffset(instant, zone));
  return resolveLocal(
    wallClockMs({ year: p.year, month: p.month, day: p.day }),
    zone,
    "compatible",
    "startOfLocalDay",
    {
      path: ["instant"],
      what: "lies in a local day that starts",
      received: instant,
    },
  );
}

/**
 * The first instant of the local week containing `instant` in `zone`.
 *
 * @param options - `weekStartsOn` (default 1 = Monday, as ISO 8601)
 * @throws {OpsError} `invalid_argument` for an invalid instant or `weekStartsOn`, or options that are not an object
 *   (`null` included: omit them for the defaults), `invalid_time_zone`,
 *   `out_of_range` when the local week starts before the first instant
 *
 * @example
 * ```ts
 * import { startOfLocalWeek, parseInstant, formatInstant } from "@ops/core";
 * // Wednesday 2026-03-11 in Shanghai; the ISO week began on Monday 2026-03-09
 * formatInstant(startOfLocalWeek(parseInstant("2026-03-11T04:00:00Z"), "Asia/Shanghai"));
 * // => "2026-03-08T16:00:00.000Z"
 * formatInstant(startOfLocalWeek(parseInstant("2026-03-11T04:00:00Z"), "Asia/Shanghai", { weekStartsOn: 0 }));
 * // => "2026-03-07T16:00:00.000Z"
 * ```
 */
export function startOfLocalWeek(instant: Instant, zone: TimeZone, options: StartOfLocalWeekOptions = {}): Instant {
  check(instant, zone, "startOfLocalWeek");
  const weekStartsOn = readOptions(options, "startOfLocalWeek").weekStartsOn ?? 1;
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "startOfLocalWeek",
      path: ["options", "weekStartsOn"],
      rule: "must be an integer from 0 (Sunday) to 6 (Saturday)",
      received: weekStartsOn,
    });
  }
  const p = partsAt(instant, rawOffset(instant, zone));
  const dow = p.weekday % 7; // 0 = Sunday
  const back = (dow - weekStartsOn + 7) % 7;
  return resolveLocal(
    wallClockMs({ year: p.year, month: p.month, day: p.day - back }),
    zone,
    "compatible",
    "startOfLocalWeek",
    {
      path: ["instant"],
      what: "lies in a local week that starts",
      received: instant,
    },
  );
}

/**
 * The first instant of the local calendar month containing `instant` in `zone`.
 *
 * @throws {OpsError} `invalid_argument` for an invalid instant, `invalid_time_zone`,
 *   `out_of_range` when the local month starts before the first instant
 *
 * @example
 * ```ts
 * import { startOfLocalMonth, parseInstant, formatInstant } from "@ops/core";
 * formatInstant(startOfLocalMonth(parseInstant("2026-03-31T20:00:00Z"), "Asia/Shanghai"));
 * // => "2026-03-31T16:00:00.000Z"
 * ```
 */
export function startOfLocalMonth(instant: Instant, zone: TimeZone): Instant {
  check(instant, zone, "startOfLocalMonth");
  const p = partsAt(instant, rawOffset(instant, zone));
  return resolveLocal(wallClockMs({ year: p.year, month: p.month, day: 1 }), zone, "compatible", "startOfLocalMonth", {
    path: ["instant"],
    what: "lies in a local month that starts",
    received: instant,
  });
}

/**
 * Adds `days` calendar days in `zone`, keeping the wall-clock time (a DST day is 23 or 25
 * hours long, so this is not `days × 24 h`). A wall-clock time that the target day skips
 * moves forward, as in {@link fromLocalParts} with `"compatible"`.
 *
 * @throws {OpsError} `invalid_argument` for an invalid instant or a non-integer `days`, `invalid_time_zone`,
 *   `out_of_range` when the result would be outside ±8.64e15 (`addLocalDays(0, "UTC", 1e8 + 1)`)
 *
 * @example
 * ```ts
 * import { addLocalDays, parseInstant, formatInstant } from "@ops/core";
 * // 09:00 in New York the day before spring-forward, plus one day: still 09:00, only 23 h later
 * formatInstant(addLocalDays(parseInstant("2026-03-07T14:00:00Z"), "America/New_York", 1));
 * // => "2026-03-08T13:00:00.000Z"
 * ```
 */
export function addLocalDays(instant: Instant, zone: TimeZone, days: number): Instant {
  check(instant, zone, "addLocalDays");
  if (!Number.isInteger(days)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "addLocalDays",
      path: ["days"],
      rule: "must be an integer",
      received: days,
    });
  }
  const p = partsAt(instant, rawOffset(instant, zone));
  return resolveLocal(wallClockMs({ ...p, day: p.day + days }), zone, "compatible", "addLocalDays", {
    path: ["days"],
    what: `moves the instant ${formatInstant(instant)} to a local time`,
    received: days,
  });
}

function check(instant: Instant, zone: TimeZone, fn: string): void {
  assertInstant(instant, fn, ["instant"]);
  assertTimeZone(zone, fn, ["zone"]);
}
