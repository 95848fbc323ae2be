/**
 * Every interaction that can count as an engagement, in the order of `engagementRate`'s
 * default (all of them): comments, likes, shares, saves, replies and `wows` — WeChat's 在看
 * ("Wow"), a public recommendation of an article to the reader's friends, counted apart from
 * `likes` (点赞). Frozen; the one list behind {@link EngagementKind}, `engagementRate`'s
 * schema and checks, and `@ops/sql`'s `compileEngagementRate`, so that they cannot drift.
 *
 * @example
 * ```ts
 * import { ENGAGEMENT_KINDS } from "@ops/metrics";
 * ENGAGEMENT_KINDS.filter((kind) => kind !== "wows").length;
 * // => 5
 * Object.isFrozen(ENGAGEMENT_KINDS);
 * // => true
 * ```
 */
export const ENGAGEMENT_KINDS = /* @__PURE__ */ Object.freeze([
  "comments",
  "likes",
  "shares",
  "saves",
  "replies",
  "wows",
] as const);

/** An interaction that can count as an engagement: one of {@link ENGAGEMENT_KINDS}. */
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
