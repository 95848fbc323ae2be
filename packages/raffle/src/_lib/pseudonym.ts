import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { utf8 } from "./bytes";
import { tag } from "./tags";

/** entrantKey = HMAC-SHA256(auditKey, tag("ops-raffle/v1/entrant-key") ‖ UTF-8(id)). */
export function entrantKeyFor(auditKeyHex: string, id: string): Uint8Array {
  return hmac(sha256, hexToBytes(auditKeyHex), concatBytes(tag("ops-raffle/v1/entrant-key"), utf8(id)));
}

/** pseudonym = lower-case hex of HMAC-SHA256(entrantKey, UTF-8(id)). */
export function pseudonymWithKey(entrantKey: Uint8Array, id: string): string {
  return bytesToHex(hmac(sha256, entrantKey, utf8(id)));
}

/** The list id of `id` in pseudonymous mode. */
export function pseudonymFor(auditKeyHex: string, id: string): string {
  return pseudonymWithKey(entrantKeyFor(auditKeyHex, id), id);
}
