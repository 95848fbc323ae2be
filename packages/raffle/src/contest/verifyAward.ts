import { type ErrorPath, type Failure, failure, isOpsError, type Verification, verification } from "@ops/core";
import { hexToBytes } from "../_lib/bytes";
import {
  buildSheets,
  compareAwardRows,
  compareSheetScores,
  rankSheets,
  type Sheet,
  sheetLeaf,
  sheetTotal,
} from "./_lib/awardCore";
import { headerFailures, parseVerifyOptions } from "./_lib/contestHeader";
import { proofsOf, rootFromProof, rootOf } from "./_lib/contestList";
import { jcsHash } from "./_lib/jcsHash";
import { parseAwardInputs } from "./_lib/parseAwardInputs";
import { parseContest } from "./_lib/parseContest";
import { tiebreak } from "./_lib/tiebreak";
import { canonicalJson } from "../canonical/canonicalJson";
import { type AwardCertificate, AwardCertificateSchema } from "./AwardCertificateSchema";
import type { AwardInputs } from "./AwardInputsSchema";
import type { ContestVerified, VerifyContestOptions } from "./verifyQuiz";

/** Codes of the mismatches {@link verifyAward} reports (docs/raffle-spec.md §11.6). */
export type AwardMismatchCode =
  | "spec_hash"
  | "expected_spec_hash"
  | "expected_list_root"
  | "untrusted_chain"
  | "randomness"
  | "seed"
  | "rubric_hash"
  | "places"
  | "inclusion"
  | "scores"
  | "total"
  | "tiebreak"
  | "ranking"
  | "inputs"
  | "list_root"
  | "list_size"
  | "rerun";

/** One thing in an award certificate that does not hold. */
export type AwardMismatch = Failure<AwardMismatchCode>;

/**
 * Checks an award certificate and reports every mismatch (docs/raffle-spec.md §11.6).
 *
 * Always checked, from the certificate alone: the spec hash (and `expectedSpecHash`,
 * `expectedListRoot` when given); the randomness, as {@link verifyDraw} checks it; the
 * seed; that the revealed rubric matches the spec's `rubricHash`; that there are
 * `min(places, size)` places ranked 1, 2, 3 … with distinct NFC entry ids; and for each
 * place that its score sheet is complete (each panel judge × each criterion once, in sheet
 * order, 0 … max), its inclusion proof in the list of sheets, its total = Σ score × weight,
 * its tie-break, and the ranking order. With the published entries and scores, also the
 * list's root and size and a full re-run — so that no better-scored entry was left out.
 *
 * @param certificate - a certificate from {@link runAward}
 * @param inputs - the published entries and scores, optional
 * @param options - published hashes to compare with, trusted chains
 * @returns `ok({ listChecked })`, or `err` with every {@link AwardMismatch}
 * @throws {OpsError} `unsupported_version` for another format version; `invalid_argument`
 *   for a certificate of another type, bad options, or inputs that break
 *   {@link AwardInputsSchema} or hold too many items (`out_of_range`); `corrupt_data` for a
 *   certificate that breaks {@link AwardCertificateSchema}. Inputs that are well-formed but
 *   break a §11.5 rule under the certificate's rubric and panel (a missing, duplicate,
 *   unknown or out-of-range score) are reported as the failure `inputs`.
 *
 * @example
 * ```ts
 * import { commitSeed, rubricHash, runAward, verifyAward } from "@ops/raffle";
 * const rubric = { version: "1", criteria: [{ id: "story", weight: 2, max: 10 }] };
 * const spec = {
 *   format: "ops-raffle/v1.1", type: "award", campaignId: "trip", rubricHash: rubricHash(rubric),
 *   judges: ["j1"], places: 1, closeAt: 5000, randomness: { kind: "commit", commitment: commitSeed("07".repeat(32)) },
 * } as const;
 * const inputs = { entries: ["post-A"], scores: [{ judge: "j1", entry: "post-A", criterion: "story", score: 8 }] };
 * const cert = runAward(spec, rubric, inputs, { secret: "07".repeat(32) });
 * const forged = { ...cert, places: [{ ...cert.places[0]!, total: 17 }] };
 * const result = verifyAward(forged);
 * result.ok ? [] : result.error.map((f) => f.code);
 * // => ["total"]
 * ```
 */
export function verifyAward(
  certificate: AwardCertificate,
  inputs?: AwardInputs,
  options?: VerifyContestOptions,
): Verification<ContestVerified, AwardMismatchCode> {
  const fn = "verifyAward";
  const cert = parseContest(AwardCertificateSchema, certificate, "award", fn);
  const opts = parseVerifyOptions(options, fn);
  const out: AwardMismatch[] = headerFailures(cert, cert.entries.root, ["entries", "root"], opts);
  const add = (code: AwardMismatchCode, message: string, path: ErrorPath): void => {
    out.push(failure(code, message, path));
  };
  const { spec, rubric, entries, seed } = cert;
  if (jcsHash(rubric) !== spec.rubricHash)
    add("rubric_hash", "the rubric does not hash to the spec's rubricHash", ["rubric"]);
  const expectedPlaces = Math.min(spec.places, entries.size);
  if (cert.places.length !== expectedPlaces)
    add("places", `lists ${cert.places.length} places; min(places, size) is ${expectedPlaces}`, ["places"]);
  const criteria = new Map(rubric.criteria.map((c) => [c.id, c]));
  const seedBytes = hexToBytes(seed);
  const ids = new Set<string>();
  cert.places.forEach((p, i) => {
    const path = ["places", i];
    if (p.rank !== i + 1) add("places", `rank ${p.rank} at place ${i + 1}; ranks run 1, 2, 3 …`, [...path, "rank"]);
    if (p.entry !== p.entry.normalize("NFC")) add("places", "the entry id is not in NFC", [...path, "entry"]);
    if (ids.has(p.entry)) add("places", `${p.entry} is listed twice`, [...path, "entry"]);
    ids.add(p.entry);
    const sheetProblem = sheetProblemOf(p.scores, spec.judges, rubric.criteria);
    if (sheetProblem !== null) add("scores", sheetProblem, [...path, "scores"]);
    if (rootFromProof(sheetLeaf(p.entry, p.scores), p.index, entries.size, p.proof) !== entries.root)
      add("inclusion", "the score sheet and its proof do not give the list root", [...path, "proof"]);
    if (sheetTotal(p.scores, criteria) !== p.total)
      add("total", "total is not Σ score × criterion weight", [...path, "total"]);
    if (tiebreak(seedBytes, p.entry) !== p.tiebreak)
      add("tiebreak", "tiebreak is not SHA-256(tag ‖ seed ‖ UTF-8(entry))", [...path, "tiebreak"]);
    const prev = cert.places[i - 1];
    if (prev && compareAwardRows(prev, p) >= 0) add("ranking", `place ${i + 1} should rank before place ${i}`, path);
  });
  if (inputs !== undefined) {
    const given = parseAwardInputs(inputs, fn);
    const sheets = sheetsOrFailure(() =>
      buildSheets(rubric.criteria, spec.judges, given.entries, given.scores, fn, {
        entries: ["inputs", "entries"],
        scores: ["inputs", "scores"],
      }),
    );
    if ("failure" in sheets) out.push(sheets.failure);
    else rerunAward(cert, sheets.value, seedBytes, add);
  }
  return verification({ listChecked: inputs !== undefined }, out);
}

/** The published inputs' sheets, or the §11.5 rule they break against the certificate's rubric and panel. */
function sheetsOrFailure(build: () => Sheet[]): { value: Sheet[] } | { failure: AwardMismatch } {
  try {
    return { value: build() };
  } catch (error) {
    if (!isOpsError(error)) throw error;
    return {
      failure: failure(
        "inputs",
        `the published inputs break a rule of §11.5 under the certificate's rubric and panel: ${error.message}`,
        error.path,
      ),
    };
  }
}

/** Step 6 of §11.6: the list's root and size, and the re-run. */
function rerunAward(
  cert: AwardCertificate,
  sheets: readonly Sheet[],
  seedBytes: Uint8Array,
  add: (code: AwardMismatchCode, message: string, path: ErrorPath) => void,
): void {
  const { entries, spec } = cert;
  const leaves = sheets.map((s) => s.leaf);
  if (rootOf(leaves) !== entries.root)
    add("list_root", "the given entries and scores give another Merkle root", ["entries", "root"]);
  if (sheets.length !== entries.size)
    add("list_size", `the given list has ${sheets.length} entries, the certificate says ${entries.size}`, [
      "entries",
      "size",
    ]);
  const top = rankSheets(sheets, seedBytes).slice(0, spec.places);
  const proofs = proofsOf(
    leaves,
    top.map((p) => p.index),
  );
  const rerun = top.map((p, i) => ({
    rank: i + 1,
    entry: p.entry,
    total: p.total,
    tiebreak: p.tiebreak,
    scores: p.scores,
    index: p.index,
    proof: proofs[i],
  }));
  if (canonicalJson(rerun) !== canonicalJson(cert.places))
    add("rerun", "re-running the award over the entries and scores gives other places", ["places"]);
}

/** Why a listed sheet is not one score per panel judge × criterion, in sheet order, 0 … max; or null. */
function sheetProblemOf(
  scores: AwardCertificate["places"][number]["scores"],
  judges: readonly string[],
  criteria: AwardCertificate["rubric"]["criteria"],
): string | null {
  const max = new Map(criteria.map((c) => [c.id, c.max]));
  const panel = new Set(judges);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as (typeof scores)[number];
    if (!panel.has(s.judge)) return `scores[${i}]: ${s.judge} is not a judge of the panel`;
    const m = max.get(s.criterion);
    if (m === undefined) return `scores[${i}]: ${s.criterion} is not a criterion of the rubric`;
    if (s.score > m) return `scores[${i}]: ${s.score} is above ${s.criterion}'s max ${m}`;
    const prev = scores[i - 1];
    if (prev && compareSheetScores(prev, s) >= 0)
      return `scores[${i}]: scores must be in (judge, criterion) order, each pair once`;
  }
  if (scores.length !== judges.length * criteria.length)
    return `the sheet has ${scores.length} scores; ${judges.length} judges × ${criteria.length} criteria is ${judges.length * criteria.length}`;
  return null;
}
