// Options shared by the bucketing functions, their schema and their resolution into a plan.
import { PeriodSchema, TimeZoneSchema, type Period, type WeekStartsOn } from "@ops/core";
import * as z from "zod/mini";
import type { EventColumns } from "../column/EventColumns";
import { planBuckets, type BucketPlan, type BucketUnit } from "./bucketPlan";
import { kindMask } from "./columns";

const WEEKDAY = "must be an integer from 0 (Sunday) to 6 (Saturday)";

/** The option fields the bucketing functions share (timeBuckets, rollupByChannel, retentionTable). */
export const BucketOptionsShape = /* @__PURE__ */ (() => ({
  unit: z.optional(z.enum(["day", "week", "month"])),
  timeZone: TimeZoneSchema,
  weekStartsOn: z.optional(
    z.int({ error: WEEKDAY }).check(z.minimum(0, { error: WEEKDAY }), z.maximum(6, { error: WEEKDAY })),
  ),
  range: z.optional(PeriodSchema),
  kinds: z.optional(z.array(z.string())),
}))();

export interface ResolvedBuckets {
  readonly plan: BucketPlan | null;
  readonly mask: Uint8Array | null;
  readonly lo: number;
  readonly hi: number;
}

export function resolveBuckets(
  cols: EventColumns,
  opts: {
    unit?: BucketUnit | undefined;
    timeZone: string;
    weekStartsOn?: number | undefined;
    range?: Period | undefined;
    kinds?: string[] | undefined;
  },
  fn: string,
): ResolvedBuckets {
  const unit = opts.unit ?? "day";
  const weekStartsOn = (opts.weekStartsOn ?? 1) as WeekStartsOn;
  const mask = kindMask(cols, opts.kinds);
  if (opts.range !== undefined) {
    const { start, end } = opts.range;
    return { plan: planBuckets(unit, opts.timeZone, weekStartsOn, start, end - 1, fn), mask, lo: start, hi: end };
  }
  let min = Infinity;
  let max = -Infinity;
  const { at, kind } = cols;
  for (let i = 0; i < at.length; i++) {
    if (mask !== null && mask[kind[i] as number] === 0) continue;
    const t = at[i] as number;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (min === Infinity) return { plan: null, mask, lo: -Infinity, hi: Infinity };
  return { plan: planBuckets(unit, opts.timeZone, weekStartsOn, min, max, fn), mask, lo: -Infinity, hi: Infinity };
}
