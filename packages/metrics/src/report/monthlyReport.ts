import { buildReport } from "./_lib/buildReport";
import type { Report, ReportInput, ReportOptions } from "./Report";

/**
 * Monthly report: the indicators of {@link weeklyReport} for the local calendar month
 * containing `options.at`, against the previous calendar month (month over month).
 *
 * @param input - posts, inbound, followerSnapshots, events — each optional (not mutated)
 * @param options - timeZone, at, replyTargetMs, engagement options, funnel steps
 * @returns the typed report; render it with {@link renderMarkdown}
 * @throws {OpsError} `invalid_argument` for bad input or options (naming the field), `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { monthlyReport } from "@ops/metrics";
 * const at = (iso: string) => Date.parse(iso);
 * const report = monthlyReport(
 *   {
 *     followerSnapshots: [
 *       { at: at("2026-02-01T00:00:00+08:00"), followers: 900 },
 *       { at: at("2026-03-01T00:00:00+08:00"), followers: 1000 },
 *       { at: at("2026-04-01T00:00:00+08:00"), followers: 1150 },
 *     ],
 *   },
 *   { timeZone: "Asia/Shanghai", at: at("2026-03-15T12:00:00+08:00") },
 * );
 * report.indicators.map((i) => [i.key, i.current, i.previous, i.change.direction]);
 * // => [["followers", 1150, 1000, "up"], ["followerNetGrowth", 150, 100, "up"], ["followerGrowthRate", 0.15, 1 / 9, "up"]]
 * ```
 */
export function monthlyReport(input: ReportInput, options: ReportOptions): Report {
  return buildReport("monthly", input, options, "monthlyReport");
}
