import { compress, createScratch, initState, sha256Words, type Sha256Scratch } from "./sha256";
import { tag } from "./tags";
import { MAX_ID_BYTES } from "./leaf";

/**
 * Entrant scores: score = min over j < weight of SHA-256(tag("ops-raffle/v1/score") ‖ seed ‖
 * UTF-8(id) ‖ u32be(j)), compared as 256-bit big-endian integers. Tag and seed fill the
 * first 64-byte block exactly, so its compression is done once per draw (the "midstate").
 */
export interface Scorer {
  readonly scratch: Sha256Scratch;
  readonly midstate: Int32Array;
  readonly msg: Uint8Array;
  /** Number of score hashes computed so far (one per chance). */
  hashes: number;
}

/** Prepares the scorer of one draw's seed (32 bytes). */
export function createScorer(seed: Uint8Array): Scorer {
  const scratch = createScratch();
  const block = new Uint8Array(64);
  block.set(tag("ops-raffle/v1/score"), 0);
  block.set(seed, 32);
  const midstate = new Int32Array(8);
  initState(midstate);
  compress(midstate, scratch.w, block, 0);
  return { scratch, midstate, msg: new Uint8Array(MAX_ID_BYTES + 4), hashes: 0 };
}

/** Writes the score words (unsigned, big-endian order) of one entrant into `out`. */
export function scoreInto(
  scorer: Scorer,
  idBytes: Uint8Array,
  offset: number,
  length: number,
  weight: number,
  out: Uint32Array,
): void {
  const { msg, scratch, midstate } = scorer;
  for (let i = 0; i < length; i++) msg[i] = idBytes[offset + i] as number;
  for (let j = 0; j < weight; j++) {
    msg[length] = j >>> 24;
    msg[length + 1] = (j >>> 16) & 0xff;
    msg[length + 2] = (j >>> 8) & 0xff;
    msg[length + 3] = j & 0xff;
    const s = sha256Words(scratch, msg, 0, length + 4, midstate, 64);
    if (j === 0 || lessWords(s, out)) for (let k = 0; k < 8; k++) out[k] = (s[k] as number) >>> 0;
  }
  scorer.hashes += weight;
}

function lessWords(a: Int32Array, b: Uint32Array): boolean {
  for (let k = 0; k < 8; k++) {
    const x = (a[k] as number) >>> 0;
    const y = b[k] as number;
    if (x !== y) return x < y;
  }
  return false;
}

/** Lower-case hex of eight unsigned words. */
export function wordsHex(words: Uint32Array, offset = 0): string {
  let s = "";
  for (let k = 0; k < 8; k++) s += (words[offset + k] as number).toString(16).padStart(8, "0");
  return s;
}
