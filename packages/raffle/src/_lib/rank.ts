import { createScorer, scoreInto, wordsHex } from "./score";

/** Ids as UTF-8 bytes back to back, with their weights. */
export interface EncodedEntrants {
  readonly idBytes: Uint8Array;
  readonly idOffsets: Uint32Array;
  readonly weights: Uint32Array | readonly number[];
}

/** One ranked entrant (by index into the encoded list). */
export interface RankedIndex {
  readonly index: number;
  readonly score: string;
}

/**
 * The `k` best entrants of `list[start … end)` by (score, id bytes) ascending, best first.
 * A bounded max-heap keeps the k best seen so far; most entrants are rejected after
 * comparing the first score word with the heap's worst.
 */
export function rankTop(
  list: EncodedEntrants,
  seed: Uint8Array,
  k: number,
  start: number,
  end: number,
  counter?: { hashes: number },
): RankedIndex[] {
  const scorer = createScorer(seed);
  const { idBytes, idOffsets, weights } = list;
  const cap = Math.max(0, Math.min(k, end - start));
  const heapScores = new Uint32Array(8 * (cap + 1));
  const heapIdx = new Int32Array(cap + 1);
  let size = 0;
  const cur = new Uint32Array(8);
  // a worse than b ⇔ compare(a, b) > 0
  const cmpSlot = (sa: Uint32Array, oa: number, ia: number, sb: Uint32Array, ob: number, ib: number): number => {
    for (let w = 0; w < 8; w++) {
      const x = sa[oa + w] as number;
      const y = sb[ob + w] as number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return compareIdBytes(idBytes, idOffsets, ia, ib);
  };
  const siftUp = (pos: number): void => {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (cmpSlot(heapScores, 8 * pos, heapIdx[pos] as number, heapScores, 8 * parent, heapIdx[parent] as number) <= 0)
        break;
      swap(pos, parent);
      pos = parent;
    }
  };
  const siftDown = (pos: number): void => {
    for (;;) {
      const l = 2 * pos + 1;
      const r = l + 1;
      let worst = pos;
      if (
        l < size &&
        cmpSlot(heapScores, 8 * l, heapIdx[l] as number, heapScores, 8 * worst, heapIdx[worst] as number) > 0
      )
        worst = l;
      if (
        r < size &&
        cmpSlot(heapScores, 8 * r, heapIdx[r] as number, heapScores, 8 * worst, heapIdx[worst] as number) > 0
      )
        worst = r;
      if (worst === pos) return;
      swap(pos, worst);
      pos = worst;
    }
  };
  const swap = (a: number, b: number): void => {
    const t = heapIdx[a] as number;
    heapIdx[a] = heapIdx[b] as number;
    heapIdx[b] = t;
    for (let w = 0; w < 8; w++) {
      const x = heapScores[8 * a + w] as number;
      heapScores[8 * a + w] = heapScores[8 * b + w] as number;
      heapScores[8 * b + w] = x;
    }
  };
  for (let i = start; i < end; i++) {
    const off = idOffsets[i] as number;
    scoreInto(scorer, idBytes, off, (idOffsets[i + 1] as number) - off, weights[i] as number, cur);
    if (cap === 0) continue;
    if (size < cap) {
      heapScores.set(cur, 8 * size);
      heapIdx[size] = i;
      size++;
      siftUp(size - 1);
    } else if (cmpSlot(cur, 0, i, heapScores, 0, heapIdx[0] as number) < 0) {
      heapScores.set(cur, 0);
      heapIdx[0] = i;
      siftDown(0);
    }
  }
  if (counter) counter.hashes += scorer.hashes;
  const out: { index: number; slot: number }[] = [];
  for (let s = 0; s < size; s++) out.push({ index: heapIdx[s] as number, slot: s });
  out.sort((a, b) => cmpSlot(heapScores, 8 * a.slot, a.index, heapScores, 8 * b.slot, b.index));
  return out.map((e) => ({ index: e.index, score: wordsHex(heapScores, 8 * e.slot) }));
}

/** Compares ids i and j of an encoded list by their UTF-8 bytes. */
export function compareIdBytes(bytes: Uint8Array, offsets: Uint32Array, i: number, j: number): number {
  if (i === j) return 0;
  const a = offsets[i] as number;
  const al = (offsets[i + 1] as number) - a;
  const b = offsets[j] as number;
  const bl = (offsets[j + 1] as number) - b;
  const n = Math.min(al, bl);
  for (let t = 0; t < n; t++) {
    const d = (bytes[a + t] as number) - (bytes[b + t] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return al === bl ? 0 : al < bl ? -1 : 1;
}
