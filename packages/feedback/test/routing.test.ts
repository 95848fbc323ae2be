import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRoutingRules, routeFeedback, type RoutingRule } from "@ops/feedback";
import { apply, reach, validEvent } from "./_helpers";

const RULES: RoutingRule[] = [
  {
    id: "allergy",
    when: { keywords: ["过敏", "allergic", "rash"] },
    then: { department: "safety", priority: "urgent" },
  },
  {
    id: "weibo-quality",
    when: { categories: ["quality"], platforms: ["weibo"] },
    then: { department: "pr", priority: "high" },
  },
  { id: "quality", when: { categories: ["quality", "packaging"] }, then: { department: "qa", priority: "high" } },
  { id: "survey", when: { sources: ["survey"] }, then: { department: "research" } },
  { id: "default", then: { department: "care" } },
];

describe("compileRoutingRules", () => {
  it("keeps the rule order and freezes the result", () => {
    const rules = compileRoutingRules(RULES);
    expect(rules.ids).toEqual(["allergy", "weibo-quality", "quality", "survey", "default"]);
    expect(Object.isFrozen(rules)).toBe(true);
  });

  it("refuses two rules with one id", () => {
    expect(() => compileRoutingRules([RULES[0] as RoutingRule, RULES[0] as RoutingRule])).toThrowOpsError("duplicate", {
      fn: "compileRoutingRules",
      path: ["rules", 1, "id"],
      message: /^compileRoutingRules: rules\[1\]\.id must be unique among the rules, got "allergy"$/,
    });
  });

  it("refuses malformed rules with the field named", () => {
    expect(() =>
      compileRoutingRules([{ id: "x", when: { platforms: ["WeChat"] }, then: { department: "qa" } }]),
    ).toThrow(/^compileRoutingRules: rules\[0\]\.when\.platforms\[0\] must be a lower-case platform id/);
    expect(() => compileRoutingRules([{ id: "x", then: { department: " " } }])).toThrow(
      /^compileRoutingRules: rules\[0\]\.then\.department must be a non-empty label/,
    );
  });

  it("does not mutate the rules it is given", () => {
    const copy = structuredClone(RULES);
    compileRoutingRules(RULES);
    expect(RULES).toEqual(copy);
  });
});

describe("routeFeedback", () => {
  const rules = compileRoutingRules(RULES);

  it.each([
    [
      "a keyword wins over the category because its rule comes first",
      { category: "quality", text: "涂完脸上起疹子，过敏了" },
      "allergy",
    ],
    [
      "conditions of a rule must all hold (category and platform)",
      { category: "quality", text: "壳裂了", channel: { platform: "weibo", account: "1" } },
      "weibo-quality",
    ],
    ["any listed category matches", { category: "packaging", text: null }, "quality"],
    [
      "the first source decides the source kind",
      { category: "other", sources: [{ kind: "survey" }, { kind: "dm" }] },
      "survey",
    ],
    ["a rule without conditions catches everything else", {}, "default"],
  ] as const)("%s", (_, input, ruleId) => {
    expect(routeFeedback(rules, input)?.ruleId).toBe(ruleId);
  });

  it("matches keywords case- and width-insensitively", () => {
    const r = compileRoutingRules([{ id: "refund", when: { keywords: ["Refund"] }, then: { department: "finance" } }]);
    expect(routeFeedback(r, { text: "I want a ＲＥＦＵＮＤ now" })?.matchedKeywords).toEqual(["refund"]);
    expect(routeFeedback(r, { text: "REFUND!" })?.department).toBe("finance");
  });

  it("reports each matched keyword once, in list order (the matcher's), as first written and folded", () => {
    const r = compileRoutingRules([
      // "ＳＰＦ" folds to "spf": one keyword, reported as first written (folded: "spf")
      { id: "skin", when: { keywords: ["过敏", "Rash", "spf", "退款", "ＳＰＦ"] }, then: { department: "care" } },
    ]);
    // in text order: spf, 退款, rash, 过敏, spf again, rash again
    const text = "SPF 30 后要退款，起了 RASH，还过敏；spf 和 rash";
    expect(routeFeedback(r, { text })?.matchedKeywords).toEqual(["过敏", "rash", "spf", "退款"]);
    expect(routeFeedback(r, { text: "退款 and spf" })?.matchedKeywords).toEqual(["spf", "退款"]);
  });

  it("matches Latin keywords as whole words but CJK keywords anywhere", () => {
    const r = compileRoutingRules([
      { id: "ad", when: { keywords: ["ad"] }, then: { department: "moderation" } },
      { id: "cjk", when: { keywords: ["退款"] }, then: { department: "finance" } },
    ]);
    expect(routeFeedback(r, { text: "a bad day" })).toBeNull();
    expect(routeFeedback(r, { text: "spam ad here" })?.ruleId).toBe("ad");
    expect(routeFeedback(r, { text: "这是ad吗" })?.ruleId).toBe("ad"); // CJK next to a Latin word is a boundary
    expect(routeFeedback(r, { text: "我想申请退款可以吗" })?.ruleId).toBe("cjk");
  });

  it("reads keywords as the text module of @ops/core does (issue 21)", () => {
    const r = compileRoutingRules([
      { id: "refund", when: { keywords: ["refund", "spf"] }, then: { department: "finance" } },
    ]);
    // zero-width characters inside a word are ignored now (the old copy kept them: null)
    expect(routeFeedback(r, { text: "re\u200bfund please" })?.matchedKeywords).toEqual(["refund"]);
    // no keyword inside a run of Latin letters and digits, as before: "spf" is not in "SPF50"
    expect(routeFeedback(r, { text: "SPF50" })).toBeNull();
    expect(routeFeedback(r, { text: "SPF 50 and a REFUND" })?.matchedKeywords).toEqual(["refund", "spf"]);
    // a keyword that normalises to nothing can never match: refused, naming it (the old copy matched "😡" literally)
    expect(() =>
      compileRoutingRules([{ id: "angry", when: { keywords: ["angry", "😡"] }, then: { department: "care" } }]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRoutingRules",
      path: ["rules", 0, "when", "keywords", 1],
    });
  });

  it("returns the decision with the rule's priority, or null priority when the rule sets none", () => {
    expect(routeFeedback(rules, { category: "x", text: "I got a rash" })).toEqual({
      ruleId: "allergy",
      department: "safety",
      priority: "urgent",
      matchedKeywords: ["rash"],
    });
    expect(routeFeedback(rules, { category: "x" })).toEqual({
      ruleId: "default",
      department: "care",
      priority: null,
      matchedKeywords: [],
    });
  });

  it("returns null when no rule matches, and always for an empty rule set", () => {
    expect(routeFeedback(compileRoutingRules(RULES.slice(0, 3)), { category: "delivery", text: "late" })).toBeNull();
    expect(routeFeedback(compileRoutingRules([]), { category: "quality" })).toBeNull();
  });

  it("routes a lifecycle item directly, and its decision makes a valid route event", () => {
    const { item, at } = reach("triaged"); // category "quality", DM on wechat_oa
    const d = routeFeedback(rules, item);
    expect(d?.ruleId).toBe("quality");
    const routed = apply(item, {
      ...validEvent("route", item, at + 1, "ev_r"),
      department: d?.department ?? "",
      ...(d?.priority ? { priority: d.priority } : {}),
    } as never);
    expect([routed.status, routed.department, routed.priority]).toEqual(["routed", "qa", "high"]);
  });

  it("throws when the rules were not compiled", () => {
    expect(() => routeFeedback(RULES as never, {})).toThrow(
      /^routeFeedback: rules must be the result of compileRoutingRules/,
    );
    // a look-alike with the same fields (a frozen spread copy) has no brand
    expect(() => routeFeedback(Object.freeze({ ...compileRoutingRules(RULES) }), {})).toThrow(
      /^routeFeedback: rules must be the result of compileRoutingRules/,
    );
  });

  it("picks the first rule that matches on its own (property)", () => {
    const ruleArb = fc.record({
      when: fc.record(
        {
          categories: fc.array(fc.constantFrom("quality", "delivery", "price"), { minLength: 1, maxLength: 2 }),
          keywords: fc.array(fc.constantFrom("坏", "late", "贵", "refund"), { minLength: 1, maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      then: fc.record({ department: fc.constantFrom("qa", "care", "finance") }),
    });
    const inputArb = fc.record({
      category: fc.constantFrom("quality", "delivery", "price", null),
      text: fc.constantFrom("东西坏了", "late again", "太贵了 refund", "", null),
    });
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 6 }), inputArb, (raw, input) => {
        const list = raw.map((r, i) => ({ ...r, id: `r${i}` }));
        const alone = list.map((r) => routeFeedback(compileRoutingRules([r]), input));
        const first = alone.find((d) => d !== null) ?? null;
        expect(routeFeedback(compileRoutingRules(list), input)).toEqual(first);
      }),
    );
  });
});
