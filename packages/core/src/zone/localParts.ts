import { assertInstant, type Instant } from "../instant/Instant";
import { type CompiledTimeZone, offsetsOf } from "./_lib/zoneArg";
import { partsAt } from "./_lib/zoneMath";
import type { LocalParts } from "./_lib/zoneMath";
import type { TimeZone } from "./timeZone";
export type { LocalParts } from "./_lib/zoneMath";

const INSTANT = ["instant"] as const;

/**
 * The local calendar date and wall-clock time of `instant` in `zone`.
 *
 * @param instant - epoch milliseconds
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone} (faster in loops)
 * @returns the local parts, ISO weekday and offset in force
 * @throws {OpsError} `invalid_argument` for an invalid instant, `invalid_time_zone` for an unknown zone
 *
 * @example
 * ```ts
 * import { localParts, parseInstant } from "@ops/core";
 * const p = localParts(parseInstant("2026-03-08T23:30:00Z"), "Asia/Shanghai");
 * [p.year, p.month, p.day, p.hour, p.minute, p.weekday, p.offsetMinutes];
 * // => [2026, 3, 9, 7, 30, 1, 480]
 * ```
 */
export function localParts(instant: Instant, zone: TimeZone | CompiledTimeZone): LocalParts {
  assertInstant(instant, "localParts", INSTANT);
  return partsAt(instant, offsetsOf(zone, "localParts")(instant));
}
