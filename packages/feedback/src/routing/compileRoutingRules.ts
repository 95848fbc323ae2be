import * as z from "zod/mini";
import { brandCompiled, compileKeywords, OpsError, parseOrThrow } from "@ops/core";
import type { CompiledRule, RoutingRulesInternal } from "./_lib/compiledRules";
import { RoutingRuleSchema, type RoutingRule } from "./routingRule";
import type { RoutingRules } from "./_lib/compiledRules";
export type { RoutingRules } from "./_lib/compiledRules";

const RulesSchema = /* @__PURE__ */ (() => z.array(RoutingRuleSchema))();

/**
 * Validates routing rules once and prepares them for fast matching (keywords folded,
 * lists turned into sets), so that {@link routeFeedback} can run per item without
 * re-validation. Rules are tried in the given order and the first match wins — the
 * "first matching rule" mode of help-desk assignment rules (e.g. Freshdesk's ticket
 * creation rules); put specific rules before general ones and a catch-all last.
 *
 * @param rules - the rules, in priority order (not mutated)
 * @returns the compiled, frozen rule set
 * @throws {OpsError} `invalid_argument` for a malformed rule; `duplicate` for two rules with one id
 *
 * @example
 * ```ts
 * import { compileRoutingRules } from "@ops/feedback";
 * const rules = compileRoutingRules([
 *   { id: "allergy", when: { keywords: ["过敏", "allergic"] }, then: { department: "safety", priority: "urgent" } },
 *   { id: "default", then: { department: "care" } },
 * ]);
 * rules.ids;
 * // => ["allergy", "default"]
 * ```
 */
export function compileRoutingRules(rules: readonly RoutingRule[]): RoutingRules {
  const parsed = parseOrThrow(RulesSchema, rules, { fn: "compileRoutingRules", path: ["rules"] });
  const seen = new Set<string>();
  const out: CompiledRule[] = parsed.map((rule, i) => {
    if (seen.has(rule.id)) {
      throw new OpsError({
        code: "duplicate",
        fn: "compileRoutingRules",
        path: ["rules", i, "id"],
        rule: "must be unique among the rules",
        received: rule.id,
      });
    }
    seen.add(rule.id);
    const w = rule.when;
    return Object.freeze({
      id: rule.id,
      categories: w.categories ? new Set(w.categories) : null,
      keywords: w.keywords
        ? compileKeywords(w.keywords, {}, { fn: "compileRoutingRules", path: ["rules", i, "when", "keywords"] })
        : null,
      platforms: w.platforms ? new Set(w.platforms) : null,
      channels: w.channels ? new Set(w.channels.map((c) => `${c.platform}:${c.account}`)) : null,
      sources: w.sources ? new Set(w.sources) : null,
      department: rule.then.department,
      priority: rule.then.priority ?? null,
    });
  });
  const result = {
    version: 1,
    ids: Object.freeze(out.map((r) => r.id)),
    rules: Object.freeze(out),
  } as unknown as RoutingRulesInternal;
  return Object.freeze(brandCompiled(result, "feedback.routingRules"));
}
