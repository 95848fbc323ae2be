/**
 * \@ops/sql/schemas — the zod schemas of every options object of \@ops/sql, for callers that
 * validate options (from a config file, a form) before they call. The functions check their
 * options themselves; the root entry keeps the data schemas users validate input with.
 *
 * @module schemas
 */
export { CompileDistinctActorsOptionsSchema } from "./bucket/compileDistinctActors";
export { CompileRollupByChannelOptionsSchema } from "./bucket/compileRollupByChannel";
export { CompileTimeBucketsOptionsSchema } from "./bucket/compileTimeBuckets";
export { CompileComparePeriodsOptionsSchema } from "./compare/compileComparePeriods";
export { CompileFunnelOptionsSchema } from "./funnel/compileFunnel";
export { CompileFollowerGrowthOptionsSchema } from "./growth/compileFollowerGrowth";
export { CompileActiveFollowerRateOptionsSchema } from "./rate/compileActiveFollowerRate";
export { CompileEngagementRateOptionsSchema } from "./rate/compileEngagementRate";
export { CompileReadRateOptionsSchema } from "./rate/compileReadRate";
export { CompileReplyRateOptionsSchema } from "./rate/compileReplyRate";
export { CompileResponseTimeSummaryOptionsSchema } from "./rate/compileResponseTimeSummary";
export { CompileRetentionTableOptionsSchema } from "./retention/compileRetentionTable";
