/** Zero-width and soft-hyphen characters that users (and spammers) put inside words. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * The text normalisation used on both keywords and interaction text: Unicode NFKC (full-width
 * letters and digits become half-width, `ＳＰＦ５０` → `SPF50`; compatibility forms folded),
 * lower case, zero-width characters removed, runs of white space collapsed to one space.
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
}
