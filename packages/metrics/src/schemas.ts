/**
 * \@ops/metrics/schemas — the zod schemas of every options object of \@ops/metrics, for callers that
 * validate options (from a config file, a form) before they call. The functions check their
 * options themselves; the root entry keeps the data schemas users validate input with.
 *
 * @module schemas
 */
export { DescribeAnomalyOptionsSchema } from "./anomaly/describeAnomaly";
export { DetectCountAnomaliesOptionsSchema } from "./anomaly/detectCountAnomalies";
export { DetectEwmaAnomaliesOptionsSchema } from "./anomaly/detectEwmaAnomalies";
export { DetectSeasonalAnomaliesOptionsSchema } from "./anomaly/detectSeasonalAnomalies";
export { PoissonControlLimitsOptionsSchema } from "./anomaly/poissonControlLimits";
export { DistinctActorsOptionsSchema } from "./bucket/distinctActors";
export { RollupByChannelOptionsSchema } from "./bucket/rollupByChannel";
export { TimeBucketsOptionsSchema } from "./bucket/timeBuckets";
export { ComparePeriodsOptionsSchema } from "./compare/comparePeriods";
export { PreviousPeriodOptionsSchema } from "./compare/previousPeriod";
export { FisherExactTestOptionsSchema } from "./experiment/fisherExactTest";
export { ProbabilityBBeatsAOptionsSchema } from "./experiment/probabilityBBeatsA";
export { IntervalOptionsSchema } from "./experiment/Proportion";
export { SampleSizeTwoProportionsOptionsSchema } from "./experiment/sampleSizeTwoProportions";
export { SequentialTwoProportionTestOptionsSchema } from "./experiment/sequentialTwoProportionTest";
export { TwoProportionZTestOptionsSchema } from "./experiment/twoProportionZTest";
export { FunnelOptionsSchema } from "./funnel/funnel";
export { FollowerGrowthOptionsSchema } from "./growth/followerGrowth";
export { FollowerGrowthFromSnapshotsOptionsSchema } from "./growth/followerGrowthFromSnapshots";
export { ActiveFollowerRateOptionsSchema } from "./rate/activeFollowerRate";
export { EngagementRateOptionsSchema } from "./rate/engagementRate";
export { ReplyRateOptionsSchema } from "./rate/replyRate";
export { ResponseTimeSummaryOptionsSchema } from "./rate/responseTimeSummary";
export { RenderMarkdownOptionsSchema } from "./report/renderMarkdown";
export { ReportOptionsSchema } from "./report/Report";
export { RetentionTableOptionsSchema } from "./retention/retentionTable";
export { BirthdayPerkEligibilityOptionsSchema } from "./segment/birthdayPerkEligibility";
export { LoyalFansOptionsSchema } from "./segment/loyalFans";
export { ScoreFansOptionsSchema } from "./segment/scoreFans";
export { HyperLogLogOptionsSchema } from "./sketch/createHyperLogLog";
export { KllSketchOptionsSchema } from "./sketch/createKllSketch";
export { QuantileSketchOptionsSchema } from "./sketch/createQuantileSketch";
export { DeserializeSketchOptionsSchema } from "./sketch/deserializeSketch";
export { RollUpSketchesOptionsSchema } from "./sketch/rollUpSketches";
export { DescribeOptionsSchema } from "./statistics/describe";
export { QuantileOptionsSchema } from "./statistics/quantile";
export { CsatOptionsSchema } from "./survey/csat";
export { NpsOptionsSchema } from "./survey/nps";
