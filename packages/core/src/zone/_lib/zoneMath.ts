// Zone arithmetic shared by the zone functions. Inputs are already validated here.
// Wall-clock readings are plain numbers ("local milliseconds", the local date and time
// written as if it were UTC) computed with `civil.ts`, never through `Date`: a reading a few
// hours past ±8.64e15 (Asia/Tokyo at the last instant) is still a number, and a result
// outside the range is an `out_of_range` error, never NaN.
import { tzOffset } from "@date-fns/tz/tzOffset"; // the subpath: the package root is not side-effect free and would bring TZDate along
import { OpsError, type ErrorPath } from "../../error/OpsError";
import { MAX_INSTANT, type Instant } from "../../instant/Instant";
import type { TimeZone } from "../timeZone";
import { civilFromDays, DAY, daysFromCivil } from "../../_lib/civil";
import { outOfRange } from "../../_lib/outOfRange";

/** The wall-clock reading of an instant in a zone. */
export interface LocalParts {
  readonly year: number;
  /** 1 (January) – 12 (December). */
  readonly month: number;
  /** Day of the month, 1 – 31. */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** UTC offset in force, minutes east of UTC. */
  readonly offsetMinutes: number;
}

/** A local date and wall-clock time; omitted time fields are 0. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/**
 * How to resolve a wall-clock time that a DST change skips (a gap) or repeats (an
 * overlap), with the semantics of Temporal's `disambiguation` option:
 * - `compatible` (default): a gap moves forward by its length, an overlap takes the earlier instant;
 * - `earlier` / `later`: the earlier or later of the two candidate instants;
 * - `reject`: throw an {@link OpsError} (`invalid_argument`);
 * - `boundary` (not in Temporal): the earliest instant at which the clock reads this time **or
 *   a later one** — an overlap takes the earlier instant, a gap the instant the clocks jump
 *   over it (the end of the gap, not "moved forward by its length"). For the edges of
 *   intervals (opening hours, business days): an interval `[open, close)` is then exactly the
 *   instants whose local reading lies in it. \@ops/sla's business calendars use it.
 */
export type Disambiguation = "compatible" | "earlier" | "later" | "reject" | "boundary";

const DISAMBIGUATIONS: ReadonlySet<unknown> = /* @__PURE__ */ new Set([
  "compatible",
  "earlier",
  "later",
  "reject",
  "boundary",
]);

/** `disambiguation` if it is one of the {@link Disambiguation} values; a typed error naming `path` otherwise. */
export function checkDisambiguation(disambiguation: unknown, fn: string, path: ErrorPath): Disambiguation {
  if (!DISAMBIGUATIONS.has(disambiguation))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: 'must be "compatible", "earlier", "later", "reject" or "boundary"',
      received: disambiguation,
    });
  return disambiguation as Disambiguation;
}

const HOUR = 3_600_000;

/**
 * Offset in minutes without validation (zone already checked). An instant beyond
 * ±MAX_INSTANT — only ever a probe a day either side of a wall-clock reading — gets the
 * offset in force at that end of the range, which the runtime can still compute.
 */
export function rawOffset(instant: Instant, zone: TimeZone): number {
  if (zone === "UTC" || zone === "Etc/UTC") return 0;
  return tzOffset(
    zone,
    new Date(instant > MAX_INSTANT ? MAX_INSTANT : instant < -MAX_INSTANT ? -MAX_INSTANT : instant),
  );
}

/**
 * An offset function for one zone that remembers the offset of each UTC hour it has seen;
 * an hour in which the offset changes is computed exactly each time. Unchecked (probes may
 * leave the range, see {@link rawOffset}).
 */
export function hourlyOffsets(zone: TimeZone): (instant: Instant) => number {
  if (zone === "UTC" || zone === "Etc/UTC") return () => 0;
  const byHour = new Map<number, number>();
  return (instant) => {
    const hour = Math.floor(instant / HOUR);
    const cached = byHour.get(hour);
    if (cached !== undefined && !Number.isNaN(cached)) return cached;
    if (cached === undefined) {
      const start = rawOffset(hour * HOUR, zone);
      const end = rawOffset(hour * HOUR + HOUR - 1, zone);
      byHour.set(hour, start === end ? start : Number.NaN); // NaN marks an hour with a change
      if (start === end) return start;
    }
    return rawOffset(instant, zone);
  };
}

/** Local parts for an instant and a known offset (no validation). */
export function partsAt(instant: Instant, offsetMinutes: number): LocalParts {
  const local = instant + Math.round(offsetMinutes * 60_000);
  const days = Math.floor(local / DAY); // exact: within ±1e8 days, k − 1/DAY never rounds up to k
  const ms = local - days * DAY;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(ms / HOUR),
    minute: Math.floor(ms / 60_000) % 60,
    second: Math.floor(ms / 1000) % 60,
    millisecond: ms % 1000,
    weekday: ((((days + 3) % 7) + 7) % 7) + 1, // 1970-01-01 was a Thursday (ISO 4)
    offsetMinutes,
  };
}

/** Milliseconds of a wall-clock reading as if it were UTC; `day` may run past the month. */
export function wallClockMs(p: LocalDateTime): number {
  return (
    daysFromCivil(p.year, p.month, p.day) * DAY +
    (p.hour ?? 0) * HOUR +
    (p.minute ?? 0) * 60_000 +
    (p.second ?? 0) * 1000 +
    (p.millisecond ?? 0)
  );
}

/**
 * Where an out-of-range result is reported: the argument's path and what it "… outside" the
 * range — or a function of the blame giving that text, when it costs something to build (it
 * is called only on failure; a module-level function, so that the hot path allocates no closure).
 */
export interface RangeBlame {
  readonly path: ErrorPath;
  readonly what: string | ((blame: RangeBlame) => string);
  readonly received?: unknown;
  /** An instant the text may name (read by `what`). */
  readonly instant?: Instant;
}

const PARTS: RangeBlame = { path: ["parts"], what: "names a local time" };

/**
 * Resolves a wall-clock reading (as UTC ms) with an offset function (minutes east of UTC),
 * Temporal's algorithm: the candidate offsets are those in force a day before and after.
 * A result outside ±MAX_INSTANT throws `out_of_range` naming `blame`.
 */
export function resolveWith(
  wall: number,
  offset: (t: Instant) => number,
  disambiguation: Disambiguation,
  fn: string,
  blame: RangeBlame = PARTS,
): Instant {
  const t = candidate(wall, offset, disambiguation, fn, blame);
  if (!(Math.abs(t) <= MAX_INSTANT))
    throw outOfRange(fn, blame.path, typeof blame.what === "string" ? blame.what : blame.what(blame), blame.received);
  return t;
}

function candidate(
  wall: number,
  offset: (t: Instant) => number,
  disambiguation: Disambiguation,
  fn: string,
  blame: RangeBlame,
): number {
  const before = Math.round(offset(wall - DAY) * 60_000);
  const after = Math.round(offset(wall + DAY) * 60_000);
  const t1 = wall - before;
  const t2 = wall - after;
  const v1 = Math.round(offset(t1) * 60_000) === before;
  const v2 = Math.round(offset(t2) * 60_000) === after;
  if (v1 && v2) {
    if (t1 === t2) return t1;
    // overlap: the wall-clock reading happens twice
    if (disambiguation === "reject") throw ambiguous(fn, blame, "is repeated by a DST change (fall-back overlap)");
    return disambiguation === "later" ? Math.max(t1, t2) : Math.min(t1, t2);
  }
  if (v1) return t1;
  if (v2) return t2;
  // gap: the wall-clock reading is skipped
  if (disambiguation === "reject") throw ambiguous(fn, blame, "is skipped by a DST change (spring-forward gap)");
  if (disambiguation === "earlier") return wall - after;
  if (disambiguation === "boundary") {
    // the offset changes from `before` to `after` somewhere in (lo, hi]: the first instant of `after`
    let lo = Math.min(t1, t2);
    let hi = Math.max(t1, t2);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (Math.round(offset(mid) * 60_000) === after) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  return wall - before;
}

function ambiguous(fn: string, blame: RangeBlame, rule: string): OpsError {
  return new OpsError({
    code: "invalid_argument",
    fn,
    path: blame.path,
    rule: `names a wall-clock time that ${rule}`,
    ...(blame.received === undefined ? {} : { received: blame.received }),
  });
}
