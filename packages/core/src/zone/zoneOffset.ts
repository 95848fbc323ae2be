import { assertInstant, MAX_INSTANT, type Instant } from "../instant/Instant";
import { assertTimeZone, type TimeZone } from "./timeZone";
import { hourlyOffsets, rawOffset } from "./_lib/zoneMath";

/**
 * The UTC offset of `zone` at `instant`, in minutes east of UTC (`480` for Asia/Shanghai,
 * `-240` for America/New_York in summer) — the sign of ISO-8601 offsets, the opposite of
 * `Date.prototype.getTimezoneOffset`. Zone data comes from the runtime's `Intl`
 * (through `@date-fns/tz`).
 *
 * @throws {OpsError} `invalid_argument` for an invalid instant, `invalid_time_zone` for an unknown zone
 *
 * @example
 * ```ts
 * import { zoneOffset, parseInstant } from "@ops/core";
 * zoneOffset(parseInstant("2026-07-01T12:00:00Z"), "America/New_York");
 * // => -240
 * zoneOffset(parseInstant("2026-01-01T12:00:00Z"), "Asia/Shanghai");
 * // => 480
 * ```
 */
export function zoneOffset(instant: Instant, zone: TimeZone): number {
  assertInstant(instant, "zoneOffset", ["instant"]);
  assertTimeZone(zone, "zoneOffset", ["zone"]);
  return rawOffset(instant, zone);
}

const INSTANT = ["instant"] as const;

/**
 * Builds a fast offset function for one zone, for hot paths (bucketing millions of events
 * by local day). It remembers the offset of each UTC hour it has seen; an hour in which
 * the offset changes is computed exactly each time. The cache lives in the returned
 * closure only — there is no global state. The function checks each instant with one
 * comparison: NaN or a value beyond ±8.64e15 throws rather than giving NaN (a fraction of a
 * millisecond is read as the instant it falls in).
 *
 * @param zone - an IANA time-zone name
 * @returns `(instant) => offset in minutes east of UTC`, equal to {@link zoneOffset}
 * @throws {OpsError} `invalid_time_zone` for an unknown zone; the returned function throws
 *   `invalid_argument` for an invalid instant
 *
 * @example
 * ```ts
 * import { createOffsetLookup, parseInstant } from "@ops/core";
 * const offset = createOffsetLookup("Europe/London");
 * offset(parseInstant("2026-03-29T00:59:59Z"));
 * // => 0
 * offset(parseInstant("2026-03-29T01:00:00Z"));
 * // => 60
 * ```
 */
export function createOffsetLookup(zone: TimeZone): (instant: Instant) => number {
  assertTimeZone(zone, "createOffsetLookup", ["zone"]);
  const lookup = hourlyOffsets(zone);
  return (instant) => {
    // one comparison on the hot path; a fraction is read as the instant it falls in
    if (typeof instant !== "number" || !(Math.abs(instant) <= MAX_INSTANT))
      assertInstant(instant, "createOffsetLookup", INSTANT);
    return lookup(instant);
  };
}
