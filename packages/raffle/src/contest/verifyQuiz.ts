import {
  type ErrorPath,
  type Failure,
  failure,
  isOpsError,
  parseOrThrow,
  type Verification,
  verification,
} from "@ops/core";
import * as z from "zod/mini";
import { hexToBytes } from "../_lib/bytes";
import { commitmentOf } from "./_lib/commitmentOf";
import { headerFailures, parseVerifyOptions } from "./_lib/contestHeader";
import { proofsOf, recordLeaf, rootFromProof, rootOf } from "./_lib/contestList";
import { checkCount } from "./_lib/contestSchemas";
import { parseContest } from "./_lib/parseContest";
import { compareQuizRows, correctAnswers, foldKey, listSubmissions, rankSubmissions } from "./_lib/quizCore";
import { tiebreak } from "./_lib/tiebreak";
import type { DrandChain } from "../beacon/quicknet";
import { canonicalJson } from "../canonical/canonicalJson";
import { type QuizCertificate, QuizCertificateSchema } from "./QuizCertificateSchema";
import { MAX_QUIZ_SUBMISSIONS, type QuizSubmission, QuizSubmissionSchema } from "./rankQuiz";

/** Codes of the mismatches {@link verifyQuiz} reports (docs/raffle-spec.md §11.6). */
export type QuizMismatchCode =
  | "spec_hash"
  | "expected_spec_hash"
  | "expected_list_root"
  | "untrusted_chain"
  | "randomness"
  | "seed"
  | "answer_key"
  | "counts"
  | "places"
  | "inclusion"
  | "received_at"
  | "correct"
  | "tiebreak"
  | "ranking"
  | "inputs"
  | "list_root"
  | "list_size"
  | "rerun";

/** One thing in a quiz certificate that does not hold. */
export type QuizMismatch = Failure<QuizMismatchCode>;

/** Options of a contest verification. Shared by {@link verifyQuiz} and {@link verifyAward}. */
export interface VerifyContestOptions {
  /** The spec hash the organiser published before the contest opened (either case). */
  readonly expectedSpecHash?: string;
  /** The list root the organiser published before the randomness existed (either case). */
  readonly expectedListRoot?: string;
  /** drand chains besides the pinned quicknet to accept (compared member by member). */
  readonly trustedChains?: readonly DrandChain[];
}

/** What a successful {@link verifyQuiz} or {@link verifyAward} could check. */
export interface ContestVerified {
  /** True when the published inputs were given, so that the whole ranking was re-run. */
  readonly listChecked: boolean;
}

/**
 * Checks a quiz certificate and reports every mismatch (docs/raffle-spec.md §11.6).
 *
 * Always checked, from the certificate alone: the spec hash (and `expectedSpecHash`,
 * `expectedListRoot` when given); the randomness, as {@link verifyDraw} checks it (BLS
 * signature under a pinned or trusted chain, the round the spec fixes; or the secret against
 * the commitment); the seed; that the revealed key opens the spec's `answerKeyCommitment`;
 * that size = counted + late + resubmissions; that there are `min(places, counted)` places
 * ranked 1, 2, 3 … with distinct NFC ids; and for each place its inclusion proof in the
 * submission list, a receive instant at or before `closeAt`, its correct answers against the
 * revealed key, its tie-break, and the ranking order. With the published submissions, also
 * the list's root, size and counts and a full re-run of the ranking — so that nobody who
 * did better was left out and each place is the entrant's first submission.
 *
 * @param certificate - a certificate from {@link runQuiz}
 * @param submissions - the published submissions, optional
 * @param options - published hashes to compare with, trusted chains
 * @returns `ok({ listChecked })`, or `err` with every {@link QuizMismatch}
 * @throws {OpsError} `unsupported_version` for another format version; `invalid_argument`
 *   for a certificate of another type, bad submissions or options; `out_of_range` for too
 *   many submissions; `corrupt_data` for a certificate that breaks
 *   {@link QuizCertificateSchema}. Published submissions that hold two different
 *   submissions of one entrant at the same instant are reported as the failure `inputs`.
 *
 * @example
 * ```ts
 * import { answerKeyCommitment, commitSeed, runQuiz, verifyQuiz } from "@ops/raffle";
 * const answerKey = { salt: "5a".repeat(32), key: { q1: "b" } };
 * const spec = {
 *   format: "ops-raffle/v1.1", type: "quiz", campaignId: "riddles", places: 1, closeAt: 5000,
 *   answerKeyCommitment: answerKeyCommitment(answerKey),
 *   randomness: { kind: "commit", commitment: commitSeed("07".repeat(32)) },
 * } as const;
 * const cert = runQuiz(spec, answerKey, [{ id: "qq::1", answers: { q1: "b" }, receivedAt: 1 }], { secret: "07".repeat(32) });
 * const forged = { ...cert, places: [{ ...cert.places[0]!, correct: 2 }] };
 * const result = verifyQuiz(forged);
 * result.ok ? [] : result.error.map((f) => f.code);
 * // => ["correct"]
 * ```
 */
export function verifyQuiz(
  certificate: QuizCertificate,
  submissions?: readonly QuizSubmission[],
  options?: VerifyContestOptions,
): Verification<ContestVerified, QuizMismatchCode> {
  const fn = "verifyQuiz";
  const cert = parseContest(QuizCertificateSchema, certificate, "quiz", fn);
  const opts = parseVerifyOptions(options, fn);
  const out: QuizMismatch[] = headerFailures(cert, cert.submissions.root, ["submissions", "root"], opts);
  const add = (code: QuizMismatchCode, message: string, path: ErrorPath): void => {
    out.push(failure(code, message, path));
  };
  const { spec, answerKey, submissions: list, seed } = cert;
  if (commitmentOf(answerKey.salt, answerKey.key) !== spec.answerKeyCommitment)
    add("answer_key", "the revealed salt and key do not open the spec's answerKeyCommitment", ["answerKey"]);
  if (list.size !== list.counted + list.late + list.resubmissions)
    add("counts", "size is not counted + late + resubmissions", ["submissions"]);
  const expectedPlaces = Math.min(spec.places, list.counted);
  if (cert.places.length !== expectedPlaces)
    add("places", `lists ${cert.places.length} places; min(places, counted) is ${expectedPlaces}`, ["places"]);
  const key = foldKey(answerKey.key);
  const seedBytes = hexToBytes(seed);
  const ids = new Set<string>();
  cert.places.forEach((p, i) => {
    const path = ["places", i];
    if (p.rank !== i + 1) add("places", `rank ${p.rank} at place ${i + 1}; ranks run 1, 2, 3 …`, [...path, "rank"]);
    if (p.id !== p.id.normalize("NFC")) add("places", "the id is not in NFC", [...path, "id"]);
    if (ids.has(p.id)) add("places", `${p.id} is listed twice`, [...path, "id"]);
    ids.add(p.id);
    const leaf = recordLeaf({ id: p.id, answers: p.answers, receivedAt: p.receivedAt });
    if (rootFromProof(leaf, p.index, list.size, p.proof) !== list.root)
      add("inclusion", "the submission and its proof do not give the list root", [...path, "proof"]);
    if (p.receivedAt > spec.closeAt)
      add("received_at", "the submission was received after closeAt", [...path, "receivedAt"]);
    if (correctAnswers(p.answers, key) !== p.correct)
      add("correct", "correct is not the number of answers that match the revealed key", [...path, "correct"]);
    if (tiebreak(seedBytes, p.id) !== p.tiebreak)
      add("tiebreak", "tiebreak is not SHA-256(tag ‖ seed ‖ UTF-8(id))", [...path, "tiebreak"]);
    const prev = cert.places[i - 1];
    if (prev && compareQuizRows(prev, p) >= 0) add("ranking", `place ${i + 1} should rank before place ${i}`, path);
  });
  if (submissions !== undefined) {
    checkCount(submissions, MAX_QUIZ_SUBMISSIONS, fn, ["submissions"]);
    const subs = parseOrThrow(z.array(QuizSubmissionSchema), submissions, { fn, path: ["submissions"] });
    let given: ReturnType<typeof listSubmissions>;
    try {
      given = listSubmissions(subs, spec.closeAt, fn, ["submissions"]);
    } catch (error) {
      if (!isOpsError(error)) throw error;
      add("inputs", `the published submissions break a rule of §11.3: ${error.message}`, error.path);
      return verification({ listChecked: true }, out);
    }
    if (rootOf(given.leaves) !== list.root)
      add("list_root", "the given submissions' Merkle root differs from the certificate's", ["submissions", "root"]);
    if (given.leaves.length !== list.size)
      add("list_size", `the given list has ${given.leaves.length} submissions, the certificate says ${list.size}`, [
        "submissions",
        "size",
      ]);
    if (given.counted.length !== list.counted || given.late !== list.late || given.resubmissions !== list.resubmissions)
      add(
        "counts",
        `the given submissions count ${given.counted.length} / ${given.late} late / ${given.resubmissions} resubmitted`,
        ["submissions"],
      );
    const top = rankSubmissions(given.counted, key, seedBytes).slice(0, spec.places);
    const proofs = proofsOf(
      given.leaves,
      top.map((p) => p.index),
    );
    const rerun = top.map((p, i) => ({
      rank: i + 1,
      id: p.id,
      receivedAt: p.receivedAt,
      answers: p.answers,
      correct: p.correct,
      tiebreak: p.tiebreak,
      index: p.index,
      proof: proofs[i],
    }));
    if (canonicalJson(rerun) !== canonicalJson(cert.places))
      add("rerun", "re-running the quiz over the submissions gives other places", ["places"]);
  }
  return verification({ listChecked: submissions !== undefined }, out);
}
