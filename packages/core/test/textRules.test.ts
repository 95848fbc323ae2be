// The rules of the one text module where the four former copies disagreed (issue 21):
// interaction's need rules (a RegExp per keyword), feedback's routing keywords, community's
// matcher and sla's thanks filter. Community's rules were kept; each case names what the
// other copies did before.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileKeywords, findKeywords, normalizeText, type KeywordBoundaries } from "../src/index";
import { FindKeywordsOptionsSchema } from "../src/schemas";

const found = (keywords: string[], text: string, boundaries: KeywordBoundaries = "auto"): string[] =>
  findKeywords(compileKeywords(keywords, { boundaries }), text).map((h) => h.text);

describe("findKeywords: the rules the former copies disagreed on", () => {
  it("does not find a Latin keyword inside a longer run of letters and digits (spf in SPF50)", () => {
    // interaction found "spf" in "SPF50" (letters and digits were separate runs); feedback and
    // community did not. One rule now: a letter or digit on both sides of an edge is one word.
    expect(found(["spf"], "SPF50 sunscreen")).toEqual([]);
    expect(found(["spf50"], "SPF50 sunscreen")).toEqual(["SPF50"]);
    expect(found(["spf"], "SPF 50, SPF-30")).toEqual(["SPF", "SPF"]);
    expect(found(["ad"], "bad ad")).toEqual(["ad"]);
    // CJK neighbours are boundaries: Chinese and Japanese have none of their own (UAX #29)
    expect(found(["spf"], "油皮用SPF防晒")).toEqual(["SPF"]);
  });

  it("ignores zero-width characters, soft hyphens and bidi controls inside a keyword", () => {
    // feedback and sla kept U+200B/U+00AD (so "re\u200bfund" missed "refund"); interaction and
    // community dropped them. One rule: every Default_Ignorable_Code_Point is removed (TR #36 §2.4).
    expect(found(["refund"], "re\u200bfund please")).toEqual(["re\u200bfund"]);
    expect(found(["refund"], "re\u00adfund")).toEqual(["re\u00adfund"]);
    expect(found(["refund"], "\u202erefund\u202c")).toEqual(["refund\u202c"]);
    expect(found(["退款"], "退\u200d款")).toEqual(["退\u200d款"]);
  });

  it("folds full-width letters and digits (NFKC, UAX #15) in keywords and text alike", () => {
    expect(found(["spf50"], "ＳＰＦ５０")).toEqual(["ＳＰＦ５０"]);
    expect(found(["ＳＰＦ５０"], "spf50")).toEqual(["spf50"]);
  });

  it("lower-cases every script, not only ASCII (Unicode default case conversion)", () => {
    expect(found(["école"], "ÉCOLE")).toEqual(["ÉCOLE"]);
    expect(found(["привет"], "ПРИВЕТ!")).toEqual(["ПРИВЕТ"]);
    expect(normalizeText("ΣΟΦΊΑ").text).toBe("σοφία");
    // lower case, not case folding: ß and SS stay apart
    expect(found(["strasse"], "STRAßE")).toEqual([]);
  });

  it("reads across removed white space and punctuation but keeps them as word boundaries", () => {
    expect(found(["free money"], "FREE-Money!")).toEqual(["FREE-Money"]);
    expect(found(["refund"], "re fund")).toEqual(["re fund"]);
    expect(found(["ad"], "a dog")).toEqual([]);
  });
});

describe("findKeywords: a text normalised once", () => {
  it("finds the same hits in a NormalizedText as in the raw string", () => {
    const m = compileKeywords(["加微信", "free gift"]);
    const text = "加 微✨信 for a FREE·gift";
    expect(findKeywords(m, normalizeText(text))).toEqual(findKeywords(m, text));
  });

  it("refuses a text normalised at another strip level, or an object that only looks like one", () => {
    const m = compileKeywords(["ad"]);
    expect(() => findKeywords(m, normalizeText("ad", { strip: "whitespace" }))).toThrowOpsError("invalid_argument", {
      fn: "findKeywords",
      path: ["text"],
    });
    const fake = { source: "ad", strip: "separators", text: "ad", starts: [0, 1], ends: [1, 2], gapBefore: [0, 0] };
    expect(() => findKeywords(m, fake as never)).toThrowOpsError("invalid_argument", { path: ["text"] });
    expect(() => findKeywords(m, 42 as never)).toThrowOpsError("invalid_argument", { path: ["text"] });
  });

  it("checks its limit as FindKeywordsOptionsSchema does (property)", () => {
    const m = compileKeywords(["ad"]);
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noDefaultInfinity: true, noNaN: true })),
        (limit) => {
          const parsed = FindKeywordsOptionsSchema.safeParse({ limit });
          let ok = true;
          try {
            findKeywords(m, "ad ad", { limit });
          } catch {
            ok = false;
          }
          expect(ok).toBe(parsed.success);
        },
      ),
    );
  });
});

/** A letter or digit of a script written with spaces, decided here without the module's own code. */
const spacedWordChar = (ch: string): boolean =>
  /^[\p{L}\p{N}]$/u.test(ch) &&
  !/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]$/u.test(ch);

describe("findKeywords: Aho–Corasick against a naive scan", () => {
  it("finds exactly what indexOf finds over the normalised text, word-boundary rule included (property)", () => {
    // letters, a digit, CJK, full-width, white space, punctuation, zero-width and an emoji
    const unit = fc.constantFrom("a", "b", "B", "1", "加", "微", "ａ", " ", "-", ".", "\u200b", "😀", "é");
    const keyword = fc.string({ unit: fc.constantFrom("a", "b", "1", "加", "微", "é"), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(keyword, { minLength: 1, maxLength: 8 }),
        fc.string({ unit, maxLength: 40 }),
        fc.constantFrom<KeywordBoundaries>("auto", "none"),
        (keywords, text, boundaries) => {
          const got = findKeywords(compileKeywords(keywords, { boundaries }), text)
            .map((h) => `${h.normalized}@${h.start}-${h.end}`)
            .sort();
          const nt = normalizeText(text);
          const edge = (i: number): boolean =>
            i === 0 ||
            i === nt.text.length ||
            nt.gapBefore[i] === 1 ||
            !spacedWordChar(nt.text[i - 1] as string) ||
            !spacedWordChar(nt.text[i] as string);
          const want: string[] = [];
          for (const k of new Set(keywords)) {
            for (let i = nt.text.indexOf(k); i >= 0; i = nt.text.indexOf(k, i + 1)) {
              const end = i + k.length;
              const needStart = boundaries === "auto" && spacedWordChar(k[0] as string);
              const needEnd = boundaries === "auto" && spacedWordChar(k[k.length - 1] as string);
              if ((needStart && !edge(i)) || (needEnd && !edge(end))) continue;
              want.push(`${k}@${nt.starts[i]}-${nt.ends[end - 1]}`);
            }
          }
          expect(got).toEqual(want.sort());
        },
      ),
      { numRuns: 500 },
    );
  });
});
