// FNV-1a 64-bit (Fowler–Noll–Vo, draft-eastlake-fnv-21 §2) of the UTF-8 bytes of a text, as
// 16 lower-case hex digits: a short, stable digest for ids derived from row content. Not a
// cryptographic hash. The 64-bit product is done in four 16-bit limbs with exact arithmetic.
// test/fnv1a64.test.ts checks the draft's test vectors.

/** FNV-1a 64 of the UTF-8 encoding of `text`. */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // offset basis 0xcbf29ce484222325 as four 16-bit limbs, low first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const b of bytes) {
    h0 ^= b;
    // × prime 0x00000100000001b3 = 2^40 + 0x1b3: limb products below 2^53, carries propagated
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    const c0 = t0;
    const c1 = t1 + Math.floor(c0 / 0x10000);
    const c2 = t2 + Math.floor(c1 / 0x10000);
    const c3 = t3 + Math.floor(c2 / 0x10000);
    h0 = c0 & 0xffff;
    h1 = c1 & 0xffff;
    h2 = c2 & 0xffff;
    h3 = c3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((x) => x.toString(16).padStart(4, "0")).join("");
}
