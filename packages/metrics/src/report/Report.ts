import { InstantSchema, TimeZoneSchema, type Instant, type Period, type TimeZone, type WeekStartsOn } from "@ops/core";
import * as z from "zod/mini";
import { DurationSchema } from "../_lib/schemas";
import type { EventInput } from "../column/EventColumns";
import type { PeriodChange } from "../compare/periodChange";
import type { FollowerSnapshot } from "../growth/followerGrowthFromSnapshots";
import type { EngagementAggregation, EngagementDenominator, PostMetrics } from "../rate/engagementRate";
import type { ReplyItem } from "../rate/replyRate";

/** The indicators a report can hold, by group. */
export type IndicatorKey =
  // interaction
  | "postsPublished"
  | "comments"
  | "likes"
  | "shares"
  | "engagementRate"
  | "inboundMessages"
  | "replyRate"
  | "replyRateWithinTarget"
  | "medianFirstReplyMs"
  // retention
  | "followers"
  | "followerNetGrowth"
  | "followerGrowthRate"
  | "activeActors"
  | "returningActorRate"
  // conversion
  | "funnelConversion";

/** The report section an indicator belongs to (domain §3: interaction, retention, conversion). */
export type IndicatorGroup = "interaction" | "retention" | "conversion";

/** How an indicator's values read: a count, a rate in [0, 1] (or beyond), or a duration in ms. */
export type IndicatorUnit = "count" | "rate" | "duration";

/** One indicator with its value in the report's period and in the previous one. */
export interface Indicator {
  readonly key: IndicatorKey;
  readonly group: IndicatorGroup;
  readonly unit: IndicatorUnit;
  /** `null` when the period has no value (a rate without denominator, no snapshot). */
  readonly current: number | null;
  readonly previous: number | null;
  readonly change: PeriodChange;
}

/** A weekly or monthly report: every indicator its inputs allow, against the previous period. */
export interface Report {
  readonly kind: "weekly" | "monthly";
  readonly timeZone: TimeZone;
  readonly period: Period;
  readonly previousPeriod: Period;
  /** Local first and last day of the period, `["2026-03-09", "2026-03-15"]`. */
  readonly days: readonly [string, string];
  readonly indicators: readonly Indicator[];
}

/** What a report is built from; each part is optional and adds its indicators. */
export interface ReportInput {
  /** Posts (engagement counted by publish date). Adds posts, comments, likes, shares, engagement rate. */
  readonly posts?: readonly PostMetrics[];
  /** Inbound comments and DMs. Adds inbound count, reply rates and median first-reply time. */
  readonly inbound?: readonly ReplyItem[];
  /** Follower-count snapshots. Adds followers, net growth and growth rate. */
  readonly followerSnapshots?: readonly FollowerSnapshot[];
  /** Actor events. Adds active actors, returning-actor rate and (with `funnelSteps`) funnel conversion. */
  readonly events?: EventInput;
}

/** Options of a report, one concept with one name. Shared by `weeklyReport` and `monthlyReport`. */
export interface ReportOptions {
  readonly timeZone: TimeZone;
  /** Any instant inside the week or month to report on. */
  readonly at: Instant;
  /** First day of a week, default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: WeekStartsOn;
  /** Reply target for `replyRateWithinTarget`, in ms (e.g. 2 h). */
  readonly replyTargetMs?: number;
  /** Engagement denominator, default `"impressions"`. */
  readonly engagementDenominator?: EngagementDenominator;
  /** Engagement aggregation, default `"ratioOfSums"`. */
  readonly engagementAggregation?: EngagementAggregation;
  /** Funnel steps (event kinds) for `funnelConversion`: last step / first step, ordered, entries in the period. */
  readonly funnelSteps?: readonly string[];
  /** Funnel conversion window, default 14 days. */
  readonly funnelWindowMs?: number;
}

/** Schema of {@link ReportOptions}. Shared by `weeklyReport` and `monthlyReport`. */
export const ReportOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    timeZone: TimeZoneSchema,
    at: InstantSchema,
    weekStartsOn: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
    replyTargetMs: z.optional(DurationSchema),
    engagementDenominator: z.optional(z.enum(["reach", "impressions", "views", "followers"])),
    engagementAggregation: z.optional(z.enum(["ratioOfSums", "meanOfRatios"])),
    funnelSteps: z.optional(
      z
        .array(z.string())
        .check(
          z.minLength(2, { error: "must name 2 to 20 steps" }),
          z.maxLength(20, { error: "must name 2 to 20 steps" }),
        ),
    ),
    funnelWindowMs: z.optional(DurationSchema),
  }))();
