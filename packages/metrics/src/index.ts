/**
 * @ops/metrics — KPI math for social-media operations: rates, growth, retention, funnels, comparisons, anomalies, experiments, sketches, reports.
 *
 * @packageDocumentation
 */
export { distinctActors, DistinctActorsOptionsSchema } from "./bucket/distinctActors";
export type { DistinctActorsOptions } from "./bucket/distinctActors";
export { PeriodSchema } from "./bucket/Period";
export type { Period } from "./bucket/Period";
export { rollupByChannel, RollupByChannelOptionsSchema } from "./bucket/rollupByChannel";
export type { ChannelRollup, RollupByChannelOptions } from "./bucket/rollupByChannel";
export { timeBuckets, TimeBucketsOptionsSchema } from "./bucket/timeBuckets";
export type { TimeBucket, TimeBucketsOptions } from "./bucket/timeBuckets";
export { buildEventColumns } from "./columns/buildEventColumns";
export { MetricEventSchema } from "./columns/EventColumns";
export type { EventColumns, EventInput, MetricEvent } from "./columns/EventColumns";
export { agrestiCoullInterval } from "./experiment/agrestiCoullInterval";
export { AlternativeSchema } from "./experiment/Alternative";
export type { Alternative } from "./experiment/Alternative";
export { fisherExactTest, FisherExactTestOptionsSchema } from "./experiment/fisherExactTest";
export type { FisherExactTestOptions, FisherExactTestResult } from "./experiment/fisherExactTest";
export { newcombeInterval } from "./experiment/newcombeInterval";
export { probabilityBBeatsA, ProbabilityBBeatsAOptionsSchema } from "./experiment/probabilityBBeatsA";
export type { BetaPrior, ProbabilityBBeatsAOptions } from "./experiment/probabilityBBeatsA";
export { IntervalOptionsSchema, ProportionSchema } from "./experiment/Proportion";
export type { IntervalOptions, Proportion, ProportionInterval } from "./experiment/Proportion";
export { sampleSizeTwoProportions, SampleSizeOptionsSchema, SampleSizeRatesSchema } from "./experiment/sampleSizeTwoProportions";
export type { SampleSize, SampleSizeOptions, SampleSizeRates } from "./experiment/sampleSizeTwoProportions";
export { ExperimentLookSchema, sequentialTwoProportionTest, SequentialTestOptionsSchema } from "./experiment/sequentialTwoProportionTest";
export type { ExperimentLook, SequentialLookResult, SequentialTestOptions, SequentialTestResult } from "./experiment/sequentialTwoProportionTest";
export { twoProportionZTest, TwoProportionZTestOptionsSchema } from "./experiment/twoProportionZTest";
export type { TwoProportionZTestOptions, TwoProportionZTestResult } from "./experiment/twoProportionZTest";
export { wilsonInterval } from "./experiment/wilsonInterval";
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
export { birthdayPerkEligibility, BirthdayPerkOptionsSchema, BirthdaySchema, PerkWindowSchema } from "./segment/birthdayPerkEligibility";
export type { Birthday, BirthdayPerkEligibility, BirthdayPerkOptions, PerkWindow } from "./segment/birthdayPerkEligibility";
export { loyalFans, LoyalFansOptionsSchema } from "./segment/loyalFans";
export type { LoyalFansOptions } from "./segment/loyalFans";
export { FanActivitySchema, scoreFans, ScoreFansOptionsSchema } from "./segment/scoreFans";
export type { FanActivity, ScoredFan, ScoreFansOptions } from "./segment/scoreFans";
export { normalCdf } from "./stats/normalCdf";
export { normalQuantile } from "./stats/normalQuantile";
export { quantile, QuantileOptionsSchema } from "./stats/quantile";
export type { QuantileMethod, QuantileOptions } from "./stats/quantile";
export { csat, CsatOptionsSchema } from "./survey/csat";
export type { Csat, CsatOptions } from "./survey/csat";
export { nps, NpsCountsSchema, NpsOptionsSchema } from "./survey/nps";
export type { Nps, NpsCounts, NpsOptions } from "./survey/nps";
