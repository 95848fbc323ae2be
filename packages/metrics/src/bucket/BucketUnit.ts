/**
 * A calendar unit of time buckets in a zone: a local `day` (23, 24 or 25 hours), a `week`
 * (starting on a chosen weekday, ISO Monday by default) or a calendar `month`.
 */
export type BucketUnit = "day" | "week" | "month";
