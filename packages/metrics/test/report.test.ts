import { describe, expect, it } from "vitest";
import { parseInstant } from "@ops/core";
import {
  buildEventColumns,
  monthlyReport,
  renderMarkdown,
  weeklyReport,
  type MetricEvent,
  type ReportInput,
} from "@ops/metrics";
import { DAY, HOUR } from "./_helpers";

const at = (iso: string): number => parseInstant(iso);
const monday = at("2026-03-09T00:00:00-04:00"); // New York, the Monday after spring-forward

const events: MetricEvent[] = [
  // last week: a, b, c active; a and b reach the purchase step
  { at: monday - 6 * DAY, actor: "a", kind: "exposure" },
  { at: monday - 6 * DAY + HOUR, actor: "a", kind: "purchase" },
  { at: monday - 5 * DAY, actor: "b", kind: "exposure" },
  { at: monday - 5 * DAY + HOUR, actor: "b", kind: "purchase" },
  { at: monday - 4 * DAY, actor: "c", kind: "exposure" },
  // this week: a returns, d and 小明 are new; one purchase out of three entries
  { at: monday + DAY, actor: "a", kind: "exposure" },
  { at: monday + 2 * DAY, actor: "d", kind: "exposure" },
  { at: monday + 2 * DAY + HOUR, actor: "d", kind: "purchase" },
  { at: monday + 3 * DAY, actor: "小明", kind: "exposure" },
];
const input: ReportInput = {
  events,
  inbound: [
    { receivedAt: monday + HOUR, firstReplyAt: monday + 2 * HOUR },
    { receivedAt: monday + HOUR, firstReplyAt: monday + 4 * HOUR },
    { receivedAt: monday - DAY, firstReplyAt: monday - DAY + 30 * 60_000 },
  ],
};
const options = {
  timeZone: "America/New_York",
  at: monday + 3 * DAY,
  replyTargetMs: 2 * HOUR,
  funnelSteps: ["exposure", "purchase"],
};

describe("weeklyReport", () => {
  it("reports the local ISO week and the week before, across a DST change", () => {
    const r = weeklyReport(input, options);
    expect(r.days).toEqual(["2026-03-09", "2026-03-15"]);
    expect(r.period).toEqual({ start: monday, end: monday + 7 * DAY });
    // the previous week contains the spring-forward night: 167 hours
    expect((r.previousPeriod.end - r.previousPeriod.start) / HOUR).toBe(167);
  });

  it("computes event, reply and funnel indicators with their previous values", () => {
    const r = weeklyReport(input, options);
    const byKey = Object.fromEntries(r.indicators.map((i) => [i.key, [i.current, i.previous]]));
    expect(byKey).toEqual({
      inboundMessages: [2, 1],
      replyRate: [1, 1],
      replyRateWithinTarget: [0.5, 1],
      medianFirstReplyMs: [2 * HOUR, 30 * 60_000],
      activeActors: [3, 3],
      returningActorRate: [1 / 3, null],
      funnelConversion: [1 / 3, 2 / 3],
    });
    const active = r.indicators.find((i) => i.key === "activeActors");
    expect(active?.change).toMatchObject({ absolute: 0, relative: 0, direction: "flat" });
  });

  it("gives the same report for event columns", () => {
    expect(weeklyReport({ ...input, events: buildEventColumns(events) }, options)).toEqual(
      weeklyReport(input, options),
    );
  });

  it("has no indicators for empty input", () => {
    expect(weeklyReport({}, options).indicators).toEqual([]);
  });

  it("refuses bad options and names the bad input", () => {
    expect(() => weeklyReport(input, { ...options, timeZone: "New York" })).toThrowOpsError("invalid_argument");
    expect(() => weeklyReport(input, { ...options, at: Number.NaN })).toThrowOpsError("invalid_argument");
    expect(() => weeklyReport({ inbound: [{ receivedAt: 5, firstReplyAt: 1 }] }, options)).toThrowOpsError(
      "invalid_argument",
      { message: /^replyRate: items\[0\]\.firstReplyAt must not be before receivedAt, got 1$/ },
    );
    expect(() => weeklyReport({ events: [{ at: 0, actor: "" }] }, options)).toThrowOpsError("invalid_argument", {
      message: /^weeklyReport: input\.events\[0\]\.actor must be a non-empty string, got ""$/,
    });
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(input);
    weeklyReport(input, options);
    expect(input).toEqual(copy);
  });
});

describe("monthlyReport", () => {
  it("compares a calendar month with the previous one, with null where no snapshot precedes it", () => {
    const r = monthlyReport(
      {
        followerSnapshots: [
          { at: at("2026-03-01T00:00:00Z"), followers: 100 },
          { at: at("2026-03-20T00:00:00Z"), followers: 90 },
        ],
      },
      { timeZone: "UTC", at: at("2026-03-31T23:59:59Z") },
    );
    expect(r.days).toEqual(["2026-03-01", "2026-03-31"]);
    expect(r.indicators.map((i) => [i.key, i.current, i.previous, i.change.reason])).toEqual([
      ["followers", 90, null, "missing_value"],
      ["followerNetGrowth", -10, null, "missing_value"],
      ["followerGrowthRate", -0.1, null, "missing_value"],
    ]);
  });
});

describe("renderMarkdown", () => {
  it("renders an English report with groups, percentages, points and durations", () => {
    const md = renderMarkdown(weeklyReport(input, options));
    expect(md).toBe(
      [
        "# Weekly report · 2026-03-09 – 2026-03-15 (America/New_York)",
        "",
        "## Interaction",
        "",
        "| Indicator | This week | Last week | Change |",
        "| --- | ---: | ---: | ---: |",
        "| Inbound comments and DMs | 2 | 1 | ▲ +1 (+100.0%) |",
        "| Reply rate | 100.0% | 100.0% | — no change |",
        "| Replied within target | 50.0% | 100.0% | ▼ −50.0 pp |",
        "| Median first reply time | 2 h 0 min | 30 min 0 s | ▲ +1 h 30 min (+300.0%) |",
        "",
        "## Retention",
        "",
        "| Indicator | This week | Last week | Change |",
        "| --- | ---: | ---: | ---: |",
        "| Active users | 3 | 3 | — no change |",
        "| Returning users (of last period's active) | 33.3% | — | — |",
        "",
        "## Conversion",
        "",
        "| Indicator | This week | Last week | Change |",
        "| --- | ---: | ---: | ---: |",
        "| Funnel conversion | 33.3% | 66.7% | ▼ −33.3 pp |",
        "",
      ].join("\n"),
    );
  });

  it("renders Simplified Chinese, thousands separators and growth from zero", () => {
    const r = monthlyReport(
      { posts: [{ publishedAt: at("2026-03-02T00:00:00+08:00"), likes: 12_345, impressions: 100_000 }] },
      { timeZone: "Asia/Shanghai", at: at("2026-03-02T00:00:00+08:00") },
    );
    const md = renderMarkdown(r, { locale: "zh-CN" });
    expect(md.split("\n")[0]).toBe("# 月报 · 2026-03-01 至 2026-03-31（Asia/Shanghai）");
    expect(md).toContain("| 点赞数 | 12,345 | 0 | ▲ +12,345 (新增) |");
    expect(md).toContain("| 本月 | 上月 |");
  });

  it("shows enough precision to tell two rates apart, never −0.0, and says no change (issue 19)", () => {
    // 3 of 1000 vs 34 of 10 000 engaged: 0.30 % and 0.34 % (one decimal would read 0.3 % twice, "−0.0 pp")
    const post = (day: string, likes: number, impressions: number) => ({
      publishedAt: at(`${day}T12:00:00+08:00`),
      likes,
      impressions,
    });
    const r = weeklyReport(
      { posts: [post("2026-03-10", 3, 1000), post("2026-03-03", 34, 10_000)] },
      { timeZone: "Asia/Shanghai", at: at("2026-03-10T00:00:00+08:00") },
    );
    const md = renderMarkdown(r);
    expect(md).toContain("| Engagement rate | 0.30% | 0.34% | ▼ −0.04 pp |");
    expect(md).toContain("| Posts published | 1 | 1 | — no change |");
    expect(renderMarkdown(r, { locale: "zh-CN" })).toContain("| 发布内容数 | 1 | 1 | — 持平 |");
    // 1 of 100 000 vs 2 of 200 001: 0.001000 % and 0.000999995 %, a change below 0.001 pp
    const tiny = weeklyReport(
      { posts: [post("2026-03-10", 1, 100_000), post("2026-03-03", 2, 200_001)] },
      { timeZone: "Asia/Shanghai", at: at("2026-03-10T00:00:00+08:00") },
    );
    expect(renderMarkdown(tiny)).toContain("▲ +<0.001 pp |");
  });

  it("refuses an unknown locale", () => {
    expect(() => renderMarkdown(weeklyReport({}, options), { locale: "fr" as "en" })).toThrowOpsError(
      "invalid_argument",
    );
  });
});
