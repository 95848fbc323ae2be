import {
  addLocalDays,
  assertTimeZone,
  localParts,
  OpsError,
  PeriodSchema,
  parseOrThrow,
  startOfLocalDay,
  type Instant,
  type Period,
  type TimeZone,
} from "@ops/core";
import * as z from "zod/mini";
import { CommunityEventSchema, type CommunityEvent } from "./CommunityEvent";

/** Options of {@link eventCalendar}: the zone whose days are shown. */
export interface EventCalendarOptions {
  readonly timeZone: TimeZone;
}

/** Schema of {@link EventCalendarOptions}. */
export const EventCalendarOptionsSchema = /* @__PURE__ */ (() => z.object({ timeZone: z.string() }))();

/** The longest period {@link eventCalendar} lays out: 400 days. */
const MAX_PERIOD_MS = 400 * 86_400_000;

/** One local day of the calendar with the events that touch it. */
export interface CalendarDay {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The instant the local day starts. */
  readonly startsAt: Instant;
  /** Events overlapping the day, by start then id. */
  readonly events: readonly CommunityEvent[];
}

/**
 * Lays events out on the local days of a zone: every event overlapping the half-open period
 * [start, end) is listed
 * on each local day it touches (an evening talk that runs past midnight appears on both
 * days). Days are calendar days in `timeZone` — 23 or 25 hours long on DST nights. Days
 * without events are left out.
 *
 * @param events - the events (any order; not mutated)
 * @param period - the core `Period` to show, at most 400 days long
 * @param options - `timeZone`
 * @returns the days with events, in date order
 * @throws {OpsError} `invalid_argument` for malformed events, period or options; `duplicate` for a repeated event id; `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { eventCalendar } from "@ops/community";
 * const h = 3_600_000;
 * const talk = { id: "t1", group: "g", kind: "talk", title: "Night talk", startsAt: Date.UTC(2026, 10, 2, 15), endsAt: Date.UTC(2026, 10, 2, 17) } as const;
 * eventCalendar([talk], { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 8) }, { timeZone: "Asia/Shanghai" }).map((d) => d.date);
 * // => ["2026-11-02", "2026-11-03"]
 * ```
 */
export function eventCalendar(
  events: readonly CommunityEvent[],
  period: Period,
  options: EventCalendarOptions,
): CalendarDay[] {
  const fn = "eventCalendar";
  const list = parseOrThrow(z.array(CommunityEventSchema), events, { fn, path: ["events"] });
  const { start: periodStart, end: periodEnd } = parseOrThrow(PeriodSchema, period, { fn, path: ["period"] });
  if (periodEnd - periodStart > MAX_PERIOD_MS)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["period", "end"],
      rule: "must be at most 400 days after start",
      received: periodEnd,
    });
  const { timeZone } = parseOrThrow(EventCalendarOptionsSchema, options, { fn, path: ["options"] });
  assertTimeZone(timeZone, fn, ["options", "timeZone"]);
  const ids = new Set<string>();
  list.forEach((e, i) => {
    if (ids.has(e.id))
      throw new OpsError({ code: "duplicate", fn, path: ["events", i, "id"], rule: "must be unique", received: e.id });
    ids.add(e.id);
  });
  const days = new Map<number, { date: string; startsAt: Instant; events: CommunityEvent[] }>();
  const sorted = [...list].sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of sorted) {
    const start = Math.max(e.startsAt, periodStart);
    const end = Math.min(e.endsAt, periodEnd);
    if (start >= end) continue;
    for (let day = startOfLocalDay(start, timeZone); day < end; day = addLocalDays(day, timeZone, 1)) {
      let entry = days.get(day);
      if (!entry) {
        const p = localParts(day, timeZone);
        entry = {
          date: `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`,
          startsAt: day,
          events: [],
        };
        days.set(day, entry);
      }
      entry.events.push(e);
    }
  }
  return [...days.values()].sort((a, b) => a.startsAt - b.startsAt);
}
