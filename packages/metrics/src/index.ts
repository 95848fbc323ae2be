/**
 * @ops/metrics — KPI math for social-media operations: rates, growth, retention, funnels, comparisons, anomalies, experiments, sketches, reports.
 *
 * @packageDocumentation
 */
export { PeriodSchema } from "./bucket/Period";
export type { Period } from "./bucket/Period";
export { activeFollowerRate, ActiveFollowerRateOptionsSchema, ActorInteractionSchema } from "./rate/activeFollowerRate";
export type { ActiveFollowerRate, ActiveFollowerRateOptions, ActorInteraction } from "./rate/activeFollowerRate";
export { engagementRate, EngagementRateOptionsSchema, PostActivitySchema, PostMetricsSchema } from "./rate/engagementRate";
export type { EngagementAggregation, EngagementAttribution, EngagementDenominator, EngagementKind, EngagementRate, EngagementRateOptions, PostActivity, PostMetrics } from "./rate/engagementRate";
export { rate } from "./rate/rate";
export type { Rate, RateNullReason } from "./rate/rate";
export { readRate, ReadRateInputSchema } from "./rate/readRate";
export type { ReadRateInput } from "./rate/readRate";
export { replyRate, ReplyItemSchema, ReplyRateOptionsSchema } from "./rate/replyRate";
export type { ReplyItem, ReplyRate, ReplyRateOptions } from "./rate/replyRate";
export { responseTimeSummary, ResponseTimeSummaryOptionsSchema } from "./rate/responseTimeSummary";
export type { ResponseTimeSummary, ResponseTimeSummaryOptions } from "./rate/responseTimeSummary";
export { quantile, QuantileOptionsSchema } from "./stats/quantile";
export type { QuantileMethod, QuantileOptions } from "./stats/quantile";
