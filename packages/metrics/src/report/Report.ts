import { InstantSchema, TimeZoneSchema, type Instant, type Period, type TimeZone, type WeekStartsOn } from "@ops/core";
import * as z from "zod/mini";
import { DurationSchema } from "../_lib/schemas";
import type { EventInput } from "../column/EventColumns";
import type { PeriodChange } from "../compare/periodChange";
import type { FollowerSnapshot } from "../growth/followerGrowthFromSnapshots";
import type { EngagementAggregation, EngagementDenominator } from "../rate/EngagementRateOptions";
import type { PostMetrics } from "../rate/PostMetrics";
import { type ElapsedTime, ElapsedTimeSchema, type ReplyItem } from "../rate/replyRate";

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
  | "repliesPending"
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
  /** Reply target for `replyRateWithinTarget`, in ms (e.g. 2 h): the default for items no `replyTargets` entry matches. */
  readonly replyTargetMs?: number;
  /**
   * Reply targets by kind and/or channel — `[{ kind: "dm", withinMs: 3_600_000 }, { kind:
   * "comment", withinMs: 7_200_000 }]`; the first entry whose `kind` and `channelId` (each
   * optional) match an item applies, else `replyTargetMs`. An item with neither counts in
   * `replyRate` but not in `replyRateWithinTarget`.
   */
  readonly replyTargets?: readonly ReplyTarget[];
  /**
   * How reply time is measured (default calendar time): pass business time — with @ops/sla,
   * `(from, to) => businessTimeBetween(calendar, from, to)` — to judge targets and the median
   * first reply in staffed hours, as @ops/sla's `publicReplyRate` and the SLA clocks do.
   */
  readonly elapsed?: ElapsedTime;
  /**
   * When the data was taken (the export's end). An unanswered item whose target has not run
   * out by then is pending — counted in `repliesPending`, not as a miss in
   * `replyRateWithinTarget` — and items received after it are not counted. Without it,
   * every unanswered item in the period is a miss.
   */
  readonly asOf?: Instant;
  /** Engagement denominator, default `"impressions"`. */
  readonly engagementDenominator?: EngagementDenominator;
  /** Engagement aggregation, default `"ratioOfSums"`. */
  readonly engagementAggregation?: EngagementAggregation;
  /** Funnel steps (event kinds) for `funnelConversion`: last step / first step, ordered, entries in the period. */
  readonly funnelSteps?: readonly string[];
  /** Funnel conversion window, default 14 days. */
  readonly funnelWindowMs?: number;
}

/** A reply target for the items of one kind and/or channel (see {@link ReportOptions.replyTargets}). */
export interface ReplyTarget {
  readonly kind?: string;
  readonly channelId?: string;
  readonly withinMs: number;
}

/** Schema of {@link ReplyTarget}. */
export const ReplyTargetSchema = /* @__PURE__ */ (() =>
  z.object({ kind: z.optional(z.string()), channelId: z.optional(z.string()), withinMs: DurationSchema }))();

/** Schema of {@link ReportOptions}. Shared by `weeklyReport` and `monthlyReport`. */
export const ReportOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    timeZone: TimeZoneSchema,
    at: InstantSchema,
    weekStartsOn: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
    replyTargetMs: z.optional(DurationSchema),
    replyTargets: z.optional(
      z.array(ReplyTargetSchema).check(z.maxLength(1000, { error: "must hold at most 1000 targets" })),
    ),
    elapsed: z.optional(ElapsedTimeSchema),
    asOf: z.optional(InstantSchema),
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
