import { OpsError, parseOrThrow } from "@ops/core";
import { readOptions } from "../_lib/readOptions";
import * as z from "zod/mini";
import type { Indicator, IndicatorGroup, IndicatorKey, Report } from "./Report";

/** Languages {@link renderMarkdown} writes. */
export type ReportLocale = "en" | "zh-CN";

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Default `"en"`. */
  readonly locale?: ReportLocale;
}

/** Schema of {@link RenderMarkdownOptions}. */
export const RenderMarkdownOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ locale: z.optional(z.enum(["en", "zh-CN"])) }))();

/** A finite number or null (zod's number refuses NaN and ±Infinity). */
const valueSchema = () => z.nullable(z.number());

/**
 * What {@link renderMarkdown} reads of a {@link Report}, checked before a line is written:
 * a hand-made or damaged report is an OpsError naming the field, never a TypeError or a
 * "NaN%" cell.
 */
const ReportShapeSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.enum(["weekly", "monthly"]),
    timeZone: z.string(),
    days: z.tuple([z.string(), z.string()]),
    indicators: z.array(
      z.object({
        key: z.enum([
          "postsPublished",
          "comments",
          "likes",
          "shares",
          "engagementRate",
          "inboundMessages",
          "replyRate",
          "replyRateWithinTarget",
          "repliesPending",
          "medianFirstReplyMs",
          "followers",
          "followerNetGrowth",
          "followerGrowthRate",
          "activeActors",
          "returningActorRate",
          "funnelConversion",
        ]),
        group: z.enum(["interaction", "retention", "conversion"]),
        unit: z.enum(["count", "rate", "duration"]),
        current: valueSchema(),
        previous: valueSchema(),
        change: z.object({
          absolute: valueSchema(),
          relative: valueSchema(),
          direction: z.nullable(z.enum(["up", "down", "flat"])),
        }),
      }),
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
  readonly duration: (h: number, m: number, s: number) => string;
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
    duration: (h, m, s) => (h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`),
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
    duration: (h, m, s) => (h > 0 ? `${h} 小时 ${m} 分钟` : m > 0 ? `${m} 分钟 ${s} 秒` : `${s} 秒`),
  },
};

/**
 * Renders a {@link Report} as Markdown, in English or Simplified Chinese: a title with
 * the local date range and zone, then one table per group (interaction, retention,
 * conversion) with this period, the previous one and the change. Counts are grouped by
 * thousands, rates shown as percentages with one decimal (up to three when two different
 * values would read the same) and their change in percentage points (more decimals rather
 * than "−0.0"), durations as hours and minutes; a missing value is "—", no change at all
 * reads "no change" / "持平", and a change from a base of 0 reads "new" / "新增". Deterministic: number formatting is done here, not by the
 * runtime's locale data.
 *
 * @param report - a report from {@link weeklyReport} or {@link monthlyReport}
 * @param options - `locale`: `"en"` (default) or `"zh-CN"`
 * @returns Markdown text ending with a newline
 * @throws {OpsError} `invalid_argument` for an unknown locale, options that are not an object (`null`
 *   included: omit them for the defaults), or a report whose fields are missing, of the wrong type, NaN or ±Infinity
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
 * ```
 */
export function renderMarkdown(report: Report, options: RenderMarkdownOptions = {}): string {
  const locale = readOptions(options, "renderMarkdown").locale ?? "en";
  if (locale !== "en" && locale !== "zh-CN") {
    throw new OpsError({
      code: "invalid_argument",
      fn: "renderMarkdown",
      path: ["options", "locale"],
      rule: 'must be "en" or "zh-CN"',
      received: locale,
    });
  }
  parseOrThrow(ReportShapeSchema, report, { fn: "renderMarkdown", path: ["report"] });
  const w = WORDS[locale];
  const [thisCol, lastCol] = w.previousColumn[report.kind];
  const lines = [`# ${w.title[report.kind]} · ${w.range(report.days[0], report.days[1], report.timeZone)}`];
  for (const group of ["interaction", "retention", "conversion"] as const) {
    const rows = report.indicators.filter((i) => i.group === group);
    if (rows.length === 0) continue;
    lines.push(
      "",
      `## ${w.groups[group]}`,
      "",
      `| ${w.columns[0]} | ${thisCol} | ${lastCol} | ${w.columns[3]} |`,
      "| --- | ---: | ---: | ---: |",
    );
    for (const i of rows) {
      const d = rateDigits(i);
      lines.push(
        `| ${w.names[i.key]} | ${value(i, i.current, w, d)} | ${value(i, i.previous, w, d)} | ${change(i, w)} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Decimals of a rate row: one, or up to three when two different values would read the same. */
function rateDigits(i: Indicator): number {
  let d = 1;
  if (i.unit === "rate" && i.current !== null && i.previous !== null && i.current !== i.previous)
    while (d < 3 && percent(i.current, d) === percent(i.previous, d)) d++;
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
  if (i.unit === "rate") return percent(v, digits);
  if (i.unit === "duration") {
    const s = Math.round(v / 1000);
    return w.duration(Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60);
  }
  return count(v);
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
  const abs = i.unit === "duration" ? value(i, Math.abs(c.absolute), w) : count(Math.abs(c.absolute));
  const rel =
    c.relative === null
      ? w.noBase
      : `${c.relative > 0 ? "+" : c.relative < 0 ? "−" : ""}${(Math.abs(c.relative) * 100).toFixed(nonZeroDigits(c.relative * 100))}%`;
  return `${arrow} ${sign}${abs} (${rel})`;
}

function percent(v: number, digits = 1): string {
  return `${(v * 100).toFixed(digits)}%`;
}

function count(v: number): string {
  const rounded = Math.round(v * 100) / 100;
  const [int, frac] = Math.abs(rounded).toString().split(".");
  const grouped = (int ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "−" : ""}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}
