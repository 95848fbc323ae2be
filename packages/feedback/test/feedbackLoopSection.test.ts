import { describe, expect, it } from "vitest";
import { feedbackLoopSection, replay, type FeedbackEventInput, type FeedbackItem } from "@ops/feedback";
import { renderMarkdown, weeklyReport } from "@ops/metrics";

const HOUR = 3_600_000;
const t0 = Date.parse("2026-03-09T09:00:00+08:00"); // a Monday in Shanghai
const opened = (itemId: string): FeedbackEventInput[] => [
  { itemId, type: "open", id: `${itemId}1`, at: t0, source: { kind: "dm", interactionId: null }, actor: null },
];
const resolved = (itemId: string, reportAfter: number | null): FeedbackItem =>
  replay([
    ...opened(itemId),
    { itemId, type: "triage", id: `${itemId}2`, at: t0, category: "quality" },
    { itemId, type: "route", id: `${itemId}3`, at: t0, department: "qa" },
    { itemId, type: "start", id: `${itemId}4`, at: t0, assignee: "agent_li" },
    { itemId, type: "resolve", id: `${itemId}5`, at: t0 + HOUR, remedy: { kind: "exchange" } },
    ...(reportAfter === null
      ? []
      : [{ itemId, type: "report_back", id: `${itemId}6`, at: t0 + HOUR + reportAfter, via: "dm" } as const]),
  ]);
const items: FeedbackItem[] = [
  resolved("fb_a", 2 * HOUR), // reported back after 2 h
  resolved("fb_b", null), // resolved, never reported back
  // triaged with a deadline 24 h later: overdue when read 48 h later
  replay([
    ...opened("fb_c"),
    { itemId: "fb_c", type: "triage", id: "fb_c2", at: t0, category: "包装", dueAt: t0 + 24 * HOUR },
  ]),
  replay(opened("fb_d")), // new, no deadline
];
const now = t0 + 48 * HOUR;
const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: t0 });
const week = { start: Date.parse("2026-03-09T00:00:00+08:00"), end: Date.parse("2026-03-16T00:00:00+08:00") };

describe("feedbackLoopSection", () => {
  it("renders backlog, overdue items and the loop-closing rate in English", () => {
    const md = renderMarkdown(kpis, { sections: [feedbackLoopSection(items, now, { period: week })] });
    // the due date is date-fns 4 format(t0 + 24 h, "PP HH:mm", { locale: enUS, in: tz("Asia/Shanghai") })
    expect(md.split("\n## ")[1]).toBe(
      `Feedback and closing the loop

- Open items: 2
- Overdue: 1
- Closing the loop, resolved this period: 50.0%
- Closing the loop, all items: 50.0%
- Median time to report back: 2 h 0 min
- Report back expected within: 24 h 0 min
- Resolved, not reported back in time: 1

| Overdue item | Status | Category | Due |
| --- | --- | --- | --- |
| \`fb_c\` | triaged | 包装 | Mar 10, 2026 09:00 |
`,
    );
  });

  it("renders in Simplified Chinese, with the analyst's words", () => {
    const md = renderMarkdown(kpis, {
      locale: "zh-CN",
      sections: [feedbackLoopSection(items, now)],
      labels: { "feedback.title": "客诉闭环" },
    });
    // zh-CN date: date-fns 4 format(…, "PPP HH:mm", { locale: zhCN, … })
    expect(md.split("\n## ")[1]).toBe(
      `客诉闭环

- 未完成：2
- 已逾期：1
- 累计闭环率：50.0%
- 回访时长中位数：2 小时 0 分钟
- 回访时限：24 小时 0 分钟
- 已解决但超时未回访：1

| 逾期条目 | 状态 | 类别 | 截止时间 |
| --- | --- | --- | --- |
| \`fb_c\` | 已分类 | 包装 | 2026年3月10日 09:00 |
`,
    );
  });

  it("leaves the table out when nothing is overdue or maxRows is 0, and reads — without resolutions", () => {
    const md = renderMarkdown(kpis, { sections: [feedbackLoopSection([replay(opened("x"))], now, { maxRows: 0 })] });
    expect(md.split("\n## ")[1]).toContain("- Closing the loop, all items: —\n- Median time to report back: —\n");
    expect(md).not.toContain("| Overdue item");
  });

  it("does not mutate the items", () => {
    const before = JSON.stringify(items);
    feedbackLoopSection(items, now, { period: week });
    expect(JSON.stringify(items)).toBe(before);
  });

  it("refuses bad input, naming the field", () => {
    expect(() => feedbackLoopSection(items, Number.NaN)).toThrowOpsError("invalid_argument", { path: ["now"] });
    expect(() => feedbackLoopSection(items, now, { maxRows: -1 })).toThrowOpsError("invalid_argument", {
      path: ["options", "maxRows"],
    });
    expect(() => feedbackLoopSection(null as unknown as FeedbackItem[], now)).toThrowOpsError("invalid_argument", {
      path: ["items"],
    });
  });
});
