import type { Instant } from "@ops/core";

/** Figures of one post over part of its life (a day, usually), for `activityDate` attribution. */
export interface PostActivity {
  readonly at: Instant;
  readonly comments?: number;
  readonly likes?: number;
  readonly shares?: number;
  readonly saves?: number;
  readonly replies?: number;
  /** WeChat 在看 ("Wow") count. */
  readonly wows?: number;
  readonly reach?: number;
  readonly impressions?: number;
  readonly views?: number;
}

/** Lifetime figures of one post, with an optional breakdown by activity time. */
export interface PostMetrics extends Omit<PostActivity, "at"> {
  readonly id?: string;
  readonly publishedAt: Instant;
  /** Follower count of the account when the post was published. */
  readonly followers?: number;
  readonly activity?: readonly PostActivity[];
}
