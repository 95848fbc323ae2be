import { OpsError } from "@ops/core";
import type { KeywordBoundaries, KeywordHit, KeywordMatcher } from "../text/compileKeywords";
import type { NormalizedText } from "../text/normalizeText";
import { buildAutomaton, isSpacedWordChar, scan, type Automaton } from "./ahoCorasick";
import { normalizeAt } from "./normalize";

/** What {@link KeywordMatcher} holds behind its public fields. */
export interface CompiledKeywords extends KeywordMatcher {
  readonly automaton: Automaton;
  /** For each normalised keyword, the first keyword as the caller wrote it. */
  readonly labels: readonly string[];
}

export function asCompiled(matcher: unknown, fn: string, path: readonly (string | number)[]): CompiledKeywords {
  const m = matcher as Partial<CompiledKeywords> | null;
  if (typeof m !== "object" || m === null || m.kind !== "keyword_matcher" || !m.automaton) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be a matcher made by compileKeywords",
      received: matcher,
    });
  }
  return m as CompiledKeywords;
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

/** Builds the automaton of an already shape-checked list; `fn`/`path` name the caller in errors. */
export function compileKeywordList(
  list: readonly string[],
  boundaries: KeywordBoundaries,
  fn: string,
  path: readonly (string | number)[],
): CompiledKeywords {
  const normalized: string[] = [];
  const labels: string[] = [];
  const bounds: [boolean, boolean][] = [];
  const seen = new Set<string>();
  list.forEach((keyword, index) => {
    const text = normalizeAt(keyword, 2).text;
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
    seen.add(text);
    normalized.push(text);
    labels.push(keyword);
    const first = String.fromCodePoint(text.codePointAt(0) as number);
    const last = Array.from(text.slice(-2)).pop() as string;
    bounds.push(boundaries === "auto" ? [isSpacedWordChar(first), isSpacedWordChar(last)] : [false, false]);
  });
  return { kind: "keyword_matcher", keywords: normalized, labels, automaton: buildAutomaton(normalized, bounds) };
}
