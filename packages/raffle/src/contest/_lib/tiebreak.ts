import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes } from "@noble/hashes/utils.js";
import { utf8 } from "../../_lib/bytes";
import { tag } from "../../_lib/tags";

/** tiebreak(seed, x) = SHA-256(tag("ops-raffle/v1/tiebreak") ‖ seed ‖ UTF-8(x)), hex. */
export function tiebreak(seed: Uint8Array, id: string): string {
  return bytesToHex(sha256(concatBytes(tag("ops-raffle/v1/tiebreak"), seed, utf8(id))));
}
