import { canonicalJson } from "../../canonical/canonicalJson";
import { bytesToHex, concatBytes, hexToBytes, utf8 } from "../../_lib/bytes";
import { sha256Fast as sha256 } from "../../_lib/sha256";

/** SHA-256(tag("ops-raffle/v1.1/answer-key") ‖ salt ‖ UTF-8(JCS(key))) of a checked salt and key (§11.1). */
export function commitmentOf(salt: string, key: unknown): string {
  const tag = new Uint8Array(32);
  tag.set(utf8("ops-raffle/v1.1/answer-key"));
  return bytesToHex(sha256(concatBytes(tag, hexToBytes(salt), utf8(canonicalJson(key)))));
}
