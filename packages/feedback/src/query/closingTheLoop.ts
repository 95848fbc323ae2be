import { PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import { rate, responseTimeSummary, type QuantileMethod, type Rate, type ResponseTimeSummary } from "@ops/metrics";
import { ResponseTimeSummaryOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import { checkItems } from "./_lib/checkItems";

/** Options of {@link closingTheLoop}. */
export interface ClosingTheLoopOptions {
  /** Count only items resolved in this half-open period; default all. */
  readonly period?: Period;
  /** Percentile method of the time summary (Hyndman–Fan type, default 7); see `@ops/metrics`' `quantile`. */
  readonly method?: QuantileMethod;
}

/** Schema of {@link ClosingTheLoopOptions}. */
export const ClosingTheLoopOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ period: z.optional(PeriodSchema), ...ResponseTimeSummaryOptionsSchema.shape }))();

/** The closing-the-loop figures. */
export interface ClosingTheLoop {
  /** Reported back ÷ resolved, as `@ops/metrics`' {@link Rate} (`null` with a reason when nothing was resolved). */
  readonly rate: Rate;
  /** Time from resolution to report-back (ms) of the reported items: count, mean, median, p90, min, max. */
  readonly time: ResponseTimeSummary;
}

/**
 * The closing-the-loop rate and time: of the items resolved (in the period), the share
 * whose outcome was reported back to the user, and how long the report-back took.
 *
 * rate = #(resolved items with a reply-back) ÷ #(resolved items), where a resolved item is
 * one with a current resolution (`resolvedAt` set: `resolved`, `reported`, `follow_up` or
 * `closed` after a report-back; a reopened item leaves the cohort until resolved again).
 * time = `replyBack.at − resolvedAt` per reported item, summarised by `@ops/metrics`'
 * `responseTimeSummary` (median and p90 by Hyndman–Fan type 7 unless `method` says
 * otherwise). Rejected and duplicate items are not resolutions and are not counted.
 * "Closing the loop" in the sense of Bain's Net Promoter System (F. Reichheld, "The
 * Ultimate Question 2.0", 2011): getting back to the customer about their feedback.
 *
 * @param items - feedback items (not mutated)
 * @param options - `period` of resolution, percentile `method`
 * @returns `{ rate, time }`
 * @throws {OpsError} `invalid_argument` for a bad item list or options
 *
 * @example
 * ```ts
 * import { closingTheLoop, replay } from "@ops/feedback";
 * const hour = 3_600_000;
 * const resolvedItem = (itemId: string, reportAfter: number | null) => replay([
 *   { itemId, type: "open", id: "e1", at: 0, source: { kind: "dm", interactionId: null }, actor: null },
 *   { itemId, type: "triage", id: "e2", at: 0, category: "quality" },
 *   { itemId, type: "route", id: "e3", at: 0, department: "qa" },
 *   { itemId, type: "start", id: "e4", at: 0, assignee: "agent_li" },
 *   { itemId, type: "resolve", id: "e5", at: hour, remedy: { kind: "exchange" } },
 *   ...(reportAfter === null ? [] : [{ itemId, type: "report_back", id: "e6", at: hour + reportAfter, via: "dm" } as const]),
 * ]);
 * const loop = closingTheLoop([resolvedItem("a", 2 * hour), resolvedItem("b", 4 * hour), resolvedItem("c", null)]);
 * [loop.rate.numerator, loop.rate.denominator, loop.time.median];
 * // => [2, 3, 3 * hour]
 * closingTheLoop([]).rate.reason;
 * // => "zero_denominator"
 * ```
 */
export function closingTheLoop(items: readonly FeedbackItem[], options: ClosingTheLoopOptions = {}): ClosingTheLoop {
  const fn = "closingTheLoop";
  checkItems(items, fn);
  const opts = parseOrThrow(ClosingTheLoopOptionsSchema, options, { fn, path: ["options"] });
  let resolved = 0;
  const durations: number[] = [];
  for (const item of items) {
    const at = item.resolvedAt;
    if (at === null || (opts.period && (at < opts.period.start || at >= opts.period.end))) continue;
    resolved++;
    if (item.replyBack !== null) durations.push(item.replyBack.at - at);
  }
  return {
    rate: rate(durations.length, resolved),
    time: responseTimeSummary(durations, opts.method === undefined ? {} : { method: opts.method }),
  };
}
