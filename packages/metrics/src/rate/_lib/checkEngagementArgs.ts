// Hand validation of the arguments of engagementRate.
import { type ErrorPath, InstantSchema, MAX_INSTANT, OpsError, PeriodSchema, parseOrThrow } from "@ops/core";
import { CountSchema, MAX_COUNT } from "../../_lib/schemas";
import { ENGAGEMENT_KINDS } from "../EngagementKind";
import type {
  EngagementAggregation,
  EngagementAttribution,
  EngagementDenominator,
  EngagementRateOptions,
} from "../EngagementRateOptions";
import type { PostMetrics } from "../PostMetrics";

/** The other closed sets of the options (the kinds: ENGAGEMENT_KINDS), shared with `EngagementRateOptionsSchema`. */
export const DENOMINATORS: readonly EngagementDenominator[] = ["reach", "impressions", "views", "followers"];
export const AGGREGATIONS: readonly EngagementAggregation[] = ["ratioOfSums", "meanOfRatios"];
export const ATTRIBUTIONS: readonly EngagementAttribution[] = ["publishDate", "activityDate"];

/** The optional figures of a post and of an activity entry, in the order of their schemas. */
const FIGURES = ["comments", "likes", "shares", "saves", "replies", "wows", "reach", "impressions", "views"] as const;

/*
 * `engagementRate` checks its arguments by hand rather than with its exported schemas: a zod
 * parse of 100 000 posts is slow, and the schemas (with the zod array, literal and string
 * types they need) weigh about 0.6 kB min+gz in every bundle that imports `engagementRate`.
 * The checks follow the schemas field by field, in their order, so that the verdict and the
 * path, message and received value of the first issue are the schemas' own; a property test
 * in test/rate.test.ts holds them together. A bad instant, count or period is phrased by
 * InstantSchema, CountSchema or PeriodSchema itself: parseOrThrow of a value the hand test
 * refused throws their error.
 */

/** Checks `posts` as `z.array(PostMetricsSchema)` does; returns them unchanged. */
export function checkPosts(posts: unknown, fn: string): readonly PostMetrics[] {
  const list = arrayAt(posts, fn, ["posts"]);
  for (let i = 0; i < list.length; i++) {
    const path = ["posts", i];
    const post = objectAt(list[i], fn, path);
    if (post.id !== undefined && typeof post.id !== "string") refuse(fn, [...path, "id"], "must be a string", post.id);
    checkInstant(post, "publishedAt", fn, path);
    checkCount(post, "followers", fn, path);
    if (post.activity !== undefined) {
      const activity = arrayAt(post.activity, fn, [...path, "activity"]);
      for (let j = 0; j < activity.length; j++) {
        const entryPath = [...path, "activity", j];
        const entry = objectAt(activity[j], fn, entryPath);
        checkInstant(entry, "at", fn, entryPath);
        for (const key of FIGURES) checkCount(entry, key, fn, entryPath);
      }
    }
    for (const key of FIGURES) checkCount(post, key, fn, path);
  }
  return list as readonly PostMetrics[];
}

/** Checks `options` as `EngagementRateOptionsSchema` does; returns them unchanged. */
export function checkEngagementRateOptions(options: unknown, fn: string): EngagementRateOptions {
  const path = ["options"];
  const o = objectAt(options, fn, path);
  if (o.engagements !== undefined) {
    const kinds = arrayAt(o.engagements, fn, [...path, "engagements"]);
    for (let k = 0; k < kinds.length; k++) checkOneOf(kinds[k], ENGAGEMENT_KINDS, fn, [...path, "engagements", k]);
    if (kinds.length === 0) refuse(fn, [...path, "engagements"], "must name at least one engagement kind", kinds);
  }
  for (const [key, allowed] of [
    ["denominator", DENOMINATORS],
    ["aggregation", AGGREGATIONS],
    ["attribution", ATTRIBUTIONS],
  ] as const) {
    if (o[key] !== undefined) checkOneOf(o[key], allowed, fn, [...path, key]);
  }
  if (o.period !== undefined) parseOrThrow(PeriodSchema, o.period, { fn, path: [...path, "period"] });
  return o as EngagementRateOptions;
}

function checkCount(figures: Record<string, unknown>, key: string, fn: string, path: ErrorPath): void {
  const value = figures[key];
  if (value !== undefined && !(typeof value === "number" && value >= 0 && value <= MAX_COUNT))
    parseOrThrow(CountSchema, value, { fn, path: [...path, key] });
}

function checkInstant(owner: Record<string, unknown>, key: string, fn: string, path: ErrorPath): void {
  const value = owner[key];
  if (!(Number.isInteger(value) && Math.abs(value as number) <= MAX_INSTANT))
    parseOrThrow(InstantSchema, value, { fn, path: [...path, key] });
}

/** As `z.literal(allowed)` phrases it through parseOrThrow. */
function checkOneOf(value: unknown, allowed: readonly string[], fn: string, path: ErrorPath): void {
  if (!allowed.includes(value as string))
    refuse(fn, path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
}

function arrayAt(value: unknown, fn: string, path: ErrorPath): readonly unknown[] {
  if (!Array.isArray(value)) refuse(fn, path, "must be an array", value);
  return value;
}

function objectAt(value: unknown, fn: string, path: ErrorPath): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) refuse(fn, path, "must be an object", value);
  return value as Record<string, unknown>;
}

function refuse(fn: string, path: ErrorPath, rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
}
