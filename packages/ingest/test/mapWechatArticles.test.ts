import { OpsError, parseLocalDateTime } from "@ops/core";
import { mapWechatArticles } from "@ops/ingest";
import { engagementRate, readRate } from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { WECHAT_ARTICLES } from "./_fixtures";

describe("mapWechatArticles", () => {
  it("maps an article export with BOM, CRLF, quoted titles and thousands separators", () => {
    const m = mapWechatArticles(WECHAT_ARTICLES);
    expect(m.errors).toEqual([]);
    expect(m.items.map((a) => a.row)).toEqual([2, 3, 4]);
    expect(m.items[1]?.title).toBe('答读者问："黄皮"怎么选色号？');
    expect(m.items[0]?.post).toEqual({
      publishedAt: Date.parse("2026-03-09T20:30:00+08:00"), // 20:30 Beijing time = 12:30 UTC
      likes: 320,
      wows: 85,
      comments: 41,
      shares: 260, // 分享次数 preferred to 分享人数
      saves: 97,
      reach: 12804,
      views: 15120,
    });
    expect(m.items[0]?.read).toEqual({ readers: 12804, targetUsers: 128524 });
    expect(m.columns.shares).toBe("分享次数");
    // the 合计 row and the blank trailing line are skipped by name, not silently
    expect(m.skipped).toEqual([
      { row: 5, rule: "total_row" },
      { row: 6, rule: "blank_line" },
    ]);
  });

  it("reads local times in Asia/Shanghai as parseLocalDateTime does (no DST in China since 1991)", () => {
    const m = mapWechatArticles(WECHAT_ARTICLES);
    expect(m.items.map((a) => a.post.publishedAt)).toEqual([
      parseLocalDateTime("2026-03-09 20:30:00", "Asia/Shanghai"),
      parseLocalDateTime("2026-03-11 12:05", "Asia/Shanghai"),
      parseLocalDateTime("2026-03-13 18:00", "Asia/Shanghai"),
    ]);
    // a summer date: still UTC+8 (China has kept no DST since 1991; IANA tzdata, Asia/Shanghai)
    const summer = mapWechatArticles("标题,发表时间\n夏,2026-07-01 08:00\n");
    expect(summer.items[0]?.post.publishedAt).toBe(Date.parse("2026-07-01T00:00:00Z"));
    const ny = mapWechatArticles("标题,发表时间\n夏,2026-07-01 08:00\n", { timeZone: "America/New_York" });
    expect(ny.items[0]?.post.publishedAt).toBe(parseLocalDateTime("2026-07-01 08:00", "America/New_York"));
  });

  it("makes engagement components add up with 在看 counted as wows", () => {
    const { items } = mapWechatArticles(WECHAT_ARTICLES);
    const posts = items.map((a) => a.post);
    const rate = engagementRate(posts, { denominator: "reach" });
    // 点赞 + 在看 + 留言 + 分享次数 + 收藏 of the 合计 row of the fixture: 1210 + 358 + 619 + 2000 + 289
    expect(rate.numerator).toBe(1210 + 358 + 619 + 2000 + 289);
    expect(rate.denominator).toBe(42990); // 阅读人数 合计
    const parts = (["likes", "wows", "comments", "shares", "saves"] as const).map(
      (k) => engagementRate(posts, { denominator: "reach", engagements: [k] }).numerator,
    );
    expect(parts).toEqual([1210, 358, 619, 2000, 289]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(rate.numerator);
    // without wows, 在看 is missing from the total: the components would not add up
    const withoutWows = engagementRate(posts, {
      denominator: "reach",
      engagements: ["likes", "comments", "shares", "saves", "replies"],
    });
    expect(rate.numerator - withoutWows.numerator).toBe(358);
  });

  it("gives readRate inputs: 阅读人数 / 送达人数", () => {
    const { items } = mapWechatArticles(WECHAT_ARTICLES);
    // 12 804 / 128 524, by hand
    expect(readRate(items[0]?.read ?? { readers: 0, targetUsers: 0 }).value).toBeCloseTo(12804 / 128524, 15);
  });

  it("leaves a missing figure out (missing, not 0) and keeps the row", () => {
    const m = mapWechatArticles("标题,发表时间,阅读人数,在看\n春季,2026-03-09 20:30,-,\n");
    expect(m.errors).toEqual([]);
    expect(m.items[0]?.post).toEqual({ publishedAt: Date.parse("2026-03-09T12:30:00Z") });
    expect(m.items[0]?.read).toBeNull();
    // without a denominator the post is skipped by engagementRate, never divided by 0
    expect(engagementRate([m.items[0]!.post], { denominator: "reach" }).skipped).toBe(1);
  });

  it("names the row and the column of every bad cell", () => {
    const m = mapWechatArticles(
      [
        "标题,发表时间,阅读次数,点赞,在看",
        "a,2026-03-09 20:30,abc,1.5,10万+",
        ",2026-02-30 10:00,12,-3,1",
        "c,2026-03-09T20:30:00+08:00,1,1,1",
        "d,2026-03-09 20:30,1,1",
      ].join("\n"),
    );
    expect(m.items).toEqual([]);
    expect(m.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, "阅读次数", "not_a_number"],
      [2, "点赞", "not_a_count"],
      [2, "在看", "not_exact"],
      [3, "标题", "missing_value"],
      [3, "发表时间", "invalid_date_time"],
      [3, "点赞", "not_a_count"],
      [4, "发表时间", "invalid_date_time"],
      [5, "在看", "field_count"],
    ]);
    expect(m.errors[0]?.message).toBe('row 2, 阅读次数: "abc" is not a number');
  });

  it("finds the header below a title line and reads English headers", () => {
    const m = mapWechatArticles(
      'Article analytics 2026-03-09 – 2026-03-15\nTitle,Publish time,Reads,Likes,Wow\nSpring,2026-03-09 20:30,"1,500",12,3\n',
    );
    expect(m.skipped).toEqual([{ row: 1, rule: "preamble" }]);
    expect(m.items[0]?.post).toEqual({
      publishedAt: Date.parse("2026-03-09T12:30:00Z"),
      views: 1500,
      likes: 12,
      wows: 3,
    });
  });

  it("refuses a file without the required columns, naming them and the columns found", () => {
    let error: unknown;
    try {
      mapWechatArticles("名称,阅读次数\n春季,12\n");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpsError);
    expect((error as OpsError).code).toBe("invalid_argument");
    expect((error as OpsError).message).toContain("标题 / 文章标题");
    expect((error as OpsError).message).toContain("发表时间");
    expect((error as OpsError).message).toContain('the first row has: "名称", "阅读次数"');
  });

  it("refuses a bad option", () => {
    expect(() => mapWechatArticles("标题,发表时间\n", { timeZone: "CST" })).toThrow(OpsError);
  });
});
