import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { compareBytes, hasLoneSurrogate, utf8 } from "../_lib/bytes";
import { MAX_ID_BYTES } from "../_lib/leaf";
import type { ScoredEntrant, ScoredShard } from "./scoreShard";

const Hex32 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 64 lower-case hex digits" })))();

/** What scoreShard returns, checked before a merge (misuse gets a named field, never a TypeError or NaN). */
const ScoredShardSchema = /* @__PURE__ */ (() =>
  z.object({
    seed: Hex32,
    size: z.int().check(z.minimum(0)),
    hashes: z.int().check(z.minimum(0)),
    top: z.array(z.unknown()),
  }))();

const ScoredEntrantSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(
      z.minLength(1),
      z.maxLength(MAX_ID_BYTES),
      z.refine((s) => !hasLoneSurrogate(s), { error: "must not contain an unpaired surrogate" }),
    ),
    weight: z.int().check(z.minimum(1), z.maximum(1_000_000)),
    score: Hex32,
  }))();

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
 *   id found in two shards; `invalid_argument` for a bad `top` or a shard that is not what
 *   {@link scoreShard} returns (seed and scores 64 hex digits, weights integers 1…1000000,
 *   ids well-formed strings, size and hashes whole numbers)
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
  if (!Array.isArray(shards))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["shards"],
      rule: "must be an array of scoreShard results",
      received: shards,
    });
  // shard by shard: the first bad one is reported at once
  for (let i = 0; i < shards.length; i++) {
    const top = parseOrThrow(ScoredShardSchema, shards[i], { fn, path: ["shards", i] }).top;
    for (let j = 0; j < top.length; j++)
      parseOrThrow(ScoredEntrantSchema, top[j], { fn, path: ["shards", i, "top", j] });
  }
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
