import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { hexBytes, utf8 } from "../_lib/bytes";
import { tiebreak } from "../_lib/tiebreak";
import { compareUtf8 } from "../_lib/utf8Order";
import { canonicalJson } from "../canonical/canonicalJson";

/**
 * Schema of a judging rubric for a topic-discussion award ("your most memorable trip"):
 * criteria with an integer weight and the highest score a judge may give.
 *
 * @example
 * ```ts
 * import { RubricSchema } from "@ops/raffle";
 * RubricSchema.safeParse({ version: "1", criteria: [{ id: "story", weight: 2, max: 10 }] }).success;
 * // => true
 * ```
 */
export const RubricSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    version: z.string().check(z.minLength(1), z.maxLength(100)),
    criteria: z
      .array(
        z.strictObject({
          id: z.string().check(z.minLength(1), z.maxLength(100)),
          description: z.optional(z.string().check(z.maxLength(2000))),
          weight: z.int().check(z.minimum(1), z.maximum(1000)),
          max: z.int().check(z.minimum(1), z.maximum(1000)),
        }),
      )
      .check(z.minLength(1, { error: "must list at least one criterion" })),
  }))();

/** A rubric; see {@link RubricSchema}. Its criteria may be a read-only array. */
export type Rubric = ReadonlyDeep<z.input<typeof RubricSchema>>;

/** Schema of one judge's score of one entry on one criterion (an integer 0 … max). */
export const JudgeScoreSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    judge: z.string().check(z.minLength(1), z.maxLength(200)),
    entry: z.string().check(z.minLength(1), z.maxLength(1024)),
    criterion: z.string().check(z.minLength(1), z.maxLength(100)),
    score: z.int().check(z.minimum(0)),
  }))();

/** One judge's score; see {@link JudgeScoreSchema}. */
export type JudgeScore = ReadonlyDeep<z.input<typeof JudgeScoreSchema>>;

/** Options of {@link rankAwards}. */
export interface RankAwardsOptions {
  /** The published {@link rubricHash} the rubric must match. */
  readonly rubricHash?: string;
}

/** One ranked entry of an award. */
export interface AwardPlace {
  readonly rank: number;
  readonly entry: string;
  /** Σ over judges and criteria of score × criterion weight. */
  readonly total: number;
  readonly tiebreak: string;
}

/**
 * The hash to publish before judging: SHA-256 of the rubric's canonical JSON (RFC 8785),
 * so that judges cannot change the criteria once they have seen the entries.
 *
 * @param rubric - the rubric
 * @returns 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` for a rubric that breaks {@link RubricSchema}
 *
 * @example
 * ```ts
 * import { rubricHash } from "@ops/raffle";
 * rubricHash({ version: "1", criteria: [{ id: "story", weight: 2, max: 10 }] }).length;
 * // => 64
 * ```
 */
export function rubricHash(rubric: Rubric): string {
  return bytesToHex(
    sha256(utf8(canonicalJson(parseOrThrow(RubricSchema, rubric, { fn: "rubricHash", path: ["rubric"] })))),
  );
}

/**
 * Ranks the entries of a judged award (topic discussion): total = Σ over judges and criteria
 * of score × criterion weight (integers, docs/raffle-spec.md §11); rank by total
 * descending, then the seeded tie-break `SHA-256(tag ‖ seed ‖ UTF-8(entry))` ascending, then
 * entry id bytes. Every judge must score every entry on every criterion exactly once, so
 * that a missing score cannot silently sink an entry.
 *
 * @param rubric - the rubric whose hash was published
 * @param scores - the judges' scores (not mutated)
 * @param seed - 64 hex digits (e.g. a {@link drawSeed} over the award's spec and beacon)
 * @param options - `rubricHash`: the published hash the rubric must match
 * @returns places, best first
 * @throws {OpsError} `conflict` when the rubric does not match the published hash;
 *   `invalid_argument` for an unknown criterion, a score above the criterion's max or a
 *   missing score; `duplicate` for a score given twice
 *
 * @example
 * ```ts
 * import { rankAwards } from "@ops/raffle";
 * const rubric = { version: "1", criteria: [{ id: "story", weight: 2, max: 10 }, { id: "photo", weight: 1, max: 5 }] };
 * const s = (judge: string, entry: string, criterion: string, score: number) => ({ judge, entry, criterion, score });
 * const places = rankAwards(rubric, [
 *   s("j1", "post-A", "story", 8), s("j1", "post-A", "photo", 5),
 *   s("j1", "post-B", "story", 9), s("j1", "post-B", "photo", 2),
 * ], "00".repeat(32));
 * places.map((p) => [p.entry, p.total]);
 * // => [["post-A", 21], ["post-B", 20]]
 * ```
 */
export function rankAwards(
  rubric: Rubric,
  scores: readonly JudgeScore[],
  seed: string,
  options: RankAwardsOptions = {},
): readonly AwardPlace[] {
  const fn = "rankAwards";
  const r = parseOrThrow(RubricSchema, rubric, { fn, path: ["rubric"] });
  const list = parseOrThrow(z.array(JudgeScoreSchema), scores, { fn, path: ["scores"] });
  const seedBytes = hexBytes(seed, 32, fn, ["seed"]);
  if (options.rubricHash !== undefined && options.rubricHash.toLowerCase() !== rubricHash(r)) {
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["rubric"],
      rule: "must hash to the published rubricHash",
      received: options.rubricHash,
    });
  }
  const criteria = new Map(r.criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  const judges = new Set<string>();
  list.forEach((s, i) => {
    const c = criteria.get(s.criterion);
    if (!c)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["scores", i, "criterion"],
        rule: "must be a criterion of the rubric",
        received: s.criterion,
      });
    if (s.score > c.max)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["scores", i, "score"],
        rule: `must be at most ${c.max} for ${c.id}`,
        received: s.score,
      });
    const k = JSON.stringify([s.judge, s.entry, s.criterion]);
    if (seen.has(k))
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["scores", i],
        rule: "must give one score per judge, entry and criterion",
        received: s,
      });
    seen.add(k);
    judges.add(s.judge);
    totals.set(s.entry, (totals.get(s.entry) ?? 0) + s.score * c.weight);
  });
  for (const judge of judges) {
    for (const entry of totals.keys()) {
      for (const c of r.criteria) {
        if (!seen.has(JSON.stringify([judge, entry, c.id]))) {
          throw new OpsError({
            code: "invalid_argument",
            fn,
            path: ["scores"],
            rule: `must include judge ${judge}'s score of ${entry} on ${c.id}`,
          });
        }
      }
    }
  }
  const rows = [...totals].map(([entry, total]) => ({ entry, total, tiebreak: tiebreak(seedBytes, entry) }));
  rows.sort(
    (a, b) =>
      b.total - a.total ||
      (a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0) ||
      compareUtf8(a.entry, b.entry),
  );
  return rows.map((row, i) => ({ rank: i + 1, ...row }));
}
