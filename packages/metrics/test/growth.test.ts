import { describe, expect, it } from "vitest";
import { followerGrowth, followerGrowthFromSnapshots, type FollowEvent } from "@ops/metrics";
import { DAY } from "./_helpers";

describe("followerGrowth", () => {
  const period = { start: 0, end: 7 * DAY };
  const events: FollowEvent[] = [
    { at: -1, type: "follow" }, // before the period
    { at: 0, type: "follow" },
    { at: DAY, type: "unfollow" },
    { at: 2 * DAY, type: "unfollow" },
    { at: 3 * DAY, type: "unfollow" },
    { at: 7 * DAY, type: "follow" }, // end is exclusive
  ];
  it("gives net and gross growth over the base at the period's start", () => {
    const g = followerGrowth(events, { period, baseFollowers: 50 });
    expect(g).toMatchObject({ base: 50, end: 48, gained: 1, lost: 3, net: -2 });
    expect(g.netGrowthRate).toEqual({ value: -0.04, numerator: -2, denominator: 50, reason: null });
    expect(g.grossGrowthRate.value).toBe(0.02);
  });
  it("has null rates with a reason for a new account (base 0)", () => {
    const g = followerGrowth([{ at: 1, type: "follow" }], { period, baseFollowers: 0 });
    expect(g.net).toBe(1);
    expect(g.netGrowthRate).toEqual({ value: null, numerator: 1, denominator: 0, reason: "zero_denominator" });
  });
  it("is zero growth for no events", () => {
    expect(followerGrowth([], { period, baseFollowers: 10 }).netGrowthRate.value).toBe(0);
  });
  it("refuses a negative base, a bad event and more unfollows than followers", () => {
    expect(() => followerGrowth([], { period, baseFollowers: -1 })).toThrowOpsError("invalid_argument");
    expect(() => followerGrowth([{ at: 0, type: "block" as "follow" }], { period, baseFollowers: 1 })).toThrowOpsError(
      "invalid_argument",
      { message: /^followerGrowth: events\[0\]\.type / },
    );
    expect(() => followerGrowth(events, { period, baseFollowers: 1 })).toThrowOpsError("out_of_range");
  });
  it("does not mutate its input", () => {
    const copy = structuredClone(events);
    followerGrowth(events, { period, baseFollowers: 50 });
    expect(events).toEqual(copy);
  });
});

describe("followerGrowthFromSnapshots", () => {
  const snapshots = [
    { at: 0, followers: 1000, gained: 4, lost: 0 },
    { at: DAY, followers: 1010, gained: 15, lost: 5 },
    { at: 2 * DAY, followers: 1005, gained: 3, lost: 8 },
    { at: 3 * DAY, followers: 1100 },
  ];
  it("reads the base and end counts at or before the period's bounds", () => {
    const g = followerGrowthFromSnapshots(snapshots, { period: { start: DAY / 2, end: 2 * DAY } });
    expect(g).toMatchObject({ base: 1000, end: 1005, gained: 18, lost: 13, net: 5 });
  });
  it("leaves gross figures unknown when a snapshot lacks them", () => {
    const g = followerGrowthFromSnapshots(snapshots, { period: { start: 0, end: 3 * DAY } });
    expect(g).toMatchObject({ net: 100, gained: null, lost: null });
    expect(g.netGrowthRate.value).toBe(0.1);
    expect(g.grossGrowthRate).toEqual({ value: null, numerator: 0, denominator: 1000, reason: "unknown_numerator" });
  });
  it("handles a single snapshot as no change", () => {
    expect(followerGrowthFromSnapshots([{ at: 0, followers: 7 }], { period: { start: 0, end: DAY } })).toMatchObject({
      net: 0,
      gained: 0,
      lost: 0,
    });
  });
  it("refuses unsorted or repeated snapshots and a period before the first reading", () => {
    expect(() =>
      followerGrowthFromSnapshots([snapshots[1]!, snapshots[0]!], { period: { start: DAY, end: 2 * DAY } }),
    ).toThrowOpsError("out_of_order");
    expect(() =>
      followerGrowthFromSnapshots([snapshots[0]!, snapshots[0]!], { period: { start: 0, end: DAY } }),
    ).toThrowOpsError("duplicate");
    expect(() => followerGrowthFromSnapshots(snapshots, { period: { start: -5, end: DAY } })).toThrowOpsError(
      "out_of_range",
    );
    expect(() =>
      followerGrowthFromSnapshots([{ at: 0, followers: Number.NaN }], { period: { start: 0, end: DAY } }),
    ).toThrowOpsError("invalid_argument");
  });
});
