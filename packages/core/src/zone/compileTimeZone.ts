import { brandCompiled } from "../compiled/brandCompiled";
import { hourlyOffsets } from "./_lib/zoneMath";
import { type CompiledTimeZone, TimeZoneHandle } from "./_lib/zoneArg";
import { assertTimeZone, type TimeZone } from "./timeZone";

export type { CompiledTimeZone } from "./_lib/zoneArg";

/**
 * Checks an IANA zone once and returns a {@link CompiledTimeZone}: an opaque, frozen handle
 * that every zone function ({@link zoneOffset}, {@link localParts}, {@link fromLocalParts},
 * {@link fromWallClock}, {@link startOfLocalDay}, {@link addLocalDays},
 * {@link formatLocalDateTime}, {@link parseLocalDateTime}, …) takes in place of the name —
 * the "validate once, then run fast" form. Given the handle, they skip the zone's check and
 * read offsets from its cache (per UTC hour; an hour in which the offset changes is computed
 * exactly each time), with the same results and the same checks of every other argument.
 * The cache lives in the handle only: there is no global state.
 *
 * @param zone - an IANA time-zone name
 * @returns the compiled zone, branded `"core.timeZone"`; its `zone` field is the name
 * @throws {OpsError} `invalid_time_zone` for an unknown zone
 *
 * @example
 * ```ts
 * import { addLocalDays, compileTimeZone, formatInstant, fromWallClock, parseInstant, startOfLocalDay, zoneOffset } from "@ops/core";
 * const ny = compileTimeZone("America/New_York");
 * zoneOffset(parseInstant("2026-07-01T12:00:00Z"), ny);
 * // => -240
 * formatInstant(fromWallClock(Date.UTC(2026, 2, 8, 2, 30), ny));
 * // => "2026-03-08T07:30:00.000Z"
 * const day = startOfLocalDay(parseInstant("2026-11-01T12:00:00Z"), ny);
 * (addLocalDays(day, ny, 1) - day) / 3_600_000;
 * // => 25
 * ```
 */
export function compileTimeZone(zone: TimeZone): CompiledTimeZone {
  assertTimeZone(zone, "compileTimeZone", ["zone"]);
  // the one brand of compiled objects (compiled/brandCompiled.ts), then frozen; the cache is a private field
  const handle = brandCompiled(new TimeZoneHandle(zone, hourlyOffsets(zone)), "core.timeZone");
  Object.freeze(handle);
  return handle;
}
