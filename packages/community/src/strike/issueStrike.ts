import { IdSchema, InstantSchema, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { StrikePolicySchema, type StrikePolicy } from "../rule/Rule";
import type { Strike } from "./StrikeLog";

/** What {@link issueStrike} needs besides the rule's policy. */
export interface IssueStrikeInput {
  /** Id of the new strike (from the caller's id factory). */
  readonly id: string;
  /** The author's actor key. */
  readonly actor: string;
  /** The rule that fired. */
  readonly ruleId: string;
  /** When the action was taken. */
  readonly at: Instant;
  readonly reason?: string;
}

/** Schema of {@link IssueStrikeInput}. */
export const IssueStrikeInputSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    actor: z.string().check(z.minLength(1)),
    ruleId: IdSchema,
    at: InstantSchema,
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }))();

/**
 * Makes the strike record for a rule that fired, freezing the rule's current weight into
 * it and computing `expiresAt = at + ttlMs` (or `null` for a strike that only revocation
 * ends). Pass `decision.strike` from `evaluate`.
 *
 * @param policy - the rule's `{ weight, ttlMs }`
 * @param input - id, actor, ruleId, at (and an optional reason)
 * @returns a new strike entry for `appendStrikeEntry`
 * @throws {OpsError} `invalid_argument` for a bad policy or input, or an expiry beyond the instant range
 *
 * @example
 * ```ts
 * import { issueStrike } from "@ops/community";
 * issueStrike({ weight: 1, ttlMs: 86_400_000 }, { id: "s1", actor: "qq::42", ruleId: "no-ads", at: 0 });
 * // => { type: "strike", id: "s1", actor: "qq::42", ruleId: "no-ads", weight: 1, at: 0, expiresAt: 86400000 }
 * ```
 */
export function issueStrike(policy: StrikePolicy, input: IssueStrikeInput): Strike {
  const p = parseOrThrow(StrikePolicySchema, policy, { fn: "issueStrike", path: ["policy"] });
  const i = parseOrThrow(IssueStrikeInputSchema, input, { fn: "issueStrike", path: ["input"] });
  const expiresAt =
    p.ttlMs === null
      ? null
      : parseOrThrow(InstantSchema, i.at + p.ttlMs, { fn: "issueStrike", path: ["policy", "ttlMs"] });
  return {
    type: "strike",
    id: i.id,
    actor: i.actor,
    ruleId: i.ruleId,
    weight: p.weight,
    at: i.at,
    expiresAt,
    ...(i.reason === undefined ? {} : { reason: i.reason }),
  };
}
