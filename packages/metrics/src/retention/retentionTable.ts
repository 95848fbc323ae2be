import { OpsError, parseOrThrow, type Instant, type Period, type TimeZone, type WeekStartsOn } from "@ops/core";
import * as z from "zod/mini";
import { BucketOptionsShape } from "../_lib/bucketOptions";
import { bucketIndex, planBuckets, type BucketPlan, type BucketUnit } from "../_lib/bucketPlan";
import { toColumns } from "../_lib/columns";
import type { EventInput } from "../column/EventColumns";

/**
 * How actors enter cohorts (PostHog's retention types):
 * - `firstTime`: the interval of the actor's first `startEvent` ever ("first occurrence matching filters");
 * - `firstEver`: the interval of the actor's first event of the start event's kind ever ("first-ever
 *   occurrence"). PostHog looks at the first event of that type whatever its properties and keeps
 *   the actor only if that event matches the start event's property filters; a start event here is
 *   a kind with no property filter, so the two types give the same cohorts;
 * - `recurring`: every interval in which the actor did a `startEvent` (an actor can be in many cohorts).
 *
 * For `firstTime` and `firstEver` "first" means first in all the events given, also before
 * `range`: an actor whose first start event precedes the range is in no cohort of it.
 */
export type RetentionType = "firstTime" | "firstEver" | "recurring";

/** Options of {@link retentionTable}. */
export interface RetentionTableOptions {
  readonly timeZone: TimeZone;
  /** Cohort and return interval: `day` (default), `week` or `month`, on the local calendar. */
  readonly interval?: BucketUnit;
  /** First day of a week (0 = Sunday … 6), default 1 (ISO). */
  readonly weekStartsOn?: WeekStartsOn;
  /** Default `"firstTime"`. */
  readonly type?: RetentionType;
  /** Kind that puts an actor into a cohort; default any kind. */
  readonly startEvent?: string;
  /** Kind that counts as a return; default any kind. */
  readonly returnEvent?: string;
  /** Intervals per cohort row, interval 0 included; default 8 (1 … 1000). */
  readonly periods?: number;
  /** Count an actor as retained in interval k if they returned in k or any later interval shown (PostHog "cumulative"). */
  readonly cumulative?: boolean;
  /**
   * The period observed: one row per interval that overlaps `[start, end)` (the first one whole,
   * even when `start` falls inside it), and no event at or after `end` counts — neither a start
   * nor a return. Default: from the interval of the first event to that of the last.
   */
  readonly range?: Period;
}

/** One cohort row. */
export interface RetentionCohort {
  readonly start: Instant;
  readonly label: string;
  /** Actors in the cohort (interval 0). */
  readonly size: number;
  /** Actors retained in intervals 0 … periods − 1; `null` for intervals that start after the observed period. */
  readonly retained: readonly (number | null)[];
  /** `retained / size`; `null` where `retained` is null or the cohort is empty. */
  readonly rates: readonly (number | null)[];
}

/** A retention table. */
export interface RetentionTable {
  readonly interval: BucketUnit;
  readonly type: RetentionType;
  readonly cumulative: boolean;
  readonly cohorts: readonly RetentionCohort[];
}

/** Largest (actors × intervals) table of bits: 2^31 bits = 256 MiB. */
const MAX_CELLS = 2 ** 31;

/** Schema of {@link RetentionTableOptions}. */
export const RetentionTableOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    timeZone: BucketOptionsShape.timeZone,
    weekStartsOn: BucketOptionsShape.weekStartsOn,
    range: BucketOptionsShape.range,
    interval: BucketOptionsShape.unit,
    type: z.optional(z.enum(["firstTime", "firstEver", "recurring"])),
    startEvent: z.optional(z.string()),
    returnEvent: z.optional(z.string()),
    periods: z.optional(
      z
        .int({ error: "must be an integer from 1 to 1000" })
        .check(
          z.minimum(1, { error: "must be an integer from 1 to 1000" }),
          z.maximum(1000, { error: "must be an integer from 1 to 1000" }),
        ),
    ),
    cumulative: z.optional(z.boolean()),
  }))();

/**
 * Cohort retention table from (actor, instant, kind) events, with PostHog's semantics
 * (PostHog docs, "Retention": https://posthog.com/docs/product-analytics/retention):
 * actors enter a cohort by a start event (see {@link RetentionType}); an actor of cohort
 * c is retained in interval k ≥ 1 if they did a return event in the interval c + k.
 * Interval 0 is the cohort itself, so its count is the cohort size (100 %), as PostHog
 * shows it. With `cumulative`, an actor counts in interval k if they returned in k or any
 * later observed interval of the row (PostHog's "on or after" view), which makes each row
 * non-increasing. Intervals are local calendar days, weeks or months in `timeZone`
 * (a DST day is still one interval). Rates are retained / cohort size.
 *
 * The observed period is `range` or, without it, the intervals from the first event to the
 * last. There is one row per interval of it, empty cohorts included. Cells of intervals that
 * start at or after its end are `null`, not 0, since nobody could have returned yet; cells
 * inside it count 0 when nobody returned. Where PostHog's docs are silent, its query code
 * decides: a range that starts inside an interval keeps that interval's whole row (PostHog
 * moves `date_from` back to the start of its interval), and events at or after the range's
 * end are not counted (PostHog bounds every event by `date_to`), so a return after the range
 * can change no cell, cumulative or not; a range that ends inside an interval leaves that
 * last interval partly observed.
 *
 * @param events - event objects or {@link EventColumns} in any order (not mutated)
 * @param options - see {@link RetentionTableOptions}
 * @returns one row per interval of the data (or of `range`), empty cohorts included
 * @throws {OpsError} `invalid_argument` for a bad event or option, `invalid_time_zone`, `out_of_range` beyond 2^31 (actor, interval) cells
 *
 * @example
 * ```ts
 * import { retentionTable } from "@ops/metrics";
 * const day = 86_400_000;
 * const events = [
 *   { at: 0, actor: "a", kind: "join" }, { at: 1 * day, actor: "a", kind: "post" },
 *   { at: 0, actor: "b", kind: "join" }, { at: 2 * day, actor: "b", kind: "post" },
 *   { at: 1 * day, actor: "c", kind: "join" },
 * ];
 * const t = retentionTable(events, { timeZone: "UTC", startEvent: "join", returnEvent: "post", periods: 3 });
 * t.cohorts.map((c) => [c.label, c.size, c.retained]);
 * // => [["1970-01-01", 2, [2, 1, 1]], ["1970-01-02", 1, [1, 0, null]], ["1970-01-03", 0, [0, null, null]]]
 * retentionTable(events, { timeZone: "UTC", startEvent: "join", returnEvent: "post", periods: 3, cumulative: true }).cohorts[0]?.retained;
 * // => [2, 2, 1]
 * // observe days 0 and 1 only: b's post on day 2 is after the range and counts nowhere
 * const r = retentionTable(events, { timeZone: "UTC", startEvent: "join", returnEvent: "post", periods: 3, range: { start: 0, end: 2 * day } });
 * r.cohorts.map((c) => c.retained);
 * // => [[2, 1, null], [1, null, null]]
 * ```
 */
export function retentionTable(events: EventInput, options: RetentionTableOptions): RetentionTable {
  const fn = "retentionTable";
  const opts = parseOrThrow(RetentionTableOptionsSchema, options, { fn, path: ["options"] });
  const cols = toColumns(events, fn);
  const interval = opts.interval ?? "day";
  const type = opts.type ?? "firstTime";
  const periods = opts.periods ?? 8;
  const cumulative = opts.cumulative ?? false;
  const weekStartsOn = (opts.weekStartsOn ?? 1) as WeekStartsOn;
  const { at, actor, kind } = cols;
  const n = at.length;
  // the observed period: [first, end) — the range, or the intervals from the first event to the last
  const end = opts.range?.end ?? Infinity;
  let plan: BucketPlan;
  if (opts.range !== undefined) {
    plan = planBuckets(interval, opts.timeZone, weekStartsOn, opts.range.start, opts.range.end - 1, fn);
  } else {
    if (n === 0) return { interval, type, cumulative, cohorts: [] };
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const t = at[i] as number;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    plan = planBuckets(interval, opts.timeZone, weekStartsOn, min, max, fn);
  }
  const nb = plan.count;
  const nActors = cols.actors.length;
  if (nActors * nb > MAX_CELLS) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["events"],
      rule: `must not need more than ${MAX_CELLS} (actor, interval) cells: use a coarser interval or fewer events`,
      received: nActors * nb,
    });
  }
  const startCode = opts.startEvent === undefined ? -1 : cols.kinds.indexOf(opts.startEvent);
  const returnCode = opts.returnEvent === undefined ? -1 : cols.kinds.indexOf(opts.returnEvent);
  const isStart = (k: number): boolean => opts.startEvent === undefined || k === startCode;
  const isReturn = (k: number): boolean => opts.returnEvent === undefined || k === returnCode;

  // returns: one bit per (actor, interval)
  const returned = new Uint8Array(Math.ceil((nActors * nb) / 8));
  // first start event per actor (firstTime / firstEver, also before the period), or entries per (actor, interval) (recurring)
  const firstStart = new Float64Array(nActors).fill(Infinity);
  const started = type === "recurring" ? new Uint8Array(Math.ceil((nActors * nb) / 8)) : null;
  for (let i = 0; i < n; i++) {
    const t = at[i] as number;
    if (t >= end) continue; // after the observed period: neither a start nor a return
    const a = actor[i] as number;
    const k = kind[i] as number;
    const b = bucketIndex(plan, t); // -1 before the first interval
    if (isReturn(k) && b >= 0) {
      const bit = a * nb + b;
      returned[bit >>> 3] = (returned[bit >>> 3] as number) | (1 << (bit & 7));
    }
    if (isStart(k)) {
      if (t < (firstStart[a] as number)) firstStart[a] = t;
      if (started !== null && b >= 0) {
        const bit = a * nb + b;
        started[bit >>> 3] = (started[bit >>> 3] as number) | (1 << (bit & 7));
      }
    }
  }
  const has = (bits: Uint8Array, a: number, b: number): boolean => {
    const bit = a * nb + b;
    return ((bits[bit >>> 3] as number) & (1 << (bit & 7))) !== 0;
  };
  const size = new Float64Array(nb);
  const counts = new Float64Array(nb * periods);
  const addMember = (a: number, c: number): void => {
    size[c] = (size[c] as number) + 1;
    counts[c * periods] = (counts[c * periods] as number) + 1;
    let last = 0;
    for (let k = 1; k < periods && c + k < nb; k++) {
      if (!has(returned, a, c + k)) continue;
      last = k;
      if (!cumulative) counts[c * periods + k] = (counts[c * periods + k] as number) + 1;
    }
    if (cumulative) for (let k = 1; k <= last; k++) counts[c * periods + k] = (counts[c * periods + k] as number) + 1;
  };
  for (let a = 0; a < nActors; a++) {
    if (started !== null) {
      for (let c = 0; c < nb; c++) if (has(started, a, c)) addMember(a, c);
    } else if (firstStart[a] !== Infinity) {
      // firstTime and firstEver: the first start event ever (they differ only by property filters, see RetentionType)
      const c = bucketIndex(plan, firstStart[a] as number);
      if (c >= 0) addMember(a, c);
    }
  }
  const cohorts: RetentionCohort[] = [];
  for (let c = 0; c < nb; c++) {
    const s = size[c] as number;
    const retained: (number | null)[] = [];
    const rates: (number | null)[] = [];
    for (let k = 0; k < periods; k++) {
      const v = c + k < nb ? (counts[c * periods + k] as number) : null;
      retained.push(v);
      rates.push(v === null || s === 0 ? null : v / s);
    }
    cohorts.push({ start: plan.bounds[c] as number, label: plan.labels[c] as string, size: s, retained, rates });
  }
  return { interval, type, cumulative, cohorts };
}
