import { bls12_381 } from "@noble/curves/bls12-381.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { err, failure, ok, parseOrThrow, type Failure, type Result } from "@ops/core";
import { z } from "zod";
import { u64be } from "../_lib/bytes";
import { DrandChainSchema, type DrandChain } from "./quicknet";

/** Hash-to-curve domain separation tag of quicknet (RFC 9380 suite on G1). */
export const QUICKNET_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

/**
 * Schema of a drand beacon as the HTTP API returns it (`/<chain hash>/public/<round>`):
 * `round`, `signature` (hex), `randomness` (hex, optional: it is derived). A
 * `previous_signature` (chained schemes) is refused; `chainHash`, when given, must name the
 * expected chain.
 *
 * @example
 * ```ts
 * import { DrandBeaconSchema } from "@ops/raffle";
 * DrandBeaconSchema.safeParse({ round: 0, signature: "00" }).success;
 * // => false
 * ```
 */
export const DrandBeaconSchema = z.strictObject({
  round: z
    .number()
    .int({ error: "must be a whole round number" })
    .min(1, { error: "must be ≥ 1" })
    .max(Number.MAX_SAFE_INTEGER),
  signature: z.string().regex(/^[0-9a-fA-F]+$/, { error: "must be hex" }),
  randomness: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: "must be 32 bytes as 64 hex digits" })
    .optional(),
  chainHash: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: "must be 32 bytes as 64 hex digits" })
    .optional(),
});

/** A drand beacon as published; see {@link DrandBeaconSchema}. */
export type DrandBeacon = z.input<typeof DrandBeaconSchema>;

/** A beacon whose signature checked out. */
export interface VerifiedBeacon {
  readonly round: number;
  /** Lower-case hex of the 48-byte G1 signature. */
  readonly signature: string;
  /** SHA-256(signature), lower-case hex. */
  readonly randomness: string;
}

/** Why a beacon was refused. */
export type BeaconFailureCode = "wrong_chain" | "malformed_signature" | "bad_signature" | "bad_randomness";

/**
 * Verifies a drand quicknet beacon offline: the signature must be a valid BLS signature
 * by the chain's group key on `SHA-256(u64be(round))` (scheme bls-unchained-g1-rfc9380:
 * signature on G1, public key on G2, hash-to-curve with DST
 * `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`), and `randomness` must equal
 * SHA-256(signature). Uses @noble/curves' BLS12-381 (`shortSignatures`).
 *
 * Source: drand specification, https://docs.drand.love/docs/specification/ ;
 * RFC 9380 (hash to curve); draft-irtf-cfrg-bls-signature-05.
 *
 * @param beacon - the beacon JSON (see {@link DrandBeaconSchema})
 * @param chain - the chain's parameters (default {@link QUICKNET})
 * @returns `ok(VerifiedBeacon)`, or `err` with code `wrong_chain`, `malformed_signature`,
 *   `bad_signature` or `bad_randomness`
 * @throws {OpsError} `invalid_argument` when the beacon or chain breaks its schema
 *
 * @example
 * ```ts
 * import { verifyBeacon, QUICKNET } from "@ops/raffle";
 * const beacon = {
 *   round: 1000,
 *   signature: "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39",
 *   randomness: "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd",
 * };
 * verifyBeacon(beacon, QUICKNET).ok;
 * // => true
 * verifyBeacon({ ...beacon, round: 1001 }, QUICKNET).ok;
 * // => false
 * ```
 */
export function verifyBeacon(
  beacon: DrandBeacon,
  chain: DrandChain,
): Result<VerifiedBeacon, Failure<BeaconFailureCode>> {
  const b = parseOrThrow(DrandBeaconSchema, beacon, { fn: "verifyBeacon", path: ["beacon"] });
  const c = parseOrThrow(DrandChainSchema, chain, { fn: "verifyBeacon", path: ["chain"] });
  if (b.chainHash !== undefined && b.chainHash.toLowerCase() !== c.hash) {
    return err(
      failure("wrong_chain", `beacon is from chain ${b.chainHash.toLowerCase()}, expected ${c.hash}`, [
        "beacon",
        "chainHash",
      ]),
    );
  }
  if (b.signature.length !== 96) {
    return err(
      failure(
        "malformed_signature",
        `signature must be a 48-byte compressed G1 point (96 hex digits), got ${b.signature.length / 2} bytes — a beacon of another scheme or chain`,
        ["beacon", "signature"],
      ),
    );
  }
  const signature = hexToBytes(b.signature.toLowerCase());
  const shortSigs = bls12_381.shortSignatures;
  let valid: boolean;
  try {
    const message = shortSigs.hash(sha256(u64be(b.round)), QUICKNET_DST);
    valid = shortSigs.verify(signature, message, hexToBytes(c.publicKey));
  } catch {
    return err(failure("malformed_signature", "signature is not a valid compressed G1 point", ["beacon", "signature"]));
  }
  if (!valid)
    return err(
      failure("bad_signature", `signature does not verify for round ${b.round} under chain ${c.hash}`, [
        "beacon",
        "signature",
      ]),
    );
  const randomness = bytesToHex(sha256(signature));
  if (b.randomness !== undefined && b.randomness.toLowerCase() !== randomness) {
    return err(failure("bad_randomness", "randomness must equal SHA-256(signature)", ["beacon", "randomness"]));
  }
  return ok({ round: b.round, signature: b.signature.toLowerCase(), randomness });
}
