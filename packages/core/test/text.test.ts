// The text module (moved from \@ops/community in issue 21, with its tests): normalisation,
// the Aho–Corasick matcher and its memory budget. Community keeps the tests of its own use
// (rule triggers, evaluate); test/textRules.test.ts holds the rules that the four former
// copies disagreed on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BYTES_PER_NODE } from "../src/text/_lib/ahoCorasick";
import { type CompiledKeywords, compileKeywordList, normalizeKeyword } from "../src/text/_lib/keywords";
import { inMarkRanges } from "../src/text/_lib/markRanges";
import { normalizeAt } from "../src/text/_lib/normalize";
import {
  compileKeywords,
  createRandom,
  findKeywords,
  MAX_KEYWORD_UNITS,
  MAX_KEYWORDS,
  normalizeText,
} from "../src/index";
import { CompileKeywordsOptionsSchema } from "../src/schemas";

describe("normalizeText", () => {
  it("folds full-width letters and digits to ASCII and lower case (NFKC)", () => {
    expect(normalizeText("ＡＤ１２３").text).toBe("ad123");
  });

  it("removes zero-width characters, emoji and separators inserted between characters", () => {
    expect(normalizeText("加\u200b微\u200d信").text).toBe("加微信");
    expect(normalizeText("加😀微🔥信").text).toBe("加微信");
    expect(normalizeText("加★微☆信 | 号").text).toBe("加微信号");
    expect(normalizeText("s.p.a.m").text).toBe("spam");
    // skin-tone modifier, ZWJ family, flag and keycap
    expect(normalizeText("a👍🏽b👨‍👩‍👧c🇨🇳d1️⃣").text).toBe("abcd1");
  });

  it("keeps separators at strip level invisible and drops only white space at whitespace", () => {
    expect(normalizeText("A b.C", { strip: "invisible" }).text).toBe("a b.c");
    expect(normalizeText("A b.C", { strip: "whitespace" }).text).toBe("ab.c");
  });

  it("maps every normalised unit back to the source", () => {
    const nt = normalizeText("x ＡＢ😀c");
    expect(nt.text).toBe("xabc");
    expect([...nt.starts]).toEqual([0, 2, 3, 6]);
    expect([...nt.ends]).toEqual([1, 3, 4, 7]);
    expect([...nt.gapBefore]).toEqual([0, 1, 0, 0]); // the emoji is not a word gap, the space is
  });

  it("agrees with String.prototype.normalize('NFKC') on full-width forms", () => {
    const all = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, k) => String.fromCharCode(0xff01 + k)).join("");
    expect(normalizeText(all, { strip: "invisible" }).text).toBe(all.normalize("NFKC").toLowerCase());
  });

  it("handles the empty string and emoji-only text", () => {
    expect(normalizeText("").text).toBe("");
    expect(normalizeText("😀😀").text).toBe("");
  });

  it("composes a base letter with its combining mark and drops leftover marks", () => {
    expect(normalizeText("Cafe\u0301").text).toBe("café");
    expect(normalizeText("a\u0334d\u0337").text).toBe("ad"); // zalgo-style overlays have no composition
  });

  it("has a mark-range pre-filter that covers every mark this runtime knows in the BMP", () => {
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point (U+20E3, U+200D, U+FE0F) is a member of the class on its own
    const MARK = /^[\p{M}\p{Default_Ignorable_Code_Point}\u20e3]$/u;
    const missed: number[] = [];
    for (let c = 0x300; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (MARK.test(String.fromCharCode(c)) && !inMarkRanges(c)) missed.push(c);
    }
    expect(missed).toEqual([]);
    // and leaves out the letters of the text that takes the fast paths, so the regex does not run on them
    for (const ch of "中あア가аαبＡ“、") expect([ch, inMarkRanges(ch.charCodeAt(0))]).toEqual([ch, false]);
  });

  it("refuses a non-string and an unknown strip level", () => {
    expect(() => normalizeText(42 as unknown as string)).toThrowOpsError("invalid_argument", {
      fn: "normalizeText",
      path: ["text"],
      message: /must be a string/,
    });
    expect(() => normalizeText("x", { strip: "all" as "invisible" })).toThrowOpsError("invalid_argument", {
      fn: "normalizeText",
      path: ["options", "strip"],
    });
  });

  it("is idempotent on its own output (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = normalizeText(s).text;
        expect(normalizeText(once).text).toBe(once);
      }),
    );
  });

  it("keeps index maps inside the source (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const nt = normalizeText(s);
        expect(nt.starts.length).toBe(nt.text.length);
        const bad = [...nt.starts].findIndex(
          (start, i) => start < 0 || start >= (nt.ends[i] as number) || (nt.ends[i] as number) > s.length,
        );
        expect(bad).toBe(-1);
      }),
    );
  });
});

describe("compileKeywords", () => {
  it("merges keywords that normalise to the same text and keeps the first spelling", () => {
    expect(compileKeywords(["ＡＤ", "ad", "a.d"]).keywords).toEqual(["ad"]);
  });

  it("refuses an empty list, an empty keyword and a keyword that is only emoji", () => {
    expect(() => compileKeywords([])).toThrowOpsError("invalid_argument", {
      fn: "compileKeywords",
      path: ["keywords"],
      message: /must hold at least one keyword/,
    });
    expect(() => compileKeywords(["ok", ""])).toThrowOpsError("invalid_argument", {
      fn: "compileKeywords",
      path: ["keywords", 1],
      message: /must be a non-empty keyword/,
    });
    expect(() => compileKeywords(["ok", "😀!!"])).toThrowOpsError("invalid_argument", {
      fn: "compileKeywords",
      path: ["keywords", 1],
      message: /keywords\[1\] must keep at least one letter or digit/,
    });
  });

  it("does not mutate the list", () => {
    const list = ["b", "a"];
    compileKeywords(list);
    expect(list).toEqual(["b", "a"]);
  });
});

describe("findKeywords", () => {
  it("finds Chinese keywords without word boundaries, through emoji and spaces", () => {
    const m = compileKeywords(["加微信", "代购", "刷单"]);
    const hits = findKeywords(m, "需要代购吗？加 微😀信，专业刷-单");
    expect(hits.map((h) => [h.keyword, h.text])).toEqual([
      ["代购", "代购"],
      ["加微信", "加 微😀信"],
      ["刷单", "刷-单"],
    ]);
  });

  it("needs word boundaries at Latin edges by default, but not with boundaries none", () => {
    const auto = compileKeywords(["ad"]);
    expect(findKeywords(auto, "bad idea, adverts")).toEqual([]);
    expect(findKeywords(auto, "an AD here").map((h) => h.text)).toEqual(["AD"]);
    expect(findKeywords(auto, "买AD送").map((h) => h.text)).toEqual(["AD"]); // CJK neighbours are boundaries
    const none = compileKeywords(["ad"], { boundaries: "none" });
    expect(findKeywords(none, "bad").map((h) => h.text)).toEqual(["ad"]);
  });

  it("finds full-width and dotted spellings of an English phrase", () => {
    const m = compileKeywords(["free money"]);
    expect(findKeywords(m, "ＦＲＥＥ ＭＯＮＥＹ!!").map((h) => h.text)).toEqual(["ＦＲＥＥ ＭＯＮＥＹ"]);
    expect(findKeywords(m, "f.r.e.e-m.o.n.e.y").length).toBe(1);
  });

  it("reports overlapping keywords (the classic he/she/his/hers example)", () => {
    // Aho & Corasick 1975, figure 1: "ushers" contains she, he and hers
    const m = compileKeywords(["he", "she", "his", "hers"], { boundaries: "none" });
    expect(findKeywords(m, "ushers").map((h) => [h.keyword, h.start, h.end])).toEqual([
      ["she", 1, 4],
      ["he", 2, 4],
      ["hers", 2, 6],
    ]);
  });

  it("returns nothing for empty text and honours limit", () => {
    const m = compileKeywords(["a"], { boundaries: "none" });
    expect(findKeywords(m, "")).toEqual([]);
    expect(findKeywords(m, "aaaa", { limit: 2 })).toHaveLength(2);
    expect(() => findKeywords(m, "a", { limit: 0 })).toThrowOpsError("invalid_argument", {
      fn: "findKeywords",
      path: ["options", "limit"],
      message: /must be a positive integer/,
    });
  });

  it("refuses a matcher it did not make", () => {
    expect(() => findKeywords({ kind: "keyword_matcher", keywords: [] }, "x")).toThrowOpsError("invalid_argument", {
      fn: "findKeywords",
      path: ["matcher"],
      message: /must be the result of compileKeywords/,
    });
    // a look-alike with every field of a real matcher (a spread copy) has no brand
    const real = compileKeywords(["spf"]);
    expect(() => findKeywords({ ...real }, "spf")).toThrowOpsError("invalid_argument", {
      fn: "findKeywords",
      path: ["matcher"],
      message: /must be the result of compileKeywords/,
    });
  });

  it("still finds a keyword with noise inserted between its characters, or written full-width (property)", () => {
    const m = compileKeywords(["加微信", "代购", "free gift"]);
    const noise = fc.constantFrom(
      "\u200b",
      "\u200d",
      "\ufeff",
      "😀",
      "🔥",
      "👍🏽",
      " ",
      "·",
      "★",
      "|",
      "-",
      ".",
      "\u00ad",
    );
    const keyword = fc.constantFrom("加微信", "代购", "FREE GIFT", "ｆｒｅｅ ｇｉｆｔ");
    fc.assert(
      fc.property(
        keyword,
        fc.array(fc.array(noise, { maxLength: 3 }), { minLength: 12, maxLength: 12 }),
        fc.string({ maxLength: 5 }),
        (kw, gaps, prefix) => {
          const chars = Array.from(kw);
          const disguised = chars.map((ch, i) => (i === 0 ? ch : (gaps[i] ?? []).join("") + ch)).join("");
          const text = `${prefix.replace(/[a-z0-9]/gi, "")} ${disguised}!`;
          const hits = findKeywords(m, text);
          expect(hits.length).toBeGreaterThanOrEqual(1);
          expect(
            hits.some((h) =>
              text
                .slice(h.start, h.end)
                .normalize("NFKC")
                .toLowerCase()
                .startsWith(chars[0]!.normalize("NFKC").toLowerCase()),
            ),
          ).toBe(true);
        },
      ),
    );
  });

  it("agrees with a naive indexOf search on the normalised text (property)", () => {
    const alphabet = fc.constantFrom("a", "b", "c", "加", "微");
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.string({ unit: alphabet, maxLength: 40 }),
        (words, text) => {
          const m = compileKeywords(words, { boundaries: "none" });
          const got = findKeywords(m, text)
            .map((h) => `${h.normalized}@${h.start}`)
            .sort();
          const want: string[] = [];
          for (const w of new Set(words))
            for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) want.push(`${w}@${i}`);
          expect(got).toEqual(want.sort());
        },
      ),
    );
  });
});

/** Bytes held by a matcher's automaton (its typed arrays). */
const automatonBytes = (m: unknown): number =>
  Object.values((m as CompiledKeywords).automaton).reduce((sum, a) => sum + (a as ArrayBufferView).byteLength, 0);

describe("compileKeywords: size limit and memory budget", () => {
  it("compiles 200 000 keywords, the schema's maximum, within 18 bytes a unit + 256 KB (issue 20: 1 000 000 ran out of memory after 64 s, then took 2–8 s)", () => {
    // half Chinese 2–4 characters, half English 5–10 letters, as in bench/rulesEngine.bench.ts
    const rnd = createRandom(20261202);
    const hanzi =
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经";
    const word = (alphabet: string, min: number, max: number): string => {
      let s = "";
      for (let i = rnd.int(min, max + 1); i > 0; i--) s += alphabet[rnd.int(0, alphabet.length)];
      return s;
    };
    const list = Array.from({ length: MAX_KEYWORDS }, (_, i) =>
      i % 2 === 0 ? word(hanzi, 2, 4) : word("abcdefghijklmnopqrstuvwxyz", 5, 10),
    );
    const distinct = [...new Set(list)];
    const units = distinct.reduce((sum, k) => sum + k.length, 0);
    const m = compileKeywords(list, { boundaries: "none" });
    expect(m.keywords).toEqual(distinct);
    expect(automatonBytes(m)).toBeLessThanOrEqual(BYTES_PER_NODE * (units + 1) + 65_536 * 4 + 6 * distinct.length);
    const planted = distinct[154_321] as string;
    expect(findKeywords(m, `看这里 ${planted}!`).map((h) => h.keyword)).toContain(planted);
  });

  it("refuses a list past 2 000 000 units after normalisation with a typed error, before building", () => {
    // 7 813 distinct keywords of 256 letters: 2 000 128 units
    const list = Array.from({ length: 7_813 }, (_, i) => `${i.toString(36).padStart(4, "0")}${"x".repeat(252)}`);
    expect(MAX_KEYWORD_UNITS).toBe(2_000_000);
    expect(() => compileKeywords(list)).toThrowOpsError("invalid_argument", {
      fn: "compileKeywords",
      path: ["keywords"],
      message:
        "keywords must total at most 2000000 UTF-16 units after normalisation (the memory budget); keywords[0…7812] total 2000128",
    });
  });

  it("counts normalised units of distinct keywords against the limit, up to and including it", () => {
    const compile = (list: string[]) => compileKeywordList(list, "auto", 10, "compileKeywords", ["keywords"]);
    // ＡＢＣ and abc normalise to one keyword: 3 + 7 units
    expect(compile(["ＡＢＣ", "abc", "defghij"]).keywords).toEqual(["abc", "defghij"]);
    expect(() => compile(["abc", "defghijk"])).toThrowOpsError("invalid_argument", {
      path: ["keywords"],
      message: /at most 10 UTF-16 units .*keywords\[0…1\] total 11/,
    });
    // NFKC can lengthen a keyword: ㍻ (U+337B) is 平成
    expect(() => compile(["abcdefghi", "㍻"])).toThrowOpsError("invalid_argument", { message: /total 11/ });
  });

  it("normalises plain keywords on a fast path that agrees with normalizeText (property)", () => {
    const unit = fc.constantFrom(
      ...["a", "Z", "0", "加", "㐀", "é", "Ａ", " ", "-", "😀", "\u0301", "ß", "İ"],
      ...["ı", "ſ", "\u212a", "㍻", "\u200b"], // dotless i, long s, Kelvin: /i without u must not take them for ASCII
    );
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 8 }), (k) => {
        expect(normalizeKeyword(k)).toBe(normalizeAt(k, 2).text);
      }),
    );
  });

  it("checks its options as CompileKeywordsOptionsSchema does (property)", () => {
    const options = fc.oneof(
      fc.anything(),
      fc.record({ boundaries: fc.oneof(fc.constantFrom("auto", "none", "x", undefined), fc.anything()) }),
    );
    fc.assert(
      fc.property(options, (o) => {
        const parsed = CompileKeywordsOptionsSchema.safeParse(o === undefined ? {} : o); // the default applies to undefined only
        let thrown: unknown = null;
        try {
          compileKeywords(["ad"], o as never);
        } catch (e) {
          thrown = e;
        }
        expect(thrown === null).toBe(parsed.success);
        if (!parsed.success) {
          const issuePath = parsed.error.issues[0]?.path ?? [];
          expect((thrown as { path: unknown }).path).toEqual(["options", ...issuePath]);
        }
      }),
    );
  });

  it("agrees with a naive search on many keywords sharing prefixes (property)", () => {
    const alphabet = fc.constantFrom("a", "b", "加");
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.string({ unit: alphabet, maxLength: 60 }),
        (words, text) => {
          const m = compileKeywords(words, { boundaries: "none" });
          const got = findKeywords(m, text).map((h) => `${h.normalized}@${h.start}`);
          const want: string[] = [];
          for (const w of new Set(words))
            for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) want.push(`${w}@${i}`);
          expect(got.sort()).toEqual(want.sort());
        },
      ),
    );
  });
});

describe("compileKeywords' context (a list inside another function's argument)", () => {
  it("names the caller and the list's place, then the keyword's index", () => {
    const context = { fn: "compileRules", path: ["rules", 2, "keywords"] };
    expect(() => compileKeywords(["ok", "😡"], {}, context)).toThrowOpsError("invalid_argument", {
      path: ["rules", 2, "keywords", 1],
      message: /^compileRules: /,
    });
    expect(() => compileKeywords([], {}, context)).toThrowOpsError("invalid_argument", {
      path: ["rules", 2, "keywords"],
      message: /^compileRules: /,
    });
    // without a context, as before
    expect(() => compileKeywords(["😡"])).toThrowOpsError("invalid_argument", { path: ["keywords", 0] });
    expect(() => compileKeywords(["a"], {}, { fn: 1 } as never)).toThrowOpsError("invalid_argument", {
      path: ["context"],
    });
  });
});
