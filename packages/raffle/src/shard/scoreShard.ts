import { OpsError } from "@ops/core";
import { hexBytes } from "../_lib/bytes";
import { isEntrantList } from "../_lib/isEntrantList";
import { rankTop } from "../_lib/rank";
import { compileEntrants, type EntrantInput, type EntrantList } from "../list/compileEntrants";

/** One scored entrant of a shard. */
export interface ScoredEntrant {
  readonly id: string;
  readonly weight: number;
  /** 64 hex digits; lower is better. */
  readonly score: string;
}

/** The best entrants of one shard, best first, with the seed they were scored under. */
export interface ScoredShard {
  readonly seed: string;
  readonly top: readonly ScoredEntrant[];
  /** Entrants in the shard and score hashes computed (Σ weight). */
  readonly size: number;
  readonly hashes: number;
}

/** A slice of a compiled list, `list.ids[start … end)`. */
export interface ListSlice {
  readonly list: EntrantList;
  readonly start: number;
  readonly end: number;
}

/**
 * Scores one shard of a draw and keeps its `top` best entrants — the unit of work for
 * spreading a large draw over worker threads or machines. Shards may be any partition of
 * the list (by range, by hash, in any order); {@link mergeShards} of the shards' results
 * equals the top of the whole list, because the k best of a union are among the k best of
 * each part. Use `top` = all tier seats + alternates. `seed` comes from
 * {@link drawSeed}(specHash, listRoot, randomness); the shard's ids must be list ids
 * (canonical ids or pseudonyms) with their weights.
 *
 * @param seed - 64 hex digits
 * @param shard - `{ id, weight }` entrants, or a slice `{ list, start, end }` of a compiled list
 * @param top - how many to keep (≥ 0)
 * @returns the shard's best, best first
 * @throws {OpsError} `invalid_argument` for a bad seed, top, slice or entrant
 *
 * @example
 * ```ts
 * import { mergeShards, scoreShard } from "@ops/raffle";
 * const seed = "77".repeat(32);
 * const all = [{ id: "a" }, { id: "b", weight: 2 }, { id: "c" }, { id: "d" }];
 * const merged = mergeShards([scoreShard(seed, all.slice(0, 1), 2), scoreShard(seed, all.slice(1), 2)], 2);
 * merged.map((e) => e.id).join() === scoreShard(seed, all, 2).top.map((e) => e.id).join();
 * // => true
 * ```
 */
export function scoreShard(seed: string, shard: readonly EntrantInput[] | ListSlice, top: number): ScoredShard {
  const fn = "scoreShard";
  const seedBytes = hexBytes(seed, 32, fn, ["seed"]);
  if (!Number.isInteger(top) || top < 0)
    throw new OpsError({ code: "invalid_argument", fn, path: ["top"], rule: "must be an integer ≥ 0", received: top });
  let source: { idBytes: Uint8Array; idOffsets: Uint32Array; weights: Uint32Array | readonly number[] };
  let ids: readonly string[];
  let start: number;
  let end: number;
  if (Array.isArray(shard)) {
    const list = compileEntrants(shard);
    source = list;
    ids = list.ids;
    start = 0;
    end = list.size;
  } else {
    const slice = shard as ListSlice | null;
    if (
      typeof slice !== "object" ||
      slice === null ||
      !isEntrantList(slice.list, fn, ["shard", "list"]) ||
      !Number.isInteger(slice.start) ||
      !Number.isInteger(slice.end) ||
      slice.start < 0 ||
      slice.end > slice.list.size ||
      slice.start > slice.end
    ) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["shard"],
        rule: "must be entrants or { list, start, end } with 0 ≤ start ≤ end ≤ list.size",
        received: slice === null || typeof slice !== "object" ? slice : { start: slice.start, end: slice.end },
      });
    }
    source = slice.list;
    ids = slice.list.ids;
    start = slice.start;
    end = slice.end;
  }
  const counter = { hashes: 0 };
  const best = rankTop(source, seedBytes, top, start, end, counter);
  return {
    seed: seed.toLowerCase(),
    top: best.map((b) => ({ id: ids[b.index] as string, weight: source.weights[b.index] as number, score: b.score })),
    size: end - start,
    hashes: counter.hashes,
  };
}
