/** Case- and width-folds text for keyword matching: NFKC (full-width → ASCII, ㎏ → kg) then lower case. */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Letters and digits that glue to a Latin keyword; CJK next to it is a boundary ("我要refund" finds "refund"). */
const WORD_CHAR = /[\p{Script=Latin}\p{N}]/u;
const LATIN_WORD = /^[a-z0-9][a-z0-9 '-]*$/;

/** A folded keyword and whether it must stand as a whole word. */
export interface Keyword {
  readonly text: string;
  /** Latin/digit keywords match whole words only ("ad" is not found in "bad"); CJK ones anywhere (no word boundaries in Chinese or Japanese). */
  readonly wholeWord: boolean;
}

export function toKeyword(raw: string): Keyword {
  const text = foldText(raw).trim();
  return { text, wholeWord: LATIN_WORD.test(text) };
}

/** Whether a folded keyword occurs in folded text. */
export function containsKeyword(folded: string, keyword: Keyword): boolean {
  let from = 0;
  for (;;) {
    const at = folded.indexOf(keyword.text, from);
    if (at < 0) return false;
    if (!keyword.wholeWord) return true;
    const before = at > 0 ? folded[at - 1] : undefined;
    const after = folded[at + keyword.text.length];
    const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = at + 1;
  }
}
