import { InstantSchema, PeriodSchema, parseOrThrow, type Instant, type Period } from "@ops/core";
import * as z from "zod/mini";
import { growthOf } from "./_lib/growthOf";
import { CountSchema } from "../_lib/schemas";
import type { FollowerGrowth } from "./_lib/growthOf";
export type { FollowerGrowth } from "./_lib/growthOf";

/** A follow or unfollow of the account. */
export interface FollowEvent {
  readonly at: Instant;
  readonly type: "follow" | "unfollow";
}

/** Options of {@link followerGrowth}. */
export interface FollowerGrowthOptions {
  /** The period `[start, end)`. */
  readonly period: Period;
  /** Followers at `period.start` — the base of the growth rates. */
  readonly baseFollowers: number;
}

/** Schema of a {@link FollowEvent}. */
export const FollowEventSchema = /* @__PURE__ */ (() =>
  z.object({ at: InstantSchema, type: z.enum(["follow", "unfollow"]) }))();

/** Schema of {@link FollowerGrowthOptions}. */
export const FollowerGrowthOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ period: PeriodSchema, baseFollowers: CountSchema }))();

const FollowEventListSchema = /* @__PURE__ */ (() => z.array(FollowEventSchema))();

/**
 * Net and gross follower growth from follow/unfollow events: gained = follows in the
 * period, lost = unfollows, net = gained − lost, and the growth rates over the base at
 * the period's start — net growth rate = (gained − lost) / base, gross growth rate =
 * gained / base (the "follower growth rate" of Hootsuite and Sprout Social reports,
 * which divide by the audience at the start of the period). Events are flows: someone who
 * follows and unfollows within the period counts once in each.
 *
 * @param events - follow/unfollow events in any order (not mutated); events outside the period are ignored
 * @param options - `period`, `baseFollowers` (a finite number from 0 to 2^53 − 1)
 * @returns the growth figures and rates (finite numbers, or `null` with a reason)
 * @throws {OpsError} `invalid_argument` for a bad event, period or base; `out_of_range` when the unfollows would take the count below 0, or a fractional base so close to 0 that a growth rate would exceed `Number.MAX_VALUE`
 *
 * @example
 * ```ts
 * import { followerGrowth } from "@ops/metrics";
 * const day = 86_400_000;
 * const events = [
 *   { at: 1 * day, type: "follow" as const },
 *   { at: 2 * day, type: "follow" as const },
 *   { at: 3 * day, type: "follow" as const },
 *   { at: 4 * day, type: "unfollow" as const },
 * ];
 * const g = followerGrowth(events, { period: { start: 0, end: 7 * day }, baseFollowers: 200 });
 * [g.gained, g.lost, g.net, g.end, g.netGrowthRate.value, g.grossGrowthRate.value];
 * // => [3, 1, 2, 202, 0.01, 0.015]
 * ```
 */
export function followerGrowth(events: readonly FollowEvent[], options: FollowerGrowthOptions): FollowerGrowth {
  const fn = "followerGrowth";
  const list = parseOrThrow(FollowEventListSchema, events, { fn, path: ["events"] });
  const { period, baseFollowers } = parseOrThrow(FollowerGrowthOptionsSchema, options, { fn, path: ["options"] });
  let gained = 0;
  let lost = 0;
  for (const e of list) {
    if (e.at < period.start || e.at >= period.end) continue;
    if (e.type === "follow") gained++;
    else lost++;
  }
  return growthOf(baseFollowers, baseFollowers + gained - lost, gained, lost, fn, ["options", "baseFollowers"]);
}
