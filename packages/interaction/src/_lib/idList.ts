import { sha256Hex } from "./sha256";

/** A dedupe key from item ids: sorted, joined, hashed when long. */
export function keyOfIds(prefix: string, ids: readonly string[]): string {
  const joined = [...new Set(ids)].sort().join(",");
  return joined.length <= 200 ? `${prefix}:${joined}` : `${prefix}:sha256:${sha256Hex(joined)}`;
}
