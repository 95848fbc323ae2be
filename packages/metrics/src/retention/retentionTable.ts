import { OpsError, parseOrThrow, type Instant, type Period, type TimeZone, type WeekStartsOn } from "@ops/core";
import * as z from "zod/mini";
import { BucketOptionsShape } from "../_lib/bucketOptions";
import { bucketIndex, planBuckets, type BucketUnit } from "../_lib/bucketPlan";
import { toColumns } from "../_lib/columns";
import type { EventInput } from "../column/EventColumns";

/**
 * How actors enter cohorts (PostHog's retention types):
 * - `firstTime`: the interval of the actor's first `startEvent` ("first time" / "first occurrence matching filters");
 * - `firstEver`: the interval of the actor's first event of any kind, and only if that event is a `startEvent` ("first ever occurrence");
 * - `recurring`: every interval in which the actor did a `startEvent` (an actor can be in many cohorts).
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
  /** Only cohorts whose interval starts in `[start, end)`; default every interval of the data. */
  readonly range?: Period;
}

/** One cohort row. */
export interface RetentionCohort {
  readonly start: Instant;
  readonly label: string;
  /** Actors in the cohort (interval 0). */
  readonly size: number;
  /** Actors retained in intervals 0 … periods − 1; `null` for intervals after the data ends. */
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
 * later interval of the row (PostHog's "on or after" view), which makes each row
 * non-increasing. Intervals are local calendar days, weeks or months in `timeZone`
 * (a DST day is still one interval); intervals that start after the last event are `null`,
 * not 0, since nobody could have returned yet. Rates are retained / cohort size.
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
  const { at, actor, kind } = cols;
  const n = at.length;
  if (n === 0) return { interval, type, cumulative, cohorts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = at[i] as number;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const plan = planBuckets(interval, opts.timeZone, (opts.weekStartsOn ?? 1) as WeekStartsOn, min, max, fn);
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
  // cohort entry per actor (firstTime / firstEver), or entries per (actor, interval) (recurring)
  const firstStart = new Float64Array(nActors).fill(Infinity);
  const firstAny = new Float64Array(nActors).fill(Infinity);
  const firstAnyIsStart = new Uint8Array(nActors);
  const started = type === "recurring" ? new Uint8Array(Math.ceil((nActors * nb) / 8)) : null;
  for (let i = 0; i < n; i++) {
    const t = at[i] as number;
    const a = actor[i] as number;
    const k = kind[i] as number;
    const b = bucketIndex(plan, t);
    if (isReturn(k)) {
      const bit = a * nb + b;
      returned[bit >>> 3] = (returned[bit >>> 3] as number) | (1 << (bit & 7));
    }
    if (isStart(k)) {
      if (t < (firstStart[a] as number)) firstStart[a] = t;
      if (started !== null) {
        const bit = a * nb + b;
        started[bit >>> 3] = (started[bit >>> 3] as number) | (1 << (bit & 7));
      }
    }
    if (t < (firstAny[a] as number)) {
      firstAny[a] = t;
      firstAnyIsStart[a] = isStart(k) ? 1 : 0;
    } else if (t === firstAny[a] && isStart(k)) {
      firstAnyIsStart[a] = 1;
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
    if (type === "recurring") {
      for (let c = 0; c < nb; c++) if (has(started as Uint8Array, a, c)) addMember(a, c);
    } else if (type === "firstTime") {
      if (firstStart[a] !== Infinity) addMember(a, bucketIndex(plan, firstStart[a] as number));
    } else if (firstAny[a] !== Infinity && firstAnyIsStart[a] === 1) {
      addMember(a, bucketIndex(plan, firstAny[a] as number));
    }
  }
  const cohorts: RetentionCohort[] = [];
  for (let c = 0; c < nb; c++) {
    const start = plan.bounds[c] as number;
    if (opts.range !== undefined && (start < opts.range.start || start >= opts.range.end)) continue;
    const s = size[c] as number;
    const retained: (number | null)[] = [];
    const rates: (number | null)[] = [];
    for (let k = 0; k < periods; k++) {
      const v = c + k < nb ? (counts[c * periods + k] as number) : null;
      retained.push(v);
      rates.push(v === null || s === 0 ? null : v / s);
    }
    cohorts.push({ start, label: plan.labels[c] as string, size: s, retained, rates });
  }
  return { interval, type, cumulative, cohorts };
}
