import { parseOrThrow, type Instant, type Period, type TimeZone, type WeekStartsOn } from "@ops/core";
import * as z from "zod/mini";
import { aggregate } from "./_lib/aggregate";
import { BucketOptionsShape, resolveBuckets } from "../_lib/bucketOptions";
import type { BucketUnit } from "./BucketUnit";
import { toColumns } from "../_lib/columns";
import type { EventInput } from "../column/EventColumns";

/** Options of {@link timeBuckets}. */
export interface TimeBucketsOptions {
  /** Calendar unit: `day` (default), `week` or `month`. */
  readonly unit?: BucketUnit;
  /** IANA zone whose calendar defines the buckets. */
  readonly timeZone: TimeZone;
  /** First day of a week: 0 = Sunday … 6 = Saturday; default 1 (Monday: ISO 8601 weeks). */
  readonly weekStartsOn?: WeekStartsOn;
  /** Only events in `[start, end)` count, and the buckets cover this range; default: the events' own span. */
  readonly range?: Period;
  /** Only events of these kinds count; default every kind. */
  readonly kinds?: readonly string[];
  /** Include empty buckets with zeros (default `true`); `false` keeps only buckets with events. */
  readonly fill?: boolean;
}

/** One calendar bucket `[start, end)` and what happened in it. */
export interface TimeBucket {
  readonly start: Instant;
  readonly end: Instant;
  /** The local date the bucket starts on, `"2026-03-08"`, or the month, `"2026-03"`. */
  readonly label: string;
  readonly count: number;
  /** Σ `value`. */
  readonly sum: number;
  readonly distinctActors: number;
}

/** Schema of {@link TimeBucketsOptions}. */
export const TimeBucketsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ ...BucketOptionsShape, fill: z.optional(z.boolean()) }))();

/**
 * Buckets events by local calendar day, week (ISO or starting on a chosen day) or month
 * in an IANA zone, counting events, summing `value` and counting distinct actors per
 * bucket. A bucket is a calendar unit, not a fixed length: the day of a DST change is 23
 * or 25 hours and is still one day. Boundaries come from core's `startOfLocalDay/Week/Month`,
 * computed once per call; each event then finds its bucket in O(1).
 *
 * @param events - event objects or {@link EventColumns} (not mutated)
 * @param options - unit, timeZone, weekStartsOn, range, kinds, fill
 * @returns buckets in time order; empty buckets filled with zeros unless `fill: false`
 * @throws {OpsError} `invalid_argument` for a bad event or option, `invalid_time_zone`, `out_of_range` beyond 1 000 000 buckets or when a bucket's values sum past ±Number.MAX_VALUE (its `sum` would be ±Infinity)
 *
 * @example
 * ```ts
 * import { timeBuckets } from "@ops/metrics";
 * const events = [
 *   { at: Date.parse("2026-03-07T23:30:00-05:00"), actor: "a" },
 *   { at: Date.parse("2026-03-08T03:30:00-04:00"), actor: "a" },
 *   { at: Date.parse("2026-03-08T23:59:00-04:00"), actor: "b", value: 5 },
 *   { at: Date.parse("2026-03-10T09:00:00-04:00"), actor: "b" },
 * ];
 * const days = timeBuckets(events, { timeZone: "America/New_York" });
 * days.map((d) => [d.label, d.count, d.sum, d.distinctActors, (d.end - d.start) / 3_600_000]);
 * // => [["2026-03-07", 1, 0, 1, 24], ["2026-03-08", 2, 5, 2, 23], ["2026-03-09", 0, 0, 0, 24], ["2026-03-10", 1, 0, 1, 24]]
 * ```
 */
export function timeBuckets(events: EventInput, options: TimeBucketsOptions): TimeBucket[] {
  const fn = "timeBuckets";
  const opts = parseOrThrow(TimeBucketsOptionsSchema, options, { fn, path: ["options"] });
  const cols = toColumns(events, fn);
  const { plan, mask, lo, hi } = resolveBuckets(cols, opts, fn);
  if (plan === null) return [];
  const agg = aggregate(cols, plan, { byChannel: false, mask, lo, hi, fn });
  const out: TimeBucket[] = [];
  for (let b = 0; b < plan.count; b++) {
    const count = agg.count[b] as number;
    if (count === 0 && opts.fill === false) continue;
    const start = plan.bounds[b] as number;
    out.push({
      start,
      end: plan.bounds[b + 1] as number,
      label: plan.labels[b] as string,
      count,
      sum: agg.sum[b] as number,
      distinctActors: agg.distinct[b] as number,
    });
  }
  return out;
}
