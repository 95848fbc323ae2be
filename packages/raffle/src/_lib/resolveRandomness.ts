import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { err, failure, ok, OpsError, type Failure, type Result } from "@ops/core";
import { drandRoundAt } from "../beacon/drandRoundAt";
import { verifyBeacon, type DrandBeacon } from "../beacon/verifyBeacon";
import type { DrawCertificate } from "../draw/DrawCertificateSchema";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { tag } from "./tags";

export type CertRandomness = DrawCertificate["randomness"];

/** The randomness a draw was given: a drand beacon, or the revealed commit secret. */
export type DrawRandomness = DrandBeacon | { readonly secret: string };

/** The beacon round a spec fixes. */
export function requiredRound(spec: CampaignSpec): number | null {
  if (spec.randomness.kind !== "drand") return null;
  return drandRoundAt(spec.randomness.chain, spec.closeAt + spec.randomness.delaySeconds * 1000);
}

/** Checks the randomness against the spec; returns the certificate form or a failure. */
export function resolveRandomness(spec: CampaignSpec, input: DrawRandomness): Result<CertRandomness, Failure> {
  const source = spec.randomness;
  if (source.kind === "drand") {
    if (!("round" in input))
      return err(failure("randomness", "the spec names a drand beacon; a commit secret was given", ["randomness"]));
    const round = requiredRound(spec) as number;
    if (input.round < round)
      return err(
        failure(
          "round_too_early",
          `beacon round ${input.round} is earlier than round ${round}, the first at or after closeAt + delaySeconds`,
          ["randomness", "round"],
        ),
      );
    if (input.round > round)
      return err(
        failure("round_mismatch", `beacon round ${input.round} is not round ${round}, the round the spec fixes`, [
          "randomness",
          "round",
        ]),
      );
    const verified = verifyBeacon(input, source.chain);
    if (!verified.ok)
      return err(failure(verified.error.code, verified.error.message, ["randomness", ...verified.error.path.slice(1)]));
    return ok({
      kind: "drand",
      chainHash: source.chain.hash,
      round: verified.value.round,
      signature: verified.value.signature,
      randomness: verified.value.randomness,
    });
  }
  if (!("secret" in input) || typeof input.secret !== "string" || !/^[0-9a-fA-F]{64}$/.test(input.secret)) {
    return err(
      failure("randomness", "the spec names a commitment; the 32-byte secret (64 hex digits) must be given", [
        "randomness",
        "secret",
      ]),
    );
  }
  const secret = hexToBytes(input.secret.toLowerCase());
  const commitment = bytesToHex(sha256(concatBytes(tag("ops-raffle/v1/commit"), secret)));
  if (commitment !== source.commitment)
    return err(
      failure("commitment", "SHA-256(tag ‖ secret) does not match the spec's commitment", ["randomness", "secret"]),
    );
  return ok({
    kind: "commit",
    secret: input.secret.toLowerCase(),
    randomness: bytesToHex(sha256(concatBytes(tag("ops-raffle/v1/reveal"), secret))),
  });
}

/**
 * {@link resolveRandomness} for the functions that build a certificate: a failure is
 * misuse there, so it throws, with one mapping of failure codes for every caller — a round
 * before the one the spec fixes is `out_of_range`; a later round or a secret that does not
 * match the commitment is `conflict`; a malformed or forged beacon is `invalid_argument`.
 */
export function resolveRandomnessOrThrow(spec: CampaignSpec, input: DrawRandomness, fn: string): CertRandomness {
  const resolved = resolveRandomness(spec, input);
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
