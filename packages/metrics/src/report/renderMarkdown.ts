import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { readOptions } from "../_lib/readOptions";
import { formatCount, formatDuration, formatPercent } from "./_lib/reportFormat";
import { ReportShapeSchema } from "./_lib/reportShape";
import { assertUniqueIds, oneLine, renderSection, tableText } from "./_lib/renderSection";
import { type ComposedReport, ReportSectionsSchema } from "./composeReport";
import type { Indicator, IndicatorGroup, IndicatorKey, Report } from "./Report";
import type { ReportSection } from "./ReportSection";

/** Languages {@link renderMarkdown} writes. */
export type ReportLocale = "en" | "zh-CN";

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Default `"en"`. */
  readonly locale?: ReportLocale;
  /** Sections appended after the KPI tables (and after a composed report's own sections), in order. */
  readonly sections?: readonly ReportSection[];
  /**
   * The analyst's words, replacing the locale's: by indicator key (`comments: "留言数"` for a
   * WeChat account), by group (`"group.interaction"`), or by a section label's key
   * (`"feedback.title"`). A key that names nothing in the report is refused, so a typo
   * does not pass unnoticed.
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Schema of {@link RenderMarkdownOptions}. */
export const RenderMarkdownOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    locale: z.optional(z.enum(["en", "zh-CN"])),
    sections: z.optional(ReportSectionsSchema),
    labels: z.optional(
      z
        .record(z.string(), z.string().check(z.maxLength(2000, { error: "must be at most 2000 characters" })))
        .check(z.refine((r) => Object.keys(r).length <= 1000, { error: "must hold at most 1000 labels" })),
    ),
  }))();

interface Words {
  readonly title: Record<Report["kind"], string>;
  readonly columns: readonly [string, string, string, string];
  readonly previousColumn: Record<Report["kind"], readonly [string, string]>;
  readonly groups: Record<IndicatorGroup, string>;
  readonly names: Record<IndicatorKey, string>;
  readonly range: (from: string, to: string, zone: string) => string;
  readonly pp: string;
  readonly noBase: string;
  readonly noChange: string;
  readonly locale: ReportLocale;
}

const WORDS: Record<ReportLocale, Words> = {
  en: {
    title: { weekly: "Weekly report", monthly: "Monthly report" },
    columns: ["Indicator", "", "", "Change"],
    previousColumn: { weekly: ["This week", "Last week"], monthly: ["This month", "Last month"] },
    groups: { interaction: "Interaction", retention: "Retention", conversion: "Conversion" },
    names: {
      postsPublished: "Posts published",
      comments: "Comments",
      likes: "Likes",
      shares: "Shares",
      engagementRate: "Engagement rate",
      inboundMessages: "Inbound comments and DMs",
      replyRate: "Reply rate",
      replyRateWithinTarget: "Replied within target",
      repliesPending: "Awaiting reply, target not yet due",
      medianFirstReplyMs: "Median first reply time",
      followers: "Followers",
      followerNetGrowth: "Net follower growth",
      followerGrowthRate: "Follower growth rate",
      activeActors: "Active users",
      returningActorRate: "Returning users (of last period's active)",
      funnelConversion: "Funnel conversion",
    },
    range: (from, to, zone) => `${from} – ${to} (${zone})`,
    pp: " pp",
    noBase: "new",
    noChange: "no change",
    locale: "en",
  },
  "zh-CN": {
    title: { weekly: "周报", monthly: "月报" },
    columns: ["指标", "", "", "变化"],
    previousColumn: { weekly: ["本周", "上周"], monthly: ["本月", "上月"] },
    groups: { interaction: "互动", retention: "留存", conversion: "转化" },
    names: {
      postsPublished: "发布内容数",
      comments: "评论数",
      likes: "点赞数",
      shares: "转发数",
      engagementRate: "互动率",
      inboundMessages: "收到的评论和私信",
      replyRate: "回复率",
      replyRateWithinTarget: "时限内回复率",
      repliesPending: "待回复（未到时限）",
      medianFirstReplyMs: "首次回复时长中位数",
      followers: "粉丝数",
      followerNetGrowth: "粉丝净增长",
      followerGrowthRate: "粉丝增长率",
      activeActors: "活跃用户数",
      returningActorRate: "回访率（上期活跃用户）",
      funnelConversion: "漏斗转化率",
    },
    range: (from, to, zone) => `${from} 至 ${to}（${zone}）`,
    pp: " 个百分点",
    noBase: "新增",
    noChange: "持平",
    locale: "zh-CN",
  },
};

/**
 * Renders a {@link Report} — or a {@link ComposedReport} with its sections — as Markdown,
 * in English or Simplified Chinese: a title with the local date range and zone, then one
 * table per group (interaction, retention, conversion) with this period, the previous one
 * and the change, then each section (a composed report's, then `options.sections`) in
 * order. Counts are grouped by thousands, rates shown as percentages with one decimal (up
 * to three when two different values would read the same) and their change in percentage
 * points (more decimals rather than "−0.0"), durations as hours and minutes; a missing
 * value is "—", no change at all reads "no change" / "持平", and a change from a base of 0
 * reads "new" / "新增". Instants in sections are local date-times in the report's zone, in
 * date-fns' patterns (en-US `PP HH:mm` "Aug 22, 2023 08:48", zh-CN `PPP HH:mm`
 * "2023年8月22日 08:48"). `labels` puts the analyst's words in place of the locale's.
 * Deterministic: number formatting is done here, not by the runtime's locale data.
 *
 * @param report - a report from {@link weeklyReport} or {@link monthlyReport}, or one from {@link composeReport}
 * @param options - `locale`: `"en"` (default) or `"zh-CN"`; `sections` to append; `labels` overrides
 *   by indicator key, `group.<group>` or section label key
 * @returns Markdown text ending with a newline
 * @throws {OpsError} `invalid_argument` for an unknown locale, options that are not an object (`null`
 *   included: omit them for the defaults), a report or section whose fields are missing, of the wrong
 *   type, NaN or ±Infinity, two sections with one id, or a `labels` key that names no indicator, group or
 *   section label; `invalid_time_zone` when a section holds an instant and the report's zone is unknown
 *
 * @example
 * ```ts
 * import { renderMarkdown, weeklyReport } from "@ops/metrics";
 * const monday = Date.parse("2026-03-09T00:00:00+08:00");
 * const report = weeklyReport(
 *   { inbound: [{ receivedAt: monday, firstReplyAt: monday + 5_400_000 }, { receivedAt: monday - 86_400_000 }] },
 *   { timeZone: "Asia/Shanghai", at: monday },
 * );
 * renderMarkdown(report, { locale: "zh-CN" }).split("\n").slice(0, 8);
 * // => ["# 周报 · 2026-03-09 至 2026-03-15（Asia/Shanghai）", "", "## 互动", "", "| 指标 | 本周 | 上周 | 变化 |", "| --- | ---: | ---: | ---: |", "| 收到的评论和私信 | 1 | 1 | — 持平 |", "| 回复率 | 100.0% | 0.0% | ▲ +100.0 个百分点 |"]
 * renderMarkdown(report, { locale: "zh-CN", labels: { inboundMessages: "收到的留言和私信" } }).split("\n")[6];
 * // => "| 收到的留言和私信 | 1 | 1 | — 持平 |"
 * ```
 */
export function renderMarkdown(report: Report | ComposedReport, options: RenderMarkdownOptions = {}): string {
  const fn = "renderMarkdown";
  const locale = readOptions(options, fn).locale ?? "en";
  if (locale !== "en" && locale !== "zh-CN") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "locale"],
      rule: 'must be "en" or "zh-CN"',
      received: locale,
    });
  }
  const opts = parseOrThrow(RenderMarkdownOptionsSchema, options, { fn, path: ["options"] });
  const composed = typeof report === "object" && report !== null && "kpis" in report;
  const kpis: Report = composed ? report.kpis : (report as Report);
  parseOrThrow(ReportShapeSchema, kpis, { fn, path: composed ? ["report", "kpis"] : ["report"] });
  if (composed) parseOrThrow(ReportSectionsSchema, report.sections, { fn, path: ["report", "sections"] });
  const sections = [
    ...(composed ? report.sections : []),
    ...(opts.sections === undefined ? [] : (options.sections ?? [])),
  ];
  assertUniqueIds(sections, fn, ["sections"]);
  const labels = opts.labels ?? {};
  checkLabelKeys(labels, sections, fn);
  const w = WORDS[locale];
  const name = (key: string, fallback: string) =>
    Object.hasOwn(labels, key) ? tableText(labels[key] as string) : fallback;
  const [thisCol, lastCol] = w.previousColumn[kpis.kind];
  const lines = [`# ${w.title[kpis.kind]} · ${w.range(kpis.days[0], kpis.days[1], kpis.timeZone)}`];
  for (const group of ["interaction", "retention", "conversion"] as const) {
    const rows = kpis.indicators.filter((i) => i.group === group);
    if (rows.length === 0) continue;
    lines.push(
      "",
      `## ${Object.hasOwn(labels, `group.${group}`) ? oneLine(labels[`group.${group}`] as string) : w.groups[group]}`,
      "",
      `| ${w.columns[0]} | ${thisCol} | ${lastCol} | ${w.columns[3]} |`,
      "| --- | ---: | ---: | ---: |",
    );
    for (const i of rows) {
      const d = rateDigits(i);
      lines.push(
        `| ${name(i.key, w.names[i.key])} | ${value(i, i.current, w, d)} | ${value(i, i.previous, w, d)} | ${change(i, w)} |`,
      );
    }
  }
  for (const section of sections) lines.push(...renderSection(section, { locale, timeZone: kpis.timeZone, labels }));
  return `${lines.join("\n")}\n`;
}

const GROUP_KEYS = ["group.interaction", "group.retention", "group.conversion"];

/** Every `labels` key names an indicator, a group or a label of the sections: a typo is refused, not ignored. */
function checkLabelKeys(labels: Readonly<Record<string, string>>, sections: readonly ReportSection[], fn: string) {
  const known = new Set<string>([...Object.keys(WORDS.en.names), ...GROUP_KEYS]);
  for (const s of sections) {
    known.add(s.title.key);
    for (const b of s.blocks) {
      if (b.kind === "paragraph") known.add(b.text.key);
      else if (b.kind === "figures")
        for (const f of b.items) {
          known.add(f.label.key);
          if (f.value.kind === "text" && typeof f.value.value !== "string") known.add(f.value.value.key);
        }
      else {
        for (const c of b.columns) known.add(c.label.key);
        for (const r of b.rows)
          for (const c of r) if (c.kind === "text" && typeof c.value !== "string") known.add(c.value.key);
      }
    }
  }
  for (const key of Object.keys(labels))
    if (!known.has(key))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["options", "labels", key],
        rule: "must name an indicator, a group (group.interaction …) or a label key of the sections",
        received: key,
      });
}

/** Decimals of a rate row: one, or up to three when two different values would read the same. */
function rateDigits(i: Indicator): number {
  let d = 1;
  if (i.unit === "rate" && i.current !== null && i.previous !== null && i.current !== i.previous)
    while (d < 3 && formatPercent(i.current, d) === formatPercent(i.previous, d)) d++;
  return d;
}

/** Decimals (1–3) that keep a non-zero amount from reading 0; 3 if even that rounds to 0. */
function nonZeroDigits(x: number): number {
  let d = 1;
  while (d < 3 && Number(Math.abs(x).toFixed(d)) === 0) d++;
  return d;
}

function value(i: Indicator, v: number | null, w: Words, digits = 1): string {
  if (v === null) return "—";
  if (i.unit === "rate") return formatPercent(v, digits);
  if (i.unit === "duration") {
    return formatDuration(v, w.locale);
  }
  return formatCount(v);
}

function change(i: Indicator, w: Words): string {
  const c = i.change;
  if (c.absolute === null) return "—";
  if (c.absolute === 0) return `— ${w.noChange}`;
  const arrow = c.direction === "up" ? "▲" : c.direction === "down" ? "▼" : "—";
  const sign = c.absolute > 0 ? "+" : "−";
  if (i.unit === "rate") {
    const pp = Math.abs(c.absolute) * 100;
    const shown = pp.toFixed(nonZeroDigits(pp));
    return `${arrow} ${sign}${Number(shown) === 0 ? "<0.001" : shown}${w.pp}`;
  }
  const abs = i.unit === "duration" ? value(i, Math.abs(c.absolute), w) : formatCount(Math.abs(c.absolute));
  const rel =
    c.relative === null
      ? w.noBase
      : `${c.relative > 0 ? "+" : c.relative < 0 ? "−" : ""}${(Math.abs(c.relative) * 100).toFixed(nonZeroDigits(c.relative * 100))}%`;
  return `${arrow} ${sign}${abs} (${rel})`;
}
