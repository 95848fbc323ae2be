import { OpsError } from "@ops/core";
import { bytesToHex, hasLoneSurrogate } from "../_lib/bytes";
import { isEntrantList } from "../_lib/isEntrantList";
import { hashLeaf, MAX_ID_BYTES } from "../_lib/leaf";
import { auditPath } from "../_lib/merkle";
import { createScratch } from "../_lib/sha256";
import type { EntrantList } from "../list/compileEntrants";

/** Proof that one entrant is leaf `index` of a list of `size` leaves (RFC 6962 audit path). */
export interface InclusionProof {
  readonly index: number;
  readonly size: number;
  /** Sibling hashes, deepest first, 64 hex digits each. */
  readonly path: readonly string[];
}

/**
 * The inclusion proof of one entrant: its position in the canonical list and the RFC 6962
 * audit path (https://www.rfc-editor.org/rfc/rfc6962#section-2.1.1) — ⌈log2 n⌉ hashes at
 * most, so an entrant can check they were in the list from the root alone
 * ({@link verifyInclusion}, {@link verifyEntry}). Costs about n node hashes per call.
 *
 * @param list - a compiled list
 * @param listId - the entrant's list id (canonical id, or pseudonym)
 * @returns the proof
 * @throws {OpsError} `not_found` if the id is not in the list; `invalid_argument` for a
 *   value that is not a compiled list or an id that is not a well-formed string
 *
 * @example
 * ```ts
 * import { compileEntrants, inclusionProof, verifyInclusion } from "@ops/raffle";
 * const list = compileEntrants([{ id: "a" }, { id: "b" }, { id: "c", weight: 2 }]);
 * const proof = inclusionProof(list, "c");
 * [proof.index, proof.size, proof.path.length];
 * // => [2, 3, 1]
 * verifyInclusion(list.root, { id: "c", weight: 2 }, proof).ok;
 * // => true
 * ```
 */
export function inclusionProof(list: EntrantList, listId: string): InclusionProof {
  if (!isEntrantList(list, "inclusionProof", ["list"]))
    throw new OpsError({
      code: "invalid_argument",
      fn: "inclusionProof",
      path: ["list"],
      rule: "must be a list returned by compileEntrants",
      received: list,
    });
  if (typeof listId !== "string" || hasLoneSurrogate(listId))
    throw new OpsError({
      code: "invalid_argument",
      fn: "inclusionProof",
      path: ["listId"],
      rule: "must be a well-formed string (no unpaired surrogate)",
      received: listId,
    });
  const id = listId.normalize("NFC");
  const index = list.ids.indexOf(id);
  if (index < 0)
    throw new OpsError({
      code: "not_found",
      fn: "inclusionProof",
      path: ["listId"],
      rule: "must be an id of the list",
      received: listId,
    });
  return {
    index,
    size: list.size,
    path: auditPath(list.leafHashes ?? rehashLeaves(list), list.size, index).map(bytesToHex),
  };
}

/** Leaf hashes of a list compiled with `retainLeafHashes: false`. */
function rehashLeaves(list: EntrantList): Uint8Array {
  const leaves = new Uint8Array(32 * list.size);
  const scratch = createScratch();
  const msg = new Uint8Array(7 + MAX_ID_BYTES + 64);
  for (let i = 0; i < list.size; i++) {
    const start = list.idOffsets[i] as number;
    hashLeaf(
      scratch,
      msg,
      list.idBytes,
      start,
      (list.idOffsets[i + 1] as number) - start,
      list.weights[i] as number,
      leaves,
      32 * i,
    );
  }
  return leaves;
}
