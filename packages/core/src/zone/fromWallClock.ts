import { readOptions } from "../_lib/readOptions";
import { OpsError } from "../error/OpsError";
import type { Instant } from "../instant/Instant";
import type { FromLocalPartsOptions } from "./fromLocalParts";
import { type CompiledTimeZone, offsetsOf } from "./_lib/zoneArg";
import { checkDisambiguation, resolveWith } from "./_lib/zoneMath";
import type { TimeZone } from "./timeZone";

/** Options of {@link fromWallClock}: how a DST gap or overlap resolves, as in {@link fromLocalParts}. */
export type FromWallClockOptions = FromLocalPartsOptions;

/**
 * The instant at which the wall clock in `zone` reads `wallClock` — a local date and time
 * written as if it were UTC epoch milliseconds (`Date.UTC(2026, 2, 8, 2, 30)` for
 * 2026-03-08 02:30) — with DST gaps and overlaps resolved by `disambiguation` (Temporal's
 * semantics, default `"compatible"`). It is {@link fromLocalParts} for code that already does
 * its calendar arithmetic in such numbers (local day × 86 400 000 + minutes × 60 000): no
 * parts object and no check of the fields, one integer check instead. Pass a zone compiled by
 * {@link compileTimeZone} in loops.
 *
 * @param wallClock - the local reading as if it were UTC milliseconds: an integer (it may lie a
 *   little past ±8.64e15: the result is what must be in range)
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone}
 * @param options - `disambiguation`, default `"compatible"`
 * @returns epoch milliseconds
 * @throws {OpsError} `invalid_argument` for a `wallClock` that is not an integer, a rejected gap/overlap or bad
 *   options; `invalid_time_zone`; `out_of_range` for an instant outside ±8.64e15
 *
 * @example
 * ```ts
 * import { formatInstant, fromWallClock } from "@ops/core";
 * // 02:30 does not exist in New York on 2026-03-08: "compatible" moves it to 03:30 EDT
 * formatInstant(fromWallClock(Date.UTC(2026, 2, 8, 2, 30), "America/New_York"));
 * // => "2026-03-08T07:30:00.000Z"
 * // "boundary": the instant the clocks jump over 02:30 (03:00 EDT)
 * formatInstant(fromWallClock(Date.UTC(2026, 2, 8, 2, 30), "America/New_York", { disambiguation: "boundary" }));
 * // => "2026-03-08T07:00:00.000Z"
 * ```
 */
export function fromWallClock(
  wallClock: number,
  zone: TimeZone | CompiledTimeZone,
  options: FromWallClockOptions = {},
): Instant {
  const fn = "fromWallClock";
  if (!Number.isInteger(wallClock)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["wallClock"],
      rule: "must be an integer",
      received: wallClock,
    });
  }
  const offsets = offsetsOf(zone, fn);
  const disambiguation = readOptions(options, fn).disambiguation ?? "compatible";
  return resolveWith(wallClock, offsets, checkDisambiguation(disambiguation, fn, DISAMBIGUATION), fn, {
    path: WALL_CLOCK,
    what: "is a local time",
    received: wallClock,
  });
}

const WALL_CLOCK = ["wallClock"] as const;
const DISAMBIGUATION = ["options", "disambiguation"] as const;
