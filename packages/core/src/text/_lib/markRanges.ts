/**
 * Inclusive ranges [lo, hi, lo, hi, …] of BMP code points ≥ U+0300 that hold every
 * combining mark (\\p{M}), default-ignorable code point and U+20E3 this runtime knows
 * (Node v20.20.2, with the regex of _lib/normalize.ts; a test checks it against the runtime).
 * A pre-filter only: the regex decides for every code point inside the ranges, so one held
 * needlessly costs a regex test, never a different result.
 *
 * Ranges closer than 64 code points are merged, except in the Arabic (U+0600–U+06FF) and
 * General Punctuation (U+2000–U+20FF) blocks: that keeps the table small (it is bundled
 * with every keyword function) while Latin, Greek, Cyrillic, Arabic, CJK, kana, Hangul,
 * full-width forms and quotation marks stay outside it; the letters swept in belong to the
 * scripts whose text is dense with marks anyway (Hebrew points, Syriac to Sinhala, Thai,
 * Lao, Tibetan, Myanmar, Khmer…).
 */
export const MARK_RANGES: readonly number[] = /* @__PURE__ */ (() =>
  Object.freeze([
    0x300, 0x36f, 0x483, 0x489, 0x591, 0x5c7, 0x610, 0x61a, 0x61c, 0x61c, 0x64b, 0x65f, 0x670, 0x670, 0x6d6, 0x6dc,
    0x6df, 0x6e4, 0x6e7, 0x6e8, 0x6ea, 0x74a, 0x7a6, 0xd83, 0xdca, 0xe4e, 0xeb1, 0xece, 0xf18, 0xfc6, 0x102b, 0x109d,
    0x115f, 0x1160, 0x135d, 0x135f, 0x1712, 0x1773, 0x17b4, 0x180f, 0x1885, 0x18a9, 0x1920, 0x193b, 0x1a17, 0x1c37,
    0x1cd0, 0x1cf9, 0x1dc0, 0x1dff, 0x200b, 0x200f, 0x202a, 0x202e, 0x2060, 0x206f, 0x20d0, 0x20f0, 0x2cef, 0x2cf1,
    0x2d7f, 0x2d7f, 0x2de0, 0x2dff, 0x302a, 0x302f, 0x3099, 0x309a, 0x3164, 0x3164, 0xa66f, 0xa69f, 0xa6f0, 0xa6f1,
    0xa802, 0xa82c, 0xa880, 0xa9e5, 0xaa29, 0xaaf6, 0xabe3, 0xabed, 0xfb1e, 0xfb1e, 0xfe00, 0xfe2f, 0xfeff, 0xfeff,
    0xffa0, 0xffa0, 0xfff0, 0xfff8,
  ]))();

/** Binary search in {@link MARK_RANGES}. */
export function inMarkRanges(c: number): boolean {
  let lo = 0;
  let hi = MARK_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < (MARK_RANGES[2 * mid] as number)) hi = mid - 1;
    else if (c > (MARK_RANGES[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}
