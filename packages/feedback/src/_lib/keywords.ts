import { findKeywords, normalizeText, type KeywordMatcher, type NormalizedText } from "@ops/core";

/**
 * A text folded for display and grouping: case, width and invisible characters as the
 * \@ops/core text module folds them (`normalizeText` with strip `"invisible"`: NFKC, lower
 * case, zero-width characters and emoji removed; white space and punctuation kept), trimmed.
 */
export function foldLabel(text: string): string {
  return normalizeText(text, { strip: "invisible" }).text.trim();
}

/**
 * The matcher's keywords found in the text: each once, in list order (the matcher's
 * `keywords`, the distinct normalised keywords in the order first listed), as first written
 * in the list and folded by {@link foldLabel}. The list order is read from the matcher, not
 * stored beside it: the walk stops at the last keyword found.
 */
export function matchedKeywords(matcher: KeywordMatcher, text: NormalizedText): string[] {
  const first = new Map<string, string>();
  for (const hit of findKeywords(matcher, text)) if (!first.has(hit.normalized)) first.set(hit.normalized, hit.keyword);
  const out: string[] = [];
  for (const k of matcher.keywords) {
    if (out.length === first.size) break;
    const keyword = first.get(k);
    if (keyword !== undefined) out.push(foldLabel(keyword));
  }
  return out;
}
