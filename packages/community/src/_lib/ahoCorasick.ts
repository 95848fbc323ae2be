import type { NormalizedText } from "../text/normalizeText";

/**
 * An Aho–Corasick automaton over UTF-16 code units (Aho & Corasick, "Efficient string
 * matching: an aid to bibliographic search", CACM 18(6), 1975). The root's transitions are
 * a dense table (most steps of a scan start there); other nodes keep a `Map`.
 */
export interface Automaton {
  readonly rootNext: Int32Array;
  readonly next: readonly (Map<number, number> | undefined)[];
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

export function buildAutomaton(
  patterns: readonly string[],
  bounds: readonly (readonly [boolean, boolean])[],
): Automaton {
  const rootNext = new Int32Array(65536);
  const next: (Map<number, number> | undefined)[] = [undefined];
  const outList: number[] = [-1];
  for (let p = 0; p < patterns.length; p++) {
    const word = patterns[p] as string;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node === 0 ? rootNext[c] || undefined : next[node]?.get(c);
      if (child === undefined) {
        child = next.length;
        next.push(undefined);
        outList.push(-1);
        if (node === 0) rootNext[c] = child;
        else {
          let map = next[node];
          if (!map) {
            map = new Map();
            next[node] = map;
          }
          map.set(c, child);
        }
      }
      node = child;
    }
    outList[node] = p;
  }
  const size = next.length;
  const fail = new Int32Array(size);
  const dict = new Int32Array(size).fill(-1);
  const out = Int32Array.from(outList);
  const queue = new Int32Array(size);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < 65536; c++) {
    const child = rootNext[c] as number;
    if (child) queue[tail++] = child;
  }
  while (head < tail) {
    const node = queue[head++] as number;
    const map = next[node];
    if (!map) continue;
    for (const [c, child] of map) {
      let f = fail[node] as number;
      let target: number | undefined;
      for (;;) {
        target = f === 0 ? rootNext[c] || undefined : next[f]?.get(c);
        if (target !== undefined || f === 0) break;
        f = fail[f] as number;
      }
      const fc = target ?? 0;
      fail[child] = fc;
      dict[child] = (out[fc] as number) >= 0 ? fc : (dict[fc] as number);
      queue[tail++] = child;
    }
  }
  return {
    rootNext,
    next,
    fail,
    out,
    dict,
    lengths: Int32Array.from(patterns, (p) => p.length),
    boundStart: Uint8Array.from(bounds, (b) => (b[0] ? 1 : 0)),
    boundEnd: Uint8Array.from(bounds, (b) => (b[1] ? 1 : 0)),
  };
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
  const { rootNext, next, fail, out, dict, lengths, boundStart, boundEnd } = a;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (;;) {
      if (state === 0) {
        state = rootNext[c] as number;
        break;
      }
      const to = next[state]?.get(c);
      if (to !== undefined) {
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
