import type { Period } from "@ops/core";
import type { EngagementKind } from "./EngagementKind";

/** What an engagement rate divides by. `followers` is the follower count at post time. */
export type EngagementDenominator = "reach" | "impressions" | "views" | "followers";
/** How per-post figures are combined; see `engagementRate`. */
export type EngagementAggregation = "ratioOfSums" | "meanOfRatios";
/** Which period an engagement belongs to; see `engagementRate`. */
export type EngagementAttribution = "publishDate" | "activityDate";

/** Options of `engagementRate`. */
export interface EngagementRateOptions {
  /**
   * What counts as an engagement; default every kind (comments, likes, shares, saves,
   * replies, wows). A post without a `wows` figure adds 0, so results on data without 在看
   * are those of the five kinds before `wows` existed.
   */
  readonly engagements?: readonly EngagementKind[];
  /** Default `"impressions"`. */
  readonly denominator?: EngagementDenominator;
  /** Default `"ratioOfSums"`. */
  readonly aggregation?: EngagementAggregation;
  /** Default `"publishDate"`; only matters when `period` is given. */
  readonly attribution?: EngagementAttribution;
  /** Only engagements attributed to `[start, end)` count; default: every post, all its life. */
  readonly period?: Period;
}
