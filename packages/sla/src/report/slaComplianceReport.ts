import { InstantSchema, TimeZoneSchema, compileTimeZone, parseOrThrow, type TimeZone, zoneOffset } from "@ops/core";
import { quantile, rate, type Rate } from "@ops/metrics";
import * as z from "zod/mini";
import type { SlaClocks } from "../clock/computeSlaClocks";
import type { SlaCycle } from "../clock/slaCycle";
import { SLA_METRICS, SlaMetricSchema, type SlaMetric } from "../policy/slaMetric";

/** One item of a compliance report: its channel and its clocks from `computeSlaClocks`. */
export interface ComplianceItem {
  readonly channelId: string;
  readonly clocks: SlaClocks;
}

/** Options of {@link slaComplianceReport}. */
export interface SlaComplianceReportOptions {
  /** Zone of the hour-of-day breakdown; default `"UTC"`. */
  readonly timeZone?: TimeZone | undefined;
}

/** Schema of {@link SlaComplianceReportOptions}. */
export const SlaComplianceReportOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ timeZone: z.optional(TimeZoneSchema) }))();

/** Quantiles of first-reply times (ms, in each policy's hours: business or calendar), R type 7. */
export interface ReplyTimeQuantiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

/** Achievement figures of one group of items. */
export interface ComplianceGroup {
  readonly achieved: number;
  readonly breached: number;
  /** `achieved / (achieved + breached)`; `value: null` with a reason when nothing is decided yet. */
  readonly achievementRate: Rate;
  /** First-reply time quantiles over the group's answered first replies; `null` when there are none. */
  readonly firstReply: ReplyTimeQuantiles | null;
}

/** The answer of {@link slaComplianceReport}. */
export interface SlaComplianceReport {
  readonly overall: ComplianceGroup;
  readonly byMetric: { readonly [M in SlaMetric]: ComplianceGroup };
  /** Per channel, sorted by channel id. */
  readonly byChannel: readonly ({ readonly channelId: string } & ComplianceGroup)[];
  /** 24 entries, hour 0–23 of the local start of each cycle in `timeZone`. */
  readonly byHourOfDay: readonly ({ readonly hour: number } & ComplianceGroup)[];
}

/**
 * SLA compliance over many items: the achievement rate (achieved cycles ÷ decided cycles,
 * where a cycle is decided once it stopped or breached — a running cycle within its goal
 * is not counted yet), and the p50 / p90 / p99 of first-reply time, overall, per metric,
 * per channel and per local hour of day of the cycle's start.
 *
 * Quantiles are `@ops/metrics`' `quantile`, Hyndman & Fan type 7 (R's default: linear
 * interpolation between order statistics, h = (n − 1)p + 1). First-reply time is each
 * answered first-reply cycle's `elapsed`: business time for business-hours targets,
 * elapsed time otherwise — so mix the two only knowingly. A first reply stopped by the
 * item's resolution (no reply at all) counts in the achievement rate, not in the quantiles.
 *
 * @param items - `{ channelId, clocks }` per item (not mutated)
 * @param options - `timeZone` of the hour breakdown (default UTC)
 * @returns the report
 * @throws {OpsError} `invalid_argument` for a malformed item or an unknown zone
 *
 * @example
 * ```ts
 * import { compileSlaPolicies, computeSlaClocks, slaComplianceReport } from "@ops/sla";
 * const M = 60_000;
 * const t0 = Date.UTC(2026, 2, 9, 1, 0);
 * const policies = compileSlaPolicies([{ id: "p", match: {}, targets: { first_reply: { goal: 60 * M, hours: "calendar" } } }]);
 * const item = (channelId: string, replyAfter: number) => ({
 *   channelId,
 *   clocks: computeSlaClocks(
 *     [{ type: "created", at: t0, subject: {} }, { type: "message", at: t0 + replyAfter * M, direction: "out" }],
 *     policies,
 *     { now: t0 + 300 * M },
 *   ),
 * });
 * const report = slaComplianceReport([item("weibo", 10), item("weibo", 30), item("douyin", 90)], { timeZone: "Asia/Shanghai" });
 * report.overall.achievementRate.value;
 * // => 0.6666666666666666
 * report.overall.firstReply?.p50 === 30 * M;
 * // => true
 * report.byChannel.map((c) => [c.channelId, c.achieved, c.breached]);
 * // => [["douyin", 0, 1], ["weibo", 2, 0]]
 * report.byHourOfDay[9]?.achieved;
 * // => 2
 * ```
 */
export function slaComplianceReport(
  items: readonly ComplianceItem[],
  options: SlaComplianceReportOptions = {},
): SlaComplianceReport {
  const fn = "slaComplianceReport";
  const { timeZone = "UTC" } = parseOrThrow(SlaComplianceReportOptionsSchema, options, { fn, path: ["options"] });
  parseOrThrow(
    z.array(
      z.object({
        channelId: z.string().check(z.minLength(1)),
        clocks: z.object({ cycles: z.record(z.string(), z.array(CycleFieldsSchema)) }),
      }),
    ),
    items,
    { fn, path: ["items"] },
  );
  const zone = compileTimeZone(timeZone);
  const all: { channelId: string; cycle: SlaCycle }[] = [];
  for (const item of items)
    for (const m of SLA_METRICS)
      for (const cycle of item.clocks.cycles[m] ?? []) all.push({ channelId: item.channelId, cycle });
  const hourOf = (t: number) => new Date(t + zoneOffset(t, zone) * 60_000).getUTCHours();
  const channels = [...new Set(all.map((x) => x.channelId))].sort();
  return {
    overall: group(all.map((x) => x.cycle)),
    byMetric: Object.fromEntries(
      SLA_METRICS.map((m) => [m, group(all.filter((x) => x.cycle.metric === m).map((x) => x.cycle))]),
    ) as SlaComplianceReport["byMetric"],
    byChannel: channels.map((channelId) => ({
      channelId,
      ...group(all.filter((x) => x.channelId === channelId).map((x) => x.cycle)),
    })),
    byHourOfDay: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      ...group(all.filter((x) => hourOf(x.cycle.startedAt) === hour).map((x) => x.cycle)),
    })),
  };
}

/** The fields of an {@link SlaCycle} the report reads: a hole, a null or a NaN there is an OpsError naming it. */
const CycleFieldsSchema = /* @__PURE__ */ (() =>
  z.object({
    metric: SlaMetricSchema,
    status: z.enum(["active", "paused", "achieved", "breached"]),
    startedAt: InstantSchema,
    stoppedBy: z.optional(z.enum(["reply", "resolution"])),
    elapsed: z.number().check(z.minimum(0)),
  }))();

function group(cycles: readonly SlaCycle[]): ComplianceGroup {
  let achieved = 0;
  let breached = 0;
  const replies: number[] = [];
  for (const c of cycles) {
    if (c.status === "achieved") achieved++;
    else if (c.status === "breached") breached++;
    if (c.metric === "first_reply" && c.stoppedBy === "reply") replies.push(c.elapsed);
  }
  const firstReply =
    replies.length === 0
      ? null
      : {
          count: replies.length,
          p50: quantile(replies, 0.5),
          p90: quantile(replies, 0.9),
          p99: quantile(replies, 0.99),
        };
  return { achieved, breached, achievementRate: rate(achieved, achieved + breached), firstReply };
}
