import { type ErrorPath, type Failure, failure, OpsError, type Verification, verification } from "@ops/core";
import { bytesToHex, hasLoneSurrogate, hexToBytes, utf8 } from "../_lib/bytes";
import { hashLeaf, MAX_ID_BYTES } from "../_lib/leaf";
import { rootFromPath } from "../_lib/merkle";
import { createScratch } from "../_lib/sha256";
import type { InclusionProof } from "./inclusionProof";

/**
 * The leaf hash of one entrant: SHA-256(0x00 ‖ u16be(byte length) ‖ UTF-8(id) ‖
 * u32be(weight)) — RFC 6962's leaf prefix 0x00 over the entrant's (id, weight) record.
 *
 * @param listId - the list id (NFC-normalised here)
 * @param weight - integer 1 … 1 000 000
 * @returns 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` for an empty or too long id, one with an unpaired
 *   surrogate (it would share the leaf of the id with U+FFFD there), or a bad weight
 *
 * @example
 * ```ts
 * import { merkleLeafHash } from "@ops/raffle";
 * merkleLeafHash("weibo::1", 1) === merkleLeafHash("weibo::1", 2);
 * // => false
 * ```
 */
export function merkleLeafHash(listId: string, weight: number): string {
  const fn = "merkleLeafHash";
  return leafHashOf(listId, weight, fn, ["listId"], ["weight"]);
}

/** merkleLeafHash for a named function and argument paths. */
function leafHashOf(listId: unknown, weight: unknown, fn: string, idPath: ErrorPath, weightPath: ErrorPath): string {
  // An unpaired surrogate would be encoded as U+FFFD and share the leaf of another id: refused (§1).
  const wellFormed = typeof listId === "string" && !hasLoneSurrogate(listId);
  const bytes = wellFormed ? utf8((listId as string).normalize("NFC")) : new Uint8Array(0);
  if (bytes.length === 0 || bytes.length > MAX_ID_BYTES)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: idPath,
      rule: `must be a well-formed string (no unpaired surrogate) of 1 to ${MAX_ID_BYTES} UTF-8 bytes`,
      received: listId,
    });
  if (typeof weight !== "number" || !Number.isInteger(weight) || weight < 1 || weight > 1_000_000)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: weightPath,
      rule: "must be an integer from 1 to 1000000",
      received: weight,
    });
  const out = new Uint8Array(32);
  hashLeaf(createScratch(), new Uint8Array(bytes.length + 7), bytes, 0, bytes.length, weight, out, 0);
  return bytesToHex(out);
}

/** What a successful {@link verifyInclusion} established: this leaf is at `index` of a list of `size`. */
export interface InclusionVerified {
  readonly index: number;
  readonly size: number;
  /** The entrant's leaf hash ({@link merkleLeafHash}), 64 lower-case hex digits. */
  readonly leafHash: string;
}

/**
 * Why {@link verifyInclusion} refused a proof: `malformed_proof` (index or size not an
 * integer ≥ 0, or path not an array), `index_out_of_range` (index ≥ size), `path_length`
 * (the path has too few or too many hashes for that index and size), `root_mismatch` (the
 * path leads to another root: another id, weight or list, or a tampered sibling).
 */
export type InclusionFailureCode = "malformed_proof" | "index_out_of_range" | "path_length" | "root_mismatch";

/**
 * Checks an inclusion proof against a published list root, with RFC 9162's algorithm
 * (https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.2). Needs only the root, the
 * entrant's own (id, weight) and the proof — not the list. The proof's `size` is taken as
 * given: compare it with the list size the organiser published (as {@link verifyEntry} does).
 *
 * @param root - the list root, 64 hex digits
 * @param entrant - the entrant's list id and weight
 * @param proof - from {@link inclusionProof}
 * @returns a {@link Verification}: `ok({ index, size, leafHash })` when the proof leads from
 *   the leaf to the root, else `err` with the {@link InclusionFailureCode} failures
 * @throws {OpsError} `invalid_argument` for a root that is not 64 hex digits, malformed hex
 *   in the path, or a bad entrant (an id with an unpaired surrogate included)
 *
 * @example
 * ```ts
 * import { compileEntrants, inclusionProof, verifyInclusion } from "@ops/raffle";
 * const list = compileEntrants([{ id: "a" }, { id: "b" }]);
 * verifyInclusion(list.root, { id: "a" }, inclusionProof(list, "a")).ok;
 * // => true
 * const wrong = verifyInclusion(list.root, { id: "a", weight: 2 }, inclusionProof(list, "a"));
 * wrong.ok ? [] : wrong.error.map((f) => f.code);
 * // => ["root_mismatch"]
 * ```
 */
export function verifyInclusion(
  root: string,
  entrant: { readonly id: string; readonly weight?: number },
  proof: InclusionProof,
): Verification<InclusionVerified, InclusionFailureCode> {
  const fn = "verifyInclusion";
  if (typeof root !== "string" || !/^[0-9a-fA-F]{64}$/.test(root))
    throw new OpsError({ code: "invalid_argument", fn, path: ["root"], rule: "must be 64 hex digits", received: root });
  if (typeof entrant !== "object" || entrant === null)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrant"],
      rule: "must be { id, weight? }",
      received: entrant,
    });
  if (typeof proof !== "object" || proof === null)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["proof"],
      rule: "must be { index, size, path }",
      received: proof,
    });
  const leafHash = leafHashOf(entrant.id, entrant.weight ?? 1, fn, ["entrant", "id"], ["entrant", "weight"]);
  const failures: Failure<InclusionFailureCode>[] = [];
  if (
    !Number.isSafeInteger(proof.index) ||
    !Number.isSafeInteger(proof.size) ||
    proof.index < 0 ||
    !Array.isArray(proof.path) ||
    proof.path.length > 64
  )
    failures.push(
      failure("malformed_proof", "index and size must be safe integers ≥ 0 and path an array of at most 64 hashes", [
        "proof",
      ]),
    );
  else {
    // by index, not map: a sparse array's holes are refused, not skipped
    const path: Uint8Array[] = [];
    for (let i = 0; i < proof.path.length; i++) {
      const p: unknown = proof.path[i];
      if (typeof p !== "string" || !/^[0-9a-fA-F]{64}$/.test(p))
        throw new OpsError({
          code: "invalid_argument",
          fn: "verifyInclusion",
          path: ["proof", "path", i],
          rule: "must hold 64-hex-digit hashes",
          received: p,
        });
      path.push(hexToBytes(p));
    }
    if (proof.index >= proof.size)
      failures.push(
        failure("index_out_of_range", `index ${proof.index} is not below size ${proof.size}`, ["proof", "index"]),
      );
    else {
      const computed = rootFromPath(hexToBytes(leafHash), proof.index, proof.size, path);
      if (computed === null)
        failures.push(
          failure(
            "path_length",
            `a path of ${path.length} hashes does not fit leaf ${proof.index} of a list of ${proof.size}`,
            ["proof", "path"],
          ),
        );
      else if (bytesToHex(computed) !== root.toLowerCase())
        failures.push(failure("root_mismatch", "the path does not lead from this (id, weight) to the root", ["root"]));
    }
  }
  return verification({ index: proof.index, size: proof.size, leafHash }, failures);
}
