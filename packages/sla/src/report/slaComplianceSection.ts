import { parseOrThrow } from "@ops/core";
import type { ReportSection, SectionCell, SectionLabel } from "@ops/metrics";
import * as z from "zod/mini";
import type { SlaComplianceReport } from "./slaComplianceReport";

const L = (key: string, en: string, zh: string): SectionLabel => ({ key: `sla.${key}`, en, "zh-CN": zh });

/** The fields of a compliance group the section reads (a hand-made report is checked, not trusted). */
const GroupSchema = /* @__PURE__ */ (() =>
  z.object({
    achieved: z.int().check(z.nonnegative()),
    breached: z.int().check(z.nonnegative()),
    achievementRate: z.object({ value: z.nullable(z.number()) }),
    firstReply: z.nullable(z.object({ p50: z.number(), p90: z.number() })),
  }))();

/** What {@link slaComplianceSection} reads of an {@link SlaComplianceReport}. */
const ReportFieldsSchema = /* @__PURE__ */ (() =>
  z.object({
    overall: GroupSchema,
    byChannel: z
      .array(z.extend(GroupSchema, { channelId: z.string() }))
      .check(z.maxLength(10_000, { error: "must hold at most 10 000 channels" })),
  }))();

/**
 * The SLA compliance section of a report (for `@ops/metrics`' `composeReport` /
 * `renderMarkdown`): one table, all channels first, then each channel — cycles met and
 * breached, the achievement rate (met ÷ decided cycles) and the p50 / p90 first-reply
 * times, exactly as {@link slaComplianceReport} computed them (R type 7 quantiles, in
 * each policy's hours). Labels in English and Simplified Chinese, keys `sla.*`.
 *
 * @param report - the answer of {@link slaComplianceReport} (not mutated)
 * @returns a `ReportSection` with id `"sla"`
 * @throws {OpsError} `invalid_argument` for a report whose read fields are missing, of the wrong type, NaN or ±Infinity
 *
 * @example
 * ```ts
 * import { compileSlaPolicies, computeSlaClocks, slaComplianceReport, slaComplianceSection } from "@ops/sla";
 * import { renderMarkdown, weeklyReport } from "@ops/metrics";
 * const M = 60_000;
 * const t0 = Date.parse("2026-03-09T09:00:00+08:00");
 * const policies = compileSlaPolicies([{ id: "p", match: {}, targets: { first_reply: { goal: 60 * M, hours: "calendar" } } }]);
 * const item = (channelId: string, replyAfter: number) => ({
 *   channelId,
 *   clocks: computeSlaClocks(
 *     [{ type: "created", at: t0, subject: {} }, { type: "message", at: t0 + replyAfter * M, direction: "out" }],
 *     policies,
 *     { now: t0 + 300 * M },
 *   ),
 * });
 * const section = slaComplianceSection(slaComplianceReport([item("weibo", 10), item("douyin", 90)]));
 * const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: t0 });
 * renderMarkdown(kpis, { locale: "zh-CN", sections: [section] }).split("\n").slice(-6, -1);
 * // => ["| 渠道 | 达标 | 超时 | 达标率 | 首次回复 p50 | 首次回复 p90 |", "| --- | ---: | ---: | ---: | ---: | ---: |", "| 全部渠道 | 1 | 1 | 50.0% | 50 分钟 0 秒 | 1 小时 22 分钟 |", "| douyin | 0 | 1 | 0.0% | 1 小时 30 分钟 | 1 小时 30 分钟 |", "| weibo | 1 | 0 | 100.0% | 10 分钟 0 秒 | 10 分钟 0 秒 |"]
 * ```
 */
export function slaComplianceSection(report: SlaComplianceReport): ReportSection {
  const r = parseOrThrow(ReportFieldsSchema, report, { fn: "slaComplianceSection", path: ["report"] });
  const row = (name: SectionCell, g: z.output<typeof GroupSchema>): SectionCell[] => [
    name,
    { kind: "count", value: g.achieved },
    { kind: "count", value: g.breached },
    { kind: "rate", value: g.achievementRate.value },
    { kind: "duration", value: g.firstReply?.p50 ?? null },
    { kind: "duration", value: g.firstReply?.p90 ?? null },
  ];
  return {
    id: "sla",
    title: L("title", "SLA compliance", "SLA 达标情况"),
    blocks: [
      {
        kind: "table",
        columns: [
          L("channel", "Channel", "渠道"),
          L("met", "Met", "达标"),
          L("breached", "Breached", "超时"),
          L("compliance", "Compliance", "达标率"),
          L("p50", "First reply p50", "首次回复 p50"),
          L("p90", "First reply p90", "首次回复 p90"),
        ].map((label) => ({ label })),
        rows: [
          row({ kind: "text", value: L("allChannels", "All channels", "全部渠道") }, r.overall),
          ...r.byChannel.map((c) => row({ kind: "text", value: c.channelId }, c)),
        ],
      },
    ],
  };
}
