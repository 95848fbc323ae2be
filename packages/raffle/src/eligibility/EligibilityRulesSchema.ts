import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";

const Count = /* @__PURE__ */ (() =>
  z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })))();

/**
 * Schema of a draw's entry rules, published inside the campaign spec. Every rule is
 * optional; an empty object admits every entrant. The lists a rule refers to (blocklist,
 * previous winners) and the bot/spam verdict are passed to {@link checkEligibility} as
 * data, so that the spec does not publish personal data.
 *
 * - `mustFollow`: the entrant follows the campaign's account at close time;
 * - `mustRepost`: the entrant reposted the campaign post;
 * - `comment`: the entrant commented on the campaign post with at least one of `keywords`
 *   (compared after NFKC + lower-casing) and `minMentions` @mentions;
 * - `minAccountAgeDays`, `minFollowers`: profile thresholds (a missing profile fails them);
 * - `excludeBlocklisted`, `excludePreviousWinners`, `excludeBots`: use the lists/verdict given
 *   to {@link checkEligibility}.
 *
 * @example
 * ```ts
 * import { EligibilityRulesSchema } from "@ops/raffle";
 * EligibilityRulesSchema.parse({ mustFollow: true, comment: { keywords: ["#春日妆容"], minMentions: 1 } }).comment?.minMentions;
 * // => 1
 * ```
 */
export const EligibilityRulesSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    mustFollow: z.optional(z.boolean()),
    mustRepost: z.optional(z.boolean()),
    comment: z.optional(
      z.strictObject({
        keywords: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(100))),
        minMentions: z.optional(Count.check(z.maximum(100))),
      }),
    ),
    minAccountAgeDays: z.optional(Count.check(z.maximum(100_000))),
    minFollowers: z.optional(Count),
    excludeBlocklisted: z.optional(z.boolean()),
    excludePreviousWinners: z.optional(z.boolean()),
    excludeBots: z.optional(z.boolean()),
  }))();

/** Entry rules; see {@link EligibilityRulesSchema}. */
export type EligibilityRules = z.output<typeof EligibilityRulesSchema>;
/** Entry rules as callers write them (arrays may be read-only, e.g. a spec written `as const`). */
export type EligibilityRulesInput = ReadonlyDeep<z.input<typeof EligibilityRulesSchema>>;
