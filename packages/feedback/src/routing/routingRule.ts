import * as z from "zod/mini";
import { ChannelRefSchema, IdSchema, PlatformSchema } from "@ops/core";
import { PrioritySchema } from "@ops/interaction";

const Label = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: "must be a non-empty label" }),
      z.maxLength(200, { error: "must be at most 200 characters" }),
    ))();

/**
 * Schema of a {@link RoutingRule}: `when` an item matches every given condition, send it
 * `then` to a department with a priority. Within one condition any listed value matches
 * (OR); the conditions of a rule must all hold (AND); a rule without conditions matches
 * everything (a catch-all, put it last).
 *
 * - `categories`: the item's category is one of these (exact, case-sensitive).
 * - `keywords`: the item's text contains one of these, case- and width-insensitively
 *   (Unicode NFKC + lower case, so full-width ＲＥＦＵＮＤ is "refund"). Latin keywords match
 *   whole words ("ad" is not found in "bad", "refund" is found in "我要refund"); CJK
 *   keywords match anywhere, since Chinese and Japanese write no word boundaries.
 * - `platforms` / `channels`: where it came from (a platform id, or one account).
 * - `sources`: how it came (`comment`, `dm`, `survey`, `other`) — judged on the first source.
 *
 * @example
 * ```ts
 * import { RoutingRuleSchema } from "@ops/feedback";
 * RoutingRuleSchema.parse({ id: "quality", when: { keywords: ["断了", "broken"] }, then: { department: "qa", priority: "high" } }).then;
 * // => { department: "qa", priority: "high" }
 * RoutingRuleSchema.safeParse({ id: "x", when: { keywords: [] }, then: { department: "qa" } }).success;
 * // => false
 * ```
 */
export const RoutingRuleSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    when: z._default(
      z.object({
        categories: z.optional(
          z
            .array(Label)
            .check(z.minLength(1, { error: "must list at least one category (leave the condition out to match any)" })),
        ),
        keywords: z.optional(
          z
            .array(Label)
            .check(z.minLength(1, { error: "must list at least one keyword (leave the condition out to match any)" })),
        ),
        platforms: z.optional(
          z
            .array(PlatformSchema)
            .check(z.minLength(1, { error: "must list at least one platform (leave the condition out to match any)" })),
        ),
        channels: z.optional(
          z
            .array(ChannelRefSchema)
            .check(z.minLength(1, { error: "must list at least one channel (leave the condition out to match any)" })),
        ),
        sources: z.optional(
          z
            .array(z.enum(["comment", "dm", "survey", "other"]))
            .check(
              z.minLength(1, { error: "must list at least one source kind (leave the condition out to match any)" }),
            ),
        ),
      }),
      {},
    ),
    then: z.object({ department: Label, priority: z.optional(PrioritySchema) }),
  }))();

/** One routing rule as written; see {@link RoutingRuleSchema}. */
export type RoutingRule = z.input<typeof RoutingRuleSchema>;
