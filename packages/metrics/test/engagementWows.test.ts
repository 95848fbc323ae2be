import { engagementRate, PostMetricsSchema } from "@ops/metrics";
import { describe, expect, it } from "vitest";

describe("engagementRate with WeChat 在看 (wows)", () => {
  // one article: 点赞 320, 在看 85, 留言 41, 分享 260, 收藏 97, 阅读人数 12 804 (invented figures)
  const post = { publishedAt: 0, likes: 320, wows: 85, comments: 41, shares: 260, saves: 97, reach: 12804 };

  it("counts wows by default, so the components add up", () => {
    const all = engagementRate([post], { denominator: "reach" });
    const parts = (["likes", "wows", "comments", "shares", "saves", "replies"] as const).map(
      (k) => engagementRate([post], { denominator: "reach", engagements: [k] }).numerator,
    );
    expect(parts).toEqual([320, 85, 41, 260, 97, 0]);
    expect(all.numerator).toBe(803); // 320 + 85 + 41 + 260 + 97, by hand
  });

  it("gives the results of before for posts without wows", () => {
    const old = { publishedAt: 0, likes: 1500, comments: 400, shares: 100, impressions: 200_000 };
    expect(engagementRate([old]).numerator).toBe(2000);
    expect(engagementRate([old]).value).toBe(0.01);
  });

  it("checks wows as a count", () => {
    expect(() => engagementRate([{ ...post, wows: -1 }])).toThrow(
      expect.objectContaining({ path: ["posts", 0, "wows"] }),
    );
    expect(PostMetricsSchema.safeParse({ ...post, wows: -1 }).success).toBe(false);
    expect(PostMetricsSchema.safeParse(post).success).toBe(true);
  });
});
