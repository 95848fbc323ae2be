import { parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { aggregate } from "./_lib/aggregate";
import { BucketOptionsShape, resolveBuckets } from "../_lib/bucketOptions";
import { toColumns } from "../_lib/columns";
import type { EventInput } from "../column/EventColumns";
import type { TimeBucketsOptions } from "./timeBuckets";

/**
 * Options of {@link rollupByChannel}: those of `timeBuckets`; `fill` adds a zero row for every
 * (bucket, known channel), default `false`; `distinctActors: false` skips the distinct count
 * (its bitset pass is most of the work) and reports `distinctActors: null`, default `true`.
 */
export interface RollupByChannelOptions extends TimeBucketsOptions {
  readonly distinctActors?: boolean;
}

/** One (bucket, channel) row of a rollup. */
export interface ChannelRollup {
  readonly start: Instant;
  readonly end: Instant;
  readonly label: string;
  readonly channel: string;
  readonly count: number;
  readonly sum: number;
  /** Distinct actors; `null` when the call asked for none (`distinctActors: false`). */
  readonly distinctActors: number | null;
}

/** Schema of {@link RollupByChannelOptions}. */
export const RollupByChannelOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ ...BucketOptionsShape, fill: z.optional(z.boolean()), distinctActors: z.optional(z.boolean()) }))();

/**
 * Rolls events up by local calendar bucket and channel: count, Σ `value` and distinct
 * actors per (bucket, channel) — the daily channel report that dashboards are built on.
 * Only what is asked is computed: with `distinctActors: false` the pass keeps two
 * accumulators per group and no bitset.
 * Bucketing follows {@link timeBuckets}. One pass over the columns: counts and sums go
 * into flat arrays indexed by (bucket, channel), distinct actors into a bitset over
 * (group, actor) pairs (or, when that would exceed 32 MiB, a counting sort by group).
 *
 * @param events - event objects or {@link EventColumns} (not mutated)
 * @param options - as {@link timeBuckets}; `fill` (default `false`) adds zero rows
 * @returns rows ordered by bucket, then by channel in dictionary order
 * @throws {OpsError} `invalid_argument` for a bad event or option, `invalid_time_zone`, `out_of_range` for more than 2^24 groups or when a group's values sum past ±Number.MAX_VALUE (its `sum` would be ±Infinity)
 *
 * @example
 * ```ts
 * import { rollupByChannel } from "@ops/metrics";
 * const events = [
 *   { at: Date.parse("2026-03-08T09:00:00+08:00"), actor: "u1", channel: "weibo", value: 3 },
 *   { at: Date.parse("2026-03-08T10:00:00+08:00"), actor: "u1", channel: "weibo", value: 4 },
 *   { at: Date.parse("2026-03-08T23:00:00+08:00"), actor: "u2", channel: "douyin" },
 *   { at: Date.parse("2026-03-09T01:00:00+08:00"), actor: "u2", channel: "weibo" },
 * ];
 * rollupByChannel(events, { timeZone: "Asia/Shanghai" }).map((r) => [r.label, r.channel, r.count, r.sum, r.distinctActors]);
 * // => [["2026-03-08", "weibo", 2, 7, 1], ["2026-03-08", "douyin", 1, 0, 1], ["2026-03-09", "weibo", 1, 0, 1]]
 * ```
 */
export function rollupByChannel(events: EventInput, options: RollupByChannelOptions): ChannelRollup[] {
  const fn = "rollupByChannel";
  const opts = parseOrThrow(RollupByChannelOptionsSchema, options, { fn, path: ["options"] });
  const cols = toColumns(events, fn);
  const { plan, mask, lo, hi } = resolveBuckets(cols, opts, fn);
  if (plan === null) return [];
  const withDistinct = opts.distinctActors !== false;
  const agg = aggregate(cols, plan, { byChannel: true, mask, lo, hi, fn, distinct: withDistinct });
  const out: ChannelRollup[] = [];
  const channels = cols.channels;
  for (let b = 0; b < plan.count; b++) {
    const start = plan.bounds[b] as number;
    const end = plan.bounds[b + 1] as number;
    let label: string | undefined;
    for (let c = 0; c < channels.length; c++) {
      const g = b * agg.width + c;
      const count = agg.count[g] as number;
      if (count === 0 && opts.fill !== true) continue;
      label ??= plan.labels[b] as string;
      out.push({
        start,
        end,
        label,
        channel: channels[c] as string,
        count,
        sum: agg.sum[g] as number,
        distinctActors: withDistinct ? (agg.distinct[g] as number) : null,
      });
    }
  }
  return out;
}
