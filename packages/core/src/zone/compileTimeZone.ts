import { assertNumber } from "../_lib/readOptions";
import { brandCompiled } from "../compiled/brandCompiled";
import { OpsError } from "../error/OpsError";
import { assertInstant, MAX_INSTANT, type Instant } from "../instant/Instant";
import {
  checkDisambiguation,
  hourlyOffsets,
  partsAt,
  type RangeBlame,
  resolveWith,
  wallClockMs,
} from "./_lib/zoneMath";
import type { Disambiguation, LocalDateTime } from "./fromLocalParts";
import type { LocalParts } from "./localParts";
import type { WeekStartsOn } from "./startOfLocal";
import { assertTimeZone, type TimeZone } from "./timeZone";

const INSTANT = ["instant"] as const;

/** The one check the methods make of a number argument: that it is a number (its range is the result's to judge). */
function numberAt(value: unknown, method: string, path: readonly string[]): number {
  assertNumber(value, `CompiledTimeZone.${method}`, path);
  return value;
}

const PART_FIELDS = ["year", "month", "day", "hour", "minute", "second", "millisecond"] as const;

/** `fromLocalParts` checks the shape only (an object of numbers, time fields optional), not the ranges. */
function checkParts(parts: unknown): LocalDateTime {
  const fn = "CompiledTimeZone.fromLocalParts";
  if (typeof parts !== "object" || parts === null) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["parts"],
      rule: "must be an object { year, month, day, … }",
      received: parts,
    });
  }
  for (const [k, field] of PART_FIELDS.entries()) {
    const value = (parts as Record<string, unknown>)[field];
    if (k >= 3 && value === undefined) continue;
    numberAt(value, "fromLocalParts", ["parts", field]);
  }
  return parts as LocalDateTime;
}

/**
 * A time zone checked once and ready for hot loops (bucketing millions of events by local
 * day, expanding a calendar over two years). Offsets are cached per UTC hour (see
 * {@link createOffsetLookup}); no method validates the zone again. Methods check only that
 * an instant is an integer within ±8.64e15 (`offset`: within ±8.64e15, as the function of
 * {@link createOffsetLookup}), and that the other number arguments are numbers, not their ranges:
 * pass real dates and integer day counts, or use the validating free functions
 * ({@link localParts}, {@link fromLocalParts}, {@link startOfLocalDay}). A result outside
 * ±8.64e15 throws `out_of_range`, as the free functions do — never NaN.
 * The object holds a private cache and is otherwise immutable.
 */
export interface CompiledTimeZone {
  /** The IANA name. */
  readonly zone: TimeZone;
  /** UTC offset in minutes east of UTC at `instant`. */
  offset(instant: Instant): number;
  /** Local date and wall-clock time of `instant`. */
  localParts(instant: Instant): LocalParts;
  /**
   * The instant at which the wall clock reads `wallClock` — a local reading written as if
   * it were UTC milliseconds (`Date.UTC(2026, 2, 8, 2, 30)` for 08 Mar 2026 02:30), with
   * Temporal's `disambiguation` (default `"compatible"`).
   */
  fromWallClock(wallClock: number, disambiguation?: Disambiguation): Instant;
  /** Like {@link fromLocalParts} without validation. */
  fromLocalParts(parts: LocalDateTime, disambiguation?: Disambiguation): Instant;
  /** First instant of the local day containing `instant`. */
  startOfDay(instant: Instant): Instant;
  /** First instant of the local week containing `instant` (default ISO: Monday). */
  startOfWeek(instant: Instant, weekStartsOn?: WeekStartsOn): Instant;
  /** First instant of the local month containing `instant`. */
  startOfMonth(instant: Instant): Instant;
  /** `days` calendar days later (or earlier), keeping the wall-clock time. */
  addDays(instant: Instant, days: number): Instant;
}

/**
 * Checks an IANA zone once and returns a {@link CompiledTimeZone} whose methods run
 * without re-validation — the "validate once, then run fast" form of the zone functions,
 * with the same DST semantics (Temporal's `compatible` by default: a skipped wall-clock
 * time moves forward by the gap, a repeated one takes the earlier instant).
 *
 * @param zone - an IANA time-zone name
 * @returns the compiled zone
 * @throws {OpsError} `invalid_time_zone` for an unknown zone; its methods throw `invalid_argument`
 *   for an invalid instant and `out_of_range` for a result outside ±8.64e15
 *
 * @example
 * ```ts
 * import { compileTimeZone, formatInstant, parseInstant } from "@ops/core";
 * const ny = compileTimeZone("America/New_York");
 * formatInstant(ny.fromWallClock(Date.UTC(2026, 2, 8, 2, 30)));
 * // => "2026-03-08T07:30:00.000Z"
 * const day = ny.startOfDay(parseInstant("2026-11-01T12:00:00Z"));
 * (ny.addDays(day, 1) - day) / 3_600_000;
 * // => 25
 * ```
 */
export function compileTimeZone(zone: TimeZone): CompiledTimeZone {
  assertTimeZone(zone, "compileTimeZone", ["zone"]);
  const probe = hourlyOffsets(zone); // unchecked: a day either side of a wall-clock reading may leave the range
  const offsetIn = (fn: string, instant: Instant): number => {
    // the message (and its string) only when the check fails: these methods run in hot loops
    if (!(Number.isInteger(instant) && Math.abs(instant) <= MAX_INSTANT))
      assertInstant(instant, `CompiledTimeZone.${fn}`, INSTANT);
    return probe(instant);
  };
  const resolve = (wall: number, disambiguation: Disambiguation, fn: string, blame?: RangeBlame): Instant =>
    resolveWith(wall, probe, disambiguation, `CompiledTimeZone.${fn}`, blame);
  const startOf = (fn: string, instant: Instant, unit: string, dayOf: (p: LocalParts) => number): Instant => {
    const p = partsAt(instant, offsetIn(fn, instant));
    return resolve(wallClockMs({ year: p.year, month: p.month, day: dayOf(p) }), "compatible", fn, {
      path: ["instant"],
      what: `lies in a local ${unit} that starts`,
      received: instant,
    });
  };
  // the one brand of compiled objects (compiled/brandCompiled.ts), then frozen
  return Object.freeze(
    brandCompiled(
      {
        zone,
        offset: (instant: Instant) => {
          // as createOffsetLookup's function: one comparison, a fraction is read as the instant it falls in
          if (typeof instant !== "number" || !(Math.abs(instant) <= MAX_INSTANT))
            assertInstant(instant, "CompiledTimeZone.offset", INSTANT);
          return probe(instant);
        },
        fromWallClock: (wall: number, disambiguation: Disambiguation = "compatible") =>
          resolve(
            numberAt(wall, "fromWallClock", ["wallClock"]),
            checkDisambiguation(disambiguation, "CompiledTimeZone.fromWallClock", ["disambiguation"]),
            "fromWallClock",
            {
              path: ["wallClock"],
              what: "is a local time",
              received: wall,
            },
          ),
        localParts: (instant: Instant) => partsAt(instant, offsetIn("localParts", instant)),
        fromLocalParts: (parts: LocalDateTime, disambiguation: Disambiguation = "compatible") =>
          resolve(
            wallClockMs(checkParts(parts)),
            checkDisambiguation(disambiguation, "CompiledTimeZone.fromLocalParts", ["disambiguation"]),
            "fromLocalParts",
          ),
        startOfDay: (instant: Instant) => startOf("startOfDay", instant, "day", (p) => p.day),
        startOfWeek: (instant: Instant, weekStartsOn: WeekStartsOn = 1) => {
          if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
            throw new OpsError({
              code: "invalid_argument",
              fn: "CompiledTimeZone.startOfWeek",
              path: ["weekStartsOn"],
              rule: "must be an integer from 0 (Sunday) to 6 (Saturday)",
              received: weekStartsOn,
            });
          }
          return startOf("startOfWeek", instant, "week", (p) => p.day - ((p.weekday - weekStartsOn + 7) % 7));
        },
        startOfMonth: (instant: Instant) => startOf("startOfMonth", instant, "month", () => 1),
        addDays: (instant: Instant, days: number) => {
          const p = partsAt(instant, offsetIn("addDays", instant));
          return resolve(
            wallClockMs({ ...p, day: p.day + numberAt(days, "addDays", ["days"]) }),
            "compatible",
            "addDays",
            {
              path: ["days"],
              what: "moves the instant to a local time",
              received: days,
            },
          );
        },
      },
      "core.timeZone",
    ),
  );
}
