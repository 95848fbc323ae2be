/**
 * A SHA-256 (FIPS 180-4) for the raffle's hot loops: Merkle leaves and nodes and entrant
 * scores, millions per draw. It computes exactly the function `sha256` of @noble/hashes
 * computes (the tests compare the two on random inputs and on the FIPS 180-4 examples), but
 * writes into caller-owned buffers and can resume from a precomputed state, so that a
 * draw spends about one compression per entrant score instead of two plus allocations.
 * Everything else in the package (specHash, seed, beacon, HMAC) calls @noble/hashes.
 */

const K = /* @__PURE__ */ new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

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

/** One-shot convenience: the 32-byte digest of `data` (for tests and cold paths). */
export function sha256Fast(data: Uint8Array): Uint8Array {
  const scratch = createScratch();
  const out = new Uint8Array(32);
  wordsToBytes(sha256Words(scratch, data, 0, data.length), out, 0);
  return out;
}
