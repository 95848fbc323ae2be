import { bls12_381 } from "@noble/curves/bls12-381.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { commitSeed, drandRoundAt, QUICKNET, QUICKNET_DST, verifyBeacon } from "@ops/raffle";
import { mainnet, quicknet, round } from "./helpers";

const codes = (r: ReturnType<typeof verifyBeacon>): string[] => (r.ok ? [] : r.error.map((f) => f.code));

describe("verifyBeacon", () => {
  it("accepts the four real quicknet rounds of the fixture", () => {
    // drand quicknet /public/{123,1000,4810223,5928395}, checked when the fixture was made
    expect(quicknet.chain.hash).toBe(QUICKNET.hash);
    expect(quicknet.chain.public_key).toBe(QUICKNET.publicKey);
    for (const r of quicknet.rounds) {
      const result = verifyBeacon(r, QUICKNET);
      expect(result).toEqual({ ok: true, value: { chainHash: QUICKNET.hash, ...r } });
    }
  });

  it("derives randomness when the beacon omits it", () => {
    const { round: n, signature } = round(123);
    expect(verifyBeacon({ round: n, signature }, QUICKNET)).toEqual({
      ok: true,
      value: { chainHash: QUICKNET.hash, ...round(123) },
    });
  });

  it("returns a frozen beacon whose brand a copy does not carry", () => {
    const result = verifyBeacon(round(1000), QUICKNET);
    if (!result.ok) throw new Error("round 1000 must verify");
    expect(Object.isFrozen(result.value)).toBe(true);
    expect(Object.keys(result.value)).toEqual(["chainHash", "round", "signature", "randomness"]);
    expect(Object.getOwnPropertySymbols(result.value)).toHaveLength(1);
    expect(Object.getOwnPropertySymbols({ ...result.value })).toHaveLength(0);
    expect(Object.getOwnPropertySymbols(JSON.parse(JSON.stringify(result.value)))).toHaveLength(0);
  });

  it("reports every failure it finds, not only the first", () => {
    const result = verifyBeacon(
      { ...round(1000), round: 123, randomness: round(123).randomness, chainHash: mainnet.chain.hash },
      QUICKNET,
    );
    expect(codes(result)).toEqual(["wrong_chain", "bad_signature", "bad_randomness"]);
    expect(result.ok === false && result.error.map((f) => f.path)).toEqual([
      ["beacon", "chainHash"],
      ["beacon", "signature"],
      ["beacon", "randomness"],
    ]);
  });

  it("rejects a signature moved to another round", () => {
    const r = round(1000);
    const result = verifyBeacon({ ...r, round: 123 }, QUICKNET);
    expect(codes(result)).toEqual(["bad_signature"]);
  });

  it("rejects a forged signature (a valid G1 point signed by nobody)", () => {
    // Another round's signature is a valid point; so is the G1 generator.
    const forged = bytesToHex(bls12_381.G1.Point.BASE.toBytes(true));
    const result = verifyBeacon({ round: 1000, signature: forged }, QUICKNET);
    expect(codes(result)).toEqual(["bad_signature"]);
  });

  it("rejects bytes that are not a curve point", () => {
    const bad = `${"ff".repeat(48)}`;
    const result = verifyBeacon({ round: 1000, signature: bad }, QUICKNET);
    expect(codes(result)).toEqual(["malformed_signature"]);
    expect(codes(verifyBeacon({ round: 1000, signature: "abc" }, QUICKNET))).toEqual(["malformed_signature"]);
  });

  it("rejects a beacon from another chain: other key, same scheme", () => {
    const other = bls12_381.shortSignatures;
    const { secretKey, publicKey } = other.keygen(new Uint8Array(48).fill(9));
    const msg = new Uint8Array(8);
    new DataView(msg.buffer).setBigUint64(0, 1000n);
    const sig = other.sign(other.hash(sha256(msg), QUICKNET_DST), secretKey);
    const signature = bytesToHex(sig.toBytes(true));
    const otherChain = { ...QUICKNET, hash: "11".repeat(32), publicKey: bytesToHex(publicKey.toBytes(true)) };
    expect(verifyBeacon({ round: 1000, signature }, otherChain).ok).toBe(true); // genuine on its own chain
    const result = verifyBeacon({ round: 1000, signature }, QUICKNET);
    expect(codes(result)).toEqual(["bad_signature"]);
  });

  it("rejects real rounds of the drand default mainnet chain, which verify under their own chain", () => {
    // An independent check of the fixture on its own chain (pedersen-bls-chained): message =
    // SHA-256(previous_signature ‖ u64be(round)), signature on G2, key on G1 (@noble/curves).
    const long = bls12_381.longSignatures;
    const g2Dst = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
    const u64 = (n: number): Uint8Array => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setBigUint64(0, BigInt(n));
      return b;
    };
    const ownChainValid = (r: (typeof mainnet.rounds)[number], asRound = r.round): boolean =>
      long.verify(
        hexToBytes(r.signature),
        long.hash(sha256(concatBytes(hexToBytes(r.previous_signature), u64(asRound))), g2Dst),
        hexToBytes(mainnet.chain.public_key),
      );
    expect(mainnet.chain.hash).not.toBe(QUICKNET.hash);
    for (const r of mainnet.rounds) {
      expect(ownChainValid(r)).toBe(true);
      expect(ownChainValid(r, r.round + 1)).toBe(false); // the check can fail
      expect(bytesToHex(sha256(hexToBytes(r.signature)))).toBe(r.randomness);
      // As a quicknet beacon: the 96-byte G2 signature is not a quicknet signature at all …
      const bare = verifyBeacon({ round: r.round, signature: r.signature, randomness: r.randomness }, QUICKNET);
      expect(codes(bare)).toEqual(["malformed_signature"]);
      // … the JSON as published (with previous_signature) breaks the quicknet beacon schema …
      expect(() => verifyBeacon(r as never, QUICKNET)).toThrowOpsError("invalid_argument", {
        fn: "verifyBeacon",
        path: ["beacon"],
        message: /must not have the key.*"previous_signature"/,
      });
      // … and a beacon that names its chain is refused for that too.
      const named = verifyBeacon({ round: r.round, signature: r.signature, chainHash: mainnet.chain.hash }, QUICKNET);
      expect(codes(named)).toEqual(["wrong_chain", "malformed_signature"]);
    }
  });

  it("rejects a beacon of a chained (G2-signature) chain and a beacon naming another chain hash", () => {
    const g2 = bytesToHex(bls12_381.G2.Point.BASE.toBytes(true));
    const result = verifyBeacon({ round: 1000, signature: g2 }, QUICKNET);
    expect(codes(result)).toEqual(["malformed_signature"]);
    const named = verifyBeacon(
      { ...round(1000), chainHash: "8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce" },
      QUICKNET,
    );
    expect(codes(named)).toEqual(["wrong_chain"]);
  });

  it("rejects randomness that is not SHA-256(signature)", () => {
    const result = verifyBeacon({ ...round(1000), randomness: round(123).randomness }, QUICKNET);
    expect(codes(result)).toEqual(["bad_randomness"]);
  });

  it("throws for malformed input", () => {
    expect(() => verifyBeacon({ round: 0, signature: "00" }, QUICKNET)).toThrowOpsError("invalid_argument", {
      message: /verifyBeacon: beacon\.round must be ≥ 1/,
    });
    expect(() => verifyBeacon({ round: 1.5, signature: "00" }, QUICKNET)).toThrowOpsError("invalid_argument", {
      fn: "verifyBeacon",
      path: ["beacon", "round"],
      message: /must be a whole round number/,
    });
    expect(() => verifyBeacon({ round: 2 ** 53, signature: "00" }, QUICKNET)).toThrowOpsError("invalid_argument", {
      path: ["beacon", "round"],
    });
    expect(() => verifyBeacon({ ...round(1000), previous_signature: "00" } as never, QUICKNET)).toThrowOpsError(
      "invalid_argument",
      { message: /beacon/ },
    );
    expect(() => verifyBeacon(round(1000), { ...QUICKNET, scheme: "pedersen-bls-chained" } as never)).toThrowOpsError(
      "invalid_argument",
      { path: ["chain", "scheme"], message: /must be bls-unchained-g1-rfc9380/ },
    );
  });
});

describe("drandRoundAt", () => {
  it("follows round_time = genesis + (round − 1) × period", () => {
    // drand spec: round r is published at genesis_time + (r − 1)·period; quicknet genesis 1692803367, period 3
    const at = (r: number): number => (1692803367 + (r - 1) * 3) * 1000;
    for (const r of [1, 2, 123, 1000, 4810223, 5928395]) {
      expect(drandRoundAt(QUICKNET, at(r))).toBe(r);
      expect(drandRoundAt(QUICKNET, at(r) - 1)).toBe(Math.max(1, r));
      expect(drandRoundAt(QUICKNET, at(r) + 1)).toBe(r + 1);
    }
  });

  it("gives round 1 before genesis", () => {
    expect(drandRoundAt(QUICKNET, 0)).toBe(1);
  });

  it("refuses a non-integer instant", () => {
    expect(() => drandRoundAt(QUICKNET, 1.5)).toThrowOpsError("invalid_argument", {
      message: /drandRoundAt: instant/,
    });
  });
});

describe("commitSeed", () => {
  it("is SHA-256 of the 32-byte tag and the secret", () => {
    const tag = new Uint8Array(32);
    tag.set(new TextEncoder().encode("ops-raffle/v1/commit"));
    const secret = new Uint8Array(32).fill(7);
    expect(commitSeed("07".repeat(32))).toBe(bytesToHex(sha256(new Uint8Array([...tag, ...secret]))));
    expect(() => commitSeed("07")).toThrowOpsError("invalid_argument", {
      message: /commitSeed: secret must be 32 bytes/,
    });
  });
});
