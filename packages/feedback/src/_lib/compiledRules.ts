import type { Priority } from "@ops/interaction";
import type { RoutingRules } from "../routing/compileRoutingRules";
import type { KeywordList } from "./keywords";

/** One rule, ready to match. */
export interface CompiledRule {
  readonly id: string;
  readonly categories: ReadonlySet<string> | null;
  readonly keywords: KeywordList | null;
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
