import { describe, expect, it } from "vitest";
import {
  composeReport,
  renderMarkdown,
  weeklyReport,
  type Report,
  type ReportSection,
  type SectionLabel,
} from "@ops/metrics";
import { HOUR, MINUTE } from "./_helpers";

const monday = Date.parse("2026-03-09T00:00:00+08:00");
const kpis: Report = weeklyReport(
  { inbound: [{ receivedAt: monday, firstReplyAt: monday + 90 * MINUTE }] },
  { timeZone: "Asia/Shanghai", at: monday },
);
const L = (key: string, en: string, zh: string): SectionLabel => ({ key, en, "zh-CN": zh });

/** A section with one cell of every kind. */
const section: ReportSection = {
  id: "demo",
  title: L("demo.title", "Demo section", "示例"),
  blocks: [
    { kind: "paragraph", text: L("demo.note", "Read at the end of the week.", "按周末数据统计。") },
    {
      kind: "figures",
      items: [
        { label: L("demo.count", "Items", "条目"), value: { kind: "count", value: 183731 } },
        { label: L("demo.rate", "Met", "达标率"), value: { kind: "rate", value: 0.8034 } },
        { label: L("demo.none", "Not measured", "未测量"), value: { kind: "rate", value: null } },
      ],
    },
    {
      kind: "table",
      columns: [
        L("demo.channel", "channel", "渠道"),
        L("demo.received", "received", "收到时间"),
        L("demo.day", "day", "日期"),
        L("demo.p50", "p50", "中位数"),
        L("demo.status", "status", "状态"),
        L("demo.id", "id", "编号"),
      ].map((label) => ({ label })),
      rows: [
        [
          { kind: "text", value: "微博 | weibo" },
          // 2023-08-22T00:48:02Z is 08:48 in Shanghai
          { kind: "instant", value: Date.parse("2023-08-22T00:48:02Z") },
          { kind: "instant", value: Date.parse("2023-08-22T00:48:02Z"), precision: "day" },
          { kind: "duration", value: 4.1 * HOUR },
          { kind: "text", value: L("demo.open", "open", "处理中") },
          { kind: "code", value: "d016065" },
        ],
      ],
    },
  ],
};

// The date cells are date-fns 4.4.0's `format(d, "PP HH:mm", { locale: enUS, in: tz("Asia/Shanghai") })`
// ("Aug 22, 2023 08:48") and `format(d, "PPP HH:mm", { locale: zhCN, … })` ("2023年8月22日 08:48").
const EN = `## Demo section

Read at the end of the week.

- Items: 183,731
- Met: 80.3%
- Not measured: —

| channel | received | day | p50 | status | id |
| --- | --- | --- | ---: | --- | --- |
| 微博 \\| weibo | Aug 22, 2023 08:48 | Aug 22, 2023 | 4 h 6 min | open | \`d016065\` |
`;
const ZH = `## 示例

按周末数据统计。

- 条目：183,731
- 达标率：80.3%
- 未测量：—

| 渠道 | 收到时间 | 日期 | 中位数 | 状态 | 编号 |
| --- | --- | --- | ---: | --- | --- |
| 微博 \\| weibo | 2023年8月22日 08:48 | 2023年8月22日 | 4 小时 6 分钟 | 处理中 | \`d016065\` |
`;

describe("composeReport", () => {
  it("renders the KPI tables unchanged, then the sections in order (en)", () => {
    const md = renderMarkdown(composeReport(kpis, [section]));
    expect(md).toBe(`${renderMarkdown(kpis).trimEnd()}\n\n${EN}`);
  });

  it("renders the sections in Simplified Chinese with local dates", () => {
    const md = renderMarkdown(composeReport(kpis, [section]), { locale: "zh-CN" });
    expect(md).toBe(`${renderMarkdown(kpis, { locale: "zh-CN" }).trimEnd()}\n\n${ZH}`);
  });

  it("gives the same Markdown composed or with the sections option", () => {
    expect(renderMarkdown(composeReport(kpis, [section]))).toBe(renderMarkdown(kpis, { sections: [section] }));
  });

  it("appends option sections after the composed ones", () => {
    const other: ReportSection = { id: "other", title: L("other.title", "Other", "其他"), blocks: [] };
    const md = renderMarkdown(composeReport(kpis, [other]), { sections: [section] });
    expect(md.indexOf("## Other")).toBeLessThan(md.indexOf("## Demo section"));
    expect(md.endsWith(EN)).toBe(true);
  });

  it("leaves today's renderMarkdown output as it was", () => {
    // the KPI part of the same report, as rendered before sections existed
    expect(renderMarkdown(kpis)).toBe(`# Weekly report · 2026-03-09 – 2026-03-15 (Asia/Shanghai)

## Interaction

| Indicator | This week | Last week | Change |
| --- | ---: | ---: | ---: |
| Inbound comments and DMs | 1 | 0 | ▲ +1 (new) |
| Reply rate | 100.0% | — | — |
| Median first reply time | 1 h 30 min | — | — |
`);
  });

  it("does not mutate its inputs and returns a fresh section list", () => {
    const sections = [section];
    const before = JSON.stringify([kpis, sections]);
    const composed = composeReport(kpis, sections);
    expect(composed.sections).not.toBe(sections);
    expect(JSON.stringify([kpis, sections])).toBe(before);
  });

  it("refuses malformed sections, naming the field", () => {
    const bad = {
      ...section,
      blocks: [{ kind: "figures", items: [{ label: section.title, value: { kind: "rate", value: Number.NaN } }] }],
    };
    expect(() => composeReport(kpis, [bad as ReportSection])).toThrowOpsError("invalid_argument", {
      fn: "composeReport",
      path: ["sections", 0, "blocks", 0, "items", 0, "value", "value"],
    });
    const ragged = { ...section, blocks: [{ kind: "table", columns: [{ label: section.title }], rows: [[]] }] };
    expect(() => composeReport(kpis, [ragged as ReportSection])).toThrowOpsError("invalid_argument");
    expect(() => composeReport(kpis, [section, section])).toThrowOpsError("invalid_argument", {
      path: ["sections", 1, "id"],
    });
    expect(() => composeReport(null as unknown as Report, [])).toThrowOpsError("invalid_argument", { path: ["kpis"] });
  });
});

describe("renderMarkdown labels", () => {
  it("speaks the analyst's words: 留言 for a WeChat account, any indicator or section label", () => {
    const md = renderMarkdown(kpis, {
      locale: "zh-CN",
      sections: [section],
      labels: {
        inboundMessages: "收到的留言和私信",
        "group.interaction": "互动（公众号）",
        "demo.title": "公众号示例",
      },
    });
    expect(md).toContain("## 互动（公众号）\n");
    expect(md).toContain("| 收到的留言和私信 | 1 | 0 | ▲ +1 (新增) |");
    expect(md).toContain("## 公众号示例\n");
    expect(md).not.toContain("收到的评论和私信");
  });

  it("keeps an override on one line and escapes its pipes in a table", () => {
    const md = renderMarkdown(kpis, { labels: { replyRate: "Reply | rate\n# injected" } });
    expect(md).toContain("| Reply \\| rate # injected | 100.0% | — | — |");
  });

  it("refuses a label key that names nothing, so a typo shows", () => {
    expect(() => renderMarkdown(kpis, { labels: { comment: "留言" } })).toThrowOpsError("invalid_argument", {
      path: ["options", "labels", "comment"],
    });
  });

  it("refuses sections whose instants cannot be placed in the report's zone", () => {
    const broken = { ...kpis, timeZone: "Mars/Olympus" };
    expect(() => renderMarkdown(broken, { sections: [section] })).toThrowOpsError();
  });
});
