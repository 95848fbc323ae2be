/**
 * @ops/metrics — KPI math for social-media operations: rates, growth, retention, funnels, comparisons, anomalies, experiments, sketches, reports.
 *
 * @packageDocumentation
 */
export { quantile, QuantileOptionsSchema } from "./stats/quantile";
export type { QuantileMethod, QuantileOptions } from "./stats/quantile";
