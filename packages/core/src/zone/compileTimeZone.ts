import { OpsError } from "../error/OpsError";
import type { Instant } from "../instant/Instant";
import { partsAt, resolveWith, wallClockMs } from "../_lib/zoneMath";
import type { Disambiguation, LocalDateTime } from "./fromLocalParts";
import type { LocalParts } from "./localParts";
import type { WeekStartsOn } from "./startOfLocal";
import type { TimeZone } from "./timeZone";
import { createOffsetLookup } from "./zoneOffset";

/**
 * A time zone checked once and ready for hot loops (bucketing millions of events by local
 * day, expanding a calendar over two years). Offsets are cached per UTC hour (see
 * {@link createOffsetLookup}); no method validates the zone again. Methods do not check
 * their arguments either: pass integer instants and real dates, or use the validating
 * free functions ({@link localParts}, {@link fromLocalParts}, {@link startOfLocalDay}).
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
 * @throws {OpsError} `invalid_time_zone` for an unknown zone
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
  const offset = createOffsetLookup(zone);
  const fromWallClock = (wall: number, disambiguation: Disambiguation = "compatible"): Instant =>
    resolveWith(wall, offset, disambiguation, "CompiledTimeZone.fromWallClock");
  const wallOf = (instant: Instant): Date => new Date(instant + Math.round(offset(instant) * 60_000));
  const midnight = (d: Date, dayDelta = 0, firstOfMonth = false): Instant =>
    fromWallClock(
      wallClockMs({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: firstOfMonth ? 1 : d.getUTCDate() + dayDelta,
      }),
    );
  return Object.freeze({
    zone,
    offset,
    fromWallClock,
    localParts: (instant: Instant) => partsAt(instant, offset(instant)),
    fromLocalParts: (parts: LocalDateTime, disambiguation: Disambiguation = "compatible") =>
      fromWallClock(wallClockMs(parts), disambiguation),
    startOfDay: (instant: Instant) => midnight(wallOf(instant)),
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
      const d = wallOf(instant);
      return midnight(d, -((d.getUTCDay() - weekStartsOn + 7) % 7));
    },
    startOfMonth: (instant: Instant) => midnight(wallOf(instant), 0, true),
    addDays: (instant: Instant, days: number) => {
      const p = partsAt(instant, offset(instant));
      return fromWallClock(wallClockMs({ ...p, day: p.day + days }));
    },
  });
}
