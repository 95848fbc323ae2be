import * as z from "zod/mini";
import {
  assertCompiled,
  ChannelRefSchema,
  normalizeText,
  parseOrThrow,
  type ChannelRef,
  type NormalizedText,
} from "@ops/core";
import type { FeedbackSource } from "../item/feedbackSource";
import type { Priority } from "@ops/interaction";
import { matchedKeywords as keywordsIn } from "../_lib/keywords";
import type { RoutingRulesInternal } from "./_lib/compiledRules";
import type { RoutingRules } from "./compileRoutingRules";

/** What {@link routeFeedback} looks at; a {@link FeedbackItem} has all of it. */
export interface RoutingInput {
  readonly category?: string | null;
  readonly text?: string | null;
  readonly channel?: ChannelRef | null;
  readonly sources?: readonly Pick<FeedbackSource, "kind">[];
}

/** What {@link routeFeedback} checks of its input (other fields of an item are not read; an item passes). */
const RoutingInputSchema = /* @__PURE__ */ (() =>
  z.object({
    category: z.optional(z.nullable(z.string())),
    text: z.optional(z.nullable(z.string())),
    channel: z.optional(z.nullable(ChannelRefSchema)),
    sources: z.optional(z.array(z.object({ kind: z.string() }))),
  }))();

/** The first matching rule's decision: where to send the item, at which priority. */
export interface RoutingDecision {
  readonly ruleId: string;
  readonly department: string;
  /** The rule's priority, or `null` when the rule leaves the item's priority as it is. */
  readonly priority: Priority | null;
  /** The rule's keywords found in the text (folded), for the audit trail. */
  readonly matchedKeywords: readonly string[];
}

/**
 * Finds where a feedback item should go: the first rule of a compiled set whose conditions
 * all hold (see {@link RoutingRuleSchema} for the conditions and the keyword matching).
 * Feed the decision to a `route` event: `{ type: "route", department, priority }`.
 *
 * @param rules - rules from {@link compileRoutingRules}
 * @param input - an item (or just its category, text, channel and sources); not mutated
 * @returns the decision, or `null` when no rule matches
 * @throws {OpsError} `invalid_argument` when `rules` was not made by {@link compileRoutingRules}, or when `input`
 *   is not an object whose `category`, `text` (strings or null), `channel` and `sources[].kind` are well formed
 *
 * @example
 * ```ts
 * import { compileRoutingRules, routeFeedback } from "@ops/feedback";
 * const rules = compileRoutingRules([
 *   { id: "allergy", when: { keywords: ["过敏", "allergic"] }, then: { department: "safety", priority: "urgent" } },
 *   { id: "quality", when: { categories: ["quality"] }, then: { department: "qa", priority: "high" } },
 * ]);
 * routeFeedback(rules, { category: "quality", text: "用了以后皮肤过敏了" });
 * // => { ruleId: "allergy", department: "safety", priority: "urgent", matchedKeywords: ["过敏"] }
 * routeFeedback(rules, { category: "delivery", text: "still waiting" });
 * // => null
 * ```
 */
export function routeFeedback(rules: RoutingRules, input: RoutingInput): RoutingDecision | null {
  assertCompiled(rules, "feedback.routingRules", "compileRoutingRules", "routeFeedback", ["rules"]);
  const compiled = (rules as RoutingRulesInternal).rules;
  parseOrThrow(RoutingInputSchema, input, { fn: "routeFeedback", path: ["input"] });
  let normalized: NormalizedText | null = null;
  const sourceKind = input.sources?.[0]?.kind;
  for (const rule of compiled as RoutingRulesInternal["rules"]) {
    if (rule.categories && (input.category == null || !rule.categories.has(input.category))) continue;
    if (rule.platforms && (input.channel == null || !rule.platforms.has(input.channel.platform))) continue;
    if (
      rule.channels &&
      (input.channel == null || !rule.channels.has(`${input.channel.platform}:${input.channel.account}`))
    )
      continue;
    if (rule.sources && (sourceKind === undefined || !rule.sources.has(sourceKind))) continue;
    let matchedKeywords: string[] = [];
    if (rule.keywords) {
      if (input.text == null) continue;
      normalized ??= normalizeText(input.text);
      matchedKeywords = keywordsIn(rule.keywords, normalized);
      if (matchedKeywords.length === 0) continue;
    }
    return { ruleId: rule.id, department: rule.department, priority: rule.priority, matchedKeywords };
  }
  return null;
}
