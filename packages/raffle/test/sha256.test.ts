import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compress, createScratch, initState, sha256Fast, sha256Words, wordsToBytes } from "../src/_lib/sha256";

describe("sha256Fast", () => {
  it("matches the FIPS 180-4 examples", () => {
    // FIPS 180-4 / NIST CSRC example values for SHA-256 ("abc", the 448-bit message, "")
    expect(bytesToHex(sha256Fast(utf8ToBytes("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(bytesToHex(sha256Fast(utf8ToBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(bytesToHex(sha256Fast(new Uint8Array(0)))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it("equals @noble/hashes sha256 on every length around the block boundaries", () => {
    for (let n = 0; n <= 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(bytesToHex(sha256Fast(data))).toBe(bytesToHex(sha256(data)));
    }
  });

  it("equals @noble/hashes sha256 on random inputs", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        (data) => bytesToHex(sha256Fast(data)) === bytesToHex(sha256(data)),
      ),
    );
  });

  it("resumes from a midstate as if the 64-byte prefix were hashed", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.uint8Array({ maxLength: 150 }),
        (prefix, rest) => {
          const scratch = createScratch();
          const mid = new Int32Array(8);
          initState(mid);
          compress(mid, scratch.w, prefix, 0);
          const out = new Uint8Array(32);
          wordsToBytes(sha256Words(scratch, rest, 0, rest.length, mid, 64), out, 0);
          const whole = new Uint8Array(64 + rest.length);
          whole.set(prefix);
          whole.set(rest, 64);
          return bytesToHex(out) === bytesToHex(sha256(whole));
        },
      ),
    );
  });
});
