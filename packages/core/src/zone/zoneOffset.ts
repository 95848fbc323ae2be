import { assertInstant, type Instant } from "../instant/Instant";
import { type CompiledTimeZone, offsetsOf, TimeZoneHandle } from "./_lib/zoneArg";
import type { TimeZone } from "./timeZone";

const INSTANT = ["instant"] as const;

/**
 * The UTC offset of `zone` at `instant`, in minutes east of UTC (`480` for Asia/Shanghai,
 * `-240` for America/New_York in summer) — the sign of ISO-8601 offsets, the opposite of
 * `Date.prototype.getTimezoneOffset`. Zone data comes from the runtime's `Intl`
 * (through `@date-fns/tz`). For hot loops pass a zone compiled once by
 * {@link compileTimeZone}: its offsets are cached per UTC hour (~20× faster than a name,
 * which is checked and asked of `Intl` on every call).
 *
 * @param instant - epoch milliseconds
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone}
 * @returns minutes east of UTC
 * @throws {OpsError} `invalid_argument` for an invalid instant, `invalid_time_zone` for an unknown zone
 *
 * @example
 * ```ts
 * import { compileTimeZone, zoneOffset, parseInstant } from "@ops/core";
 * zoneOffset(parseInstant("2026-07-01T12:00:00Z"), "America/New_York");
 * // => -240
 * zoneOffset(parseInstant("2026-01-01T12:00:00Z"), "Asia/Shanghai");
 * // => 480
 * const london = compileTimeZone("Europe/London");
 * [zoneOffset(parseInstant("2026-03-29T00:59:59Z"), london), zoneOffset(parseInstant("2026-03-29T01:00:00Z"), london)];
 * // => [0, 60]
 * ```
 */
export function zoneOffset(instant: Instant, zone: TimeZone | CompiledTimeZone): number {
  assertInstant(instant, "zoneOffset", INSTANT); // one comparison on the way through: the error is built only if it fails
  // the compiled zone first, without a call more: this is the hot path of bucketing loops
  return (TimeZoneHandle.offsetsOf(zone) ?? offsetsOf(zone, "zoneOffset"))(instant);
}
