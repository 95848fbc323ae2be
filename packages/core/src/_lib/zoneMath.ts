// Zone arithmetic shared by the zone functions. Inputs are already validated here.
import { tzOffset } from "@date-fns/tz/tzOffset"; // the subpath: the package root is not side-effect free and would bring TZDate along
import { OpsError } from "../error/OpsError";
import type { Instant } from "../instant/Instant";
import type { LocalDateTime } from "../zone/fromLocalParts";
import type { LocalParts } from "../zone/localParts";
import type { Disambiguation } from "../zone/fromLocalParts";
import type { TimeZone } from "../zone/timeZone";

const DAY = 86_400_000;

/** Offset in minutes without validation (zone already checked). */
export function rawOffset(instant: Instant, zone: TimeZone): number {
  if (zone === "UTC" || zone === "Etc/UTC") return 0;
  return tzOffset(zone, new Date(instant));
}

/** Local parts for an instant and a known offset (no validation). */
export function partsAt(instant: Instant, offsetMinutes: number): LocalParts {
  const d = new Date(instant + Math.round(offsetMinutes * 60_000));
  const dow = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: dow === 0 ? 7 : dow,
    offsetMinutes,
  };
}

/** Milliseconds of a wall-clock reading as if it were UTC. */
export function wallClockMs(p: LocalDateTime): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour ?? 0, p.minute ?? 0, p.second ?? 0, p.millisecond ?? 0);
  return d.getTime();
}

/** Resolves a wall-clock reading (as UTC ms) in a validated zone. */
export function resolveLocal(
  wall: number,
  zone: TimeZone,
  disambiguation: Disambiguation,
  fn = "fromLocalParts",
): Instant {
  return resolveWith(wall, (t) => rawOffset(t, zone), disambiguation, fn);
}

/**
 * Resolves a wall-clock reading (as UTC ms) with an offset function (minutes east of UTC),
 * Temporal's algorithm: the candidate offsets are those in force a day before and after.
 */
export function resolveWith(
  wall: number,
  offset: (t: Instant) => number,
  disambiguation: Disambiguation,
  fn: string,
): Instant {
  const before = offset(wall - DAY) * 60_000;
  const after = offset(wall + DAY) * 60_000;
  const t1 = wall - before;
  const t2 = wall - after;
  const v1 = offset(t1) * 60_000 === before;
  const v2 = offset(t2) * 60_000 === after;
  if (v1 && v2) {
    if (t1 === t2) return t1;
    // overlap: the wall-clock reading happens twice
    if (disambiguation === "reject") throw ambiguous(fn, "is repeated by a DST change (fall-back overlap)");
    return disambiguation === "later" ? Math.max(t1, t2) : Math.min(t1, t2);
  }
  if (v1) return t1;
  if (v2) return t2;
  // gap: the wall-clock reading is skipped
  if (disambiguation === "reject") throw ambiguous(fn, "is skipped by a DST change (spring-forward gap)");
  if (disambiguation === "earlier") return wall - after;
  return wall - before;
}

function ambiguous(fn: string, rule: string): OpsError {
  return new OpsError({ code: "invalid_argument", fn, path: ["parts"], rule: `names a wall-clock time that ${rule}` });
}
