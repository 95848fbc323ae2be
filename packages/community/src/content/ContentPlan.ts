import { IdSchema, InstantSchema } from "@ops/core";
import * as z from "zod/mini";

/** The forms of content a plan counts. */
export const CONTENT_FORMS = ["article", "short_video", "image", "audio", "live", "animation"] as const;

/** A form of content: article, short video, image post, audio, live stream, animation. */
export type ContentForm = (typeof CONTENT_FORMS)[number];

/**
 * Schema of a content plan: weekly targets by form (`min`, optional `max` per local week)
 * in a time zone, weeks starting on `weekStartsOn` (0 = Sunday … 6 = Saturday, default 1 =
 * Monday, ISO 8601). The domain's rule of thumb — 3–5 articles and 2–3 short videos a
 * week — is `[{ form: "article", min: 3, max: 5 }, { form: "short_video", min: 2, max: 3 }]`.
 *
 * @example
 * ```ts
 * import { ContentPlanSchema } from "@ops/community";
 * ContentPlanSchema.parse({ timeZone: "Asia/Shanghai", targets: [{ form: "article", min: 3, max: 5 }] }).weekStartsOn;
 * // => 1
 * ```
 */
export const ContentPlanSchema = /* @__PURE__ */ (() =>
  z.object({
    timeZone: z.string(),
    weekStartsOn: z._default(z.int().check(z.minimum(0), z.maximum(6)), 1),
    targets: z
      .array(
        z
          .object({
            form: z.enum(CONTENT_FORMS),
            min: z.int().check(z.nonnegative()),
            max: z.optional(z.int().check(z.nonnegative())),
          })
          .check(z.refine((t) => t.max === undefined || t.max >= t.min, { error: "must be ≥ min", path: ["max"] })),
      )
      .check(
        z.minLength(1, { error: "must hold at least one target" }),
        z.refine((ts) => new Set(ts.map((t) => t.form)).size === ts.length, {
          error: "must name each form at most once",
        }),
      ),
  }))();

/** A content plan; see {@link ContentPlanSchema}. */
export type ContentPlan = z.input<typeof ContentPlanSchema>;

/** Schema of a published piece of content; `engagement` (any non-negative measure, e.g. an engagement rate) feeds best-hour analysis. */
export const PublishedItemSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    form: z.enum(CONTENT_FORMS),
    publishedAt: InstantSchema,
    engagement: z.optional(z.number().check(z.nonnegative())),
  }))();

/** A published piece of content; see {@link PublishedItemSchema}. */
export type PublishedItem = z.infer<typeof PublishedItemSchema>;
