import type { NormalizedText } from "./normalize";

/**
 * An Aho–Corasick automaton over UTF-16 code units (Aho & Corasick, "Efficient string
 * matching: an aid to bibliographic search", CACM 18(6), 1975), stored flat in typed
 * arrays: 18 bytes per trie node plus a 256 KB dense table for the root (most steps of a
 * scan start there). Nodes are numbered breadth-first with siblings in code-unit order, so
 * the children of node v are the nodes `childStart[v]` … `childStart[v + 1] − 1` and a
 * transition is a binary search over their `unit`s.
 */
export interface Automaton {
  readonly rootNext: Int32Array;
  readonly childStart: Int32Array;
  /** The code unit on the edge into each node. */
  readonly unit: Uint16Array;
  readonly fail: Int32Array;
  /** Pattern id ending at the node, or -1. */
  readonly out: Int32Array;
  /** Nearest node on the failure chain (excluding itself) that has an output, or -1. */
  readonly dict: Int32Array;
  /** Length of each pattern, in code units. */
  readonly lengths: Int32Array;
  /** Whether a pattern needs a word boundary before / after it. */
  readonly boundStart: Uint8Array;
  readonly boundEnd: Uint8Array;
}

/** Bytes of the automaton's arrays per trie node (childStart, unit, fail, out, dict). */
export const BYTES_PER_NODE = 18;

/**
 * Builds the automaton of distinct, non-empty patterns. The trie is laid out one depth at
 * a time: the patterns still longer than the depth are ordered by (parent node, code unit)
 * with two stable counting sorts, and each new (parent, unit) pair is the next node. No
 * per-node object and no string comparison: time O(total length + depth · 65 536), peak
 * memory the arrays plus 2 bytes per unit of the patterns and 44 per pattern.
 */
export function buildAutomaton(patterns: readonly string[], boundStart: Uint8Array, boundEnd: Uint8Array): Automaton {
  const m = patterns.length;
  let total = 1;
  for (const p of patterns) total += p.length;
  const unit = new Uint16Array(total);
  const outs = new Int32Array(total).fill(-1);
  const ends = new Int32Array(total + 1); // ends[v + 1]: end of node v's children, so far
  // the patterns copied once into one buffer (strings are scattered in memory; each depth reads them all)
  const text = new Uint16Array(total);
  const offset = new Int32Array(m + 1);
  for (let id = 0; id < m; id++) {
    const word = patterns[id] as string;
    for (let i = 0; i < word.length; i++) text[(offset[id] as number) + i] = word.charCodeAt(i);
    offset[id + 1] = (offset[id] as number) + word.length;
  }
  // the patterns still longer than the depth: id, node reached, start in `text`, length — carried
  // through the sorts together, so that each depth reads the patterns' units once (one random
  // read each) and everything else sequentially
  const cur = { ids: new Int32Array(m), at: new Int32Array(m), start: new Int32Array(m), len: new Int32Array(m) };
  const spare = { ids: new Int32Array(m), at: new Int32Array(m), start: new Int32Array(m), len: new Int32Array(m) };
  for (let id = 0; id < m; id++) {
    cur.ids[id] = id;
    cur.start[id] = offset[id] as number;
    cur.len[id] = (offset[id + 1] as number) - (offset[id] as number);
  }
  const keys = new Int32Array(m);
  const spareKeys = new Int32Array(m);
  let count = m;
  let next = 1;
  let levelStart = 0; // nodes of the current depth are levelStart … next − 1
  for (let depth = 0; ; depth++) {
    let kept = 0;
    for (let k = 0; k < count; k++) {
      if ((cur.len[k] as number) <= depth) continue;
      cur.ids[kept] = cur.ids[k] as number;
      cur.at[kept] = cur.at[k] as number;
      cur.start[kept] = cur.start[k] as number;
      cur.len[kept++] = cur.len[k] as number;
    }
    count = kept;
    if (count === 0) break;
    for (let k = 0; k < count; k++) keys[k] = text[(cur.start[k] as number) + depth] as number;
    // stable counting sorts by code unit, then by parent node: siblings end up in unit order
    countingSort(count, 65536, keys, 0, cur, keys, spare, spareKeys);
    countingSort(count, next - levelStart, spare.at, levelStart, spare, spareKeys, cur, keys);
    levelStart = next;
    let parentBefore = -1;
    for (let k = 0; k < count; k++) {
      const parent = cur.at[k] as number;
      const u = keys[k] as number;
      if (parent !== parentBefore || u !== unit[next - 1]) {
        unit[next] = u;
        ends[parent + 1] = ++next;
        parentBefore = parent;
      }
      if ((cur.len[k] as number) === depth + 1) outs[next - 1] = cur.ids[k] as number;
      cur.at[k] = next - 1;
    }
  }
  const size = next;
  // children of v: childStart[v] … childStart[v + 1] − 1 (a node without children ends where the one before did)
  const childStart = ends.slice(0, size + 1);
  childStart[0] = 1;
  for (let v = 1; v <= size; v++) childStart[v] = Math.max(childStart[v] as number, childStart[v - 1] as number);
  const rootNext = new Int32Array(65536);
  for (let c = 1; c < (childStart[1] as number); c++) rootNext[unit[c] as number] = c;
  const a = { rootNext, childStart, unit: unit.slice(0, size), fail: new Int32Array(size), out: outs.slice(0, size) };
  const { fail, out } = a;
  const dict = new Int32Array(size).fill(-1);
  // breadth-first numbering: a node's failure target is a shallower node, already done
  for (let v = 1; v < size; v++) {
    for (let c = childStart[v] as number; c < (childStart[v + 1] as number); c++) {
      let f = fail[v] as number;
      let target = step(a, f, unit[c] as number);
      while (target < 0 && f !== 0) {
        f = fail[f] as number;
        target = step(a, f, unit[c] as number);
      }
      const fc = Math.max(target, 0);
      fail[c] = fc;
      dict[c] = (out[fc] as number) >= 0 ? fc : (dict[fc] as number);
    }
  }
  return {
    ...a,
    dict,
    lengths: Int32Array.from(patterns, (p) => p.length),
    boundStart,
    boundEnd,
  };
}

interface Rows {
  readonly ids: Int32Array;
  readonly at: Int32Array;
  readonly start: Int32Array;
  readonly len: Int32Array;
}

/**
 * Stable counting sort of `from`[0 … count) by `by[k] − base` (in 0 … buckets − 1) into `to`;
 * `carry` moves with the rows into `toCarry` (the sort by parent carries the code units).
 */
function countingSort(
  count: number,
  buckets: number,
  by: Int32Array,
  base: number,
  from: Rows,
  carry: Int32Array,
  to: Rows,
  toCarry: Int32Array,
): void {
  const start = new Int32Array(buckets + 1);
  for (let k = 0; k < count; k++) {
    const b = (by[k] as number) - base + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  for (let k = 0; k < count; k++) {
    const b = (by[k] as number) - base;
    const t = start[b] as number;
    start[b] = t + 1;
    to.ids[t] = from.ids[k] as number;
    to.at[t] = from.at[k] as number;
    to.start[t] = from.start[k] as number;
    to.len[t] = from.len[k] as number;
    toCarry[t] = carry[k] as number;
  }
}

/** The child of `state` along code unit `c`, or -1 (the root's missing edges are -1 too). */
function step(a: Pick<Automaton, "rootNext" | "childStart" | "unit">, state: number, c: number): number {
  if (state === 0) return (a.rootNext[c] as number) || -1;
  let lo = a.childStart[state] as number;
  let hi = (a.childStart[state + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = a.unit[mid] as number;
    if (u < c) lo = mid + 1;
    else if (u > c) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** A raw hit: pattern id and its span in the normalised text. */
export interface RawHit {
  readonly pattern: number;
  readonly start: number;
  readonly end: number;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const NO_SPACES = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]$/u;

/** A letter or digit of a script that separates words with spaces (Latin, Cyrillic, Hangul, …). */
export function isSpacedWordChar(ch: string): boolean {
  if (ch.length === 1) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  }
  return WORD_CHAR.test(ch) && !NO_SPACES.test(ch);
}

function boundaryAt(nt: NormalizedText, index: number): boolean {
  const text = nt.text;
  if (index <= 0 || index >= text.length) return true;
  if (nt.gapBefore[index] === 1) return true;
  return !isSpacedWordChar(charBefore(text, index)) || !isSpacedWordChar(charFrom(text, index));
}

function charBefore(s: string, i: number): string {
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s.slice(i - 1, i);
}

function charFrom(s: string, i: number): string {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? s.slice(i, i + 2) : s.slice(i, i + 1);
}

/** Scans the normalised text once; O(text length + hits). Stops after `limit` hits. */
export function scan(a: Automaton, nt: NormalizedText, limit: number): RawHit[] {
  const hits: RawHit[] = [];
  const text = nt.text;
  const { rootNext, fail, out, dict, lengths, boundStart, boundEnd } = a;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (;;) {
      if (state === 0) {
        state = rootNext[c] as number;
        break;
      }
      const to = step(a, state, c);
      if (to >= 0) {
        state = to;
        break;
      }
      state = fail[state] as number;
    }
    let node = (out[state] as number) >= 0 ? state : (dict[state] as number);
    while (node >= 0) {
      const p = out[node] as number;
      const end = i + 1;
      const start = end - (lengths[p] as number);
      if ((!boundStart[p] || boundaryAt(nt, start)) && (!boundEnd[p] || boundaryAt(nt, end))) {
        hits.push({ pattern: p, start, end });
        if (hits.length >= limit) return hits;
      }
      node = dict[node] as number;
    }
  }
  return hits;
}
