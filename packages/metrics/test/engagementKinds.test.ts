// ENGAGEMENT_KINDS: the one list of engagement kinds (issue 21), behind the EngagementKind type,
// engagementRate's default and checks, its schema and @ops/sql's compileEngagementRate.
import { ENGAGEMENT_KINDS, engagementRate, type EngagementKind } from "@ops/metrics";
import { EngagementRateOptionsSchema } from "@ops/metrics/schemas";
import { describe, expect, expectTypeOf, it } from "vitest";

describe("ENGAGEMENT_KINDS", () => {
  it("lists the six kinds of the README's engagementRate row, in order, and is frozen", () => {
    // README, table of rates, engagementRate: "comments, likes, shares, saves, replies and WeChat 在看 `wows`"
    expect(ENGAGEMENT_KINDS).toEqual(["comments", "likes", "shares", "saves", "replies", "wows"]);
    expect(Object.isFrozen(ENGAGEMENT_KINDS)).toBe(true);
    expect(() => (ENGAGEMENT_KINDS as unknown as string[]).push("views")).toThrow(TypeError);
    expectTypeOf<(typeof ENGAGEMENT_KINDS)[number]>().toEqualTypeOf<EngagementKind>();
  });

  it("is exactly what engagementRate's schema and hand checks accept", () => {
    for (const kind of ENGAGEMENT_KINDS) {
      expect(EngagementRateOptionsSchema.safeParse({ engagements: [kind] }).success).toBe(true);
      expect(engagementRate([], { engagements: [kind] }).posts).toBe(0);
    }
    for (const other of ["views", "reach", "followers", "wow", "Likes"]) {
      expect(EngagementRateOptionsSchema.safeParse({ engagements: [other] }).success).toBe(false);
      expect(() => engagementRate([], { engagements: [other as EngagementKind] })).toThrowOpsError("invalid_argument", {
        message: /options\.engagements\[0\] must be one of "comments", "likes", "shares", "saves", "replies", "wows"/,
      });
    }
  });

  it("is engagementRate's default: every kind counts", () => {
    // one of each kind, distinct powers of two, so that a missing or doubled kind changes the sum
    const post = {
      publishedAt: 0,
      impressions: 1000,
      comments: 1,
      likes: 2,
      shares: 4,
      saves: 8,
      replies: 16,
      wows: 32,
    };
    expect(engagementRate([post]).numerator).toBe(63);
    expect(engagementRate([post], { engagements: ENGAGEMENT_KINDS })).toEqual(engagementRate([post]));
  });
});
