// The one hot loop behind timeBuckets, rollupByChannel and distinctActors: count, sum and
// distinct actors per (bucket, channel) group over validated columns.
import { OpsError } from "@ops/core";
import type { EventColumns } from "../../column/EventColumns";
import { bucketIndex, type BucketPlan } from "../../_lib/bucketPlan";

export interface Aggregates {
  /** Groups per bucket: the number of channels, or 1. */
  readonly width: number;
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly distinct: Float64Array;
}

/** Largest number of (bucket, channel) groups: 2^24 (≈ 400 MB of accumulators would follow beyond). */
const MAX_GROUPS = 2 ** 24;

/** Largest (groups × actors) bitset used for distinct counts: 2^28 bits = 32 MiB. */
const MAX_BITSET_BITS = 2 ** 28;

export interface AggregateOptions {
  readonly byChannel: boolean;
  readonly mask: Uint8Array | null;
  /** Events outside [lo, hi) are dropped. */
  readonly lo: number;
  readonly hi: number;
  readonly fn: string;
  /** Count distinct actors (default `true`); `false` leaves `distinct` at 0 and skips the bitset. */
  readonly distinct?: boolean;
  /** Internal: force the sort-based distinct count (for tests). */
  readonly forceSortedDistinct?: boolean;
}

export function aggregate(cols: EventColumns, plan: BucketPlan, options: AggregateOptions): Aggregates {
  const width = options.byChannel ? Math.max(cols.channels.length, 1) : 1;
  const groups = plan.count * width;
  if (groups > MAX_GROUPS) {
    throw new OpsError({
      code: "out_of_range",
      fn: options.fn,
      path: ["options"],
      rule: `must not produce more than ${MAX_GROUPS} (bucket, channel) groups`,
      received: groups,
    });
  }
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const distinct = new Float64Array(groups);
  const nActors = cols.actors.length;
  const { at, actor, channel, kind, value } = cols;
  const mask = options.mask;
  const byChannel = options.byChannel;
  const n = at.length;
  const { lo, hi } = options;
  if (options.distinct === false) {
    for (let i = 0; i < n; i++) {
      if (mask !== null && mask[kind[i] as number] === 0) continue;
      const t = at[i] as number;
      if (t < lo || t >= hi) continue;
      const b = bucketIndex(plan, t);
      if (b < 0) continue;
      const g = byChannel ? b * width + (channel[i] as number) : b;
      count[g] = (count[g] as number) + 1;
      sum[g] = (sum[g] as number) + (value[i] as number);
    }
    checkSums(sum, options.fn);
    return { width, count, sum, distinct };
  }
  if (groups * nActors <= MAX_BITSET_BITS && options.forceSortedDistinct !== true) {
    const seen = new Int32Array(Math.ceil((groups * nActors) / 32));
    for (let i = 0; i < n; i++) {
      if (mask !== null && mask[kind[i] as number] === 0) continue;
      const t = at[i] as number;
      if (t < lo || t >= hi) continue;
      const b = bucketIndex(plan, t);
      if (b < 0) continue;
      const g = byChannel ? b * width + (channel[i] as number) : b;
      count[g] = (count[g] as number) + 1;
      sum[g] = (sum[g] as number) + (value[i] as number);
      const bit = g * nActors + (actor[i] as number);
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      const w = seen[word] as number;
      if ((w & flag) === 0) {
        seen[word] = w | flag;
        distinct[g] = (distinct[g] as number) + 1;
      }
    }
    checkSums(sum, options.fn);
    return { width, count, sum, distinct };
  }
  // Too many (group, actor) pairs for a bitset: group rows by a counting sort, then count
  // distinct actors per group with a stamp per actor.
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (mask !== null && mask[kind[i] as number] === 0) {
      groupOf[i] = -1;
      continue;
    }
    const t = at[i] as number;
    const b = t < lo || t >= hi ? -1 : bucketIndex(plan, t);
    if (b < 0) {
      groupOf[i] = -1;
      continue;
    }
    const g = byChannel ? b * width + (channel[i] as number) : b;
    groupOf[i] = g;
    count[g] = (count[g] as number) + 1;
    sum[g] = (sum[g] as number) + (value[i] as number);
  }
  const offset = new Float64Array(groups + 1);
  for (let g = 0; g < groups; g++) offset[g + 1] = (offset[g] as number) + (count[g] as number);
  const cursor = Float64Array.from(offset);
  const order = new Int32Array(offset[groups] as number);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    if (g >= 0) {
      const at0 = cursor[g] as number;
      order[at0] = i;
      cursor[g] = at0 + 1;
    }
  }
  const stamp = new Int32Array(nActors).fill(-1);
  for (let g = 0; g < groups; g++) {
    let d = 0;
    for (let j = offset[g] as number; j < (offset[g + 1] as number); j++) {
      const a = actor[order[j] as number] as number;
      if (stamp[a] !== g) {
        stamp[a] = g;
        d++;
      }
    }
    distinct[g] = d;
  }
  checkSums(sum, options.fn);
  return { width, count, sum, distinct };
}

/**
 * Refuses a group whose values summed past ±Number.MAX_VALUE (each value is finite, their
 * sum need not be): no finite number answers it, and a bucket's `sum` is never ±Infinity or NaN.
 */
function checkSums(sum: Float64Array, fn: string): void {
  for (let g = 0; g < sum.length; g++) {
    const s = sum[g] as number;
    if (!Number.isFinite(s)) {
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: ["events"],
        rule: "must have values that sum to a finite number (within ±Number.MAX_VALUE) in each bucket",
        received: s,
      });
    }
  }
}
