import { compileKeywords, findKeywords, normalizeText, type KeywordMatcher, type NormalizedText } from "@ops/core";

/**
 * A text folded for display and grouping: case, width and invisible characters as the
 * \@ops/core text module folds them (`normalizeText` with strip `"invisible"`: NFKC, lower
 * case, zero-width characters and emoji removed; white space and punctuation kept), trimmed.
 */
export function foldLabel(text: string): string {
  return normalizeText(text, { strip: "invisible" }).text.trim();
}

/** A rule's keyword list, compiled once by the text module of \@ops/core. */
export interface KeywordList {
  readonly matcher: KeywordMatcher;
  /** Position of each normalised keyword in the list, to report matches in list order. */
  readonly order: ReadonlyMap<string, number>;
}

/** Compiles `raw`; an error names `fn` and the list's `path` (then the keyword's index). */
export function toKeywordList(raw: readonly string[], fn: string, path: readonly (string | number)[]): KeywordList {
  const matcher = compileKeywords(raw, {}, { fn, path });
  return { matcher, order: new Map(matcher.keywords.map((k, i) => [k, i])) };
}

/** The list's keywords found in the text (each once, in list order, folded by {@link foldLabel}). */
export function matchedKeywords(list: KeywordList, text: NormalizedText): string[] {
  const first = new Map<number, string>();
  for (const hit of findKeywords(list.matcher, text)) {
    const at = list.order.get(hit.normalized) as number;
    if (!first.has(at)) first.set(at, hit.keyword);
  }
  return [...first.entries()].sort((a, b) => a[0] - b[0]).map(([, keyword]) => foldLabel(keyword));
}
