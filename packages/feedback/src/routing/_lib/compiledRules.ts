import type { Priority } from "@ops/interaction";
import type { KeywordMatcher } from "@ops/core";

declare const compiled: unique symbol;

/** Routing rules checked and prepared by {@link compileRoutingRules}; pass them to {@link routeFeedback}. */
export interface RoutingRules {
  readonly [compiled]: true;
  /** Format version of the compiled form. */
  readonly version: 1;
  /** The rule ids, in the order they are tried. */
  readonly ids: readonly string[];
}

/** One rule, ready to match. */
export interface CompiledRule {
  readonly id: string;
  readonly categories: ReadonlySet<string> | null;
  /** The rule's keywords, compiled once by `compileKeywords` of @ops/core (in list order). */
  readonly keywords: KeywordMatcher | null;
  readonly platforms: ReadonlySet<string> | null;
  readonly channels: ReadonlySet<string> | null;
  readonly sources: ReadonlySet<string> | null;
  readonly department: string;
  readonly priority: Priority | null;
}

/** The compiled form's internals (not part of the public type). */
export interface RoutingRulesInternal extends RoutingRules {
  readonly rules: readonly CompiledRule[];
}
