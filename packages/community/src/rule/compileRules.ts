import { brandCompiled, compileKeywords, OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { compileAdvertising } from "./_lib/advertising";
import type { CompiledRule, CompiledRuleSetInternal, CompiledTrigger } from "./_lib/compiledRules";
import { checkRegexSafety } from "./checkRegexSafety";
import { RuleSchema, type Rule } from "./Rule";
import type { CompiledRuleSet } from "./_lib/compiledRules";
export type { CompiledRuleSet } from "./_lib/compiledRules";

const LEVELS = { raw: -1, invisible: 0, whitespace: 1, separators: 2 } as const;

/**
 * Validates a list of rules once and compiles it for {@link evaluate}: keyword lists into
 * Aho–Corasick automata, link detectors into fixed patterns, and user regular expressions
 * through {@link checkRegexSafety} — a pattern that can backtrack catastrophically is
 * refused here, before any message is seen. Disabled rules are dropped.
 *
 * @param rules - the community's rules (see {@link RuleSchema})
 * @returns an opaque compiled rule set
 * @throws {OpsError} `invalid_argument` for a rule that breaks its schema, a keyword that normalises to nothing, or an unsafe pattern (the message names the refusal, e.g. `nested_quantifier`); `duplicate` for two rules with one id
 *
 * @example
 * ```ts
 * import { compileRules } from "@ops/community";
 * const set = compileRules([
 *   { id: "ads", priority: 10, triggers: [{ kind: "links" }], actions: [{ kind: "delete" }] },
 *   { id: "caps", triggers: [{ kind: "pattern", patterns: [{ source: "[A-Z]{20}" }], on: "raw" }], actions: [{ kind: "warn" }] },
 * ]);
 * set.ruleIds;
 * // => ["ads", "caps"]
 * ```
 */
export function compileRules(rules: readonly Rule[]): CompiledRuleSet {
  const parsed = parseOrThrow(z.array(RuleSchema), rules, { fn: "compileRules", path: ["rules"] });
  const seen = new Set<string>();
  const compiled: (CompiledRule & { readonly order: number })[] = [];
  parsed.forEach((rule, r) => {
    if (seen.has(rule.id)) {
      throw new OpsError({
        code: "duplicate",
        fn: "compileRules",
        path: ["rules", r, "id"],
        rule: "must be unique among the rules",
        received: rule.id,
      });
    }
    seen.add(rule.id);
    if (!rule.enabled) return;
    // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive over the trigger kinds (tsc checks it)
    const triggers = rule.triggers.map((t, k): CompiledTrigger => {
      const path = ["rules", r, "triggers", k];
      switch (t.kind) {
        case "keywords":
          return {
            kind: "keywords",
            matcher: compileKeywords(
              t.keywords,
              { boundaries: t.boundaries ?? "auto" },
              { fn: "compileRules", path: [...path, "keywords"] },
            ),
            category: t.category ?? null,
          };
        case "links":
          return { kind: "links", detector: compileAdvertising(t) };
        case "mentions":
          return { kind: "mentions", max: t.max };
        case "flooding":
          return {
            kind: "flooding",
            windowMs: t.windowMs,
            maxMessages: t.maxMessages ?? null,
            maxRepeats: t.maxRepeats ?? null,
          };
        case "pattern":
          return {
            kind: "pattern",
            level: LEVELS[t.on ?? "invisible"],
            regexes: t.patterns.map((p, i) => {
              const checked = checkRegexSafety(p.source, p.flags ?? "");
              if (!checked.ok) {
                throw new OpsError({
                  code: "invalid_argument",
                  fn: "compileRules",
                  path: [...path, "patterns", i, "source"],
                  rule: `must be a regular expression that cannot backtrack catastrophically (${checked.error.code}: ${checked.error.message.replace(/^checkRegexSafety: /, "")})`,
                  received: p.source,
                });
              }
              return { re: new RegExp(checked.value.source, `g${checked.value.flags}`), source: p.source };
            }),
          };
      }
    });
    compiled.push({
      id: rule.id,
      name: rule.name ?? null,
      priority: rule.priority,
      triggers,
      actions: rule.actions,
      exemptRoles: new Set(rule.exemptRoles),
      strike: rule.strike,
      final: rule.final,
      order: r,
    });
  });
  compiled.sort((a, b) => b.priority - a.priority || a.order - b.order);
  const set: CompiledRuleSetInternal = { kind: "compiled_rules", ruleIds: compiled.map((c) => c.id), rules: compiled };
  return brandCompiled(set, "community.rules");
}
