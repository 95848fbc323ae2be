import {
  assertTimeZone,
  fromLocalParts,
  IdSchema,
  InstantSchema,
  OpsError,
  PeriodSchema,
  parseOrThrow,
  type Period,
} from "@ops/core";
import * as z from "zod/mini";
import { EVENT_KINDS, type CommunityEvent } from "./CommunityEvent";

const LocalDate = /* @__PURE__ */ (() =>
  z.object({
    year: z.int().check(z.minimum(1970), z.maximum(9999)),
    month: z.int().check(z.minimum(1), z.maximum(12)),
    day: z.int().check(z.minimum(1), z.maximum(31)),
  }))();

/**
 * Schema of a regular event: every `intervalWeeks` weeks on an ISO `weekday`
 * (1 = Monday … 7 = Sunday) at a local `time` in `timeZone`, from `startsOn` to `until`
 * (inclusive local dates), lasting `durationMs`.
 */
export const EventSeriesSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    group: z.string().check(z.minLength(1)),
    kind: z.enum(EVENT_KINDS),
    title: z.string().check(z.minLength(1), z.maxLength(500)),
    timeZone: z.string(),
    weekday: z.int().check(z.minimum(1), z.maximum(7)),
    time: z.object({
      hour: z.int().check(z.minimum(0), z.maximum(23)),
      minute: z.int().check(z.minimum(0), z.maximum(59)),
    }),
    durationMs: z.int().check(z.positive()),
    startsOn: LocalDate,
    until: z.optional(LocalDate),
    intervalWeeks: z._default(z.int().check(z.minimum(1), z.maximum(52)), 1),
    capacity: z.optional(z.int().check(z.positive())),
  }))();

/** A regular event; see {@link EventSeriesSchema}. */
export type EventSeries = z.input<typeof EventSeriesSchema>;

const DAY = 86_400_000;

/** The longest period {@link expandEventSeries} expands: 3 years (of 366 days). */
const MAX_PERIOD_MS = 3 * 366 * DAY;

/**
 * Lists the occurrences of a regular event (the weekly parenting talk, the fortnightly
 * group buy) that start in the half-open period [start, end), as events with ids `"<seriesId>@<YYYY-MM-DD>"`.
 * Each occurrence is at the same local wall-clock time in the series' zone, so it stays at
 * 20:00 across a DST change; a time that a DST gap skips moves forward (Temporal's
 * `"compatible"`).
 *
 * @param series - the regular event
 * @param period - the core `Period` whose occurrences are listed, at most 3 years long
 * @returns the occurrences in time order
 * @throws {OpsError} `invalid_argument` for a malformed series or period, or a `durationMs` that takes an occurrence's `endsAt` past the last instant (8.64e15 ms); `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { expandEventSeries } from "@ops/community";
 * const series = { id: "talk", group: "g", kind: "talk", title: "Wednesday talk", timeZone: "Europe/London",
 *   weekday: 3, time: { hour: 20, minute: 0 }, durationMs: 3_600_000, startsOn: { year: 2026, month: 3, day: 1 } } as const;
 * expandEventSeries(series, { start: Date.UTC(2026, 2, 20), end: Date.UTC(2026, 3, 2) }).map((e) => [e.id, new Date(e.startsAt).toISOString()]);
 * // => [["talk@2026-03-25", "2026-03-25T20:00:00.000Z"], ["talk@2026-04-01", "2026-04-01T19:00:00.000Z"]]
 * ```
 */
export function expandEventSeries(series: EventSeries, period: Period): CommunityEvent[] {
  const fn = "expandEventSeries";
  const s = parseOrThrow(EventSeriesSchema, series, { fn, path: ["series"] });
  const { start, end } = parseOrThrow(PeriodSchema, period, { fn, path: ["period"] });
  if (end - start > MAX_PERIOD_MS)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["period", "end"],
      rule: "must be at most 3 years after start",
      received: end,
    });
  assertTimeZone(s.timeZone, fn, ["series", "timeZone"]);
  const dayNumber = (d: { year: number; month: number; day: number }, path: string): number => {
    const n = Date.UTC(d.year, d.month - 1, d.day) / DAY;
    const back = new Date(n * DAY);
    if (back.getUTCDate() !== d.day)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["series", path, "day"],
        rule: "must exist in that month",
        received: d.day,
      });
    return n;
  };
  const first0 = dayNumber(s.startsOn, "startsOn");
  const last = s.until === undefined ? Number.POSITIVE_INFINITY : dayNumber(s.until, "until");
  // ISO weekday of day number n: 1970-01-01 (n = 0) was a Thursday (4)
  const weekdayOf = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;
  const first = first0 + ((s.weekday - weekdayOf(first0) + 7) % 7);
  const step = 7 * s.intervalWeeks;
  // jump close to the period (occurrences start at most 1 day + duration before `start` matters)
  const fromDay = Math.floor(start / DAY) - 2;
  let k = Math.max(0, Math.floor((fromDay - first) / step));
  const out: CommunityEvent[] = [];
  for (; ; k++) {
    const n = first + k * step;
    if (n > last) break;
    const date = new Date(n * DAY);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const startsAt = fromLocalParts(
      { year: y, month: m, day: d, hour: s.time.hour, minute: s.time.minute },
      s.timeZone,
    );
    if (startsAt >= end) break;
    if (startsAt < start) continue;
    out.push({
      id: `${s.id}@${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      group: s.group,
      kind: s.kind,
      title: s.title,
      startsAt,
      // an instant like every other: refused, not returned, past ±8.64e15 ms
      endsAt: parseOrThrow(InstantSchema, startsAt + s.durationMs, { fn, path: ["series", "durationMs"] }),
      ...(s.capacity === undefined ? {} : { capacity: s.capacity }),
    });
  }
  return out;
}
