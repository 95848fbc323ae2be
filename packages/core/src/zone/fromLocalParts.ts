import { readOptions } from "../_lib/readOptions";
import * as z from "zod/mini";
import type { Instant } from "../instant/Instant";
import { monthLength } from "../_lib/civil";
import { parseOrThrow } from "../validate/parseOrThrow";
import type { TimeZone } from "./timeZone";
import { type CompiledTimeZone, offsetsOf } from "./_lib/zoneArg";
import { checkDisambiguation, resolveWith, wallClockMs } from "./_lib/zoneMath";
import type { LocalDateTime, Disambiguation } from "./_lib/zoneMath";
export type { LocalDateTime, Disambiguation } from "./_lib/zoneMath";

/** Options of {@link fromLocalParts}. */
export interface FromLocalPartsOptions {
  readonly disambiguation?: Disambiguation;
}

function intIn(min: number, max: number) {
  return z.int().check(z.minimum(min), z.maximum(max));
}

/**
 * Schema of a {@link LocalDateTime}. Years run from -271821 to 275760, the years an
 * {@link Instant} can fall in (proleptic Gregorian, year 0 = 1 BC); whether the local time
 * is an instant within ±8.64e15 in a given zone is checked by {@link fromLocalParts}.
 */
export const LocalDateTimeSchema = /* @__PURE__ */ (() =>
  z
    .object({
      year: intIn(-271_821, 275_760),
      month: intIn(1, 12),
      day: intIn(1, 31),
      hour: z.optional(intIn(0, 23)),
      minute: z.optional(intIn(0, 59)),
      second: z.optional(intIn(0, 59)),
      millisecond: z.optional(intIn(0, 999)),
    })
    .check(
      // monthLength is unchecked: a month outside 1–12 is reported by its own check, not thrown here
      z.refine((p) => p.day <= monthLength(p.year, p.month), { error: "day must exist in that month", path: ["day"] }),
    ))();

/**
 * The instant at which the wall clock in `zone` reads `parts`. Inverse of
 * {@link localParts}, with DST gaps and overlaps resolved by `disambiguation`
 * (Temporal's algorithm: the two candidate offsets are those in force a day before and a
 * day after).
 *
 * @param parts - local date and time; omitted time fields are 0
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone} (faster in loops)
 * @param options - `disambiguation`, default `"compatible"`
 * @returns epoch milliseconds
 * @throws {OpsError} `invalid_argument` for impossible parts (Feb 30), a rejected gap/overlap, or options that are
 *   not an object (`null` included: omit them for the defaults); `invalid_time_zone`;
 *   `out_of_range` for real parts whose instant is outside ±8.64e15 (`{ year: 275760, month: 9, day: 13, hour: 10 }`
 *   in Asia/Tokyo is one hour past the last instant)
 *
 * @example
 * ```ts
 * import { fromLocalParts, formatInstant } from "@ops/core";
 * formatInstant(fromLocalParts({ year: 2026, month: 3, day: 8, hour: 9 }, "Asia/Shanghai"));
 * // => "2026-03-08T01:00:00.000Z"
 * // 02:30 does not exist in New York on 2026-03-08: "compatible" moves it to 03:30 EDT
 * formatInstant(fromLocalParts({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York"));
 * // => "2026-03-08T07:30:00.000Z"
 * ```
 */
export function fromLocalParts(
  parts: LocalDateTime,
  zone: TimeZone | CompiledTimeZone,
  options: FromLocalPartsOptions = {},
): Instant {
  const fn = "fromLocalParts";
  // zod (and its issue) only for parts that fail the plain check: this runs in loops
  if (!realParts(parts)) parseOrThrow(LocalDateTimeSchema, parts, { fn, path: ["parts"] });
  const offsets = offsetsOf(zone, fn);
  const disambiguation = readOptions(options, fn).disambiguation ?? "compatible";
  return resolveWith(
    wallClockMs(parts),
    offsets,
    checkDisambiguation(disambiguation, fn, ["options", "disambiguation"]),
    fn,
  );
}

/** An integer field within [min, max] (absent allowed for the time fields). */
const inRange = (v: unknown, min: number, max: number): boolean =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const timeField = (v: unknown, max: number): boolean => v === undefined || inRange(v, 0, max);

/**
 * What {@link LocalDateTimeSchema} accepts, checked by hand (without zod's cost); `false`
 * also for anything odd (a proxy, a getter that throws), which the schema then reports.
 */
function realParts(parts: unknown): parts is LocalDateTime {
  try {
    if (typeof parts !== "object" || parts === null) return false;
    const p = parts as Record<string, unknown>;
    return (
      inRange(p.year, -271_821, 275_760) &&
      inRange(p.month, 1, 12) &&
      inRange(p.day, 1, 31) &&
      (p.day as number) <= monthLength(p.year as number, p.month as number) &&
      timeField(p.hour, 23) &&
      timeField(p.minute, 59) &&
      timeField(p.second, 59) &&
      timeField(p.millisecond, 999)
    );
  } catch {
    return false;
  }
}
