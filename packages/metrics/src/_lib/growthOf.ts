// Follower growth figures from a base, an end count and (when known) gains and losses.
import { OpsError } from "@ops/core";
import type { FollowerGrowth } from "../growth/followerGrowth";
import type { Rate } from "../rate/rate";

export function growthOf(
  base: number,
  end: number,
  gained: number | null,
  lost: number | null,
  fn: string,
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
        : { value: numerator / base, numerator, denominator: base, reason: null };
  return { base, end, gained, lost, net, netGrowthRate: ratio(net), grossGrowthRate: ratio(gained) };
}
