/** Length of the windows user patterns run on, and how much consecutive windows overlap. */
export const PATTERN_WINDOW = 512;
export const PATTERN_OVERLAP = 128;

/**
 * Runs a (safety-checked) global regex over `text` in overlapping windows, so that even a
 * pattern with polynomial backtracking from every start position (`[a-z]+@` on "aaaa…")
 * costs O(n · window) instead of O(n²). A match longer than the overlap that crosses a
 * window edge can be cut or missed; matches are de-duplicated by start.
 */
export function chunkedMatches(re: RegExp, text: string, limit: number): { index: number; text: string }[] {
  if (text.length <= PATTERN_WINDOW) {
    const out: { index: number; text: string }[] = [];
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      out.push({ index: m.index, text: m[0] });
      if (out.length >= limit) break;
    }
    return out;
  }
  const out: { index: number; text: string }[] = [];
  let coveredTo = 0;
  for (let from = 0; from < text.length; from += PATTERN_WINDOW - PATTERN_OVERLAP) {
    const chunk = text.slice(from, from + PATTERN_WINDOW);
    for (const m of chunk.matchAll(re)) {
      if (m[0].length === 0) continue;
      const index = from + m.index;
      if (index < coveredTo) continue;
      out.push({ index, text: m[0] });
      coveredTo = index + m[0].length;
      if (out.length >= limit) return out;
    }
    if (from + PATTERN_WINDOW >= text.length) break;
  }
  return out;
}
