import { sha256Words, wordsToBytes, type Sha256Scratch } from "./sha256";

/** Largest entrant id in UTF-8 bytes. */
export const MAX_ID_BYTES = 1024;

/**
 * Writes the leaf hash SHA-256(0x00 ‖ u16be(len) ‖ id ‖ u32be(weight)) of one entrant at
 * `out[outOffset…]`; `msg` must hold at least 7 + MAX_ID_BYTES bytes.
 */
export function hashLeaf(
  scratch: Sha256Scratch,
  msg: Uint8Array,
  id: Uint8Array,
  idOffset: number,
  idLength: number,
  weight: number,
  out: Uint8Array,
  outOffset: number,
): void {
  msg[0] = 0;
  msg[1] = idLength >>> 8;
  msg[2] = idLength & 0xff;
  for (let i = 0; i < idLength; i++) msg[3 + i] = id[idOffset + i] as number;
  const w = 3 + idLength;
  msg[w] = weight >>> 24;
  msg[w + 1] = (weight >>> 16) & 0xff;
  msg[w + 2] = (weight >>> 8) & 0xff;
  msg[w + 3] = weight & 0xff;
  wordsToBytes(sha256Words(scratch, msg, 0, w + 4), out, outOffset);
}
