import { assertCompiled, type KeywordMatcher } from "@ops/core";
import type { Action, StrikePolicy } from "../Rule";
import type { AdvertisingDetector } from "./advertising";

/** A validated, compiled rule set (opaque beyond these fields); see {@link compileRules}. */
export interface CompiledRuleSet {
  readonly kind: "compiled_rules";
  /** Ids of the enabled rules in evaluation order (priority, then list order). */
  readonly ruleIds: readonly string[];
}

export type CompiledTrigger =
  | { readonly kind: "keywords"; readonly matcher: KeywordMatcher; readonly category: string | null }
  | { readonly kind: "links"; readonly detector: AdvertisingDetector }
  | { readonly kind: "mentions"; readonly max: number }
  | {
      readonly kind: "flooding";
      readonly windowMs: number;
      readonly maxMessages: number | null;
      readonly maxRepeats: number | null;
    }
  | {
      readonly kind: "pattern";
      readonly regexes: readonly { readonly re: RegExp; readonly source: string }[];
      readonly level: -1 | 0 | 1 | 2;
    };

export interface CompiledRule {
  readonly id: string;
  readonly name: string | null;
  readonly priority: number;
  readonly triggers: readonly CompiledTrigger[];
  readonly actions: readonly Action[];
  readonly exemptRoles: ReadonlySet<string>;
  readonly strike: StrikePolicy | null;
  readonly final: boolean;
}

export interface CompiledRuleSetInternal extends CompiledRuleSet {
  /** Enabled rules, highest priority first, ties in list order. */
  readonly rules: readonly CompiledRule[];
}

export function asCompiledRules(
  value: unknown,
  fn: string,
  path: readonly (string | number)[],
): CompiledRuleSetInternal {
  assertCompiled(value, "community.rules", "compileRules", fn, path);
  return value as CompiledRuleSetInternal;
}
