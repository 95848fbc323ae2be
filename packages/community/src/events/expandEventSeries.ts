import {
  assertTimeZone,
  fromLocalParts,
  IdSchema,
  InstantSchema,
  OpsError,
  parseOrThrow,
  type Instant,
} from "@ops/core";
import { z } from "zod";
import { EVENT_KINDS, type CommunityEvent } from "./CommunityEvent";

const LocalDate = z.object({
  year: z.number().int().min(1970).max(9999),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
});

/**
 * Schema of a regular event: every `intervalWeeks` weeks on an ISO `weekday`
 * (1 = Monday … 7 = Sunday) at a local `time` in `timeZone`, from `startsOn` to `until`
 * (inclusive local dates), lasting `durationMs`.
 */
export const EventSeriesSchema = z.object({
  id: IdSchema,
  group: z.string().min(1),
  kind: z.enum(EVENT_KINDS),
  title: z.string().min(1).max(500),
  timeZone: z.string(),
  weekday: z.number().int().min(1).max(7),
  time: z.object({ hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }),
  durationMs: z.number().int().positive(),
  startsOn: LocalDate,
  until: LocalDate.optional(),
  intervalWeeks: z.number().int().min(1).max(52).default(1),
  capacity: z.number().int().positive().optional(),
});

/** A regular event; see {@link EventSeriesSchema}. */
export type EventSeries = z.input<typeof EventSeriesSchema>;

/** The window [from, to) of {@link expandEventSeries}. */
export interface ExpandEventSeriesOptions {
  readonly from: Instant;
  readonly to: Instant;
}

/** Schema of {@link ExpandEventSeriesOptions}. */
export const ExpandEventSeriesOptionsSchema = z
  .object({ from: InstantSchema, to: InstantSchema })
  .refine((o) => o.to > o.from, { error: "must be after from", path: ["to"] })
  .refine((o) => o.to - o.from <= 3 * 366 * 86_400_000, { error: "must be at most 3 years after from", path: ["to"] });

const DAY = 86_400_000;

/**
 * Lists the occurrences of a regular event (the weekly parenting talk, the fortnightly
 * group buy) that start in [from, to), as events with ids `"<seriesId>@<YYYY-MM-DD>"`.
 * Each occurrence is at the same local wall-clock time in the series' zone, so it stays at
 * 20:00 across a DST change; a time that a DST gap skips moves forward (Temporal's
 * `"compatible"`).
 *
 * @param series - the regular event
 * @param options - the window `from`, `to` (at most 3 years)
 * @returns the occurrences in time order
 * @throws {OpsError} `invalid_argument` for a malformed series or window; `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { expandEventSeries } from "@ops/community";
 * const series = { id: "talk", group: "g", kind: "talk", title: "Wednesday talk", timeZone: "Europe/London",
 *   weekday: 3, time: { hour: 20, minute: 0 }, durationMs: 3_600_000, startsOn: { year: 2026, month: 3, day: 1 } } as const;
 * expandEventSeries(series, { from: Date.UTC(2026, 2, 20), to: Date.UTC(2026, 3, 2) }).map((e) => [e.id, new Date(e.startsAt).toISOString()]);
 * // => [["talk@2026-03-25", "2026-03-25T20:00:00.000Z"], ["talk@2026-04-01", "2026-04-01T19:00:00.000Z"]]
 * ```
 */
export function expandEventSeries(series: EventSeries, options: ExpandEventSeriesOptions): CommunityEvent[] {
  const fn = "expandEventSeries";
  const s = parseOrThrow(EventSeriesSchema, series, { fn, path: ["series"] });
  const { from, to } = parseOrThrow(ExpandEventSeriesOptionsSchema, options, { fn, path: ["options"] });
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
  // jump close to the window (occurrences start at most 1 day + duration before `from` matters)
  const fromDay = Math.floor(from / DAY) - 2;
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
    if (startsAt >= to) break;
    if (startsAt < from) continue;
    out.push({
      id: `${s.id}@${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      group: s.group,
      kind: s.kind,
      title: s.title,
      startsAt,
      endsAt: startsAt + s.durationMs,
      ...(s.capacity === undefined ? {} : { capacity: s.capacity }),
    });
  }
  return out;
}
