/**
 * Domain-separation tags: the ASCII name right-padded with 0x00 bytes to 32 bytes, so
 * that a tag followed by a 32-byte value fills one 64-byte SHA-256 block exactly (the
 * score hash resumes from that block's precomputed state). See docs/raffle-spec.md §2.
 */
export type TagName =
  | "ops-raffle/v1/seed"
  | "ops-raffle/v1/score"
  | "ops-raffle/v1/commit"
  | "ops-raffle/v1/reveal"
  | "ops-raffle/v1/entrant-key"
  | "ops-raffle/v1/tiebreak";

/** The 32-byte tag of `name`. */
export function tag(name: TagName): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < name.length; i++) out[i] = name.charCodeAt(i);
  return out;
}
