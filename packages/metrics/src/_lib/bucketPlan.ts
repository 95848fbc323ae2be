// Bucket boundaries in a zone, computed once per call, and a fast exact index lookup for
// hot loops (a guess by average bucket length, then a step or two along the boundaries),
// so that no per-event offset computation is needed. Boundaries are local midnights
// resolved as core's fromLocalParts does with disambiguation "compatible" (a skipped
// midnight moves forward, e.g. to 01:00), with core's fromWallClock on a zone compiled by
// compileTimeZone (the zone is validated once, offsets are cached per hour).
import { compileTimeZone, fromWallClock, OpsError, type Instant, type WeekStartsOn, zoneOffset } from "@ops/core";

import type { BucketUnit } from "../bucket/BucketUnit";

export type { BucketUnit };

export interface BucketPlan {
  readonly unit: BucketUnit;
  readonly timeZone: string;
  /** k + 1 boundaries of k buckets: bucket i is [bounds[i], bounds[i + 1]). */
  readonly bounds: Float64Array;
  /** Local date (`2026-03-08`) or month (`2026-03`) of each bucket. */
  readonly labels: readonly string[];
  readonly count: number;
  readonly approx: number;
}

const DAY = 86_400_000;
export const MAX_BUCKETS = 1_000_000;

function label(wall: number, unit: BucketUnit): string {
  const d = new Date(wall);
  const ym = `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  return unit === "month" ? ym : `${ym}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** Calendar buckets of `unit` covering the instants `from … to` (inclusive) in `zone`. */
export function planBuckets(
  unit: BucketUnit,
  zone: string,
  weekStartsOn: WeekStartsOn,
  from: Instant,
  to: Instant,
  fn: string,
): BucketPlan {
  const approx = unit === "day" ? DAY : unit === "week" ? 7 * DAY : 30.436875 * DAY;
  const estimate = (to - from) / approx + 2;
  if (estimate > MAX_BUCKETS) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["options"],
      rule: `must not span more than ${MAX_BUCKETS} ${unit} buckets`,
      received: Math.ceil(estimate),
    });
  }
  const tz = compileTimeZone(zone);
  const local = new Date(from + zoneOffset(from, tz) * 60_000);
  let y = local.getUTCFullYear();
  let m = local.getUTCMonth();
  let d = local.getUTCDate();
  if (unit === "month") d = 1;
  if (unit === "week") d -= (local.getUTCDay() - weekStartsOn + 7) % 7;
  const bounds: number[] = [];
  const labels: string[] = [];
  for (;;) {
    const wall = Date.UTC(y, m, d);
    // a local date past the range of Date (NaN) starts past ±8.64e15 in every zone: out_of_range, as
    // fromWallClock says for a reading just inside it (fromWallClock itself refuses NaN as invalid_argument)
    if (Number.isNaN(wall)) {
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: ["options"],
        rule: `must not need a ${unit} bucket that starts outside ±8.64e15 epoch milliseconds`,
      });
    }
    const start = fromWallClock(wall, tz);
    // a wholly skipped local day (Samoa, 2011-12-30) resolves onto the next one: drop it
    if (bounds.length > 0 && start <= (bounds[bounds.length - 1] as number)) labels.pop();
    else bounds.push(start);
    labels.push(label(wall, unit));
    if (start > to) break;
    if (unit === "day") d += 1;
    else if (unit === "week") d += 7;
    else m += 1;
    const norm = new Date(Date.UTC(y, m, d));
    y = norm.getUTCFullYear();
    m = norm.getUTCMonth();
    d = norm.getUTCDate();
  }
  labels.pop();
  return { unit, timeZone: zone, bounds: Float64Array.from(bounds), labels, count: bounds.length - 1, approx };
}

/** Index of the bucket containing t, or -1 outside the plan. */
export function bucketIndex(plan: BucketPlan, t: number): number {
  const b = plan.bounds;
  const k = plan.count;
  if (t < (b[0] as number) || t >= (b[k] as number)) return -1;
  let i = Math.floor((t - (b[0] as number)) / plan.approx);
  if (i >= k) i = k - 1;
  while (t < (b[i] as number)) i--;
  while (t >= (b[i + 1] as number)) i++;
  return i;
}
