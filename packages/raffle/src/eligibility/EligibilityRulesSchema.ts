import { z } from "zod";

const Count = z.number().int({ error: "must be a whole number" }).min(0, { error: "must be ≥ 0" });

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
export const EligibilityRulesSchema = z.strictObject({
  mustFollow: z.boolean().optional(),
  mustRepost: z.boolean().optional(),
  comment: z
    .strictObject({
      keywords: z.array(z.string().min(1).max(200)).max(100).optional(),
      minMentions: Count.max(100).optional(),
    })
    .optional(),
  minAccountAgeDays: Count.max(100_000).optional(),
  minFollowers: Count.optional(),
  excludeBlocklisted: z.boolean().optional(),
  excludePreviousWinners: z.boolean().optional(),
  excludeBots: z.boolean().optional(),
});

/** Entry rules; see {@link EligibilityRulesSchema}. */
export type EligibilityRules = z.output<typeof EligibilityRulesSchema>;
