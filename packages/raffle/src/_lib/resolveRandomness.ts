import { err, type Failure, failure, ok, OpsError, type Result } from "@ops/core";
import type { DrandChain } from "../beacon/quicknet";
import type { VerifiedBeacon } from "../beacon/verifyBeacon";
import type { DrawCertificate } from "../draw/DrawCertificateSchema";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { bytesToHex, concatBytes, hexToBytes } from "./bytes";
import { isKnownChainHash, isTrustedChain } from "./knownChains";
import { roundAt } from "./roundAt";
import { sha256Fast as sha256 } from "./sha256";
import { tag } from "./tags";
import { verifiedUnder } from "./verifiedBeacon";

// No BLS here: building a certificate takes a beacon that verifyBeacon already checked
// (its brand), so that a draw never bundles @noble/curves. verifyDraw checks a
// certificate's beacon itself, with verifyBeacon (see certificateRandomness.ts).

export type CertRandomness = DrawCertificate["randomness"];

/**
 * The randomness a draw is given: a beacon returned by `verifyBeacon` (for a drand spec),
 * or the revealed secret (for a commit spec).
 */
export type DrawRandomness = VerifiedBeacon | { readonly secret: string };

/** Why a beacon of round `round` is not the one a drand spec fixes, or null when it is. */
export function roundFailure(spec: CampaignSpec, round: number): Failure | null {
  const source = spec.randomness;
  if (source.kind !== "drand") return null;
  const required = roundAt(source.chain, spec.closeAt + source.delaySeconds * 1000);
  const path = ["randomness", "round"];
  if (round < required)
    return failure(
      "round_too_early",
      `beacon round ${round} is earlier than round ${required}, the first at or after closeAt + delaySeconds`,
      path,
    );
  if (round > required)
    return failure("round_mismatch", `beacon round ${round} is not round ${required}, the round the spec fixes`, path);
  return null;
}

/** Opens a commitment with the revealed secret: the certificate form, or a failure. */
export function openCommitment(commitment: string, secretHex: unknown): Result<CertRandomness, Failure> {
  const path = ["randomness", "secret"];
  if (typeof secretHex !== "string" || !/^[0-9a-fA-F]{64}$/.test(secretHex))
    return err(
      failure("randomness", "the spec names a commitment; the 32-byte secret (64 hex digits) must be given", path),
    );
  const secret = hexToBytes(secretHex);
  if (bytesToHex(sha256(concatBytes(tag("ops-raffle/v1/commit"), secret))) !== commitment)
    return err(failure("commitment", "SHA-256(tag ‖ secret) does not match the spec's commitment", path));
  return ok({
    kind: "commit",
    secret: bytesToHex(secret),
    randomness: bytesToHex(sha256(concatBytes(tag("ops-raffle/v1/reveal"), secret))),
  });
}

/**
 * Why a drand spec's chain may not be used: it is neither pinned in this release nor in the
 * caller's `trustedChains` (compared member by member). Null when it may, or for a commit spec.
 */
export function untrustedChainFailure(spec: CampaignSpec, trustedChains?: readonly DrandChain[]): Failure | null {
  const source = spec.randomness;
  if (source.kind !== "drand" || isKnownChainHash(source.chain.hash)) return null;
  if (isTrustedChain(source.chain, trustedChains)) return null;
  return failure(
    "untrusted_chain",
    `chain ${source.chain.hash} is not pinned in this release (quicknet is); pass it in options.trustedChains to trust it`,
    ["spec", "randomness", "chain"],
  );
}

/** `"pinned"` for a chain this release pins, `"caller"` for one the caller trusted. */
export function chainTrustOf(hash: string): "pinned" | "caller" {
  return isKnownChainHash(hash) ? "pinned" : "caller";
}

/**
 * Checks the randomness given to a draw against the spec; returns the certificate form or a
 * failure. A drand chain must be pinned (quicknet) or listed in `trustedChains`.
 */
export function resolveRandomness(
  spec: CampaignSpec,
  input: DrawRandomness,
  trustedChains?: readonly DrandChain[],
): Result<CertRandomness, Failure> {
  const source = spec.randomness;
  const given = (typeof input === "object" && input !== null ? input : {}) as { secret?: unknown };
  if (source.kind === "commit") return openCommitment(source.commitment, given.secret);
  const path = ["randomness"];
  if ("secret" in given) return err(failure("randomness", "the spec names a drand beacon; a secret was given", path));
  const untrusted = untrustedChainFailure(spec, trustedChains);
  if (untrusted !== null) return err(untrusted);
  const beacon = input as VerifiedBeacon;
  if (verifiedUnder(beacon) === null)
    return err(failure("unverified_beacon", "must be a beacon returned by verifyBeacon (verify the JSON first)", path));
  if (verifiedUnder(beacon) !== source.chain.publicKey || beacon.chainHash !== source.chain.hash)
    return err(failure("wrong_chain", `beacon is from chain ${beacon.chainHash}, not ${source.chain.hash}`, path));
  const wrongRound = roundFailure(spec, beacon.round);
  if (wrongRound !== null) return err(wrongRound);
  const { round, signature, randomness } = beacon;
  return ok({
    kind: "drand",
    chainHash: source.chain.hash,
    round,
    signature,
    randomness,
    chainTrust: chainTrustOf(source.chain.hash),
  });
}

/**
 * {@link resolveRandomness} for the functions that build a certificate: a failure is
 * misuse there, so it throws, with one mapping of failure codes for every caller — a round
 * before the one the spec fixes is `out_of_range`; a later round or a secret that does not
 * match the commitment is `conflict`; an unverified beacon, one verified under another
 * chain, randomness of the wrong kind, or a chain that is neither pinned nor in
 * `trustedChains` is `invalid_argument`.
 */
export function resolveRandomnessOrThrow(
  spec: CampaignSpec,
  input: DrawRandomness,
  fn: string,
  trustedChains?: readonly DrandChain[],
): CertRandomness {
  const resolved = resolveRandomness(spec, input, trustedChains);
  if (resolved.ok) return resolved.value;
  const { code, message, path } = resolved.error;
  const opsCode =
    code === "round_too_early"
      ? "out_of_range"
      : code === "round_mismatch" || code === "commitment"
        ? "conflict"
        : "invalid_argument";
  throw new OpsError({ code: opsCode, fn, path, rule: message });
}
