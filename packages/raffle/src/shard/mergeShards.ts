import { OpsError } from "@ops/core";
import { utf8, compareBytes } from "../_lib/bytes";
import type { ScoredEntrant, ScoredShard } from "./scoreShard";

/**
 * Merges the results of {@link scoreShard} into the `top` best of the whole list, ranked
 * by (score, UTF-8 id bytes) ascending — the same order {@link drawWinners} uses. All
 * shards must have been scored under the same seed; an id in two shards is refused (the
 * shards must partition the list).
 *
 * @param shards - shard results
 * @param top - how many to keep
 * @returns the best entrants, best first
 * @throws {OpsError} `conflict` for shards scored under different seeds; `duplicate` for an
 *   id found in two shards; `invalid_argument` for a bad `top`
 *
 * @example
 * ```ts
 * import { mergeShards } from "@ops/raffle";
 * const seed = "00".repeat(32);
 * const merged = mergeShards([
 *   { seed, size: 1, hashes: 1, top: [{ id: "b", weight: 1, score: "02".repeat(32) }] },
 *   { seed, size: 1, hashes: 1, top: [{ id: "a", weight: 1, score: "01".repeat(32) }] },
 * ], 1);
 * merged.map((e) => e.id);
 * // => ["a"]
 * ```
 */
export function mergeShards(shards: readonly ScoredShard[], top: number): readonly ScoredEntrant[] {
  const fn = "mergeShards";
  if (!Number.isInteger(top) || top < 0)
    throw new OpsError({ code: "invalid_argument", fn, path: ["top"], rule: "must be an integer ≥ 0", received: top });
  const seed = shards[0]?.seed;
  const all: ScoredEntrant[] = [];
  const seen = new Set<string>();
  shards.forEach((shard, i) => {
    if (shard.seed !== seed)
      throw new OpsError({
        code: "conflict",
        fn,
        path: ["shards", i, "seed"],
        rule: "must equal the seed of shards[0]",
        received: shard.seed,
      });
    for (const e of shard.top) {
      if (seen.has(e.id))
        throw new OpsError({
          code: "duplicate",
          fn,
          path: ["shards", i],
          rule: "must not share an id with another shard",
          received: e.id,
        });
      seen.add(e.id);
      all.push(e);
    }
  });
  all.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : compareBytes(utf8(a.id), utf8(b.id))));
  return all.slice(0, top);
}
