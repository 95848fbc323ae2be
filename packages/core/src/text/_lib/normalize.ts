import { inMarkRanges } from "./markRanges";

/**
 * How much {@link normalizeText} strips, from least to most:
 * - `"invisible"`: zero-width and other default-ignorable characters, controls, emoji and
 *   leftover combining marks;
 * - `"whitespace"`: also every white-space character;
 * - `"separators"` (default): also punctuation and symbols (`.`, `_`, `★`, `｜`, `·`), so
 *   that `加★微★信` and `s.p.a.m` read as `加微信` and `spam`.
 */
export type NormalizeStrip = "invisible" | "whitespace" | "separators";

/**
 * A normalised text that remembers where each of its UTF-16 units came from, so that a
 * match found in `text` can be shown as the user wrote it (`source.slice(starts[i], ends[j])`).
 * Made by {@link normalizeText}; {@link findKeywords} takes one made with `strip: "separators"`
 * so that a message normalised once is scanned by several keyword lists.
 */
export interface NormalizedText {
  /** The text the user sent, unchanged. */
  readonly source: string;
  /** What was stripped besides case and width (the `strip` option it was made with). */
  readonly strip: NormalizeStrip;
  /** The normalised text. */
  readonly text: string;
  /** `starts[i]`: index in `source` of the first unit of the character that produced `text[i]`. */
  readonly starts: Int32Array;
  /** `ends[i]`: index in `source` just after the character that produced `text[i]`. */
  readonly ends: Int32Array;
  /**
   * `gapBefore[i]` is 1 when white space, punctuation or a symbol was removed between
   * `text[i - 1]` and `text[i]` (never for removed emoji or zero-width characters): the
   * word boundaries that survive stripping.
   */
  readonly gapBefore: Uint8Array;
}

const STRIP_NAMES: readonly NormalizeStrip[] = ["invisible", "whitespace", "separators"];

const ALWAYS_DROP =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point (U+20E3, U+200D, U+FE0F) is a member of the class on its own
  /^[\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20e3]$/u;
const WHITE = /^[\p{White_Space}\p{Z}]$/u;
const SEPARATOR = /^[\p{White_Space}\p{Z}\p{P}\p{S}]$/u;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point (U+20E3, U+200D, U+FE0F) is a member of the class on its own
const MARK = /^[\p{M}\p{Default_Ignorable_Code_Point}\u20e3]$/u;
/** The implementation of `normalizeText`, without argument checks (hot path). */
export function normalizeAt(source: string, level: 0 | 1 | 2): NormalizedText {
  const len = source.length;
  let codes = new Uint16Array(len * 2 + 4);
  const starts = new Int32Array(len * 2 + 4);
  const ends = new Int32Array(len * 2 + 4);
  const gapBefore = new Uint8Array(len * 2 + 4);
  let n = 0;
  let gap = 0;
  let cap = starts.length;
  let st = starts;
  let en = ends;
  let gp = gapBefore;
  const grow = (): void => {
    cap *= 2;
    const c2 = new Uint16Array(cap);
    c2.set(codes);
    codes = c2;
    const s2 = new Int32Array(cap);
    s2.set(st);
    st = s2;
    const e2 = new Int32Array(cap);
    e2.set(en);
    en = e2;
    const g2 = new Uint8Array(cap);
    g2.set(gp);
    gp = g2;
  };
  const pushCode = (code: number, from: number, to: number): void => {
    if (n >= cap) grow();
    codes[n] = code;
    st[n] = from;
    en[n] = to;
    gp[n] = n > 0 ? gap : 0;
    n++;
    gap = 0;
  };
  const push = (unit: string, from: number, to: number): void => {
    const g = gap;
    for (let k = 0; k < unit.length; k++) {
      gap = k === 0 ? g : 0;
      pushCode(unit.charCodeAt(k), from, to);
    }
  };
  let i = 0;
  while (i < len) {
    const c = source.charCodeAt(i);
    const nextIsMark = i + 1 < len && mayBeMark(source.charCodeAt(i + 1)) && MARK.test(charAt(source, i + 1));
    // ASCII, and full-width ASCII (U+FF01–U+FF5E), which NFKC maps to ASCII by subtracting 0xFEE0
    const a = c < 0x80 ? c : c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : -1;
    if (a >= 0 && !nextIsMark) {
      if ((a >= 0x61 && a <= 0x7a) || (a >= 0x30 && a <= 0x39)) pushCode(a, i, i + 1);
      else if (a >= 0x41 && a <= 0x5a) pushCode(a + 32, i, i + 1);
      else if (a === 0x09 || a === 0x0a || a === 0x0d) {
        if (level >= 1) gap = 1;
        else pushCode(a, i, i + 1);
      } else if (a < 0x20 || a === 0x7f) {
        // other controls are dropped at every level
      } else if (a === 0x20) {
        if (level >= 1) gap = 1;
        else pushCode(0x20, i, i + 1);
      } else if (level >= 2) gap = 1;
      else pushCode(a, i, i + 1);
      i++;
      continue;
    }
    // common CJK and typographic punctuation that NFKC leaves alone: 、。〃 〈〉《》「」『』【】 ‘’‚‛“”„‟
    if (((c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x2018 && c <= 0x201f)) && !nextIsMark) {
      if (level >= 2) gap = 1;
      else pushCode(c, i, i + 1);
      i++;
      continue;
    }
    if (((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) && !nextIsMark) {
      pushCode(c, i, i + 1);
      i++;
      continue;
    }
    let j = i + unitLength(source, i);
    while (j < len && mayBeMark(source.charCodeAt(j)) && MARK.test(charAt(source, j))) j += unitLength(source, j);
    const piece = source.slice(i, j).normalize("NFKC").toLowerCase();
    for (const ch of piece) {
      if (ALWAYS_DROP.test(ch)) continue;
      if (level >= 1 && WHITE.test(ch)) gap = 1;
      else if (level >= 2 && SEPARATOR.test(ch)) gap = 1;
      else push(ch, i, j);
    }
    i = j;
  }
  return {
    source,
    strip: STRIP_NAMES[level] as NormalizeStrip,
    text: decode(codes, n),
    starts: st.subarray(0, n),
    ends: en.subarray(0, n),
    gapBefore: gp.subarray(0, n),
  };
}

function decode(codes: Uint16Array, n: number): string {
  let out = "";
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 4096)));
  return out;
}

/**
 * A cheap pre-filter for the MARK test: false for every UTF-16 unit that cannot start a
 * combining mark, a default-ignorable code point or a keycap (most Latin, CJK and Hangul
 * text), so that the Unicode-property regex only runs where it can match. High surrogates
 * pass (variation selectors and tags live in the supplementary planes).
 */
function mayBeMark(c: number): boolean {
  if (c < 0x300) return c === 0xad;
  if (c >= 0xd800 && c <= 0xdbff) return true;
  return inMarkRanges(c);
}

function unitLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

function charAt(s: string, i: number): string {
  return s.slice(i, i + unitLength(s, i));
}
