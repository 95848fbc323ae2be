import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as bytes from "../src/_lib/bytes";
import {
  compress,
  createScratch,
  hmacSha256,
  initState,
  K,
  sha256Fast,
  sha256Words,
  wordsToBytes,
} from "../src/_lib/sha256";

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

describe("K", () => {
  it("is the table of FIPS 180-4 §4.2.2", () => {
    // FIPS 180-4 §4.2.2, the 64 constant words of SHA-224 and SHA-256, as printed
    const table = `428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5
      d807aa98 12835b01 243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174
      e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da
      983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967
      27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85
      a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070
      19a4c116 1e376c08 2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3
      748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2`;
    expect([...K].map((k) => (k >>> 0).toString(16).padStart(8, "0"))).toEqual(table.split(/\s+/));
  });
});

describe("hmacSha256", () => {
  it("matches the RFC 4231 test cases 1, 2, 4, 6 and 7", () => {
    // RFC 4231 §4.2–4.8, HMAC-SHA-256 outputs (case 5 is a truncated output, case 3 needs 0xdd data)
    const cases: [Uint8Array, Uint8Array, string][] = [
      [
        new Uint8Array(20).fill(0x0b),
        utf8ToBytes("Hi There"),
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
      ],
      [
        utf8ToBytes("Jefe"),
        utf8ToBytes("what do ya want for nothing?"),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
      ],
      [
        hexToBytes("0102030405060708090a0b0c0d0e0f10111213141516171819"),
        new Uint8Array(50).fill(0xcd),
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
      ],
      [
        new Uint8Array(131).fill(0xaa),
        utf8ToBytes("Test Using Larger Than Block-Size Key - Hash Key First"),
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
      ],
      [
        new Uint8Array(131).fill(0xaa),
        utf8ToBytes(
          "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
        ),
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
      ],
    ];
    for (const [key, data, mac] of cases) expect(bytesToHex(hmacSha256(key, data))).toBe(mac);
  });

  it("equals @noble/hashes hmac(sha256) on random keys and messages", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 150 }),
        fc.uint8Array({ maxLength: 200 }),
        (key, data) => bytesToHex(hmacSha256(key, data)) === bytesToHex(hmac(sha256, key, data)),
      ),
    );
  });
});

describe("hex and concatenation", () => {
  it("equal @noble/hashes' helpers", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 5 }), (parts) => {
        const joined = bytes.concatBytes(...parts);
        const hex = bytes.bytesToHex(joined);
        return (
          bytesToHex(concatBytes(...parts)) === hex &&
          bytesToHex(bytes.hexToBytes(hex.toUpperCase())) === hex &&
          bytes.hexToBytes(hex).length === joined.length
        );
      }),
    );
    expect(() => bytes.hexToBytes("abc")).toThrow(TypeError);
    expect(() => bytes.hexToBytes("zz")).toThrow(TypeError);
  });
});
