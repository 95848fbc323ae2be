import { assertCompiled } from "../../compiled/assertCompiled";
import { brandCompiled } from "../../compiled/brandCompiled";
import { OpsError } from "../../error/OpsError";
import { buildAutomaton, isSpacedWordChar, scan, type Automaton } from "./ahoCorasick";
import { normalizeAt, type NormalizedText } from "./normalize";

/**
 * Where a keyword needs a word boundary:
 * - `"auto"` (default): at an edge that is a letter or digit of a script written with
 *   spaces (Latin, Cyrillic, Hangul…), so that `ad` does not fire inside `bad` and `spf`
 *   not inside `spf50` (a letter or a digit on both sides of the edge is one word); never at
 *   a Chinese, Japanese, Thai, Lao, Khmer or Myanmar edge, because those scripts do not
 *   separate words with spaces (Unicode UAX #29, "Word Boundaries", leaves them to a
 *   dictionary: a substring is the best a list can do);
 * - `"none"`: plain substring matching everywhere.
 */
export type KeywordBoundaries = "auto" | "none";

/** A compiled keyword list (opaque beyond these fields); see {@link compileKeywords}. */
export interface KeywordMatcher {
  readonly kind: "keyword_matcher";
  /** The distinct normalised keywords, in the order first seen. */
  readonly keywords: readonly string[];
}

/** One occurrence of a keyword, as {@link findKeywords} reports it. */
export interface KeywordHit {
  /** The keyword as it was written in the list. */
  readonly keyword: string;
  /** The keyword after {@link normalizeText}. */
  readonly normalized: string;
  /** Start index in the message text (UTF-16 units). */
  readonly start: number;
  /** End index (exclusive) in the message text. */
  readonly end: number;
  /** The message text that matched, as the user wrote it (`text.slice(start, end)`). */
  readonly text: string;
}

/** What {@link KeywordMatcher} holds behind its public fields. */
export interface CompiledKeywords extends KeywordMatcher {
  readonly automaton: Automaton;
  /** For each normalised keyword, the first keyword as the caller wrote it. */
  readonly labels: readonly string[];
}

export function asCompiled(matcher: unknown, fn: string, path: readonly (string | number)[]): CompiledKeywords {
  assertCompiled(matcher, "core.keywords", "compileKeywords", fn, path);
  return matcher as CompiledKeywords;
}

/** Hits of a matcher in a text normalised with strip "separators", mapped to the source. */
export function keywordHits(m: CompiledKeywords, nt: NormalizedText, limit: number): KeywordHit[] {
  const raw = scan(m.automaton, nt, limit);
  const hits = raw.map((h) => {
    const start = nt.starts[h.start] as number;
    const end = nt.ends[h.end - 1] as number;
    return {
      keyword: m.labels[h.pattern] as string,
      normalized: m.keywords[h.pattern] as string,
      start,
      end,
      text: nt.source.slice(start, end),
    };
  });
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Builds the automaton of an already shape-checked list; `fn`/`path` name the caller in
 * errors. Refuses the list, before building anything, once its distinct keywords total
 * more than `maxUnits` UTF-16 units after normalisation (the automaton's memory budget).
 */
export function compileKeywordList(
  list: readonly string[],
  boundaries: KeywordBoundaries,
  maxUnits: number,
  fn: string,
  path: readonly (string | number)[],
): CompiledKeywords {
  const normalized: string[] = [];
  const labels: string[] = [];
  const boundStart: number[] = [];
  const boundEnd: number[] = [];
  const seen = new Set<string>();
  let units = 0;
  list.forEach((keyword, index) => {
    const text = normalizeKeyword(keyword);
    if (text.length === 0) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [...path, index],
        rule: "must keep at least one letter or digit after normalisation (not only emoji, spaces or punctuation)",
        received: keyword,
      });
    }
    if (seen.has(text)) return;
    units += text.length;
    if (units > maxUnits) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path,
        rule: `must total at most ${maxUnits} UTF-16 units after normalisation (the memory budget); keywords[0…${index}] total ${units}`,
      });
    }
    seen.add(text);
    normalized.push(text);
    labels.push(keyword);
    const first = String.fromCodePoint(text.codePointAt(0) as number);
    const last = Array.from(text.slice(-2)).pop() as string;
    boundStart.push(boundaries === "auto" && isSpacedWordChar(first) ? 1 : 0);
    boundEnd.push(boundaries === "auto" && isSpacedWordChar(last) ? 1 : 0);
  });
  const automaton = buildAutomaton(normalized, Uint8Array.from(boundStart), Uint8Array.from(boundEnd));
  return brandCompiled({ kind: "keyword_matcher", keywords: normalized, labels, automaton }, "core.keywords");
}

/**
 * A keyword normalised as {@link normalizeAt} does at the "separators" level. Lower-case
 * ASCII letters and digits and CJK unified ideographs (the bulk of real lists) are their
 * own normal form, and upper-case ASCII letters only lose their case: those keywords skip
 * the general path, which allocates offset tables a keyword does not need.
 */
export function normalizeKeyword(keyword: string): string {
  return /^[a-z\d\u3400-\u4dbf\u4e00-\u9fff]*$/i.test(keyword) ? keyword.toLowerCase() : normalizeAt(keyword, 2).text;
}
