import { assertInstant, PeriodSchema, parseOrThrow, type Instant, type Period } from "@ops/core";
import type { ReportSection, SectionLabel } from "@ops/metrics";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import type { FeedbackStatus } from "../item/feedbackStatus";
import { checkItems } from "./_lib/checkItems";
import { closingTheLoop } from "./closingTheLoop";
import { overdueItems } from "./overdueItems";
import { resolvedNotReported } from "./resolvedNotReported";

/** Options of {@link feedbackLoopSection}. */
export interface FeedbackLoopSectionOptions {
  /** The report's period: adds the closing-the-loop rate of the items resolved in it. */
  readonly period?: Period;
  /** "Resolved, not reported back" counts items resolved at least this long before `now`; default 1 day. */
  readonly olderThanMs?: number;
  /** Overdue items listed in the table, most overdue first; default 10, at most 1000 (0: no table). */
  readonly maxRows?: number;
}

/** Schema of {@link FeedbackLoopSectionOptions}. */
export const FeedbackLoopSectionOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    period: z.optional(PeriodSchema),
    olderThanMs: z.optional(z.int().check(z.nonnegative({ error: "must be ≥ 0" }))),
    maxRows: z.optional(z.int().check(z.minimum(0), z.maximum(1000, { error: "must be at most 1000" }))),
  }))();

const L = (key: string, en: string, zh: string): SectionLabel => ({ key: `feedback.${key}`, en, "zh-CN": zh });

const STATUS: Record<FeedbackStatus, SectionLabel> = {
  new: L("status.new", "new", "新建"),
  triaged: L("status.triaged", "triaged", "已分类"),
  routed: L("status.routed", "routed", "已分派"),
  in_progress: L("status.in_progress", "in progress", "处理中"),
  waiting_customer: L("status.waiting_customer", "waiting for the customer", "等待用户"),
  waiting_internal: L("status.waiting_internal", "waiting internally", "等待内部"),
  resolved: L("status.resolved", "resolved", "已解决"),
  reported: L("status.reported", "reported back", "已回访"),
  follow_up: L("status.follow_up", "follow-up", "跟进中"),
  rejected: L("status.rejected", "rejected", "已驳回"),
  duplicate: L("status.duplicate", "duplicate", "重复"),
  closed: L("status.closed", "closed", "已关闭"),
};
const OPEN: ReadonlySet<string> = new Set([
  "new",
  "triaged",
  "routed",
  "in_progress",
  "waiting_customer",
  "waiting_internal",
]);

/**
 * The feedback loop-closing section of a report (for `@ops/metrics`' `composeReport` /
 * `renderMarkdown`), read at `now`: the open backlog (items before `resolved`), the
 * overdue ones ({@link overdueItems}), the closing-the-loop rate — reported back ÷
 * resolved ({@link closingTheLoop}) — in `period` and over all items, the median time
 * from resolution to report-back, the items resolved more than `olderThanMs` ago and not
 * reported back ({@link resolvedNotReported}), and a table of the most overdue items.
 * Labels in English and Simplified Chinese, keys `feedback.*`.
 *
 * @param items - feedback items as known at `now` (not mutated)
 * @param now - when the report is read (passed in: the library reads no clock)
 * @param options - `period`, `olderThanMs` (default 1 day), `maxRows` (default 10)
 * @returns a `ReportSection` with id `"feedback"`
 * @throws {OpsError} `invalid_argument` for a bad item list, instant or option
 *
 * @example
 * ```ts
 * import { feedbackLoopSection, replay } from "@ops/feedback";
 * import { renderMarkdown, weeklyReport } from "@ops/metrics";
 * const hour = 3_600_000;
 * const t0 = Date.parse("2026-03-09T09:00:00+08:00");
 * const item = (itemId: string, reportAfter: number | null) => replay([
 *   { itemId, type: "open", id: "e1", at: t0, source: { kind: "dm", interactionId: null }, actor: null },
 *   { itemId, type: "triage", id: "e2", at: t0, category: "quality" },
 *   { itemId, type: "route", id: "e3", at: t0, department: "qa" },
 *   { itemId, type: "start", id: "e4", at: t0, assignee: "agent_li" },
 *   { itemId, type: "resolve", id: "e5", at: t0 + hour, remedy: { kind: "exchange" } },
 *   ...(reportAfter === null ? [] : [{ itemId, type: "report_back", id: "e6", at: t0 + hour + reportAfter, via: "dm" } as const]),
 * ]);
 * const section = feedbackLoopSection([item("a", 2 * hour), item("b", null)], t0 + 48 * hour);
 * const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: t0 });
 * renderMarkdown(kpis, { sections: [section] }).split("\n").slice(-7, -1);
 * // => ["- Open items: 0", "- Overdue: 0", "- Closing the loop, all items: 50.0%", "- Median time to report back: 2 h 0 min", "- Report back expected within: 24 h 0 min", "- Resolved, not reported back in time: 1"]
 * ```
 */
export function feedbackLoopSection(
  items: readonly FeedbackItem[],
  now: Instant,
  options: FeedbackLoopSectionOptions = {},
): ReportSection {
  const fn = "feedbackLoopSection";
  checkItems(items, fn);
  assertInstant(now, fn, ["now"]);
  const opts = parseOrThrow(FeedbackLoopSectionOptionsSchema, options, { fn, path: ["options"] });
  const olderThanMs = opts.olderThanMs ?? 86_400_000;
  const overdue = overdueItems(items, now);
  const all = closingTheLoop(items);
  const inPeriod = opts.period === undefined ? null : closingTheLoop(items, { period: opts.period });
  const rows = overdue.slice(0, opts.maxRows ?? 10);
  return {
    id: "feedback",
    title: L("title", "Feedback and closing the loop", "反馈与闭环"),
    blocks: [
      {
        kind: "figures",
        items: [
          {
            label: L("open", "Open items", "未完成"),
            value: { kind: "count", value: items.filter((i) => OPEN.has(i.status)).length },
          },
          { label: L("overdue", "Overdue", "已逾期"), value: { kind: "count", value: overdue.length } },
          ...(inPeriod === null
            ? []
            : [
                {
                  label: L("loopPeriod", "Closing the loop, resolved this period", "本期闭环率"),
                  value: { kind: "rate" as const, value: inPeriod.rate.value },
                },
              ]),
          {
            label: L("loopAll", "Closing the loop, all items", "累计闭环率"),
            value: { kind: "rate", value: all.rate.value },
          },
          {
            label: L("reportBackMedian", "Median time to report back", "回访时长中位数"),
            value: { kind: "duration", value: (inPeriod ?? all).time.median },
          },
          {
            label: L("reportBackWithin", "Report back expected within", "回访时限"),
            value: { kind: "duration", value: olderThanMs },
          },
          {
            label: L("notReported", "Resolved, not reported back in time", "已解决但超时未回访"),
            value: { kind: "count", value: resolvedNotReported(items, now, { olderThanMs }).length },
          },
        ],
      },
      ...(rows.length === 0
        ? []
        : [
            {
              kind: "table" as const,
              columns: [
                L("item", "Overdue item", "逾期条目"),
                L("status", "Status", "状态"),
                L("category", "Category", "类别"),
                L("due", "Due", "截止时间"),
              ].map((label) => ({ label })),
              rows: rows.map((i) => [
                { kind: "code" as const, value: i.id },
                { kind: "text" as const, value: STATUS[i.status] },
                { kind: "text" as const, value: i.category ?? "—" },
                { kind: "instant" as const, value: i.dueAt },
              ]),
            },
          ]),
    ],
  };
}
