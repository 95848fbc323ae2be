// Builders of forged certificates for the tamper corpus (generate-tampers.ts) and the tests:
// each forgery is internally consistent (spec hash, seed, scores and ranking recomputed), so
// only the checks of docs/raffle-spec.md §6.1 (pinned chains), §10 step 5 (rerolls and
// alternates without the list) and the published spec hash / list root can refuse it.
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { selectFromList } from "../../src/_lib/select";
import {
  canonicalJson,
  compileEntrants,
  type DrawCertificate,
  drawSeed,
  type EntrantInput,
  QUICKNET,
  QUICKNET_DST,
} from "../../src/index";

/** A BLS key pair the "organiser" holds (a fixed test scalar, never a real key). */
export const ORGANISER_SECRET = hexToBytes(`${"2a".repeat(31)}01`);
export const ORGANISER_PUBLIC_KEY = bytesToHex(bls12_381.shortSignatures.getPublicKey(ORGANISER_SECRET).toBytes());

/** A quicknet-style beacon for `round`, signed with the organiser's key. */
export function organiserBeacon(round: number): { round: number; signature: string; randomness: string } {
  const msg = new Uint8Array(8);
  new DataView(msg.buffer).setBigUint64(0, BigInt(round));
  const sig = bls12_381.shortSignatures.sign(
    bls12_381.shortSignatures.hash(sha256(msg), QUICKNET_DST),
    ORGANISER_SECRET,
  );
  const bytes = sig.toBytes();
  return { round, signature: bytesToHex(bytes), randomness: bytesToHex(sha256(bytes)) };
}

/**
 * Recomputes everything that follows from a certificate's spec, list and randomness (spec
 * hash by JCS + SHA-256 without the schema, seed, selection, cutoffs) — what a forger with
 * the list does. Rerolls are dropped.
 */
export function reseal(cert: DrawCertificate, entrants: readonly EntrantInput[]): DrawCertificate {
  const list = compileEntrants(entrants, { maxWeight: cert.spec.weights.max });
  const specHash = bytesToHex(sha256(new TextEncoder().encode(canonicalJson(cert.spec))));
  const seed = drawSeed(specHash, list.root, cert.randomness.randomness);
  const selection = selectFromList(cert.spec, list, hexToBytes(seed));
  return {
    ...cert,
    specHash,
    list: { root: list.root, size: list.size, totalWeight: list.totalWeight, privacy: cert.list.privacy },
    seed,
    winners: selection.winners,
    alternates: selection.alternates,
    cutoffs: selection.cutoffs,
    rerolls: [],
  };
}

/** Forgery 1: a spec naming quicknet's chain hash with the organiser's key, and a beacon signed with it. */
export function ownKeyForgery(honest: DrawCertificate, entrants: readonly EntrantInput[], chainHash = QUICKNET.hash) {
  if (honest.randomness.kind !== "drand" || honest.spec.randomness.kind !== "drand")
    throw new Error("needs a drand certificate");
  const chain = { ...honest.spec.randomness.chain, hash: chainHash, publicKey: ORGANISER_PUBLIC_KEY };
  const beacon = organiserBeacon(honest.randomness.round);
  return reseal(
    {
      ...honest,
      spec: { ...honest.spec, randomness: { ...honest.spec.randomness, chain } },
      randomness: {
        ...honest.randomness,
        chainHash,
        signature: beacon.signature,
        randomness: beacon.randomness,
        ...(chainHash === QUICKNET.hash ? {} : { chainTrust: "pinned" as const }),
      },
    },
    entrants,
  );
}
