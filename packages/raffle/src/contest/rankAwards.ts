import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { hexBytes } from "../_lib/bytes";
import { buildSheets, rankSheets } from "./_lib/awardCore";
import { jcsHash } from "./_lib/jcsHash";
import { checkCount, ListIdSchema, Name, text } from "./_lib/contestSchemas";

/** Most judge scores one award takes (docs/raffle-spec.md §11.5). */
export const MAX_AWARD_SCORES = 1_000_000;

/**
 * Schema of a judging rubric for a topic-discussion award ("your most memorable trip"),
 * docs/raffle-spec.md §11.5: a version and 1 to 100 criteria with distinct ids, each with an
 * integer weight (1–1000) and the highest score a judge may give (`max`, 1–1000; scores are
 * integers from 0 to max).
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
    version: text(100).check(z.minLength(1)),
    criteria: z
      .array(
        z.strictObject({
          id: text(100).check(z.minLength(1)),
          description: z.optional(text(2000)),
          weight: z.int().check(z.minimum(1), z.maximum(1000)),
          max: z.int().check(z.minimum(1), z.maximum(1000)),
        }),
      )
      .check(
        z.minLength(1, { error: "must list at least one criterion" }),
        z.maxLength(100),
        z.refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
          error: "must give each criterion a distinct id",
        }),
      ),
  }))();

/** A rubric; see {@link RubricSchema}. Its criteria may be a read-only array. */
export type Rubric = ReadonlyDeep<z.input<typeof RubricSchema>>;

/**
 * Schema of one judge's score of one entry on one criterion: an integer from 0 to 1000
 * (and at most the criterion's `max`, checked against the rubric).
 *
 * @example
 * ```ts
 * import { JudgeScoreSchema } from "@ops/raffle";
 * JudgeScoreSchema.safeParse({ judge: "j1", entry: "post-A", criterion: "story", score: 7.5 }).success;
 * // => false
 * ```
 */
export const JudgeScoreSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    judge: Name,
    entry: ListIdSchema,
    criterion: text(100).check(z.minLength(1)),
    score: z.int().check(z.minimum(0), z.maximum(1000)),
  }))();

/** One judge's score; see {@link JudgeScoreSchema}. */
export type JudgeScore = ReadonlyDeep<z.input<typeof JudgeScoreSchema>>;

const RankAwardsOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    rubricHash: z.optional(z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { error: "must be 64 hex digits" }))),
  }))();

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
  return jcsHash(parseOrThrow(RubricSchema, rubric, { fn: "rubricHash", path: ["rubric"] }));
}

/**
 * Ranks the entries of a judged award (topic discussion): total = Σ over judges and criteria
 * of score × criterion weight (integers, docs/raffle-spec.md §11.5); rank by total
 * descending, then the seeded tie-break `SHA-256(tag ‖ seed ‖ UTF-8(entry))` ascending, then
 * entry id bytes. The judges and entries are those the scores name; every judge must score
 * every entry on every criterion exactly once, so that a missing score cannot silently sink
 * an entry. For a certificate anyone can check (and a fixed panel and entry list), use
 * {@link runAward}.
 *
 * @param rubric - the rubric whose hash was published
 * @param scores - the judges' scores (at most {@link MAX_AWARD_SCORES}; not mutated)
 * @param seed - 64 hex digits (e.g. a {@link drawSeed} over the award's spec and beacon)
 * @param options - `rubricHash`: the published hash the rubric must match
 * @returns places, best first
 * @throws {OpsError} `conflict` when the rubric does not match the published hash;
 *   `invalid_argument` for an unknown criterion or a missing score (naming judge, entry and
 *   criterion); `out_of_range` for a score above the criterion's max or too many scores;
 *   `duplicate` for a score given twice
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
  checkCount(scores, MAX_AWARD_SCORES, fn, ["scores"]);
  const list = parseOrThrow(z.array(JudgeScoreSchema), scores, { fn, path: ["scores"] });
  const seedBytes = hexBytes(seed, 32, fn, ["seed"]);
  const opts = parseOrThrow(RankAwardsOptionsSchema, options, { fn, path: ["options"] });
  if (opts.rubricHash !== undefined && opts.rubricHash.toLowerCase() !== jcsHash(r)) {
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["rubric"],
      rule: "must hash to the published rubricHash",
      received: opts.rubricHash,
    });
  }
  const judges = [...new Set(list.map((s) => s.judge))];
  const entries = [...new Set(list.map((s) => s.entry.normalize("NFC")))];
  const sheets = buildSheets(r.criteria, judges, entries, list, fn, { entries: ["scores"], scores: ["scores"] });
  return rankSheets(sheets, seedBytes).map((row, i) => ({
    rank: i + 1,
    entry: row.entry,
    total: row.total,
    tiebreak: row.tiebreak,
  }));
}
