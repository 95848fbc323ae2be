import { bytesToHex, concatBytes, hexBytes } from "../_lib/bytes";
import { sha256Fast as sha256 } from "../_lib/sha256";
import { tag } from "../_lib/tags";

/**
 * The commitment to publish (in the spec's `randomness: { kind: "commit", commitment }`)
 * before entries close, for a draw whose randomness is a secret revealed afterwards:
 * `commitment = SHA-256(tag("ops-raffle/v1/commit") ‖ secret)`. The draw's randomness is
 * then `SHA-256(tag("ops-raffle/v1/reveal") ‖ secret)`.
 *
 * Weaker than a beacon: whoever holds the secret knows the outcome for any list before
 * publishing the list root, so use it for tests, rehearsals and offline draws.
 *
 * @param secret - 32 bytes as 64 hex digits (generate it with a cryptographic RNG)
 * @returns the commitment, 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` for a malformed secret
 *
 * @example
 * ```ts
 * import { commitSeed } from "@ops/raffle";
 * commitSeed("07".repeat(32)).length;
 * // => 64
 * ```
 */
export function commitSeed(secret: string): string {
  return bytesToHex(sha256(concatBytes(tag("ops-raffle/v1/commit"), hexBytes(secret, 32, "commitSeed", ["secret"]))));
}
