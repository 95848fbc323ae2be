import { canonicalJson } from "../../canonical/canonicalJson";
import { bytesToHex, concatBytes, hexToBytes, utf8 } from "../../_lib/bytes";
import { rootFromPath, rootOfLeaves } from "../../_lib/merkle";
import { sha256Fast as sha256 } from "../../_lib/sha256";

// The lists of a quiz (submissions) and an award (score sheets), docs/raffle-spec.md §11.3:
// leaf = SHA-256(0x00 ‖ UTF-8(JCS(record))), and the RFC 6962 tree of §4.7 over the leaves.

const LEAF_PREFIX = /* @__PURE__ */ new Uint8Array([0]);
const NODE_PREFIX = /* @__PURE__ */ new Uint8Array([1]);

/** SHA-256(0x00 ‖ UTF-8(JCS(record))) of a record already checked against its schema. */
export function recordLeaf(record: unknown): Uint8Array {
  return sha256(concatBytes(LEAF_PREFIX, utf8(canonicalJson(record))));
}

function pack(leaves: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(32 * leaves.length);
  leaves.forEach((leaf, i) => {
    out.set(leaf, 32 * i);
  });
  return out;
}

/** RFC 6962 root of the leaves, hex (SHA-256("") for none). */
export function rootOf(leaves: readonly Uint8Array[]): string {
  return bytesToHex(rootOfLeaves(pack(leaves), leaves.length));
}

/**
 * The audit paths of the leaves at `indexes`, hex, deepest sibling first. The tree's levels
 * are built once (pairs from the left, an unpaired last node carried up: RFC 6962's tree,
 * §4.7), so k proofs cost n node hashes, not k·n.
 */
export function proofsOf(leaves: readonly Uint8Array[], indexes: readonly number[]): string[][] {
  const levels: Uint8Array[][] = [[...leaves]];
  for (let level = levels[0] as Uint8Array[]; level.length > 1; ) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(sha256(concatBytes(NODE_PREFIX, level[i] as Uint8Array, level[i + 1] as Uint8Array)));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    levels.push(next);
    level = next;
  }
  return indexes.map((index) => {
    const path: string[] = [];
    let i = index;
    for (const level of levels.slice(0, -1)) {
      const sibling = i ^ 1;
      if (sibling < level.length) path.push(bytesToHex(level[sibling] as Uint8Array));
      i >>>= 1;
    }
    return path;
  });
}

/** The root that leaf `leaf` at `index` of `size` and its audit path give (RFC 9162 §2.1.3.2), or null. */
export function rootFromProof(leaf: Uint8Array, index: number, size: number, path: readonly string[]): string | null {
  const root = rootFromPath(
    leaf,
    index,
    size,
    path.map((p) => hexToBytes(p)),
  );
  return root === null ? null : bytesToHex(root);
}
