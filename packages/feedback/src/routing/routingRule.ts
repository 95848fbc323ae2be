import { z } from "zod";
import { ChannelRefSchema, IdSchema, PlatformSchema } from "@ops/core";
import { PrioritySchema } from "@ops/interaction";

const Label = z
  .string()
  .trim()
  .min(1, { error: "must be a non-empty label" })
  .max(200, { error: "must be at most 200 characters" });

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
export const RoutingRuleSchema = z.object({
  id: IdSchema,
  when: z
    .object({
      categories: z
        .array(Label)
        .min(1, { error: "must list at least one category (leave the condition out to match any)" })
        .optional(),
      keywords: z
        .array(Label)
        .min(1, { error: "must list at least one keyword (leave the condition out to match any)" })
        .optional(),
      platforms: z
        .array(PlatformSchema)
        .min(1, { error: "must list at least one platform (leave the condition out to match any)" })
        .optional(),
      channels: z
        .array(ChannelRefSchema)
        .min(1, { error: "must list at least one channel (leave the condition out to match any)" })
        .optional(),
      sources: z
        .array(z.enum(["comment", "dm", "survey", "other"]))
        .min(1, { error: "must list at least one source kind (leave the condition out to match any)" })
        .optional(),
    })
    .default({}),
  then: z.object({ department: Label, priority: PrioritySchema.optional() }),
});

/** One routing rule as written; see {@link RoutingRuleSchema}. */
export type RoutingRule = z.input<typeof RoutingRuleSchema>;
