// Expands a validated calendar spec into sorted UTC open intervals over a horizon.
import {
  type CompiledTimeZone,
  MAX_INSTANT,
  compileTimeZone,
  fromWallClock,
  isOpsError,
  type Instant,
  type TimeZone,
  zoneOffset,
} from "@ops/core";
import type { CalendarSpec, HoursRange, Weekday } from "../calendarSpec";
import { WEEKDAYS } from "../calendarSpec";
import { BUCKET_MS, type CompiledIntervals } from "./calendarData";
import { DAY_MS, dateOfDay, minutesOf, weekdayIndex } from "./localDate";

/**
 * The instant at which a wall-clock boundary (an opening or closing time) happens: core's
 * `"boundary"` disambiguation — where a DST change repeats the reading (fall-back), the first
 * time the clock shows it; where it skips it (spring-forward), the moment the clock jumps over
 * it. So an interval is exactly the instants whose wall-clock reading lies in `[open, close)`.
 * A boundary past the instant range (the days probed around a horizon at its ends) is put just
 * beyond it: the horizon clips it away.
 */
const BOUNDARY = { disambiguation: "boundary" } as const;

function boundaryOf(zone: CompiledTimeZone): (wall: number) => Instant {
  return (wall) => {
    // a day from either end of the range, no offset can take the instant out of it: no try there
    if (Math.abs(wall) < MAX_INSTANT - DAY_MS) return fromWallClock(wall, zone, BOUNDARY);
    try {
      return fromWallClock(wall, zone, BOUNDARY);
    } catch (e) {
      if (!(isOpsError(e) && e.code === "out_of_range")) throw e;
      return wall > 0 ? MAX_INSTANT + DAY_MS : -MAX_INSTANT - DAY_MS;
    }
  };
}

/**
 * The zone's offset function (minutes east of UTC) for the expansion. The days read around
 * a horizon at an end of the instant range (the local day after +275760-09-13 in a zone
 * east of UTC) are probed beyond ±8.64e15 ms: they get the offset in force at that end.
 */
export function zoneOffsets(timeZone: TimeZone | CompiledTimeZone): (t: Instant) => number {
  const zone = typeof timeZone === "string" ? compileTimeZone(timeZone) : timeZone;
  return (t) => zoneOffset(Math.min(MAX_INSTANT, Math.max(-MAX_INSTANT, t)), zone);
}

/** The local day number of an instant. */
export function localDayAt(t: Instant, offset: (t: Instant) => number): number {
  return Math.floor((t + offset(t) * 60_000) / DAY_MS);
}

/**
 * The open intervals of a checked spec over `[from, to)`: every interval of every local
 * date around the horizon as instants, their union (overlapping or touching intervals
 * merge), clipped to the horizon; with prefix sums and the day index.
 */
export function expandCalendar(spec: CalendarSpec, from: Instant, to: Instant): CompiledIntervals {
  const zone = compileTimeZone(spec.timeZone);
  const offset = zoneOffsets(zone);
  const boundaryInstant = boundaryOf(zone);
  const holidays = new Set((spec.holidays ?? []).map((h) => h.date));
  const workdays = new Map((spec.workdays ?? []).map((w) => [w.date, w.hoursOf ?? "mon"] as const));
  const overrides = new Map((spec.overrides ?? []).map((o) => [o.date, o.hours] as const));
  // the day before the horizon: its overnight intervals run into it
  const firstDay = localDayAt(from, offset) - 1;
  const lastDay = localDayAt(to, offset);
  const raw: { start: number; end: number }[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const date = dateOfDay(day);
    let hours: readonly HoursRange[] | undefined = overrides.get(date);
    if (hours === undefined) {
      if (holidays.has(date)) continue;
      const like: Weekday = workdays.get(date) ?? (WEEKDAYS[weekdayIndex(day)] as Weekday);
      hours = spec.weekly[like];
    }
    for (const range of hours ?? []) {
      const open = minutesOf(range.open);
      let close = minutesOf(range.close);
      if (close <= open) close += 1440;
      const start = boundaryInstant(day * DAY_MS + open * 60_000);
      const end = boundaryInstant(day * DAY_MS + close * 60_000);
      if (end > start) raw.push({ start, end });
    }
  }
  raw.sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  // the union: a run of intervals that overlap or touch is one interval
  let runStart = Number.NaN;
  let runEnd = Number.NEGATIVE_INFINITY;
  const close = () => {
    const start = Math.max(runStart, from);
    const end = Math.min(runEnd, to);
    if (end > start) {
      starts.push(start);
      ends.push(end);
    }
  };
  for (const r of raw) {
    if (r.start <= runEnd) {
      if (r.end > runEnd) runEnd = r.end;
      continue;
    }
    if (runEnd !== Number.NEGATIVE_INFINITY) close();
    runStart = r.start;
    runEnd = r.end;
  }
  if (runEnd !== Number.NEGATIVE_INFINITY) close();
  const before = new Float64Array(starts.length);
  const through = new Float64Array(starts.length);
  let sum = 0;
  for (let i = 0; i < starts.length; i++) {
    before[i] = sum;
    sum += (ends[i] as number) - (starts[i] as number);
    through[i] = sum;
  }
  const buckets = Math.ceil((to - from) / BUCKET_MS) + 2;
  const bucketFirst = new Int32Array(buckets);
  let j = 0;
  for (let k = 0; k < buckets; k++) {
    const bucketStart = from + k * BUCKET_MS;
    while (j < ends.length && (ends[j] as number) <= bucketStart) j++;
    bucketFirst[k] = j;
  }
  return {
    origin: from,
    bucketFirst,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    before,
    through,
  };
}
