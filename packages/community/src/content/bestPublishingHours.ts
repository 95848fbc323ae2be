import { assertTimeZone, compileTimeZone, parseOrThrow, type TimeZone, zoneOffset } from "@ops/core";
import { quantile } from "@ops/metrics";
import * as z from "zod/mini";
import { CONTENT_FORMS, PublishedItemSchema, type ContentForm, type PublishedItem } from "./ContentPlan";

const DAY = 86_400_000;

/** Options of {@link bestPublishingHours}. */
export interface BestPublishingHoursOptions {
  /** The zone whose wall-clock hours are compared (the audience's). */
  readonly timeZone: TimeZone;
  /** Slots with fewer posts are reported but ranked after all others; default 5. */
  readonly minSample?: number;
  /** `"hour"` (default): 24 slots; `"weekday_hour"`: 168 slots (ISO weekday × hour). */
  readonly by?: "hour" | "weekday_hour";
  /** Only these forms (default all). */
  readonly forms?: readonly ContentForm[];
}

/** Schema of {@link BestPublishingHoursOptions}. */
export const BestPublishingHoursOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    timeZone: z.string(),
    minSample: z.optional(z.int().check(z.positive())),
    by: z.optional(z.enum(["hour", "weekday_hour"])),
    forms: z.optional(z.array(z.enum(CONTENT_FORMS))),
  }))();

/** One publishing slot with its engagement figures and sample size. */
export interface PublishingSlot {
  /** Local hour 0–23 at which the posts went out. */
  readonly hour: number;
  /** ISO weekday (1 = Monday … 7 = Sunday) with `by: "weekday_hour"`, otherwise null. */
  readonly weekday: number | null;
  /** The sample size: posts published in the slot. */
  readonly posts: number;
  /** Median engagement (R type 7, via `@ops/metrics` `quantile`). */
  readonly medianEngagement: number;
  /** Mean engagement: always finite, even when the engagements sum past `Number.MAX_VALUE`. */
  readonly meanEngagement: number;
  /** posts ≥ minSample. */
  readonly sufficient: boolean;
}

/** The outcome of {@link bestPublishingHours}. */
export interface BestPublishingHours {
  /** Slots that had posts, best first: sufficient samples first, then by median, mean, posts. */
  readonly slots: readonly PublishingSlot[];
  /** Items left out because they carry no `engagement`. */
  readonly withoutEngagement: number;
}

/**
 * Ranks publishing hours by the engagement of what was published in them, in the
 * audience's zone, and always shows the sample size: a slot with 2 posts can top a mean by
 * luck, so slots below `minSample` are ranked after every well-sampled slot. The median is
 * the ranking measure (robust to one viral post), the mean breaks ties. This is
 * observational: hours that were tried rarely stay uncertain, and the best hour found is a
 * candidate for an experiment (e.g. `twoProportionZTest` in `@ops/metrics`), not proof.
 *
 * `engagement` is any finite number ≥ 0 (zod refuses NaN and ±Infinity), and every figure
 * returned is finite: a slot whose engagements sum past `Number.MAX_VALUE` has its mean
 * computed from the engagements divided by their count instead of overflowing.
 *
 * @param published - items with `engagement` (others are counted in `withoutEngagement`)
 * @param options - `timeZone`, `minSample` (5), `by` (`"hour"`), `forms`
 * @returns the slots, best first
 * @throws {OpsError} `invalid_argument` for malformed items or options; `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { bestPublishingHours } from "@ops/community";
 * const at = (h: number, d: number) => Date.UTC(2026, 10, d, h - 8); // h o'clock in Shanghai
 * const posts = [
 *   ...[1, 2, 3].map((d) => ({ id: `m${d}`, form: "article" as const, publishedAt: at(8, d), engagement: 0.02 })),
 *   ...[1, 2, 3].map((d) => ({ id: `e${d}`, form: "article" as const, publishedAt: at(20, d), engagement: 0.05 })),
 *   { id: "lucky", form: "article", publishedAt: at(13, 4), engagement: 0.4 },
 * ] as const;
 * bestPublishingHours(posts, { timeZone: "Asia/Shanghai", minSample: 3 }).slots.map((s) => [s.hour, s.posts, s.sufficient]);
 * // => [[20, 3, true], [8, 3, true], [13, 1, false]]
 * ```
 */
export function bestPublishingHours(
  published: readonly PublishedItem[],
  options: BestPublishingHoursOptions,
): BestPublishingHours {
  const fn = "bestPublishingHours";
  const items = parseOrThrow(z.array(PublishedItemSchema), published, { fn, path: ["published"] });
  const opts = parseOrThrow(BestPublishingHoursOptionsSchema, options, { fn, path: ["options"] });
  assertTimeZone(opts.timeZone, fn, ["options", "timeZone"]);
  const zone = compileTimeZone(opts.timeZone); // validated once, offsets cached per hour
  const byWeekday = opts.by === "weekday_hour";
  const forms = opts.forms === undefined ? null : new Set(opts.forms);
  const minSample = opts.minSample ?? 5;
  const buckets = new Map<number, number[]>();
  let withoutEngagement = 0;
  for (const it of items) {
    if (forms && !forms.has(it.form)) continue;
    if (it.engagement === undefined) {
      withoutEngagement++;
      continue;
    }
    // wall-clock hour and ISO weekday by arithmetic: near ±8.64e15 the local time lies past
    // the range of Date (whose getters would give NaN); 1970-01-01 (day 0) was a Thursday (4)
    const local = it.publishedAt + zoneOffset(it.publishedAt, zone) * 60_000;
    const day = Math.floor(local / DAY);
    const hour = Math.floor((local - day * DAY) / 3_600_000);
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
    const key = byWeekday ? weekday * 24 + hour : hour;
    let list = buckets.get(key);
    if (!list) {
      list = [];
      buckets.set(key, list);
    }
    list.push(it.engagement);
  }
  const slots: PublishingSlot[] = [...buckets.entries()].map(([key, values]) => ({
    hour: key % 24,
    weekday: byWeekday ? Math.floor(key / 24) : null,
    posts: values.length,
    medianEngagement: quantile(values, 0.5),
    meanEngagement: meanOf(values),
    sufficient: values.length >= minSample,
  }));
  slots.sort(
    (a, b) =>
      Number(b.sufficient) - Number(a.sufficient) ||
      b.medianEngagement - a.medianEngagement ||
      b.meanEngagement - a.meanEngagement ||
      b.posts - a.posts ||
      (a.weekday ?? 0) - (b.weekday ?? 0) ||
      a.hour - b.hour,
  );
  return { slots, withoutEngagement };
}

/** The mean of finite numbers ≥ 0, finite even when their plain sum overflows. */
function meanOf(values: readonly number[]): number {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  if (sum < Infinity) return sum / n;
  // the sum overflowed, the mean cannot: add each value divided by the count, capped at the largest
  let mean = 0;
  let max = 0;
  for (const v of values) {
    mean += v / n;
    if (v > max) max = v;
  }
  return Math.min(mean, max);
}
