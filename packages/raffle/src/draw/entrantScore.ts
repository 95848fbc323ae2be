import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes } from "@noble/hashes/utils.js";
import { OpsError } from "@ops/core";
import { compareBytes, hasLoneSurrogate, hexBytes, u32be, utf8 } from "../_lib/bytes";
import { tag } from "../_lib/tags";
import { MAX_WEIGHT } from "../list/compileEntrants";

/**
 * One entrant's score in a draw: the minimum over j = 0 … weight−1 of
 * `SHA-256(tag("ops-raffle/v1/score") ‖ seed ‖ UTF-8(id) ‖ u32be(j))`, as 64 hex digits
 * (a 256-bit big-endian integer; lower is better). Each hash is uniform and independent,
 * so the entrant with the lowest score among all is entrant i with probability
 * weight_i / Σ weight (the minimum of w uniform draws is below all others' with that
 * chance) — integers and hashes only, no floating point. This is the reference (slow,
 * @noble/hashes) form of what {@link drawWinners} computes in bulk.
 *
 * @param seed - 64 hex digits (see {@link drawSeed})
 * @param id - the list id (canonical id, or pseudonym in pseudonymous mode)
 * @param weight - the entrant's chances, integer 1 … 1 000 000
 * @returns 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` for a bad seed, id or weight
 *
 * @example
 * ```ts
 * import { entrantScore } from "@ops/raffle";
 * const seed = "ab".repeat(32);
 * entrantScore(seed, "weibo::1669879400", 3) <= entrantScore(seed, "weibo::1669879400", 1);
 * // => true
 * ```
 */
export function entrantScore(seed: string, id: string, weight: number): string {
  const fn = "entrantScore";
  const prefix = concatBytes(tag("ops-raffle/v1/score"), hexBytes(seed, 32, fn, ["seed"]));
  if (typeof id !== "string" || id.length === 0 || hasLoneSurrogate(id))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["id"],
      rule: "must be a non-empty list id without unpaired surrogates",
      received: id,
    });
  if (!Number.isInteger(weight) || weight < 1 || weight > MAX_WEIGHT) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["weight"],
      rule: "must be an integer from 1 to 1000000",
      received: weight,
    });
  }
  const idBytes = utf8(id.normalize("NFC"));
  let best: Uint8Array | null = null;
  for (let j = 0; j < weight; j++) {
    const h = sha256(concatBytes(prefix, idBytes, u32be(j)));
    if (best === null || compareBytes(h, best) < 0) best = h;
  }
  return bytesToHex(best as Uint8Array);
}
