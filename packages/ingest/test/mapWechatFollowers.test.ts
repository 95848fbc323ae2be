import { addLocalDays, parseLocalDateTime } from "@ops/core";
import { mapWechatFollowers } from "@ops/ingest";
import { followerGrowthFromSnapshots } from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { WECHAT_FOLLOWERS } from "./_fixtures";

const day = (d: string) => parseLocalDateTime(d, "Asia/Shanghai");

describe("mapWechatFollowers", () => {
  it("maps a newest-first daily export to snapshots in time order, each at the end of its day", () => {
    const m = mapWechatFollowers(WECHAT_FOLLOWERS);
    expect(m.errors).toEqual([]);
    expect(m.items.map((d) => d.row)).toEqual([8, 7, 6, 5, 4, 3, 2]);
    expect(m.items[0]?.snapshot).toEqual({ at: day("2026-03-10"), followers: 128584, gained: 260, lost: 99 });
    expect(m.items[6]?.snapshot).toEqual({ at: day("2026-03-16"), followers: 131042, gained: 1204, lost: 310 });
    // 128 584 − 161 (the first day's 净增): the reading at the start of 2026-03-09
    expect(m.opening).toEqual({ at: day("2026-03-09"), followers: 128423 });
    expect(m.skipped).toEqual([{ row: 9, rule: "blank_line" }]);
  });

  it("gives followerGrowthFromSnapshots the week's figures (checked by hand from the export)", () => {
    const m = mapWechatFollowers(WECHAT_FOLLOWERS);
    const snapshots = [m.opening!, ...m.items.map((d) => d.snapshot)];
    const g = followerGrowthFromSnapshots(snapshots, { period: { start: day("2026-03-09"), end: day("2026-03-16") } });
    // Σ 新关注 = 260+215+401+388+610+530+1204 = 3608; Σ 取消关注 = 99+114+96+150+98+122+310 = 989
    expect([g.base, g.end, g.gained, g.lost, g.net]).toEqual([128423, 131042, 3608, 989, 2619]);
    expect(g.netGrowthRate.value).toBeCloseTo(2619 / 128423, 15);
  });

  it("uses the zone's midnights for the end of a day (America/New_York across the DST change)", () => {
    const m = mapWechatFollowers("日期,累积关注人数\n2026-03-08,10\n", { timeZone: "America/New_York" });
    // 2026-03-08 has 23 hours in New York (DST starts at 02:00)
    const start = parseLocalDateTime("2026-03-08", "America/New_York");
    expect(m.items[0]?.snapshot.at).toBe(addLocalDays(start, "America/New_York", 1));
    expect((m.items[0]?.snapshot.at ?? 0) - start).toBe(23 * 3_600_000);
    expect(m.opening).toBeNull(); // neither 净增 nor 新关注/取消关注: the start of the day is unknown
  });

  it("refuses a day whose 净增 is not 新关注 − 取消关注, and a negative 累积", () => {
    const m = mapWechatFollowers(
      "日期,新关注人数,取消关注人数,净增关注人数,累积关注人数\n2026-03-09,10,3,8,100\n2026-03-10,1,1,0,-5\n",
    );
    expect(m.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, "净增关注人数", "inconsistent"],
      [3, "累积关注人数", "not_a_count"],
    ]);
    expect(m.errors[0]?.message).toBe("row 2, 净增关注人数: 8 is not 新关注人数 − 取消关注人数 = 7");
  });

  it("accepts a negative 净增 and requires 累积", () => {
    const m = mapWechatFollowers(
      "日期,新关注人数,取消关注人数,净增关注人数,累积关注人数\n2026-03-09,3,10,-7,93\n2026-03-10,1,1,0,\n",
    );
    expect(m.items.map((d) => d.snapshot.followers)).toEqual([93]);
    expect(m.opening?.followers).toBe(100);
    expect(m.errors.map((e) => [e.row, e.column, e.rule])).toEqual([[3, "累积关注人数", "missing_value"]]);
  });

  it("skips a repeated day with the same figures and refuses one with other figures", () => {
    const m = mapWechatFollowers("日期,累积关注人数\n2026-03-09,100\n2026-03-09,100\n2026-03-09,101\n合计,301\n");
    expect(m.items.map((d) => d.row)).toEqual([2]);
    expect(m.skipped).toEqual([
      { row: 3, rule: "duplicate_row" },
      { row: 5, rule: "total_row" },
    ]);
    expect(m.errors.map((e) => [e.row, e.column, e.rule])).toEqual([[4, "日期", "duplicate"]]);
  });

  it("refuses a file without 日期 or 累积关注人数", () => {
    expect(() => mapWechatFollowers("日期,新关注人数\n2026-03-09,3\n")).toThrow(
      /累积关注人数.*the first row has: "日期", "新关注人数"/,
    );
  });
});
