import { bls12_381 } from "@noble/curves/bls12-381.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { type Failure, failure, OpsError, type Verification, verification } from "@ops/core";
import { u64be } from "../_lib/bytes";
import { type Checked, checkBeacon, checkChain } from "../_lib/checkSpec";
import { PINNED_RULE, pinnedChainProblem } from "../_lib/knownChains";
import { brandBeacon, VERIFIED_UNDER } from "../_lib/verifiedBeacon";
import type { DrandBeacon } from "./DrandBeaconSchema";
import type { DrandChain } from "./quicknet";

/** Hash-to-curve domain separation tag of quicknet (RFC 9380 suite on G1). */
export const QUICKNET_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

/**
 * A beacon whose signature checked out: what {@link verifyBeacon} returns, and the only
 * drand randomness {@link drawWinners} and {@link assembleCertificate} accept. It is a
 * frozen object carrying a non-enumerable brand (the public key it verified under), so a
 * beacon read from JSON, written by hand or copied with `{ ...beacon }` is not one: verify
 * the published JSON, then pass the `value`.
 */
export interface VerifiedBeacon {
  /** The hash of the chain whose key verified the signature. */
  readonly chainHash: string;
  readonly round: number;
  /** Lower-case hex of the 48-byte G1 signature. */
  readonly signature: string;
  /** SHA-256(signature), lower-case hex. */
  readonly randomness: string;
  /** The brand: the chain public key (hex) the signature verified under. */
  readonly [VERIFIED_UNDER]: string;
}

/** Why a beacon was refused. */
export type BeaconFailureCode = "wrong_chain" | "malformed_signature" | "bad_signature" | "bad_randomness";

/**
 * Verifies a drand quicknet beacon offline: the signature must be a valid BLS signature
 * by the chain's group key on `SHA-256(u64be(round))` (scheme bls-unchained-g1-rfc9380:
 * signature on G1, public key on G2, hash-to-curve with DST
 * `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`), `randomness` (when given) must equal
 * SHA-256(signature), and `chainHash` (when given) must name the chain. Every failure found
 * is reported, not only the first. Uses @noble/curves' BLS12-381 (`shortSignatures`): this
 * function, and {@link verifyDraw} which calls it, are the only ones that bundle it.
 *
 * Source: drand specification, https://docs.drand.love/docs/specification/ ;
 * RFC 9380 (hash to curve); draft-irtf-cfrg-bls-signature-05.
 *
 * @param beacon - the beacon JSON (see {@link DrandBeaconSchema})
 * @param chain - the chain's parameters, e.g. {@link QUICKNET}
 * @returns `ok(VerifiedBeacon)` — pass its `value` to {@link drawWinners} — or `err` with
 *   every failure: `wrong_chain`, `malformed_signature`, `bad_signature`, `bad_randomness`
 * @throws {OpsError} `invalid_argument` when the beacon or chain breaks its schema, or the
 *   chain names quicknet's hash with another public key, period, genesis time or scheme
 *   (known chains are pinned whole, docs/raffle-spec.md §6.1)
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
 * const moved = verifyBeacon({ ...beacon, round: 1001, chainHash: "00".repeat(32) }, QUICKNET);
 * moved.ok ? [] : moved.error.map((f) => f.code);
 * // => ["wrong_chain", "bad_signature"]
 * ```
 */
export function verifyBeacon(beacon: DrandBeacon, chain: DrandChain): Verification<VerifiedBeacon, BeaconFailureCode> {
  // checked as parseOrThrow(DrandBeaconSchema / DrandChainSchema, …) checks them (same result,
  // code, path, message and received value) by their zod-free mirrors: no zod in this bundle
  const b = argumentOrThrow(checkBeacon(beacon), "beacon");
  const c = argumentOrThrow(checkChain(chain), "chain");
  if (pinnedChainProblem(c) !== null)
    throw new OpsError({
      code: "invalid_argument",
      fn: "verifyBeacon",
      path: ["chain"],
      rule: PINNED_RULE,
      received: chain,
    });
  const failures: Failure<BeaconFailureCode>[] = [];
  const claimed = b.chainHash?.toLowerCase();
  if (claimed !== undefined && claimed !== c.hash)
    failures.push(
      failure("wrong_chain", `beacon is from chain ${claimed}, expected ${c.hash}`, ["beacon", "chainHash"]),
    );
  const hex = b.signature.toLowerCase();
  const signature = hex.length % 2 === 0 ? hexToBytes(hex) : null;
  let valid: boolean | null = null;
  if (signature?.length === 48) {
    try {
      const shortSigs = bls12_381.shortSignatures;
      valid = shortSigs.verify(
        signature,
        shortSigs.hash(sha256(u64be(b.round)), QUICKNET_DST),
        hexToBytes(c.publicKey),
      );
    } catch {
      // not a point of G1: malformed, below
    }
  }
  if (valid === null)
    failures.push(
      failure("malformed_signature", "signature must be a 48-byte compressed G1 point (quicknet signs on G1)", [
        "beacon",
        "signature",
      ]),
    );
  else if (!valid)
    failures.push(
      failure("bad_signature", `signature does not verify for round ${b.round} under chain ${c.hash}`, [
        "beacon",
        "signature",
      ]),
    );
  const randomness = signature === null ? "" : bytesToHex(sha256(signature));
  if (signature !== null && b.randomness !== undefined && b.randomness.toLowerCase() !== randomness) {
    failures.push(failure("bad_randomness", "randomness must equal SHA-256(signature)", ["beacon", "randomness"]));
  }
  return verification(
    brandBeacon({ chainHash: c.hash, round: b.round, signature: hex, randomness }, c.publicKey),
    failures,
  );
}

/** The checked argument, or the OpsError parseOrThrow would throw for its first issue. */
function argumentOrThrow<T>(checked: Checked<T>, name: string): T {
  if (checked.ok) return checked.value;
  const { path, rule, received } = checked.issue;
  throw new OpsError({ code: "invalid_argument", fn: "verifyBeacon", path: [name, ...path], rule, received });
}
