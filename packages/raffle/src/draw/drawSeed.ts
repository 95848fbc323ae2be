import { bytesToHex, concatBytes, hexBytes } from "../_lib/bytes";
import { sha256Fast as sha256 } from "../_lib/sha256";
import { tag } from "../_lib/tags";

/**
 * The seed of a draw: `SHA-256(tag("ops-raffle/v1/seed") ‖ specHash ‖ listRoot ‖
 * randomness)`, 32 + 3 × 32 = 128 bytes hashed (docs/raffle-spec.md §7). It binds the
 * result to the published spec, the published list and the beacon: change any of them and
 * every score changes.
 *
 * @param specHashHex - 64 hex digits (see {@link specHash})
 * @param listRootHex - 64 hex digits (the entrant list's Merkle root)
 * @param randomnessHex - 64 hex digits (the beacon's randomness or the revealed seed's)
 * @returns 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` if an input is not 32 bytes of hex
 *
 * @example
 * ```ts
 * import { drawSeed } from "@ops/raffle";
 * drawSeed("00".repeat(32), "11".repeat(32), "22".repeat(32)) === drawSeed("00".repeat(32), "11".repeat(32), "23".repeat(32));
 * // => false
 * ```
 */
export function drawSeed(specHashHex: string, listRootHex: string, randomnessHex: string): string {
  const fn = "drawSeed";
  return bytesToHex(
    sha256(
      concatBytes(
        tag("ops-raffle/v1/seed"),
        hexBytes(specHashHex, 32, fn, ["specHash"]),
        hexBytes(listRootHex, 32, fn, ["listRoot"]),
        hexBytes(randomnessHex, 32, fn, ["randomness"]),
      ),
    ),
  );
}
