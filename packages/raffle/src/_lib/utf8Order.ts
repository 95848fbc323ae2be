/**
 * Compares two strings in the order of their UTF-8 bytes, which is Unicode code point
 * order. JavaScript's `<` compares UTF-16 code units, which differs only when a
 * surrogate (U+D800–U+DFFF, half of a character above U+FFFF) meets a unit in
 * U+E000–U+FFFF; the fix-up below moves surrogates above that range (the method of
 * ICU's `u_strCompare(…, codePointOrder=true)`).
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
