import { describe, expect, it } from "vitest";
import { checkRegexSafety, compileRules, evaluate } from "./helpers";

const code = (source: string, flags?: string): string => {
  const r = checkRegexSafety(source, flags);
  return r.ok ? "ok" : r.error.code;
};

describe("checkRegexSafety", () => {
  it.each([
    // OWASP "Regular expression Denial of Service - ReDoS", Evil Regex examples
    ["(a+)+$", "nested_quantifier"],
    ["([a-zA-Z]+)*$", "nested_quantifier"],
    ["(a|aa)+$", "overlapping_alternation"],
    ["(a|a?)+$", "nested_quantifier"],
    ["(.*a){12}", "nested_quantifier"],
    ["^(([a-z])+.)+[A-Z]([a-z])+$", "nested_quantifier"],
    // Davis et al. 2018: star height and QOD (quantified overlapping disjunction)
    ["(\\w|\\d)+$", "overlapping_alternation"],
    ["(a|ab)*c", "overlapping_alternation"],
    ["(a|)+b", "overlapping_alternation"],
    // polynomial: adjacent overlapping repetitions
    ["\\d+\\d+$", "adjacent_quantifiers"],
    ["\\s*-?\\s*x", "adjacent_quantifiers"],
    // Cox, "Regular Expression Matching Can Be Simple And Fast" (2007): a?ⁿaⁿ
    ["^(a?){25}(a){25}$", "nested_quantifier"],
    ["^a?a?a?a?a?a?a?a?a?a?a?aaaaaaaaaaa$", "adjacent_quantifiers"],
    // not regular
    ["(a)\\1", "backreference"],
    ["(?<q>['\"]).*\\k<q>", "backreference"],
    // case folding makes branches overlap
    ["(?:a|A)+b", "ok"],
  ])("classifies %s as %s", (source, expected) => {
    expect(code(source)).toBe(expected);
  });

  it("sees overlapping branches under the i flag (ASCII folding)", () => {
    expect(code("(?:a|A)+b", "i")).toBe("overlapping_alternation");
  });

  it.each([
    "^1[3-9]\\d{9}$",
    "qq[:：]?\\d{5,11}",
    "(\\d{1,3}\\.){3}\\d{1,3}",
    "\\s?-?\\s?\\d{4}",
    "^[a-z]{2,10}\\d{0,5}$",
    "\\d?\\d+",
    "(?:com|cn|net)+",
    "(?:ab|cd)*e",
    "[a-z0-9._-]+@[a-z0-9-]+\\.[a-z]{2,}",
    "\\p{sc=Han}{4,}",
    "加[vV]信?",
  ])("accepts the linear-time pattern %s", (source) => {
    expect(code(source)).toBe("ok");
  });

  it("refuses bad syntax, unknown flags and over-long sources with a typed failure", () => {
    expect(code("(a")).toBe("invalid_syntax");
    expect(code("a{2,1}")).toBe("invalid_syntax");
    expect(code("abc", "g")).toBe("unsupported_flag");
    expect(code("abc", "ii")).toBe("unsupported_flag");
    expect(code("a".repeat(1001))).toBe("too_long");
    expect(code("")).toBe("invalid_syntax");
  });

  it("always runs patterns in Unicode mode", () => {
    expect(checkRegexSafety("x", "si")).toEqual({ ok: true, value: { source: "x", flags: "isu" } });
  });

  it("a refused ReDoS pattern really is slow, and the refusal keeps it out of evaluate", () => {
    // the evil input for (a+)+$: n a's and a final mismatch; 2^n paths. 20 a's already take
    // tens of milliseconds; the same pattern on 10 000 a's would not finish.
    const evil = `${"a".repeat(20)}!`;
    const t0 = performance.now();
    /(a+)+$/.test(evil);
    const slow = performance.now() - t0;
    expect(slow).toBeGreaterThan(5);
    expect(() =>
      compileRules([
        { id: "r", triggers: [{ kind: "pattern", patterns: [{ source: "(a+)+$" }] }], actions: [{ kind: "hide" }] },
      ]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRules",
      path: ["rules", 0, "triggers", 0, "patterns", 0, "source"],
      message: /must be a regular expression that cannot backtrack catastrophically \(nested_quantifier/,
    });
  });

  it("finds pattern matches across the whole of a long message, windows included", () => {
    const rules = compileRules([
      {
        id: "qq",
        triggers: [{ kind: "pattern", patterns: [{ source: "qq\\d{5,11}" }], on: "raw" }],
        actions: [{ kind: "hide" }],
      },
    ]);
    // one match inside the first window, one straddling the 896–1024 overlap, one far away
    const text = `qq12345${"x".repeat(900)}qq7654321${"y".repeat(5000)}qq99999`;
    const spans = evaluate({ id: "m", actor: "a", text, at: 0 }, rules).decisions[0]?.matches.map((m) => m.span?.start);
    expect(spans).toEqual([0, 907, 5916]);
  });

  it("accepted patterns run in linear time on adversarial input (4× the text, about 4× the time)", () => {
    const rules = compileRules([
      {
        id: "mail",
        triggers: [{ kind: "pattern", patterns: [{ source: "[a-z0-9._-]+@[a-z0-9-]+\\.[a-z]{2,}" }], on: "raw" }],
        actions: [{ kind: "hide" }],
      },
    ]);
    // without windows, [a-z0-9._-]+@ rescans the tail from every start: quadratic, so 4× the
    // text would take 16× the time. A ratio, not a wall-clock bound, so that a loaded
    // machine does not fail the test; best of 3 runs against noise.
    const time = (n: number): number => {
      const text = `${"a".repeat(n)}@`;
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const result = evaluate({ id: "m", actor: "a", text, at: 0 }, rules);
        best = Math.min(best, performance.now() - t0);
        expect(result.decisions).toEqual([]);
      }
      return best;
    };
    time(2_000); // warm-up
    const ratio = time(32_000) / time(8_000);
    expect(ratio).toBeLessThan(8);
  });
});
