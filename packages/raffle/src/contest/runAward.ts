import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { hexToBytes } from "../_lib/bytes";
import { buildSheets, rankSheets } from "./_lib/awardCore";
import { contestRandomness } from "./_lib/contestRandomness";
import { jcsHash } from "./_lib/jcsHash";
import { proofsOf, rootOf } from "./_lib/contestList";
import { parseAwardInputs } from "./_lib/parseAwardInputs";
import type { DrawRandomness } from "../_lib/resolveRandomness";
import { DrandChainSchema } from "../beacon/quicknet";
import { drawSeed } from "../draw/drawSeed";
import type { AwardCertificate } from "./AwardCertificateSchema";
import type { AwardInputs } from "./AwardInputsSchema";
import { type AwardSpecInput, AwardSpecSchema } from "./AwardSpecSchema";
import { type Rubric, RubricSchema } from "./rankAwards";
import type { RunContestOptions } from "./runQuiz";

const RunOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ trustedChains: z.optional(z.array(DrandChainSchema).check(z.maxLength(100))) }))();

/**
 * Runs a judged award and writes its certificate, format `ops-raffle/v1.1`, type `award`
 * (docs/raffle-spec.md §11): checks the rubric against the spec's `rubricHash`, builds one
 * score sheet per entry (§11.5: every panel judge scores every entry on every criterion
 * exactly once, integers 0 … max — a missing, duplicate, unknown or out-of-range score is
 * refused, naming judge, entry and criterion), takes the randomness as a draw does, derives
 * the seed `SHA-256(tag ‖ specHash ‖ listRoot ‖ randomness)` (§7) over the sheets' list
 * root, ranks by total (Σ score × weight) ↓, tie-break ↑, entry id bytes ↑ and lists the
 * first `spec.places` places with their sheets and inclusion proofs. Check it with
 * {@link verifyAward}.
 *
 * @param spec - the published award spec
 * @param rubric - the rubric whose hash the spec holds
 * @param inputs - the entries and the judges' scores (not mutated)
 * @param randomness - a verified beacon, or `{ secret }` for a commit spec
 * @param options - `trustedChains`
 * @returns the certificate
 * @throws {OpsError} `conflict` when the rubric does not match `rubricHash`, for a later
 *   round or a secret that does not open the commitment; `invalid_argument` for a bad spec,
 *   rubric, input or option, a score naming an unknown entry, judge or criterion, a missing
 *   score, randomness of the wrong kind, an unverified beacon or an untrusted chain;
 *   `duplicate` for an entry listed twice or a score given twice; `out_of_range` for a score
 *   above its criterion's max, too many entries or scores, or a round earlier than the spec fixes
 *
 * @example
 * ```ts
 * import { commitSeed, rubricHash, runAward, verifyAward } from "@ops/raffle";
 * const rubric = { version: "1", criteria: [{ id: "story", weight: 2, max: 10 }, { id: "photo", weight: 1, max: 5 }] };
 * const secret = "07".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", type: "award", campaignId: "trip", rubricHash: rubricHash(rubric),
 *   judges: ["j1"], places: 2, closeAt: 5000, randomness: { kind: "commit", commitment: commitSeed(secret) },
 * } as const;
 * const s = (entry: string, criterion: string, score: number) => ({ judge: "j1", entry, criterion, score });
 * const inputs = {
 *   entries: ["post-A", "post-B"],
 *   scores: [s("post-A", "story", 8), s("post-A", "photo", 5), s("post-B", "story", 9), s("post-B", "photo", 2)],
 * };
 * const cert = runAward(spec, rubric, inputs, { secret });
 * [cert.places.map((p) => [p.entry, p.total]), verifyAward(cert, inputs).ok];
 * // => [[["post-A", 21], ["post-B", 20]], true]
 * ```
 */
export function runAward(
  spec: AwardSpecInput,
  rubric: Rubric,
  inputs: AwardInputs,
  randomness: DrawRandomness,
  options: RunContestOptions = {},
): AwardCertificate {
  const fn = "runAward";
  const s = parseOrThrow(AwardSpecSchema, spec, { fn, path: ["spec"] });
  const r = parseOrThrow(RubricSchema, rubric, { fn, path: ["rubric"] });
  if (jcsHash(r) !== s.rubricHash)
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["rubric"],
      rule: "must hash to the spec's rubricHash (the rubric published before judging)",
    });
  const given = parseAwardInputs(inputs, fn);
  const { trustedChains } = parseOrThrow(RunOptionsSchema, options, { fn, path: ["options"] });
  const sheets = buildSheets(r.criteria, s.judges, given.entries, given.scores, fn, {
    entries: ["inputs", "entries"],
    scores: ["inputs", "scores"],
  });
  const leaves = sheets.map((sheet) => sheet.leaf);
  const root = rootOf(leaves);
  const cr = contestRandomness(s, randomness, fn, trustedChains);
  const specHash = jcsHash(s);
  const seed = drawSeed(specHash, root, cr.randomness);
  const top = rankSheets(sheets, hexToBytes(seed)).slice(0, s.places);
  const proofs = proofsOf(
    leaves,
    top.map((p) => p.index),
  );
  return {
    format: "ops-raffle/v1.1",
    type: "award",
    spec: s,
    specHash,
    rubric: r,
    entries: { root, size: sheets.length },
    randomness: cr as AwardCertificate["randomness"],
    seed,
    places: top.map((p, i) => ({
      rank: i + 1,
      entry: p.entry,
      total: p.total,
      tiebreak: p.tiebreak,
      scores: p.scores.map((x) => ({ ...x })),
      index: p.index,
      proof: proofs[i] as string[],
    })),
  };
}
