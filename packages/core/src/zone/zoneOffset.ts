import type { Instant } from "../instant/Instant";
import { assertTimeZone, type TimeZone } from "./timeZone";
import { rawOffset } from "../_lib/zoneMath";

/**
 * The UTC offset of `zone` at `instant`, in minutes east of UTC (`480` for Asia/Shanghai,
 * `-240` for America/New_York in summer) — the sign of ISO-8601 offsets, the opposite of
 * `Date.prototype.getTimezoneOffset`. Zone data comes from the runtime's `Intl`
 * (through `@date-fns/tz`).
 *
 * @throws {OpsError} `invalid_time_zone` for an unknown zone
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
  assertTimeZone(zone, "zoneOffset", ["zone"]);
  return rawOffset(instant, zone);
}

const HOUR = 3_600_000;

/**
 * Builds a fast offset function for one zone, for hot paths (bucketing millions of events
 * by local day). It remembers the offset of each UTC hour it has seen; an hour in which
 * the offset changes is computed exactly each time. The cache lives in the returned
 * closure only — there is no global state.
 *
 * @param zone - an IANA time-zone name
 * @returns `(instant) => offset in minutes east of UTC`, equal to {@link zoneOffset}
 * @throws {OpsError} `invalid_time_zone` for an unknown zone
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
  if (zone === "UTC" || zone === "Etc/UTC") return () => 0;
  const byHour = new Map<number, number>();
  const MIXED = Number.NaN;
  return (instant) => {
    const hour = Math.floor(instant / HOUR);
    const cached = byHour.get(hour);
    if (cached !== undefined && !Number.isNaN(cached)) return cached;
    if (cached === undefined) {
      const start = rawOffset(hour * HOUR, zone);
      const end = rawOffset(hour * HOUR + HOUR - 1, zone);
      byHour.set(hour, start === end ? start : MIXED);
      if (start === end) return start;
    }
    return rawOffset(instant, zone);
  };
}
