/**
 * A SHA-256 (FIPS 180-4) for the raffle's hot loops: Merkle leaves and nodes and entrant
 * scores, millions per draw. It computes exactly the function `sha256` of @noble/hashes
 * computes (the tests compare the two on random inputs and on the FIPS 180-4 examples), but
 * writes into caller-owned buffers and can resume from a precomputed state, so that a
 * draw spends about one compression per entrant score instead of two plus allocations.
 * The rest of a draw's path (specHash, seed, commitment, pseudonyms' HMAC) uses it too
 * ({@link sha256Fast}, {@link hmacSha256}), so that building a certificate bundles no
 * hashing library. The reference forms — entrantScore, which verifyDraw compares with the
 * scores of the fast path, tie-breaks, the fairness harness — and the beacon check call
 * @noble/hashes.
 */

/**
 * The 64 round constants: the first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes (FIPS 180-4 §4.2.2), computed rather than listed, which keeps 0.5 kB out of
 * every draw's bundle. A double's cube root is exact to about 2⁻⁵⁰ there, and the nearest of
 * these fractions to a 32-bit boundary is 2⁻³⁷ away, so the truncation is exact (the tests
 * compare the constants with the table of FIPS 180-4 and the hash with @noble/hashes).
 */
export const K = /* @__PURE__ */ roundConstants();

function roundConstants(): Int32Array {
  const k = new Int32Array(64);
  for (let n = 2, i = 0; i < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) {
      const root = Math.cbrt(n);
      k[i++] = ((root - Math.floor(root)) * 2 ** 32) | 0;
    }
  }
  return k;
}

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19] as const;

/** Reusable working memory of one hasher (message schedule and a padding block). */
export interface Sha256Scratch {
  readonly w: Int32Array;
  readonly block: Uint8Array;
  readonly state: Int32Array;
}

/** Allocates the working memory of {@link sha256Into}. */
export function createScratch(): Sha256Scratch {
  return { w: new Int32Array(64), block: new Uint8Array(128), state: new Int32Array(8) };
}

/** Writes the SHA-256 initial hash value into `state`. */
export function initState(state: Int32Array): void {
  for (let i = 0; i < 8; i++) state[i] = IV[i] as number;
}

/** One SHA-256 compression of the 64 bytes at `data[offset…]` into `state`. */
export function compress(state: Int32Array, w: Int32Array, data: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const o = offset + 4 * i;
    w[i] =
      ((data[o] as number) << 24) |
      ((data[o + 1] as number) << 16) |
      ((data[o + 2] as number) << 8) |
      (data[o + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = (s1 + (w[i - 7] as number) + s0 + (w[i - 16] as number)) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

/**
 * Hashes `data[offset … offset+length)` and leaves the digest as eight big-endian words in
 * `scratch.state`. With `midstate`, hashing resumes after a prefix of `prefixLength` bytes
 * (a multiple of 64) whose compression left `midstate`.
 */
export function sha256Words(
  scratch: Sha256Scratch,
  data: Uint8Array,
  offset: number,
  length: number,
  midstate?: Int32Array,
  prefixLength = 0,
): Int32Array {
  const { state, w, block } = scratch;
  if (midstate) state.set(midstate);
  else initState(state);
  let pos = offset;
  const end = offset + length;
  while (end - pos >= 64) {
    compress(state, w, data, pos);
    pos += 64;
  }
  const rest = end - pos;
  block.fill(0);
  for (let i = 0; i < rest; i++) block[i] = data[pos + i] as number;
  block[rest] = 0x80;
  const blocks = rest + 9 > 64 ? 2 : 1;
  const bits = (prefixLength + length) * 8;
  const last = blocks * 64;
  // Length in bits as a 64-bit big-endian integer (inputs stay far below 2^53 bits).
  const hi = Math.floor(bits / 0x100000000);
  block[last - 8] = hi >>> 24;
  block[last - 7] = hi >>> 16;
  block[last - 6] = hi >>> 8;
  block[last - 5] = hi;
  block[last - 4] = bits >>> 24;
  block[last - 3] = bits >>> 16;
  block[last - 2] = bits >>> 8;
  block[last - 1] = bits;
  compress(state, w, block, 0);
  if (blocks === 2) compress(state, w, block, 64);
  return state;
}

/** Writes eight state words as 32 big-endian bytes at `out[offset…]`. */
export function wordsToBytes(words: Int32Array, out: Uint8Array, offset: number): void {
  for (let i = 0; i < 8; i++) {
    const v = words[i] as number;
    const o = offset + 4 * i;
    out[o] = v >>> 24;
    out[o + 1] = v >>> 16;
    out[o + 2] = v >>> 8;
    out[o + 3] = v;
  }
}

/** One-shot SHA-256: the 32-byte digest of `data` (cold paths: specHash, seed, commitment). */
export function sha256Fast(data: Uint8Array): Uint8Array {
  const scratch = createScratch();
  const out = new Uint8Array(32);
  wordsToBytes(sha256Words(scratch, data, 0, data.length), out, 0);
  return out;
}

/**
 * HMAC-SHA256 (RFC 2104, block size 64): `SHA-256((K ⊕ opad) ‖ SHA-256((K ⊕ ipad) ‖ message))`,
 * with K the key zero-padded to 64 bytes, or its SHA-256 when longer. Checked against
 * @noble/hashes' `hmac` and the RFC 4231 test cases.
 */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k = new Uint8Array(64);
  k.set(key.length > 64 ? sha256Fast(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = (k[i] as number) ^ 0x36;
    outer[i] = (k[i] as number) ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256Fast(inner), 64);
  return sha256Fast(outer);
}
