import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { hexToBytes } from "../_lib/bytes";
import { commitmentOf } from "./_lib/commitmentOf";
import { contestRandomness } from "./_lib/contestRandomness";
import { jcsHash } from "./_lib/jcsHash";
import { proofsOf, rootOf } from "./_lib/contestList";
import { checkCount } from "./_lib/contestSchemas";
import { foldKey, listSubmissions, rankSubmissions } from "./_lib/quizCore";
import type { DrawRandomness } from "../_lib/resolveRandomness";
import { type DrandChain, DrandChainSchema } from "../beacon/quicknet";
import { drawSeed } from "../draw/drawSeed";
import { type RevealedAnswerKey, RevealedAnswerKeySchema } from "./answerKeyCommitment";
import type { QuizCertificate } from "./QuizCertificateSchema";
import { type QuizSpecInput, QuizSpecSchema } from "./QuizSpecSchema";
import { MAX_QUIZ_SUBMISSIONS, type QuizSubmission, QuizSubmissionSchema } from "./rankQuiz";

const RunOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ trustedChains: z.optional(z.array(DrandChainSchema).check(z.maxLength(100))) }))();

/** Options of a contest run. Shared by {@link runQuiz} and {@link runAward}. */
export interface RunContestOptions {
  /** drand chains besides the pinned quicknet that the spec may name (compared member by member). */
  readonly trustedChains?: readonly DrandChain[];
}

/**
 * Runs a quiz and writes its certificate, format `ops-raffle/v1.1`, type `quiz`
 * (docs/raffle-spec.md §11): opens the spec's answer-key commitment with the revealed key,
 * builds the submission list (§11.3: ids to NFC, ordered by receive instant; each
 * entrant's first submission at or before `closeAt` counts; later ones are counted as
 * resubmissions, those after `closeAt` as late), takes the randomness as a draw does (a
 * beacon from {@link verifyBeacon} for the round the spec fixes, or the committed secret),
 * derives the seed `SHA-256(tag ‖ specHash ‖ listRoot ‖ randomness)` (§7), ranks by correct
 * answers ↓, receive instant ↑, tie-break ↑, id bytes ↑ (§11.2) and lists the first
 * `spec.places` places with their inclusion proofs. Check it with {@link verifyQuiz}.
 *
 * @param spec - the published quiz spec
 * @param answerKey - the answer key and the salt of its commitment
 * @param submissions - every submission received, late ones included (at most
 *   {@link MAX_QUIZ_SUBMISSIONS}; not mutated)
 * @param randomness - a verified beacon, or `{ secret }` for a commit spec
 * @param options - `trustedChains`
 * @returns the certificate
 * @throws {OpsError} `invalid_argument` for a bad spec, key, submission, option or
 *   randomness of the wrong kind, an unverified beacon or an untrusted chain; `conflict`
 *   when the key does not open the commitment, for two different submissions of one
 *   entrant at the same instant, for a later round or a secret that does not open the
 *   spec's commitment; `out_of_range` for too many submissions or a round earlier than the
 *   spec fixes
 *
 * @example
 * ```ts
 * import { answerKeyCommitment, commitSeed, runQuiz, verifyQuiz } from "@ops/raffle";
 * const answerKey = { salt: "5a".repeat(32), key: { q1: "b", q2: ["28", "二十八"] } };
 * const secret = "07".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", type: "quiz", campaignId: "riddles", places: 2, closeAt: 5000,
 *   answerKeyCommitment: answerKeyCommitment(answerKey),
 *   randomness: { kind: "commit", commitment: commitSeed(secret) },
 * } as const;
 * const submissions = [
 *   { id: "weibo::1", answers: { q1: "B", q2: "28" }, receivedAt: 2000 },
 *   { id: "weibo::2", answers: { q1: "b", q2: "二十八" }, receivedAt: 1000 },
 *   { id: "weibo::3", answers: { q1: "b", q2: "28" }, receivedAt: 9000 },
 * ];
 * const cert = runQuiz(spec, answerKey, submissions, { secret });
 * [cert.places.map((p) => p.id), cert.submissions.late, verifyQuiz(cert, submissions).ok];
 * // => [["weibo::2", "weibo::1"], 1, true]
 * ```
 */
export function runQuiz(
  spec: QuizSpecInput,
  answerKey: RevealedAnswerKey,
  submissions: readonly QuizSubmission[],
  randomness: DrawRandomness,
  options: RunContestOptions = {},
): QuizCertificate {
  const fn = "runQuiz";
  const s = parseOrThrow(QuizSpecSchema, spec, { fn, path: ["spec"] });
  const revealed = parseOrThrow(RevealedAnswerKeySchema, answerKey, { fn, path: ["answerKey"] });
  if (commitmentOf(revealed.salt, revealed.key) !== s.answerKeyCommitment)
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["answerKey"],
      rule: "must open the spec's answerKeyCommitment (same salt and key as published)",
    });
  checkCount(submissions, MAX_QUIZ_SUBMISSIONS, fn, ["submissions"]);
  const subs = parseOrThrow(z.array(QuizSubmissionSchema), submissions, { fn, path: ["submissions"] });
  const { trustedChains } = parseOrThrow(RunOptionsSchema, options, { fn, path: ["options"] });
  const list = listSubmissions(subs, s.closeAt, fn, ["submissions"]);
  const root = rootOf(list.leaves);
  const r = contestRandomness(s, randomness, fn, trustedChains);
  const specHash = jcsHash(s);
  const seed = drawSeed(specHash, root, r.randomness);
  const top = rankSubmissions(list.counted, foldKey(revealed.key), hexToBytes(seed)).slice(0, s.places);
  const proofs = proofsOf(
    list.leaves,
    top.map((p) => p.index),
  );
  return {
    format: "ops-raffle/v1.1",
    type: "quiz",
    spec: s,
    specHash,
    answerKey: revealed,
    submissions: {
      root,
      size: list.leaves.length,
      counted: list.counted.length,
      late: list.late,
      resubmissions: list.resubmissions,
    },
    randomness: r as QuizCertificate["randomness"],
    seed,
    places: top.map((p, i) => ({
      rank: i + 1,
      id: p.id,
      receivedAt: p.receivedAt,
      answers: { ...p.answers },
      correct: p.correct,
      tiebreak: p.tiebreak,
      index: p.index,
      proof: proofs[i] as string[],
    })),
  };
}
