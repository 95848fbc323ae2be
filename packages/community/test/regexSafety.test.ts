import { describe, expect, it } from "vitest";
import { MAX_WINDOW_WORK, windowWork } from "../src/rule/_lib/backtrackingWork";
import { foldTree } from "../src/rule/_lib/caseFolding";
import { chunkedMatches, PATTERN_OVERLAP, PATTERN_WINDOW } from "../src/rule/_lib/chunkedMatch";
import { parseRegex } from "../src/rule/_lib/regexAst";
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

  // issue 20: the guard folded ASCII only, but patterns run with iu. evaluate() on
  // "é"×24 + "!" took 273 ms with (?:é|É)+$ and doubled per character.
  it.each([
    ["(?:é|É)+$", "é", "É"], // CaseFolding.txt 00C9; C; 00E9
    ["(?:k|\u212A)+$", "k", "\u212a"], // 212A; C; 006B (KELVIN SIGN)
    ["(?:\\w|\u017F)+$", "s", "\u017f"], // 017F; C; 0073 (LONG S): \w holds s
    ["(?:σ|ς)+$", "σ", "ς"], // 03C2; C; 03C3 (FINAL SIGMA)
  ])("folds case as the engine does under iu: %s with i is overlapping_alternation", (source, a, b) => {
    expect(code(source, "i")).toBe("overlapping_alternation");
    expect(new RegExp(`^${a}$`, "iu").test(b)).toBe(true); // the engine takes the branches for one another
    expect(code(source)).toBe("ok"); // without i they are distinct characters
  });

  it("folds no further than the engine: İ and i are one only under full case folding", () => {
    expect(/^\u0130$/iu.test("i")).toBe(false);
    expect(code("(?:\u0130|i)+$", "i")).toBe("ok");
  });

  it("keeps a case-folded ReDoS pattern out of evaluate; its safe rewrite runs on the evil input", () => {
    expect(() =>
      compileRules([
        {
          id: "r",
          triggers: [{ kind: "pattern", patterns: [{ source: "(?:é|É)+$", flags: "i" }], on: "raw" }],
          actions: [{ kind: "hide" }],
        },
      ]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRules",
      path: ["rules", 0, "triggers", 0, "patterns", 0, "source"],
      message: /cannot backtrack catastrophically \(overlapping_alternation/,
    });
    // 32 é + "!": about 70 s for (?:é|É)+$ by the doubling; é+$ is linear
    const rules = compileRules([
      {
        id: "r",
        triggers: [{ kind: "pattern", patterns: [{ source: "é+$", flags: "i" }], on: "raw" }],
        actions: [{ kind: "hide" }],
      },
    ]);
    expect(evaluate({ id: "m", actor: "a", text: `${"é".repeat(32)}!`, at: 0 }, rules).decisions).toEqual([]);
    expect(evaluate({ id: "m", actor: "a", text: "ÉÉé", at: 0 }, rules).decisions[0]?.matches[0]?.text).toBe("ÉÉé");
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
    // windows of 512 units every 384: the second match crosses the first window's end (512)
    const text = `qq12345${"x".repeat(498)}qq7654321${"y".repeat(5000)}qq99999`;
    const spans = evaluate({ id: "m", actor: "a", text, at: 0 }, rules).decisions[0]?.matches.map((m) => m.span?.start);
    expect(spans).toEqual([0, 505, 5514]);
  });

  it("runs an accepted pattern on windows of at most 512 units, which together hold the text about 4/3 times", () => {
    // what the regex is handed, recorded: its work is bounded per window (below), so a
    // message of n units costs at most (n / 384 + 1) windows' worth of backtracking
    const seen: number[] = [];
    class Recording extends RegExp {
      override exec(s: string): RegExpExecArray | null {
        if (this.lastIndex === 0) seen.push(s.length);
        return super.exec(s);
      }
    }
    const text = "a".repeat(5_000);
    expect(chunkedMatches(new Recording("[a-z]+@", "gu"), text, 20)).toEqual([]);
    expect(Math.max(...seen)).toBe(PATTERN_WINDOW);
    expect(seen.length).toBe(Math.ceil((text.length - PATTERN_OVERLAP) / (PATTERN_WINDOW - PATTERN_OVERLAP)));
    expect(seen.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
      (text.length * PATTERN_WINDOW) / (PATTERN_WINDOW - PATTERN_OVERLAP) + PATTERN_WINDOW,
    );
  });
});

const work = (source: string, flags = ""): number => {
  const tree = parseRegex(source, flags.includes("s"));
  return windowWork(flags.includes("i") ? foldTree(tree) : tree, flags.includes("m"));
};

describe("checkRegexSafety: the work bound (polynomial backtracking)", () => {
  it("refuses .*x.*x.*x.*y, which blocked evaluate 7–21 s on a 200-character message of x (issue 20)", () => {
    expect(code(".*x.*x.*x.*y")).toBe("polynomial_backtracking");
    // four repetitions that each can take the x's: about (n/2)³ · 3⁴ steps from each start
    expect(work(".*x.*x.*x.*y")).toBeGreaterThan(1e12);
    expect(() =>
      compileRules([
        {
          id: "r",
          triggers: [{ kind: "pattern", patterns: [{ source: ".*x.*x.*x.*y" }], on: "raw" }],
          actions: [{ kind: "hide" }],
        },
      ]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRules",
      path: ["rules", 0, "triggers", 0, "patterns", 0, "source"],
      message: /\(polynomial_backtracking: repetitions that can match the same text multiply/,
    });
  });

  it.each([
    // refused: repetitions one input can feed in turn, tried from every start
    [".*x.*y", "polynomial_backtracking"],
    ["加.*微.*信", "polynomial_backtracking"],
    [".{0,30}x.{0,30}y", "polynomial_backtracking"],
    ["\\p{L}+@", "polynomial_backtracking"], // 377 BMP ranges: a call out per character
    ["(?:.+@|.+#)", "polynomial_backtracking"],
    ["(?:[a-z]+@|[a-z]+#|[a-z]+%|[a-z]+&)", "polynomial_backtracking"],
    ["(?=.*a)(?=.*b)x", "polynomial_backtracking"],
    // accepted: bounded, anchored, separated, or at the end (nothing after them fails)
    ["加.{0,5}微.{0,5}信", "ok"],
    [".{0,15}x.{0,15}y", "ok"],
    ["\\p{L}{1,85}@", "ok"],
    ["\\p{L}+", "ok"],
    [".+@", "ok"],
    ["(?:[a-z]+@|[a-z]+#|[a-z]+%)", "ok"],
    ["^.*x.*y", "ok"],
    ["^(?=.*\\d)(?=.*[a-z]).{8,}$", "ok"],
    ["[^@\\s]+@[^@\\s]+\\.[a-z]{2,}", "ok"],
    ["\\d+\\s*[a-z]+\\s*\\d+", "ok"],
  ])("classifies %s as %s", (source, expected) => {
    expect(code(source)).toBe(expected);
    expect(work(source) <= MAX_WINDOW_WORK).toBe(expected === "ok");
  });

  it.each([
    // one unbounded repetition of a small class, tried from each of the window's 512 starts:
    // half a window (256) per start, plus the step of the start itself
    ["[a-z]+@", 512 * (1 + 256)],
    // separated repetitions take disjoint text from one start: pooled to one
    ["[a-z0-9._-]+@[a-z0-9-]+\\.[a-z]{2,}", 512 * (1 + 256)],
    // an alternation tries both branches
    ["(?:[a-z]+@|[a-z]+#)", 512 * (1 + 2 * 256)],
    // . holds supplementary characters (surrogate pairs are decoded): weight 3
    [".+@", 512 * (1 + 3 * 256)],
    // the second repetition runs again for each place the first stops: (1 + 16) × 16
    [".{0,15}x.{0,15}y", 512 * (1 + 3 * 16 + 3 * 17 * 16)],
    // anchored: one start
    ["^.*x.*y", 1 + 3 * 256 + 3 * 257 * 256],
    // at the end of the pattern a repetition never gives characters back
    ["\\p{L}+", 512],
  ])("estimates %s at %i steps per window", (source, steps) => {
    expect(work(source)).toBe(steps);
  });

  it("evaluates a 5 000-unit adversarial message for each accepted pattern at the limit", () => {
    // bench/patternWork.bench.ts times these (under 15 ms each on Node 20); here: they finish and find nothing
    for (const [source, unit] of [
      ["[^@\\s]+@[^@\\s]+\\.[a-z]{2,}", "汉"],
      ["(?:[a-z]+@|[a-z]+#|[a-z]+%)", "a"],
      [".{0,15}x.{0,15}y", "x"],
      ["\\p{L}{1,85}@", "Я"],
    ] as const) {
      expect(work(source)).toBeLessThanOrEqual(MAX_WINDOW_WORK);
      const rules = compileRules([
        { id: "p", triggers: [{ kind: "pattern", patterns: [{ source }], on: "raw" }], actions: [{ kind: "hide" }] },
      ]);
      expect(evaluate({ id: "m", actor: "a", text: unit.repeat(5_000), at: 0 }, rules).decisions).toEqual([]);
    }
  });
});
