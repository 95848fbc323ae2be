import { readOptions } from "../_lib/readOptions";
import type { Instant } from "../instant/Instant";
import { assertInstant, formatInstant } from "../instant/Instant";
import { OpsError } from "../error/OpsError";
import type { TimeZone } from "./timeZone";
import { type CompiledTimeZone, offsetsOf } from "./_lib/zoneArg";
import { type LocalParts, partsAt, type RangeBlame, resolveWith, wallClockMs } from "./_lib/zoneMath";

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
 * @param instant - epoch milliseconds
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone} (faster in loops)
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
export function startOfLocalDay(instant: Instant, zone: TimeZone | CompiledTimeZone): Instant {
  const fn = "startOfLocalDay";
  return startOf(instant, checked(instant, zone, fn), fn, "lies in a local day that starts", (p) => p.day);
}

/**
 * The first instant of the local week containing `instant` in `zone`.
 *
 * @param instant - epoch milliseconds
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone} (faster in loops)
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
export function startOfLocalWeek(
  instant: Instant,
  zone: TimeZone | CompiledTimeZone,
  options: StartOfLocalWeekOptions = {},
): Instant {
  const fn = "startOfLocalWeek";
  const offsets = checked(instant, zone, fn);
  const weekStartsOn = readOptions(options, fn).weekStartsOn ?? 1;
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "weekStartsOn"],
      rule: "must be an integer from 0 (Sunday) to 6 (Saturday)",
      received: weekStartsOn,
    });
  }
  return startOf(
    instant,
    offsets,
    fn,
    "lies in a local week that starts",
    (p) => p.day - ((p.weekday - weekStartsOn + 7) % 7),
  );
}

/**
 * The first instant of the local calendar month containing `instant` in `zone`.
 *
 * @param instant - epoch milliseconds
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone} (faster in loops)
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
export function startOfLocalMonth(instant: Instant, zone: TimeZone | CompiledTimeZone): Instant {
  const fn = "startOfLocalMonth";
  return startOf(instant, checked(instant, zone, fn), fn, "lies in a local month that starts", () => 1);
}

/**
 * Adds `days` calendar days in `zone`, keeping the wall-clock time (a DST day is 23 or 25
 * hours long, so this is not `days × 24 h`). A wall-clock time that the target day skips
 * moves forward, as in {@link fromLocalParts} with `"compatible"`.
 *
 * @param instant - epoch milliseconds
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone} (faster in loops)
 * @param days - an integer, negative to go back
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
export function addLocalDays(instant: Instant, zone: TimeZone | CompiledTimeZone, days: number): Instant {
  const fn = "addLocalDays";
  const offsets = checked(instant, zone, fn);
  if (!Number.isInteger(days)) {
    throw new OpsError({ code: "invalid_argument", fn, path: ["days"], rule: "must be an integer", received: days });
  }
  const p = partsAt(instant, offsets(instant));
  return resolveWith(wallClockMs({ ...p, day: p.day + days }), offsets, "compatible", fn, {
    path: DAYS,
    what: movesTheInstant,
    received: days,
    instant,
  });
}

const INSTANT = ["instant"] as const;
const DAYS = ["days"] as const;

/** The text of addLocalDays' out_of_range error, built only when it is thrown. */
const movesTheInstant = (blame: RangeBlame): string =>
  `moves the instant ${formatInstant(blame.instant as Instant)} to a local time`;

/** The first instant (midnight, or the first that exists) of the local day `dayOf` picks in the month of `instant`. */
function startOf(
  instant: Instant,
  offsets: (t: Instant) => number,
  fn: string,
  what: string,
  dayOf: (p: LocalParts) => number,
): Instant {
  const p = partsAt(instant, offsets(instant));
  // a literal, not a spread of a constant: V8 then need not build the object unless it is read (a 2.5× difference)
  return resolveWith(wallClockMs({ year: p.year, month: p.month, day: dayOf(p) }), offsets, "compatible", fn, {
    path: INSTANT,
    what,
    received: instant,
  });
}

/** The offsets of `zone` once `instant` and `zone` are checked, in that order. */
function checked(instant: Instant, zone: TimeZone | CompiledTimeZone, fn: string): (t: Instant) => number {
  assertInstant(instant, fn, INSTANT);
  return offsetsOf(zone, fn);
}
