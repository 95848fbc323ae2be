import { createScratch, sha256Words, wordsToBytes, type Sha256Scratch } from "./sha256";

/**
 * RFC 6962 Merkle tree helpers over 32-byte leaf hashes stored back to back.
 * MTH of one leaf is its leaf hash; MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))
 * with k the largest power of two < n. Pairing nodes level by level from the left and
 * carrying an unpaired last node up unchanged builds exactly that tree.
 */

/** Writes SHA-256(0x01 ‖ left ‖ right) at `out[outOffset…]`. */
export function hashNode(
  scratch: Sha256Scratch,
  msg: Uint8Array,
  left: Uint8Array,
  leftOffset: number,
  right: Uint8Array,
  rightOffset: number,
  out: Uint8Array,
  outOffset: number,
): void {
  msg[0] = 1;
  for (let i = 0; i < 32; i++) {
    msg[1 + i] = left[leftOffset + i] as number;
    msg[33 + i] = right[rightOffset + i] as number;
  }
  wordsToBytes(sha256Words(scratch, msg, 0, 65), out, outOffset);
}

/**
 * Streams leaf hashes through a stack of perfect subtrees (at most 64 hashes of memory):
 * the RFC 6962 root is the right fold of the perfect subtrees left on the stack at the end.
 */
export interface RootBuilder {
  push(leaves: Uint8Array, offset: number): void;
  /** The root; SHA-256("") when nothing was pushed. */
  finish(): Uint8Array;
  /** Node hashes computed so far. */
  readonly nodes: () => number;
}

export function createRootBuilder(): RootBuilder {
  const scratch = createScratch();
  const msg = new Uint8Array(65);
  const stack = new Uint8Array(32 * 64);
  const heights = new Int32Array(64);
  let top = 0;
  let nodes = 0;
  return {
    push(leaves, offset) {
      for (let k = 0; k < 32; k++) stack[32 * top + k] = leaves[offset + k] as number;
      heights[top] = 0;
      top++;
      while (top >= 2 && heights[top - 1] === heights[top - 2]) {
        hashNode(scratch, msg, stack, 32 * (top - 2), stack, 32 * (top - 1), stack, 32 * (top - 2));
        heights[top - 2] = (heights[top - 2] as number) + 1;
        top--;
        nodes++;
      }
    },
    finish() {
      const out = new Uint8Array(32);
      if (top === 0) {
        wordsToBytes(sha256Words(scratch, out, 0, 0), out, 0);
        return out;
      }
      const work = stack.slice(0, 32 * top);
      for (let t = top; t >= 2; t--) {
        hashNode(scratch, msg, work, 32 * (t - 2), work, 32 * (t - 1), work, 32 * (t - 2));
        nodes++;
      }
      out.set(work.subarray(0, 32));
      return out;
    },
    nodes: () => nodes,
  };
}

/** The root of `n` leaf hashes stored back to back (`leaves.length ≥ 32n`). */
export function rootOfLeaves(leaves: Uint8Array, n: number, counter?: { hashes: number }): Uint8Array {
  const builder = createRootBuilder();
  for (let i = 0; i < n; i++) builder.push(leaves, 32 * i);
  const root = builder.finish();
  if (counter) counter.hashes += builder.nodes();
  return root;
}

/** The audit path (RFC 6962 §2.1.1) of leaf `index`, deepest sibling first. */
export function auditPath(leaves: Uint8Array, n: number, index: number): Uint8Array[] {
  const scratch = createScratch();
  const msg = new Uint8Array(65);
  const path: Uint8Array[] = [];
  let work = leaves.slice(0, n * 32);
  let m = n;
  let i = index;
  while (m > 1) {
    const sibling = i ^ 1;
    if (sibling < m) path.push(work.slice(32 * sibling, 32 * sibling + 32));
    const pairs = m >>> 1;
    const next = new Uint8Array(32 * (pairs + (m & 1)));
    for (let j = 0; j < pairs; j++) hashNode(scratch, msg, work, 64 * j, work, 64 * j + 32, next, 32 * j);
    if (m & 1) next.set(work.subarray(32 * (m - 1), 32 * m), 32 * pairs);
    work = next;
    m = pairs + (m & 1);
    i >>>= 1;
  }
  return path;
}

/**
 * Recomputes the root from a leaf hash and its audit path (RFC 9162 §2.1.3.2), or returns
 * null when the path's length does not fit `index` and `size`.
 */
export function rootFromPath(
  leafHash: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
): Uint8Array | null {
  if (index >= size) return null;
  const scratch = createScratch();
  const msg = new Uint8Array(65);
  let fn = index;
  let sn = size - 1;
  const r = leafHash.slice();
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      hashNode(scratch, msg, p, 0, r, 0, r, 0);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      hashNode(scratch, msg, r, 0, p, 0, r, 0);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
