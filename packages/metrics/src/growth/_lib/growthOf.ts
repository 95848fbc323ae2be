// Follower growth figures from a base, an end count and (when known) gains and losses.
import { type ErrorPath, OpsError } from "@ops/core";
import { finiteRatio } from "../../_lib/ratio";
import type { Rate } from "../../_lib/ratio";

/**
 * Follower growth over a period. `gained`/`lost` are `null` when they cannot be known
 * (snapshots without daily gains and losses).
 */
export interface FollowerGrowth {
  /** Followers at the start of the period. */
  readonly base: number;
  /** Followers at the end of the period. */
  readonly end: number;
  readonly gained: number | null;
  readonly lost: number | null;
  /** `end − base` = gained − lost. */
  readonly net: number;
  /** net / base (negative when the account shrank); `null` with a reason when base is 0. */
  readonly netGrowthRate: Rate;
  /** gained / base; `null` when base is 0 or gains are unknown. */
  readonly grossGrowthRate: Rate;
}

export function growthOf(
  base: number,
  end: number,
  gained: number | null,
  lost: number | null,
  fn: string,
  basePath: ErrorPath,
): FollowerGrowth {
  if (end < 0) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["events"],
      rule: "must not take the follower count below 0 (more unfollows than base + follows)",
      received: end,
    });
  }
  const net = end - base;
  const ratio = (numerator: number | null): Rate =>
    numerator === null
      ? { value: null, numerator: 0, denominator: base, reason: "unknown_numerator" }
      : base === 0
        ? { value: null, numerator, denominator: 0, reason: "zero_denominator" }
        : { value: finiteRatio(numerator, base, fn, basePath, BASE_RULE), numerator, denominator: base, reason: null };
  return { base, end, gained, lost, net, netGrowthRate: ratio(net), grossGrowthRate: ratio(gained) };
}

const BASE_RULE = "must be 0 or not so close to 0 that a growth rate exceeds Number.MAX_VALUE";
