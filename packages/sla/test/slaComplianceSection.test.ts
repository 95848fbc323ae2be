import { describe, expect, it } from "vitest";
import { composeReport, renderMarkdown, weeklyReport } from "@ops/metrics";
import {
  compileSlaPolicies,
  computeSlaClocks,
  slaComplianceReport,
  slaComplianceSection,
  type SlaComplianceReport,
} from "@ops/sla";

const M = 60_000;
const t0 = Date.parse("2026-03-09T09:00:00+08:00");
const policies = compileSlaPolicies([
  { id: "p", match: {}, targets: { first_reply: { goal: 60 * M, hours: "calendar" } } },
]);
/** An item answered after `replyAfter` minutes (null: never), read 5 h after it came in. */
const item = (channelId: string, replyAfter: number | null) => ({
  channelId,
  clocks: computeSlaClocks(
    [
      { type: "created", at: t0, subject: {} },
      ...(replyAfter === null ? [] : [{ type: "message", at: t0 + replyAfter * M, direction: "out" } as const]),
    ],
    policies,
    { now: t0 + 300 * M },
  ),
});
// weibo: 10 and 30 min (met); douyin: 90 min (breached) and unanswered (breached); 微信: 173 min (breached)
const report = slaComplianceReport([
  item("weibo", 10),
  item("weibo", 30),
  item("douyin", 90),
  item("douyin", null),
  item("微信", 173),
]);
const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: t0 });

describe("slaComplianceSection", () => {
  // p50/p90 are R's quantile(type = 7): all answered {10, 30, 90, 173} → 60, 148.1 min;
  // weibo {10, 30} → 20, 28 min
  it("renders compliance per channel in English", () => {
    expect(renderMarkdown(composeReport(kpis, [slaComplianceSection(report)])).split("\n## ")[1]).toBe(
      `SLA compliance

| Channel | Met | Breached | Compliance | First reply p50 | First reply p90 |
| --- | ---: | ---: | ---: | ---: | ---: |
| All channels | 2 | 3 | 40.0% | 1 h 0 min | 2 h 28 min |
| douyin | 0 | 2 | 0.0% | 1 h 30 min | 1 h 30 min |
| weibo | 2 | 0 | 100.0% | 20 min 0 s | 28 min 0 s |
| 微信 | 0 | 1 | 0.0% | 2 h 53 min | 2 h 53 min |
`,
    );
  });

  it("renders compliance per channel in Simplified Chinese, with the analyst's words", () => {
    const md = renderMarkdown(kpis, {
      locale: "zh-CN",
      sections: [slaComplianceSection(report)],
      labels: { "sla.title": "首次回复时效" },
    });
    expect(md.split("\n## ")[1]).toBe(
      `首次回复时效

| 渠道 | 达标 | 超时 | 达标率 | 首次回复 p50 | 首次回复 p90 |
| --- | ---: | ---: | ---: | ---: | ---: |
| 全部渠道 | 2 | 3 | 40.0% | 1 小时 0 分钟 | 2 小时 28 分钟 |
| douyin | 0 | 2 | 0.0% | 1 小时 30 分钟 | 1 小时 30 分钟 |
| weibo | 2 | 0 | 100.0% | 20 分钟 0 秒 | 28 分钟 0 秒 |
| 微信 | 0 | 1 | 0.0% | 2 小时 53 分钟 | 2 小时 53 分钟 |
`,
    );
  });

  it("shows — where nothing is decided or answered yet", () => {
    const empty = slaComplianceSection(slaComplianceReport([]));
    expect(
      renderMarkdown(kpis, { sections: [empty] })
        .trimEnd()
        .split("\n")
        .at(-1),
    ).toBe("| All channels | 0 | 0 | — | — | — |");
  });

  it("does not mutate the report", () => {
    const before = JSON.stringify(report);
    slaComplianceSection(report);
    expect(JSON.stringify(report)).toBe(before);
  });

  it("refuses a damaged report, naming the field", () => {
    const broken = { ...report, overall: { ...report.overall, achieved: Number.NaN } } as SlaComplianceReport;
    expect(() => slaComplianceSection(broken)).toThrowOpsError("invalid_argument", {
      fn: "slaComplianceSection",
      path: ["report", "overall", "achieved"],
    });
    expect(() => slaComplianceSection(null as unknown as SlaComplianceReport)).toThrowOpsError("invalid_argument");
  });
});
