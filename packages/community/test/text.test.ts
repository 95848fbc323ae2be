// Community's use of the text module. normalizeText, compileKeywords and findKeywords live in
// \@ops/core since issue 21 (their own tests moved to packages/core/test/text.test.ts and
// textRules.test.ts); community re-exports them and keeps the tests of its rule triggers.
import * as core from "@ops/core";
import { describe, expect, it } from "vitest";
import { compileKeywords, compileRules, evaluate, findKeywords, MAX_KEYWORD_UNITS, normalizeText } from "./helpers";

describe("text re-exports", () => {
  it("are \\@ops/core's functions, so that a matcher from either package works with both", () => {
    expect(compileKeywords).toBe(core.compileKeywords);
    expect(findKeywords).toBe(core.findKeywords);
    expect(normalizeText).toBe(core.normalizeText);
    expect(findKeywords(core.compileKeywords(["加微信"]), "快来加 微✨信").map((h) => h.text)).toEqual(["加 微✨信"]);
  });
});

describe("compileRules: keyword triggers", () => {
  it("refuses a list past 2 000 000 units after normalisation, naming the rule's trigger", () => {
    // 7 813 distinct keywords of 256 letters: 2 000 128 units
    const list = Array.from({ length: 7_813 }, (_, i) => `${i.toString(36).padStart(4, "0")}${"x".repeat(252)}`);
    expect(MAX_KEYWORD_UNITS).toBe(2_000_000);
    expect(() =>
      compileRules([{ id: "r", triggers: [{ kind: "keywords", keywords: list }], actions: [{ kind: "hide" }] }]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRules",
      path: ["rules", 0, "triggers", 0, "keywords"],
      message: /must total at most 2000000 UTF-16 units/,
    });
  });

  it("names the keyword that normalises to nothing", () => {
    expect(() =>
      compileRules([
        { id: "r", triggers: [{ kind: "keywords", keywords: ["ok", "😀"] }], actions: [{ kind: "hide" }] },
      ]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRules",
      path: ["rules", 0, "triggers", 0, "keywords", 1],
      message: /must keep at least one letter or digit after normalisation/,
    });
  });

  it("matches as findKeywords does, Latin word boundaries included", () => {
    const rules = compileRules([
      { id: "sun", triggers: [{ kind: "keywords", keywords: ["spf", "防晒"] }], actions: [{ kind: "warn" }] },
    ]);
    const texts = (text: string) =>
      evaluate({ id: "m", actor: "qq::1", text, at: 0 }, rules).decisions.flatMap((d) => d.matches.map((m) => m.text));
    expect(texts("SPF 50 防\u200b晒")).toEqual(["SPF", "防\u200b晒"]);
    // the one rule of the text module: no match inside a run of Latin letters and digits
    expect(texts("SPF50")).toEqual([]);
  });
});
