// Options shared by the bucketing functions, their schema and their resolution into a plan.
import { OpsError, TimeZoneSchema, type WeekStartsOn } from "@ops/core";
import { z } from "zod";
import { PeriodSchema, type Period } from "../bucket/Period";
import type { EventColumns } from "../columns/EventColumns";
import { planBuckets, type BucketPlan, type BucketUnit } from "./bucketPlan";
import { kindMask } from "./columns";

export const BucketOptionsShape = {
  unit: z.enum(["day", "week", "month"]).optional(),
  timeZone: TimeZoneSchema,
  weekStartsOn: z
    .number()
    .int({ error: "must be an integer from 0 (Sunday) to 6 (Saturday)" })
    .min(0, { error: "must be an integer from 0 (Sunday) to 6 (Saturday)" })
    .max(6, { error: "must be an integer from 0 (Sunday) to 6 (Saturday)" })
    .optional(),
  range: PeriodSchema.optional(),
  kinds: z.array(z.string()).optional(),
};

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

export function unknownOption(fn: string, key: string, rule: string, received: unknown): OpsError {
  return new OpsError({ code: "invalid_argument", fn, path: ["options", key], rule, received });
}
