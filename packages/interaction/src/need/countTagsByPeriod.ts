import { checkOptions } from "../_lib/checkOptions";
import { assertTimeZone, OpsError, type Instant, type WeekStartsOn } from "@ops/core";
import { type MetricEvent, rollupByChannel } from "@ops/metrics";
import type { Interaction } from "../model/Interaction";
import type { CompiledNeedRules } from "./compileNeedRules";
import { assertCompiled, tagsOf } from "./_lib/needTagging";
import { checkInteractions } from "../_lib/checkInteractions";
import { dedupeById } from "../_lib/order";

/** Options of {@link countTagsByPeriod}. */
export interface CountTagsByPeriodOptions {
  /** `day`, `week` or `month` (local calendar periods). */
  readonly period: "day" | "week" | "month";
  /** The IANA zone whose calendar defines the periods, e.g. `"Asia/Shanghai"`. */
  readonly timeZone: string;
  /** First day of a week: 0 = Sunday … 6; default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: WeekStartsOn;
}

/** One cell of the count: interactions tagged `tag` whose local period starts at `periodStart`. */
export interface TagCount {
  readonly periodStart: Instant;
  readonly tag: string;
  readonly count: number;
}

/**
 * Counts tagged interactions per tag and local calendar period — the weekly or monthly
 * "what do users ask for" figure that goes to product teams. An interaction is placed by
 * its `platformCreatedAt` in the local day / week / month of `timeZone` (days are calendar
 * days: 23 or 25 hours long on DST nights); an interaction with several tags counts once
 * for each; duplicates by id count once. Periods with no tagged interaction are omitted.
 *
 * @param compiled - from `compileNeedRules`
 * @param interactions - any order; not mutated
 * @param options - period, zone and week start
 * @returns counts sorted by period, then tag
 * @throws {OpsError} `invalid_argument` for bad rules, interactions or period; `invalid_time_zone` for an unknown zone
 *
 * @example
 * ```ts
 * import { compileNeedRules, countTagsByPeriod } from "@ops/interaction";
 * const rules = compileNeedRules([{ tag: "cleanser", any: ["洁面", "洗面奶"] }]);
 * const dm = (id: string, iso: string, text: string) => ({ id, channelId: "ch", kind: "dm", direction: "in", visibility: "private",
 *   actor: { platform: "weibo", scope: "", userId: "1" }, platformCreatedAt: Date.parse(iso), receivedAt: 0, content: { text, media: [], hashtags: [] } });
 * // 23:00 and 01:00 Shanghai time fall on two local days
 * const counts = countTagsByPeriod(rules, [
 *   dm("a", "2026-03-08T15:00:00Z", "有温和的洁面吗"),
 *   dm("b", "2026-03-08T17:00:00Z", "洗面奶推荐"),
 * ] as never, { period: "day", timeZone: "Asia/Shanghai" });
 * counts.map((c) => [new Date(c.periodStart).toISOString(), c.count]);
 * // => [["2026-03-07T16:00:00.000Z", 1], ["2026-03-08T16:00:00.000Z", 1]]
 * ```
 */
export function countTagsByPeriod(
  compiled: CompiledNeedRules,
  interactions: readonly Interaction[],
  options: CountTagsByPeriodOptions,
): TagCount[] {
  const fn = "countTagsByPeriod";
  assertCompiled(compiled, fn);
  checkInteractions(interactions, fn);
  checkOptions(options, fn);
  const { period, timeZone } = options ?? ({} as CountTagsByPeriodOptions);
  if (period !== "day" && period !== "week" && period !== "month") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "period"],
      rule: "must be day, week or month",
      received: period,
    });
  }
  assertTimeZone(timeZone, fn, ["options", "timeZone"]);
  const weekStartsOn = options.weekStartsOn ?? 1;
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "weekStartsOn"],
      rule: "must be a whole number 0–6 (0 = Sunday)",
      received: weekStartsOn,
    });
  // one bucketing for the library: metrics' rollupByChannel over one event per (interaction,
  // tag), the tag as the channel — local calendar days, weeks (weekStartsOn) and months
  const events: MetricEvent[] = [];
  for (const x of dedupeById(interactions))
    for (const tag of tagsOf(compiled, x)) events.push({ at: x.platformCreatedAt, actor: x.id, channel: tag });
  const rows = rollupByChannel(events, {
    timeZone,
    unit: period,
    weekStartsOn,
    fill: false,
    distinctActors: false,
  });
  return rows
    .map((r): TagCount => ({ periodStart: r.start, tag: r.channel, count: r.count }))
    .sort((a, b) => a.periodStart - b.periodStart || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
