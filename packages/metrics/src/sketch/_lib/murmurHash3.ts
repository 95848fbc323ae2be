// MurmurHash3_x64_128 in 32-bit halves (JavaScript has no 64-bit integer multiply outside BigInt,
// which is ~50× slower). Reference: Austin Appleby, SMHasher, MurmurHash3.cpp
// (https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp, public domain), the
// function DataSketches uses with seed 9001 (datasketches-cpp common/include/MurmurHash3.h,
// datasketches-java hash/MurmurHash3.java). Every 64-bit word is a (hi, lo) pair of uint32.

/** High 32 bits of the 64-bit product of two uint32 (schoolbook on 16-bit limbs; every partial sum < 2^53). */
function mulHi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const t = a0 * b0;
  const w = a1 * b0 + (t >>> 16); // < 2^32
  const w1 = (w & 0xffff) + a0 * b1; // < 2^32
  return (a1 * b1 + (w >>> 16) + (w1 >>> 16)) >>> 0;
}

/** High word of (ah:al) × (bh:bl) mod 2^64; the low word is Math.imul(al, bl) >>> 0. */
function mul64Hi(ah: number, al: number, bh: number, bl: number): number {
  return (mulHi32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/**
 * Writes MurmurHash3_x64_128(bytes[0, length), seed) into `out` (when given) as [h1 lo, h1 hi,
 * h2 lo, h2 hi] (uint32 each) and returns its DataSketches HLL coupon. `seed` is a uint32
 * (DataSketches: 9001), used as the 64-bit seed with a zero high word.
 */
export function murmurHash3x64(bytes: Uint8Array, length: number, seed: number, out: Uint32Array | null): number {
  let h1h = 0;
  let h1l = seed >>> 0;
  let h2h = 0;
  let h2l = seed >>> 0;
  const blocks = length >>> 4;
  let k1h: number;
  let k1l: number;
  let k2h: number;
  let k2l: number;
  let th: number;
  let tl: number;
  for (let i = 0; i < blocks; i++) {
    const p = i << 4;
    k1l =
      (bytes[p] as number) |
      ((bytes[p + 1] as number) << 8) |
      ((bytes[p + 2] as number) << 16) |
      ((bytes[p + 3] as number) << 24);
    k1h =
      (bytes[p + 4] as number) |
      ((bytes[p + 5] as number) << 8) |
      ((bytes[p + 6] as number) << 16) |
      ((bytes[p + 7] as number) << 24);
    k2l =
      (bytes[p + 8] as number) |
      ((bytes[p + 9] as number) << 8) |
      ((bytes[p + 10] as number) << 16) |
      ((bytes[p + 11] as number) << 24);
    k2h =
      (bytes[p + 12] as number) |
      ((bytes[p + 13] as number) << 8) |
      ((bytes[p + 14] as number) << 16) |
      ((bytes[p + 15] as number) << 24);
    // k1 *= c1; k1 = rotl(k1, 31); k1 *= c2; h1 ^= k1
    th = mul64Hi(k1h, k1l, 0x87c37b91, 0x114253d5);
    tl = Math.imul(k1l, 0x114253d5);
    k1h = (th << 31) | (tl >>> 1);
    k1l = (tl << 31) | (th >>> 1);
    th = mul64Hi(k1h, k1l, 0x4cf5ad43, 0x2745937f);
    tl = Math.imul(k1l, 0x2745937f);
    h1h ^= th;
    h1l ^= tl;
    // h1 = rotl(h1, 27); h1 += h2; h1 = h1 * 5 + 0x52dce729
    th = (h1h << 27) | (h1l >>> 5);
    tl = (h1l << 27) | (h1h >>> 5);
    h1l = (tl >>> 0) + (h2l >>> 0);
    h1h = (th + h2h + (h1l > 0xffffffff ? 1 : 0)) | 0;
    h1l >>>= 0;
    tl = h1l * 5 + 0x52dce729;
    h1h = (Math.imul(h1h, 5) + Math.floor(tl / 4294967296)) | 0;
    h1l = tl >>> 0;
    // k2 *= c2; k2 = rotl(k2, 33); k2 *= c1; h2 ^= k2
    th = mul64Hi(k2h, k2l, 0x4cf5ad43, 0x2745937f);
    tl = Math.imul(k2l, 0x2745937f);
    k2h = (tl << 1) | (th >>> 31);
    k2l = (th << 1) | (tl >>> 31);
    th = mul64Hi(k2h, k2l, 0x87c37b91, 0x114253d5);
    tl = Math.imul(k2l, 0x114253d5);
    h2h ^= th;
    h2l ^= tl;
    // h2 = rotl(h2, 31); h2 += h1; h2 = h2 * 5 + 0x38495ab5
    th = (h2h << 31) | (h2l >>> 1);
    tl = (h2l << 31) | (h2h >>> 1);
    h2l = (tl >>> 0) + h1l;
    h2h = (th + h1h + (h2l > 0xffffffff ? 1 : 0)) | 0;
    h2l >>>= 0;
    tl = h2l * 5 + 0x38495ab5;
    h2h = (Math.imul(h2h, 5) + Math.floor(tl / 4294967296)) | 0;
    h2l = tl >>> 0;
  }
  const rest = length & 15;
  if (rest > 0) {
    const p = blocks << 4;
    if (rest > 8) {
      k2l = 0;
      k2h = 0;
      for (let j = rest - 1; j >= 8; j--) {
        const b = bytes[p + j] as number;
        if (j >= 12) k2h |= b << ((j - 12) * 8);
        else k2l |= b << ((j - 8) * 8);
      }
      th = mul64Hi(k2h, k2l, 0x4cf5ad43, 0x2745937f);
      tl = Math.imul(k2l, 0x2745937f);
      k2h = (tl << 1) | (th >>> 31);
      k2l = (th << 1) | (tl >>> 31);
      th = mul64Hi(k2h, k2l, 0x87c37b91, 0x114253d5);
      tl = Math.imul(k2l, 0x114253d5);
      h2h ^= th;
      h2l ^= tl;
    }
    k1l = 0;
    k1h = 0;
    for (let j = Math.min(rest, 8) - 1; j >= 0; j--) {
      const b = bytes[p + j] as number;
      if (j >= 4) k1h |= b << ((j - 4) * 8);
      else k1l |= b << (j * 8);
    }
    th = mul64Hi(k1h, k1l, 0x87c37b91, 0x114253d5);
    tl = Math.imul(k1l, 0x114253d5);
    k1h = (th << 31) | (tl >>> 1);
    k1l = (tl << 31) | (th >>> 1);
    th = mul64Hi(k1h, k1l, 0x4cf5ad43, 0x2745937f);
    tl = Math.imul(k1l, 0x2745937f);
    h1h ^= th;
    h1l ^= tl;
  }
  return finish(h1h, h1l ^ length, h2h, h2l ^ length, out);
}

/**
 * The finalisation (the length, < 2^32, already xored into the low words). Writes the hash into
 * `out` when given, and returns DataSketches' HLL coupon of it either way:
 * `(min(clz64(h2), 62) + 1) << 26 | (h1 & 0x3FFFFFF)` (HllUtil::coupon).
 */
function finish(h1h: number, h1l: number, h2h: number, h2l: number, out: Uint32Array | null): number {
  // h1 += h2; h2 += h1
  let s = (h1l >>> 0) + (h2l >>> 0);
  h1h = (h1h + h2h + (s > 0xffffffff ? 1 : 0)) | 0;
  h1l = s >>> 0;
  s = (h2l >>> 0) + h1l;
  h2h = (h2h + h1h + (s > 0xffffffff ? 1 : 0)) | 0;
  h2l = s >>> 0;
  // fmix64 both
  let th: number;
  let tl: number;
  h1l ^= h1h >>> 1;
  th = mul64Hi(h1h, h1l, 0xff51afd7, 0xed558ccd);
  tl = Math.imul(h1l, 0xed558ccd);
  tl ^= th >>> 1;
  h1h = mul64Hi(th, tl, 0xc4ceb9fe, 0x1a85ec53);
  h1l = Math.imul(tl, 0x1a85ec53);
  h1l ^= h1h >>> 1;
  h2l ^= h2h >>> 1;
  th = mul64Hi(h2h, h2l, 0xff51afd7, 0xed558ccd);
  tl = Math.imul(h2l, 0xed558ccd);
  tl ^= th >>> 1;
  h2h = mul64Hi(th, tl, 0xc4ceb9fe, 0x1a85ec53);
  h2l = Math.imul(tl, 0x1a85ec53);
  h2l ^= h2h >>> 1;
  // h1 += h2; h2 += h1
  s = (h1l >>> 0) + (h2l >>> 0);
  h1h = (h1h + h2h + (s > 0xffffffff ? 1 : 0)) | 0;
  h1l = s >>> 0;
  s = (h2l >>> 0) + h1l;
  h2h = (h2h + h1h + (s > 0xffffffff ? 1 : 0)) | 0;
  h2l = s >>> 0;
  if (out !== null) {
    out[0] = h1l;
    out[1] = h1h;
    out[2] = h2l;
    out[3] = h2h;
  }
  const lz = h2h !== 0 ? Math.clz32(h2h) : 32 + Math.clz32(h2l);
  return ((Math.min(lz, 62) + 1) * 67108864 + (h1l & 0x3ffffff)) >>> 0;
}

/**
 * MurmurHash3_x64_128 of one 8-byte little-endian word (lo, hi) — DataSketches' `update(int64_t)` —
 * written into `out` like {@link murmurHash3x64} (when given), returning the HLL coupon. A
 * specialisation of the tail-only case (length 8).
 */
export function murmurHash3x64Long(lo: number, hi: number, seed: number, out: Uint32Array | null): number {
  let th = mul64Hi(hi, lo, 0x87c37b91, 0x114253d5);
  let tl = Math.imul(lo, 0x114253d5);
  const kh = (th << 31) | (tl >>> 1);
  const kl = (tl << 31) | (th >>> 1);
  th = mul64Hi(kh, kl, 0x4cf5ad43, 0x2745937f);
  tl = Math.imul(kl, 0x2745937f);
  return finish(th, (tl ^ seed ^ 8) >>> 0, 0, ((seed >>> 0) ^ 8) >>> 0, out);
}
