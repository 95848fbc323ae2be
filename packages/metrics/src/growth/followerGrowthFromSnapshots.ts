import { InstantSchema, OpsError, PeriodSchema, parseOrThrow, type Instant, type Period } from "@ops/core";
import * as z from "zod/mini";
import { growthOf } from "./_lib/growthOf";
import { CountSchema } from "../_lib/schemas";
import type { FollowerGrowth } from "./followerGrowth";

/** A follower count read at `at`, optionally with the gains and losses since the previous snapshot. */
export interface FollowerSnapshot {
  readonly at: Instant;
  readonly followers: number;
  readonly gained?: number;
  readonly lost?: number;
}

/** Options of {@link followerGrowthFromSnapshots}. */
export interface FollowerGrowthFromSnapshotsOptions {
  /** The period `[start, end]` between two readings. */
  readonly period: Period;
}

/** Schema of a {@link FollowerSnapshot}. */
export const FollowerSnapshotSchema = /* @__PURE__ */ (() =>
  z.object({
    at: InstantSchema,
    followers: CountSchema,
    gained: z.optional(CountSchema),
    lost: z.optional(CountSchema),
  }))();

/** Schema of {@link FollowerGrowthFromSnapshotsOptions}. */
export const FollowerGrowthFromSnapshotsOptionsSchema = /* @__PURE__ */ (() => z.object({ period: PeriodSchema }))();

const FollowerSnapshotListSchema = /* @__PURE__ */ (() => z.array(FollowerSnapshotSchema))();

/**
 * Follower growth from follower-count snapshots (the daily figures platform analytics
 * export): base = the latest reading at or before `period.start`, end = the latest at or
 * before `period.end`, net = end − base, net growth rate = net / base. Gross gains and
 * losses are the sums of `gained`/`lost` of the snapshots after the base up to the end
 * reading, and `null` unless every one of them carries both (a count alone cannot tell
 * 10 gained − 10 lost from no change).
 *
 * @param snapshots - readings in strictly increasing time order (not mutated); `followers`, `gained` and `lost` are finite numbers from 0 to 2^53 − 1
 * @param options - `period`
 * @returns the growth figures and rates (finite numbers, or `null` with a reason)
 * @throws {OpsError} `invalid_argument` for a bad snapshot; `out_of_order`/`duplicate` for unsorted or repeated instants; `out_of_range` when no reading is at or before `period.start`, or when a fractional base reading is so close to 0 that a growth rate would exceed `Number.MAX_VALUE`
 *
 * @example
 * ```ts
 * import { followerGrowthFromSnapshots } from "@ops/metrics";
 * const day = 86_400_000;
 * const snapshots = [
 *   { at: 0, followers: 1000 },
 *   { at: 1 * day, followers: 1010, gained: 15, lost: 5 },
 *   { at: 2 * day, followers: 1005, gained: 3, lost: 8 },
 * ];
 * const g = followerGrowthFromSnapshots(snapshots, { period: { start: 0, end: 2 * day } });
 * [g.base, g.end, g.gained, g.lost, g.net, g.netGrowthRate.value];
 * // => [1000, 1005, 18, 13, 5, 0.005]
 * ```
 */
export function followerGrowthFromSnapshots(
  snapshots: readonly FollowerSnapshot[],
  options: FollowerGrowthFromSnapshotsOptions,
): FollowerGrowth {
  const fn = "followerGrowthFromSnapshots";
  const list = parseOrThrow(FollowerSnapshotListSchema, snapshots, { fn, path: ["snapshots"] });
  const { period } = parseOrThrow(FollowerGrowthFromSnapshotsOptionsSchema, options, { fn, path: ["options"] });
  for (let i = 1; i < list.length; i++) {
    const prev = (list[i - 1] as FollowerSnapshot).at;
    const cur = (list[i] as FollowerSnapshot).at;
    if (cur === prev)
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["snapshots", i, "at"],
        rule: "must differ from the previous snapshot's instant",
        received: cur,
      });
    if (cur < prev)
      throw new OpsError({
        code: "out_of_order",
        fn,
        path: ["snapshots", i, "at"],
        rule: "must be after the previous snapshot's instant",
        received: cur,
      });
  }
  let baseIndex = -1;
  let endIndex = -1;
  list.forEach((s, i) => {
    if (s.at <= period.start) baseIndex = i;
    if (s.at <= period.end) endIndex = i;
  });
  if (baseIndex < 0) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["snapshots"],
      rule: "must include a reading at or before options.period.start",
    });
  }
  let gained: number | null = 0;
  let lost: number | null = 0;
  for (let i = baseIndex + 1; i <= endIndex; i++) {
    const s = list[i] as FollowerSnapshot;
    if (s.gained === undefined || s.lost === undefined || gained === null || lost === null) {
      gained = null;
      lost = null;
    } else {
      gained += s.gained;
      lost += s.lost;
    }
  }
  return growthOf(
    (list[baseIndex] as FollowerSnapshot).followers,
    (list[endIndex] as FollowerSnapshot).followers,
    gained,
    lost,
    fn,
    ["snapshots", baseIndex, "followers"],
  );
}
