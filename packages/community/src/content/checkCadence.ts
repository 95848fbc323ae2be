import {
  type ReadonlyDeep,
  addLocalDays,
  assertTimeZone,
  localParts,
  OpsError,
  PeriodSchema,
  parseOrThrow,
  startOfLocalWeek,
  type Instant,
  type Period,
  type WeekStartsOn,
} from "@ops/core";
import * as z from "zod/mini";
import {
  ContentPlanSchema,
  PublishedItemSchema,
  type ContentForm,
  type ContentPlan,
  type PublishedItem,
} from "./ContentPlan";

/** The longest period {@link checkCadence} reports on: 5 years (of 366 days). */
const MAX_PERIOD_MS = 5 * 366 * 86_400_000;

/** A form's shortfall or excess in one week. */
export interface CadenceDeviation {
  readonly form: ContentForm;
  /** The bound that was missed: the target's `min` for a gap, its `max` for an excess. */
  readonly bound: number;
  readonly published: number;
  /** How many are missing (gap) or too many (excess). */
  readonly by: number;
}

/** One local week of the cadence report. */
export interface CadenceWeek {
  /** Local date the week starts on, `YYYY-MM-DD`. */
  readonly week: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  /** False for a week that ends after the period's `end` (still running): its gaps are "still needed", and it does not break streaks. */
  readonly complete: boolean;
  /** Items published in the week, by form (every planned form is present, 0 included). */
  readonly counts: Readonly<Partial<Record<ContentForm, number>>>;
  readonly gaps: readonly CadenceDeviation[];
  readonly excesses: readonly CadenceDeviation[];
  /** No gaps (excesses do not fail a week). */
  readonly met: boolean;
}

/** Consecutive weeks on target. */
export interface CadenceStreak {
  /** A form, or `"all"` for weeks where every target was met. */
  readonly form: ContentForm | "all";
  /** Complete weeks on target, counting back from the last complete week. */
  readonly current: number;
  readonly longest: number;
}

/** The outcome of {@link checkCadence}. */
export interface CadenceReport {
  readonly weeks: readonly CadenceWeek[];
  readonly streaks: readonly CadenceStreak[];
  /** Complete weeks that met every target, and complete weeks in all. */
  readonly weeksMet: number;
  readonly weeksComplete: number;
}

/**
 * Checks what was published against a plan's weekly targets by form: for each local week
 * (in the plan's zone, starting on its `weekStartsOn`) the count per form, the gaps
 * (below `min`) and excesses (above `max`), and streaks of weeks on target per form and
 * overall. Weeks are calendar weeks in the zone, so a week containing a DST change is
 * 167 or 169 hours long. Items of forms the plan does not name are counted but never
 * fail a week.
 *
 * @param plan - the content plan
 * @param published - what was published (any order; not mutated; ids unique)
 * @param period - the weeks overlapping the half-open period [start, end) are reported (a core
 *   `Period`, at most 5 years long)
 * @returns weeks, streaks and totals
 * @throws {OpsError} `invalid_argument` for a malformed plan, item or period; `duplicate` for a repeated item id; `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { checkCadence } from "@ops/community";
 * const plan = { timeZone: "Asia/Shanghai", targets: [{ form: "article", min: 3, max: 5 }, { form: "short_video", min: 2, max: 3 }] } as const;
 * const mon = Date.UTC(2026, 10, 2, 2); // Monday 10:00 in Shanghai
 * const items = [0, 1, 2].map((d) => ({ id: `a${d}`, form: "article", publishedAt: mon + d * 86_400_000 } as const));
 * const report = checkCadence(plan, [...items, { id: "v1", form: "short_video", publishedAt: mon }], { start: mon, end: mon + 7 * 86_400_000 });
 * report.weeks[0]?.gaps;
 * // => [{ form: "short_video", bound: 2, published: 1, by: 1 }]
 * ```
 */
export function checkCadence(
  plan: ReadonlyDeep<ContentPlan>,
  published: readonly PublishedItem[],
  period: Period,
): CadenceReport {
  const fn = "checkCadence";
  const p = parseOrThrow(ContentPlanSchema, plan, { fn, path: ["plan"] });
  assertTimeZone(p.timeZone, fn, ["plan", "timeZone"]);
  const items = parseOrThrow(z.array(PublishedItemSchema), published, { fn, path: ["published"] });
  const { start, end } = parseOrThrow(PeriodSchema, period, { fn, path: ["period"] });
  if (end - start > MAX_PERIOD_MS)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["period", "end"],
      rule: "must be at most 5 years after start",
      received: end,
    });
  const ids = new Set<string>();
  items.forEach((it, i) => {
    if (ids.has(it.id))
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["published", i, "id"],
        rule: "must be unique",
        received: it.id,
      });
    ids.add(it.id);
  });
  const zone = p.timeZone;
  const weekStartsOn = p.weekStartsOn as WeekStartsOn;
  const starts: Instant[] = [];
  for (let w = startOfLocalWeek(start, zone, { weekStartsOn }); w < end; w = addLocalDays(w, zone, 7)) starts.push(w);
  const ends = starts.map((s) => addLocalDays(s, zone, 7));
  const counts = starts.map(() => new Map<ContentForm, number>());
  for (const it of items) {
    // binary search for the week containing the item
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (it.publishedAt < (starts[mid] as number)) hi = mid - 1;
      else if (it.publishedAt >= (ends[mid] as number)) lo = mid + 1;
      else {
        const c = counts[mid] as Map<ContentForm, number>;
        c.set(it.form, (c.get(it.form) ?? 0) + 1);
        break;
      }
    }
  }
  const weeks: CadenceWeek[] = starts.map((startsAt, i) => {
    const c = counts[i] as Map<ContentForm, number>;
    const record: Partial<Record<ContentForm, number>> = {};
    for (const t of p.targets) record[t.form] = c.get(t.form) ?? 0;
    for (const [form, n] of c) record[form] = n;
    const gaps: CadenceDeviation[] = [];
    const excesses: CadenceDeviation[] = [];
    for (const t of p.targets) {
      const n = c.get(t.form) ?? 0;
      if (n < t.min) gaps.push({ form: t.form, bound: t.min, published: n, by: t.min - n });
      if (t.max !== undefined && n > t.max) excesses.push({ form: t.form, bound: t.max, published: n, by: n - t.max });
    }
    const lp = localParts(startsAt, zone);
    return {
      week: `${String(lp.year).padStart(4, "0")}-${String(lp.month).padStart(2, "0")}-${String(lp.day).padStart(2, "0")}`,
      startsAt,
      endsAt: ends[i] as number,
      complete: (ends[i] as number) <= end,
      counts: record,
      gaps,
      excesses,
      met: gaps.length === 0,
    };
  });
  const complete = weeks.filter((w) => w.complete);
  const streak = (form: ContentForm | "all", ok: (w: CadenceWeek) => boolean): CadenceStreak => {
    let longest = 0;
    let run = 0;
    for (const w of complete) {
      run = ok(w) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return { form, current: run, longest };
  };
  const streaks = [
    ...p.targets.map((t) => streak(t.form, (w) => !w.gaps.some((g) => g.form === t.form))),
    streak("all", (w) => w.met),
  ];
  return { weeks, streaks, weeksMet: complete.filter((w) => w.met).length, weeksComplete: complete.length };
}
