import { bytesToHex, concatBytes, hexToBytes, utf8 } from "./bytes";
import { hmacSha256 } from "./sha256";
import { tag } from "./tags";

/** entrantKey = HMAC-SHA256(auditKey, tag("ops-raffle/v1/entrant-key") ‖ UTF-8(id)). */
export function entrantKeyFor(auditKeyHex: string, id: string): Uint8Array {
  return hmacSha256(hexToBytes(auditKeyHex), concatBytes(tag("ops-raffle/v1/entrant-key"), utf8(id)));
}

/** pseudonym = lower-case hex of HMAC-SHA256(entrantKey, UTF-8(id)). */
export function pseudonymWithKey(entrantKey: Uint8Array, id: string): string {
  return bytesToHex(hmacSha256(entrantKey, utf8(id)));
}

/** The list id of `id` in pseudonymous mode. */
export function pseudonymFor(auditKeyHex: string, id: string): string {
  return pseudonymWithKey(entrantKeyFor(auditKeyHex, id), id);
}
