import { canonicalJson } from "../../canonical/canonicalJson";
import { bytesToHex, utf8 } from "../../_lib/bytes";
import { sha256Fast as sha256 } from "../../_lib/sha256";

/** SHA-256(UTF-8(JCS(value))) of a checked spec or rubric (docs/raffle-spec.md §3). */
export function jcsHash(value: unknown): string {
  return bytesToHex(sha256(utf8(canonicalJson(value))));
}
