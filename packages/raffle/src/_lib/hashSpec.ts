import { canonicalJson } from "../canonical/canonicalJson";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { bytesToHex, utf8 } from "./bytes";
import { sha256Fast as sha256 } from "./sha256";

/** `SHA-256(UTF-8(JCS(spec)))` of a spec already checked against CampaignSpecSchema (docs/raffle-spec.md §3). */
export function hashSpec(spec: CampaignSpec): string {
  return bytesToHex(sha256(utf8(canonicalJson(spec))));
}
