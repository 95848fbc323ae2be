import { InstantSchema, PeriodSchema } from "@ops/core";
import * as z from "zod/mini";
import {
  AGGREGATIONS,
  ATTRIBUTIONS,
  checkEngagementRateOptions,
  checkPosts,
  DENOMINATORS,
} from "./_lib/checkEngagementArgs";
import { finiteRatio } from "../_lib/ratio";
import { CountSchema } from "../_lib/schemas";
import { ENGAGEMENT_KINDS, type EngagementKind } from "./EngagementKind";
import type { EngagementAggregation, EngagementDenominator, EngagementRateOptions } from "./EngagementRateOptions";
import type { PostMetrics } from "./PostMetrics";
import type { Rate } from "./rate";

/** An engagement rate with its parts and the semantics it was computed with. */
export interface EngagementRate extends Rate {
  readonly aggregation: EngagementAggregation;
  readonly denominatorKind: EngagementDenominator;
  /** Posts that contributed. */
  readonly posts: number;
  /** Posts left out because they lack the denominator field (or, for `meanOfRatios`, have a denominator of 0). */
  readonly skipped: number;
}

/** The optional figures of a post or of one entry of its activity breakdown. */
function figureShape() {
  return {
    comments: z.optional(CountSchema),
    likes: z.optional(CountSchema),
    shares: z.optional(CountSchema),
    saves: z.optional(CountSchema),
    replies: z.optional(CountSchema),
    wows: z.optional(CountSchema),
    reach: z.optional(CountSchema),
    impressions: z.optional(CountSchema),
    views: z.optional(CountSchema),
  };
}

/** Schema of a {@link PostActivity}. */
export const PostActivitySchema = /* @__PURE__ */ (() => z.object({ at: InstantSchema, ...figureShape() }))();

/** Schema of a {@link PostMetrics}. */
export const PostMetricsSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.optional(z.string()),
    publishedAt: InstantSchema,
    followers: z.optional(CountSchema),
    activity: z.optional(z.array(PostActivitySchema)),
    ...figureShape(),
  }))();

/**
 * Schema of {@link EngagementRateOptions}. The closed sets are `z.literal([...])` rather
 * than `z.enum` and the non-empty list is a refinement rather than `z.minLength`: the
 * same values accepted and the same messages, for about 0.4 kB less (min+gz) in every
 * bundle that imports this schema.
 */
export const EngagementRateOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    engagements: z.optional(
      z
        .array(z.literal(ENGAGEMENT_KINDS))
        .check(z.refine((kinds) => kinds.length > 0, { error: "must name at least one engagement kind" })),
    ),
    denominator: z.optional(z.literal(DENOMINATORS)),
    aggregation: z.optional(z.literal(AGGREGATIONS)),
    attribution: z.optional(z.literal(ATTRIBUTIONS)),
    period: z.optional(PeriodSchema),
  }))();

/**
 * Engagement rate of a set of posts: engagements (a configurable sum of comments, likes,
 * shares, saves, replies and WeChat 在看 `wows`) over reach, impressions, views or followers
 * at post time. Every kind counts by default: 在看 is a public act of endorsement like a share,
 * and leaving it out would make a WeChat article's components (点赞 + 在看 + 留言 + 分享 + 收藏)
 * not add up to its engagements.
 *
 * Vendors disagree, so the semantics are options and are returned with the value:
 * - `ratioOfSums` (default): Σ engagements / Σ denominator — each impression weighs the
 *   same (Sprout Social's post engagement rate, engagements / impressions).
 * - `meanOfRatios`: the mean over posts of (engagements / denominator) — each post weighs
 *   the same (Rival IQ and Hootsuite's "average engagement rate per post"). Posts with a
 *   denominator of 0 are skipped, since their ratio is undefined.
 * - `publishDate` attribution (Rival IQ, Hootsuite): a post's lifetime engagements count
 *   in the period it was published in.
 * - `activityDate` attribution (Sprout Social): each entry of a post's `activity`
 *   breakdown counts in the period it happened in, whenever the post was published; a
 *   post without a breakdown counts at `publishedAt`. Reach is not additive across days,
 *   so summing daily reach overstates it — prefer impressions with this attribution.
 *
 * Worked example: post A has 2 000 engagements on 200 000 impressions (1 %), post B has
 * 8 on 20 (40 %). Ratio of sums: 2 008 / 200 020 ≈ 1.0 %. Mean of ratios:
 * (1 % + 40 %) / 2 = 20.5 % — twenty times higher, because the tiny post weighs as much
 * as the big one. Missing engagement fields count as 0; a post without the denominator
 * field is skipped (`skipped`), since its engagements would have nothing to divide by.
 *
 * Every figure is a finite number from 0 to 2^53 − 1 (`Number.MAX_SAFE_INTEGER`: a count
 * beyond it is no longer exact), so that the sums are finite; the rate is always a finite
 * number or `null`. A denominator so close to 0 that a rate would exceed `Number.MAX_VALUE`
 * (a fractional figure such as 5e-324 impressions) is refused, since no finite number
 * answers it; a mean of per-post ratios whose plain sum would overflow is still computed
 * (from the ratios scaled by 2^-64).
 *
 * @param posts - the posts (not mutated)
 * @param options - engagements, denominator, aggregation, attribution, period
 * @returns the rate with numerator (Σ engagements), denominator (Σ denominator) and the semantics used
 * @throws {OpsError} `invalid_argument` for a negative, NaN, infinite or too large (> 2^53 − 1) figure, an invalid instant or option; `out_of_range` when a rate would exceed `Number.MAX_VALUE`
 *
 * @example
 * ```ts
 * import { engagementRate } from "@ops/metrics";
 * const posts = [
 *   { publishedAt: 0, likes: 1500, comments: 400, shares: 100, impressions: 200_000 },
 *   { publishedAt: 0, likes: 6, comments: 2, impressions: 20 },
 * ];
 * const pooled = engagementRate(posts);
 * [pooled.numerator, pooled.denominator, Math.round(pooled.value! * 1000) / 1000];
 * // => [2008, 200020, 0.01]
 * const perPost = engagementRate(posts, { aggregation: "meanOfRatios" });
 * Math.round(perPost.value! * 1000) / 1000;
 * // => 0.205
 * ```
 */
export function engagementRate(posts: readonly PostMetrics[], options: EngagementRateOptions = {}): EngagementRate {
  const fn = "engagementRate";
  // checked by hand, with the verdicts and messages of PostMetricsSchema and EngagementRateOptionsSchema
  const list = checkPosts(posts, fn);
  const opts = checkEngagementRateOptions(options, fn);
  const kinds = opts.engagements ?? ENGAGEMENT_KINDS;
  const denominatorKind = opts.denominator ?? "impressions";
  const aggregation = opts.aggregation ?? "ratioOfSums";
  const period = opts.period;
  const inPeriod = (t: number): boolean => period === undefined || (t >= period.start && t < period.end);
  let numerator = 0;
  let denominator = 0;
  let ratioSum = 0;
  // Σ ratio · 2^-64 (each term scaled exactly), which cannot overflow: the mean of ratios whose plain sum does
  let scaledSum = 0;
  let maxRatio = 0;
  let used = 0;
  let skipped = 0;
  for (let i = 0; i < list.length; i++) {
    const post = list[i] as PostMetrics;
    let e = 0;
    let d: number | undefined;
    const followers = post.followers;
    if (period !== undefined && opts.attribution === "activityDate" && post.activity !== undefined) {
      let any = false;
      for (const a of post.activity) {
        if (!inPeriod(a.at)) continue;
        any = true;
        e += sumOf(a, kinds);
        const part = denominatorKind === "followers" ? undefined : a[denominatorKind];
        if (part !== undefined) d = (d ?? 0) + part;
      }
      if (!any) continue;
      if (denominatorKind === "followers") d = followers;
    } else {
      if (!inPeriod(post.publishedAt)) continue;
      e = sumOf(post, kinds);
      d = post[denominatorKind];
    }
    if (d === undefined || (aggregation === "meanOfRatios" && d === 0)) {
      skipped++;
      continue;
    }
    used++;
    numerator += e;
    denominator += d;
    if (aggregation === "meanOfRatios") {
      const r = finiteRatio(e, d, fn, ["posts", i], POST_OVERFLOW_RULE);
      ratioSum += r;
      scaledSum += r * 2 ** -64;
      if (r > maxRatio) maxRatio = r;
    }
  }
  const base = { aggregation, denominatorKind, posts: used, skipped, numerator, denominator };
  if (aggregation === "meanOfRatios") {
    if (used === 0) return { ...base, value: null, reason: "zero_denominator" };
    const mean = ratioSum < Infinity ? ratioSum / used : Math.min(maxRatio, (scaledSum / used) * 2 ** 64);
    return { ...base, value: mean, reason: null };
  }
  return denominator === 0
    ? { ...base, value: null, reason: "zero_denominator" }
    : { ...base, value: finiteRatio(numerator, denominator, fn, ["posts"], TOTAL_OVERFLOW_RULE), reason: null };
}

const POST_OVERFLOW_RULE = "must not have a denominator so close to 0 that its rate exceeds Number.MAX_VALUE";
const TOTAL_OVERFLOW_RULE = "must not have a total denominator so close to 0 that the rate exceeds Number.MAX_VALUE";

function sumOf(figures: Partial<Record<EngagementKind, number | undefined>>, kinds: readonly EngagementKind[]): number {
  let s = 0;
  for (const k of kinds) s += figures[k] ?? 0;
  return s;
}
