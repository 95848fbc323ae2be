/**
 * @ops/metrics — KPI math for social-media operations: rates, growth, retention, funnels, comparisons, anomalies, experiments, sketches, reports.
 *
 * @packageDocumentation
 */
export { SeriesPointSchema } from "./anomaly/Anomaly";
export type { Anomaly, AnomalyMethod, SeriesPoint } from "./anomaly/Anomaly";
export { describeAnomaly } from "./anomaly/describeAnomaly";
export type { DescribeAnomalyOptions } from "./anomaly/describeAnomaly";
export { CountPointSchema, detectCountAnomalies } from "./anomaly/detectCountAnomalies";
export type { CountPoint, DetectCountAnomaliesOptions } from "./anomaly/detectCountAnomalies";
export { detectEwmaAnomalies } from "./anomaly/detectEwmaAnomalies";
export type { DetectEwmaAnomaliesOptions } from "./anomaly/detectEwmaAnomalies";
export { detectSeasonalAnomalies } from "./anomaly/detectSeasonalAnomalies";
export type { DetectSeasonalAnomaliesOptions } from "./anomaly/detectSeasonalAnomalies";
export { poissonControlLimits } from "./anomaly/poissonControlLimits";
export type { PoissonControlLimits, PoissonControlLimitsOptions } from "./anomaly/poissonControlLimits";
export type { BucketUnit } from "./bucket/BucketUnit";
export { distinctActors } from "./bucket/distinctActors";
export type { DistinctActorsOptions } from "./bucket/distinctActors";
export { rollupByChannel } from "./bucket/rollupByChannel";
export type { ChannelRollup, RollupByChannelOptions } from "./bucket/rollupByChannel";
export { timeBuckets } from "./bucket/timeBuckets";
export type { TimeBucket, TimeBucketsOptions } from "./bucket/timeBuckets";
export { buildEventColumns } from "./column/buildEventColumns";
export { MetricEventSchema } from "./column/EventColumns";
export type { EventColumns, EventInput, MetricEvent } from "./column/EventColumns";
export { comparePeriods } from "./compare/comparePeriods";
export type { ComparePeriodsOptions, PeriodComparison, PeriodMeasure } from "./compare/comparePeriods";
export { periodChange } from "./compare/periodChange";
export type { ChangeDirection, ChangeNullReason, PeriodChange } from "./compare/periodChange";
export { previousPeriod } from "./compare/previousPeriod";
export type { Comparison, PreviousPeriodOptions, YoyAlignment } from "./compare/previousPeriod";
export { agrestiCoullInterval } from "./experiment/agrestiCoullInterval";
export { AlternativeSchema } from "./experiment/Alternative";
export type { Alternative } from "./experiment/Alternative";
export { fisherExactTest } from "./experiment/fisherExactTest";
export type { FisherExactTestOptions, FisherExactTestResult } from "./experiment/fisherExactTest";
export { newcombeInterval } from "./experiment/newcombeInterval";
export { probabilityBBeatsA } from "./experiment/probabilityBBeatsA";
export type { BetaPrior, ProbabilityBBeatsAOptions } from "./experiment/probabilityBBeatsA";
export { ProportionSchema } from "./experiment/Proportion";
export type { IntervalOptions, Proportion, ProportionInterval } from "./experiment/Proportion";
export { sampleSizeTwoProportions, SampleSizeRatesSchema } from "./experiment/sampleSizeTwoProportions";
export type {
  SampleSize,
  SampleSizeMethod,
  SampleSizeRates,
  SampleSizeTwoProportionsOptions,
} from "./experiment/sampleSizeTwoProportions";
export { ExperimentLookSchema, sequentialTwoProportionTest } from "./experiment/sequentialTwoProportionTest";
export type {
  ExperimentLook,
  SequentialLookResult,
  SequentialTestResult,
  SequentialTwoProportionTestOptions,
} from "./experiment/sequentialTwoProportionTest";
export { twoProportionZTest } from "./experiment/twoProportionZTest";
export type { TwoProportionZTestOptions, TwoProportionZTestResult } from "./experiment/twoProportionZTest";
export { wilsonInterval } from "./experiment/wilsonInterval";
export { funnel } from "./funnel/funnel";
export type { FunnelOptions, FunnelOrder, FunnelResult, FunnelStep } from "./funnel/funnel";
export { followerGrowth, FollowEventSchema } from "./growth/followerGrowth";
export type { FollowerGrowth, FollowerGrowthOptions, FollowEvent } from "./growth/followerGrowth";
export { followerGrowthFromSnapshots, FollowerSnapshotSchema } from "./growth/followerGrowthFromSnapshots";
export type { FollowerGrowthFromSnapshotsOptions, FollowerSnapshot } from "./growth/followerGrowthFromSnapshots";
export { activeFollowerRate, ActorInteractionSchema } from "./rate/activeFollowerRate";
export type { ActiveFollowerRate, ActiveFollowerRateOptions, ActorInteraction } from "./rate/activeFollowerRate";
export { ENGAGEMENT_KINDS } from "./rate/EngagementKind";
export type { EngagementKind } from "./rate/EngagementKind";
export { engagementRate, PostActivitySchema, PostMetricsSchema } from "./rate/engagementRate";
export type { EngagementRate } from "./rate/engagementRate";
export type {
  EngagementAggregation,
  EngagementAttribution,
  EngagementDenominator,
  EngagementRateOptions,
} from "./rate/EngagementRateOptions";
export type { PostActivity, PostMetrics } from "./rate/PostMetrics";
export { rate } from "./rate/rate";
export type { Rate, RateNullReason } from "./rate/rate";
export { readRate, ReadRateInputSchema } from "./rate/readRate";
export type { ReadRateInput } from "./rate/readRate";
export { ElapsedTimeSchema, replyRate, ReplyItemSchema } from "./rate/replyRate";
export type { ElapsedTime, ReplyItem, ReplyRate, ReplyRateOptions } from "./rate/replyRate";
export { responseTimeSummary } from "./rate/responseTimeSummary";
export type { ResponseTimeSummary, ResponseTimeSummaryOptions } from "./rate/responseTimeSummary";
export { composeReport, ReportSectionsSchema } from "./report/composeReport";
export type { ComposedReport } from "./report/composeReport";
export { monthlyReport } from "./report/monthlyReport";
export { renderMarkdown } from "./report/renderMarkdown";
export type { RenderMarkdownOptions, ReportLocale } from "./report/renderMarkdown";
export { ReplyTargetSchema } from "./report/Report";
export type {
  Indicator,
  IndicatorGroup,
  IndicatorKey,
  IndicatorUnit,
  ReplyTarget,
  Report,
  ReportInput,
  ReportOptions,
} from "./report/Report";
export {
  ReportSectionSchema,
  SectionBlockSchema,
  SectionCellSchema,
  SectionLabelSchema,
} from "./report/ReportSection";
export type {
  ReportSection,
  SectionBlock,
  SectionCell,
  SectionColumn,
  SectionLabel,
} from "./report/ReportSection";
export { weeklyReport } from "./report/weeklyReport";
export { groupRetention, MembershipSnapshotSchema } from "./retention/groupRetention";
export type { GroupCohort, MembershipSnapshot } from "./retention/groupRetention";
export { retentionTable } from "./retention/retentionTable";
export type { RetentionCohort, RetentionTable, RetentionTableOptions, RetentionType } from "./retention/retentionTable";
export { birthdayPerkEligibility, BirthdaySchema } from "./segment/birthdayPerkEligibility";
export type {
  Birthday,
  BirthdayPerkEligibility,
  BirthdayPerkEligibilityOptions,
} from "./segment/birthdayPerkEligibility";
export { loyalFans } from "./segment/loyalFans";
export type { LoyalFansOptions } from "./segment/loyalFans";
export { FanActivitySchema, scoreFans } from "./segment/scoreFans";
export type { FanActivity, ScoredFan, ScoreFansOptions } from "./segment/scoreFans";
export type { Counter } from "./sketch/Counter";
export { createCounter } from "./sketch/createCounter";
export { createHyperLogLog } from "./sketch/createHyperLogLog";
export type { HyperLogLogOptions } from "./sketch/createHyperLogLog";
export { createKllSketch } from "./sketch/createKllSketch";
export type { KllSketchOptions } from "./sketch/createKllSketch";
export { createQuantileSketch } from "./sketch/createQuantileSketch";
export type { QuantileSketchOptions } from "./sketch/createQuantileSketch";
export { createSum } from "./sketch/createSum";
export { dataSketchesHll } from "./sketch/dataSketchesHll";
export { dataSketchesKll } from "./sketch/dataSketchesKll";
export { ddSketchProto } from "./sketch/ddSketchProto";
export { deserializeSketch } from "./sketch/deserializeSketch";
export type { DeserializeSketchOptions, SketchByKind } from "./sketch/deserializeSketch";
export { detectSketchFormat } from "./sketch/detectSketchFormat";
export type { SketchFormatInfo } from "./sketch/detectSketchFormat";
export type { HllBounds, HllTargetType, HyperLogLog, HyperLogLogFormat } from "./sketch/HyperLogLog";
export type { KllItemType, KllQueryOptions, KllSketch } from "./sketch/KllSketch";
export { mergeSketches } from "./sketch/mergeSketches";
export type { QuantileSketch, QuantileSketchFormat } from "./sketch/QuantileSketch";
export { rollUpSketches } from "./sketch/rollUpSketches";
export type { DatedSketch, RollUpSketchesOptions } from "./sketch/rollUpSketches";
export type { Sketch, SketchKind } from "./sketch/Sketch";
export type { SketchCodec } from "./sketch/SketchCodec";
export type { SumSketch } from "./sketch/SumSketch";
export { chiSquareTest } from "./statistics/chiSquareTest";
export type { ChiSquareResult } from "./statistics/chiSquareTest";
export { describe } from "./statistics/describe";
export type { DescribeOptions, DescriptiveStatistics } from "./statistics/describe";
export { normalCdf } from "./statistics/normalCdf";
export { normalQuantile } from "./statistics/normalQuantile";
export { poissonCdf } from "./statistics/poissonCdf";
export { poissonQuantile } from "./statistics/poissonQuantile";
export { quantile } from "./statistics/quantile";
export type { QuantileMethod, QuantileOptions } from "./statistics/quantile";
export { studentTQuantile } from "./statistics/studentTQuantile";
export { csat } from "./survey/csat";
export type { Csat, CsatOptions } from "./survey/csat";
export { nps, NpsCountsSchema } from "./survey/nps";
export type { Nps, NpsCounts, NpsOptions } from "./survey/nps";
