export { compileDistinctActors, CompileDistinctActorsOptionsSchema } from "./bucket/compileDistinctActors";
export type { CompileDistinctActorsOptions } from "./bucket/compileDistinctActors";
export { compileRollupByChannel, CompileRollupByChannelOptionsSchema } from "./bucket/compileRollupByChannel";
export type { CompileRollupByChannelOptions } from "./bucket/compileRollupByChannel";
export { compileTimeBuckets, CompileTimeBucketsOptionsSchema } from "./bucket/compileTimeBuckets";
export type { CompileTimeBucketsOptions } from "./bucket/compileTimeBuckets";
export { compileComparePeriods, CompileComparePeriodsOptionsSchema } from "./compare/compileComparePeriods";
export type { CompileComparePeriodsOptions } from "./compare/compileComparePeriods";
export { clickhouse } from "./dialect/clickhouse";
export type { Dialect, SqlColumnType, SqlParamType } from "./dialect/Dialect";
export { duckdb } from "./dialect/duckdb";
export { compileFunnel, CompileFunnelOptionsSchema } from "./funnel/compileFunnel";
export type { CompileFunnelOptions } from "./funnel/compileFunnel";
export { compileFollowerGrowth, CompileFollowerGrowthOptionsSchema } from "./growth/compileFollowerGrowth";
export type { CompileFollowerGrowthOptions } from "./growth/compileFollowerGrowth";
export type { CompiledQuery, SqlParam, SqlRow } from "./query/CompiledQuery";
export { compileActiveFollowerRate, CompileActiveFollowerRateOptionsSchema } from "./rate/compileActiveFollowerRate";
export type { CompileActiveFollowerRateOptions } from "./rate/compileActiveFollowerRate";
export { compileEngagementRate, CompileEngagementRateOptionsSchema } from "./rate/compileEngagementRate";
export type { CompileEngagementRateOptions } from "./rate/compileEngagementRate";
export { compileReadRate, CompileReadRateOptionsSchema } from "./rate/compileReadRate";
export type { CompileReadRateOptions } from "./rate/compileReadRate";
export { compileReplyRate, CompileReplyRateOptionsSchema } from "./rate/compileReplyRate";
export type { CompileReplyRateOptions } from "./rate/compileReplyRate";
export { compileResponseTimeSummary, CompileResponseTimeSummaryOptionsSchema } from "./rate/compileResponseTimeSummary";
export type { CompileResponseTimeSummaryOptions } from "./rate/compileResponseTimeSummary";
export { compileRetentionTable, CompileRetentionTableOptionsSchema } from "./retention/compileRetentionTable";
export type { CompileRetentionTableOptions } from "./retention/compileRetentionTable";
export { createEventTableSql } from "./table/createEventTableSql";
export {
  DEFAULT_EVENT_COLUMNS,
  dialectOf,
  EVENT_FIELDS,
  IdentifierSchema,
  SqlTargetSchema,
} from "./table/EventTable";
export type { DialectName, EventField, SqlTarget } from "./table/EventTable";
