import { describe, expectTypeOf, it } from "vitest";
import type { Action, ActionKind, Decision, Evaluation, Rule, RuleMatch, TriggerKind } from "@ops/community";

describe("rule types", () => {
  it("names the trigger and action kinds as literal unions", () => {
    expectTypeOf<TriggerKind>().toEqualTypeOf<"keywords" | "links" | "mentions" | "flooding" | "pattern">();
    expectTypeOf<ActionKind>().toEqualTypeOf<"hide" | "delete" | "warn" | "timeout" | "remove" | "alert">();
  });

  it("narrows an action on its kind", () => {
    const a = { kind: "timeout", durationMs: 1 } as Action;
    if (a.kind === "timeout") expectTypeOf(a.durationMs).toEqualTypeOf<number>();
  });

  it("lets a rule be written with defaults left out, and refuses an unknown trigger kind", () => {
    const ok: Rule = { id: "r", triggers: [{ kind: "mentions", max: 3 }], actions: [{ kind: "hide" }] };
    expectTypeOf(ok).toMatchTypeOf<Rule>();
    // @ts-expect-error "regex" is not a trigger kind
    const bad: Rule = { id: "r", triggers: [{ kind: "regex", max: 3 }], actions: [{ kind: "hide" }] };
    void bad;
  });

  it("exposes matches with their trigger kind and a nullable span", () => {
    expectTypeOf<Evaluation["decisions"][number]>().toEqualTypeOf<Decision>();
    expectTypeOf<RuleMatch["kind"]>().toEqualTypeOf<TriggerKind>();
    expectTypeOf<RuleMatch["span"]>().toEqualTypeOf<{ readonly start: number; readonly end: number } | null>();
  });
});
