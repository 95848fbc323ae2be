import { buildReport } from "./_lib/buildReport";
import type { Report, ReportInput, ReportOptions } from "./Report";

/**
 * Weekly report: every interaction, retention and conversion indicator that `input`
 * allows, for the local week containing `options.at` (ISO week by default) and the week
 * before, with the change of each ({@link periodChange}: absolute, relative — `null` from
 * a base of 0 — and direction). Indicators and their definitions:
 * - posts published, comments, likes, shares (posts published in the week) and
 *   `engagementRate` ({@link engagementRate}, publish-date attribution);
 * - inbound messages received in the week, `replyRate` and `replyRateWithinTarget`
 *   ({@link replyRate}), median first-reply time (R type 7);
 * - followers at the end of the week, net growth and net growth rate
 *   ({@link followerGrowthFromSnapshots}); `null` when no snapshot precedes the week;
 * - active actors (distinct actors with any event), returning-actor rate (share of last
 *   week's active actors also active this week — week-over-week retention);
 * - funnel conversion: last step / first step of an ordered funnel entered in the week.
 *
 * @param input - posts, inbound, followerSnapshots, events — each optional (not mutated)
 * @param options - timeZone, at, weekStartsOn, replyTargetMs, engagement options, funnel steps
 * @returns the typed report; render it with {@link renderMarkdown}
 * @throws {OpsError} `invalid_argument` for bad input or options (naming the field), `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { weeklyReport } from "@ops/metrics";
 * const day = 86_400_000;
 * const monday = Date.parse("2026-03-09T00:00:00+08:00");
 * const report = weeklyReport(
 *   {
 *     posts: [
 *       { publishedAt: monday - 5 * day, likes: 40, comments: 10, impressions: 1000 },
 *       { publishedAt: monday + day, likes: 90, comments: 30, impressions: 2000 },
 *     ],
 *     inbound: [{ receivedAt: monday + day, firstReplyAt: monday + day + 3_600_000 }, { receivedAt: monday + 2 * day }],
 *   },
 *   { timeZone: "Asia/Shanghai", at: monday + 3 * day },
 * );
 * report.days;
 * // => ["2026-03-09", "2026-03-15"]
 * report.indicators.map((i) => [i.key, i.current, i.previous]);
 * // => [["postsPublished", 1, 1], ["comments", 30, 10], ["likes", 90, 40], ["shares", 0, 0], ["engagementRate", 0.06, 0.05], ["inboundMessages", 2, 0], ["replyRate", 0.5, null], ["medianFirstReplyMs", 3_600_000, null]]
 * ```
 */
export function weeklyReport(input: ReportInput, options: ReportOptions): Report {
  return buildReport("weekly", input, options, "weeklyReport");
}
