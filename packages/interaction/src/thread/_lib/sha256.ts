/**
 * SHA-256 (FIPS 180-4) of UTF-8 text as lower-case hex, for ids derived from long keys
 * (thread ids, dedupe keys). It computes the function `sha256` of @noble/hashes computes
 * (test/sha256.test.ts compares the two on the FIPS 180-4 examples and on random text),
 * written out here so that `buildThreads` does not carry noble's general hasher (about
 * 1.7 kB min+gz of its 12 kB budget). Signatures and HMACs keep calling @noble/hashes
 * (`crypto.ts`).
 */

/**
 * The constants of §4.2.2 and §5.3.3, computed as the standard defines them: the first 32
 * bits of the fractional parts of the cube roots of the first 64 primes (`K`, the round
 * constants) and of the square roots of the first 8 primes (`IV`, the initial hash value).
 * A double's 53 bits hold the integer part (at most 9 bits here), the 32 bits wanted and
 * a dozen more, so the last-bit rounding of `Math.sqrt` / `Math.cbrt` cannot reach them;
 * test/sha256.test.ts compares all 72 values with the tables printed in FIPS 180-4.
 */
export const SHA256_CONSTANTS = /* @__PURE__ */ (() => {
  const k = new Int32Array(64);
  const iv = new Int32Array(8);
  const frac = (x: number): number => ((x - Math.floor(x)) * 0x100000000) | 0;
  for (let n = 2, found = 0; found < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (!prime) continue;
    if (found < 8) iv[found] = frac(Math.sqrt(n));
    k[found++] = frac(Math.cbrt(n));
  }
  return { k, iv };
})();

/** `x` rotated right by `n` bits (ROTR, §3.2). */
const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 of the UTF-8 encoding of `text`, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  const { k, iv } = SHA256_CONSTANTS;
  const data = new TextEncoder().encode(text);
  // padding (§5.1.1): 0x80, zeros, then the length in bits as a 64-bit big-endian integer
  const m = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  m.set(data);
  m[data.length] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(m.length - 8, data.length / 0x20000000);
  view.setUint32(m.length - 4, data.length * 8);
  // Int32Array stores wrap to 32 bits, as the standard's additions modulo 2³² do
  const h = iv.slice();
  const w = new Int32Array(64);
  const v = new Int32Array(8);
  for (let offset = 0; offset < m.length; offset += 64) {
    // message schedule (§6.2.2 step 1)
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(offset + 4 * i);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      w[i] = (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10)) + w[i - 7]! + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 16]!;
    }
    // compression (steps 2–4): v holds the working variables a…h
    v.set(h);
    for (let i = 0; i < 64; i++) {
      const a = v[0]!;
      const b = v[1]!;
      const c = v[2]!;
      const e = v[4]!;
      const f = v[5]!;
      const g = v[6]!;
      const t1 = v[7]! + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i]! + w[i]!;
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      v.copyWithin(1, 0, 7); // h = g, g = f, f = e, e = d, d = c, c = b, b = a
      v[4]! += t1; // e = d + T1
      v[0] = t1 + t2; // a = T1 + T2
    }
    for (let i = 0; i < 8; i++) h[i]! += v[i]!;
  }
  let hex = "";
  for (const word of h) hex += (word >>> 0).toString(16).padStart(8, "0");
  return hex;
}
