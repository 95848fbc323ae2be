import { type Instant, InstantSchema, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { hexBytes } from "../_lib/bytes";
import { checkCount, ListIdSchema, text } from "./_lib/contestSchemas";
import { foldText } from "./_lib/foldText";
import { foldKey, listSubmissions, rankSubmissions } from "./_lib/quizCore";

/** Most submissions one quiz takes (docs/raffle-spec.md §11.1). */
export const MAX_QUIZ_SUBMISSIONS = 1_000_000;

const QuestionId = /* @__PURE__ */ (() => text(128).check(z.minLength(1)))();
const AcceptedAnswer = /* @__PURE__ */ (() =>
  text(10_000).check(
    z.refine(
      (s) => {
        const folded = foldText(s);
        return folded !== null && folded !== "";
      },
      { error: "must fold (NFKC, trim, lower-case) to non-empty text of assigned code points" },
    ),
  ))();

/**
 * Schema of one quiz submission (docs/raffle-spec.md §11.1): the entrant's list id (an
 * entrant id of §4.1, or its pseudonym), answers by question id (at most 1000, each at most
 * 10 000 UTF-16 units), and the instant the platform received it (not the client's clock).
 *
 * @example
 * ```ts
 * import { QuizSubmissionSchema } from "@ops/raffle";
 * QuizSubmissionSchema.safeParse({ id: "weibo::1", answers: { q1: "B" }, receivedAt: 1000, extra: 1 }).success;
 * // => false
 * ```
 */
export const QuizSubmissionSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: ListIdSchema,
    answers: z
      .record(QuestionId, text(10_000))
      .check(z.refine((a) => Object.keys(a).length <= 1000, { error: "must answer at most 1000 questions" })),
    receivedAt: InstantSchema,
  }))();

/**
 * Schema of an answer key (docs/raffle-spec.md §11.2): for each question id (1 to 1000
 * questions), the accepted answer or a list of 1 to 100 accepted answers. Each must fold
 * ({@link foldAnswer}) to non-empty text, so that a blank answer never matches.
 *
 * @example
 * ```ts
 * import { AnswerKeySchema } from "@ops/raffle";
 * [AnswerKeySchema.safeParse({ q1: "b", q2: ["28", "二十八"] }).success, AnswerKeySchema.safeParse({ q1: " " }).success];
 * // => [true, false]
 * ```
 */
export const AnswerKeySchema = /* @__PURE__ */ (() =>
  z
    .record(QuestionId, z.union([AcceptedAnswer, z.array(AcceptedAnswer).check(z.minLength(1), z.maxLength(100))]))
    .check(
      z.refine((k) => Object.keys(k).length >= 1 && Object.keys(k).length <= 1000, {
        error: "must hold 1 to 1000 questions",
      }),
    ))();

/** One quiz submission; see {@link QuizSubmissionSchema}. */
export type QuizSubmission = ReadonlyDeep<z.input<typeof QuizSubmissionSchema>>;
/** An answer key; see {@link AnswerKeySchema}. Lists of answers may be read-only. */
export type AnswerKey = ReadonlyDeep<z.input<typeof AnswerKeySchema>>;

const RankQuizOptionsSchema = /* @__PURE__ */ (() => z.strictObject({ closeAt: z.optional(InstantSchema) }))();

/** Options of {@link rankQuiz}. */
export interface RankQuizOptions {
  /** Submissions received after this instant are late: not ranked, counted. */
  readonly closeAt?: Instant;
}

/** One ranked quiz entrant. */
export interface QuizPlace {
  readonly rank: number;
  readonly id: string;
  readonly correct: number;
  readonly receivedAt: Instant;
  /** SHA-256(tag ‖ seed ‖ UTF-8(id)), hex: the stated tie-break. */
  readonly tiebreak: string;
}

/** The ranking {@link rankQuiz} returns. */
export interface QuizRanking {
  readonly places: readonly QuizPlace[];
  /** Later submissions of an entrant who had already submitted (only the first counts). */
  readonly resubmissions: number;
  /** Submissions received after `closeAt`. */
  readonly late: number;
}

/**
 * Ranks a quiz contest — "correct and fast answers win" — by the rules of
 * docs/raffle-spec.md §11.2: correct answers descending, then receive time ascending (the
 * platform's receipt, not the client clock), then the seeded tie-break
 * `SHA-256(tag("ops-raffle/v1/tiebreak") ‖ seed ‖ UTF-8(id))` ascending, then id bytes. Only an
 * entrant's first submission counts (later ones are counted as resubmissions; an identical
 * copy delivered twice is one submission); submissions after `closeAt` are counted as late.
 * Answers are compared after {@link foldAnswer}, so "Ｂ" and " b " both match "b". For a
 * certificate anyone can check, use {@link runQuiz}.
 *
 * @param submissions - quiz submissions (at most {@link MAX_QUIZ_SUBMISSIONS}; not mutated)
 * @param answerKey - accepted answers by question id
 * @param seed - 64 hex digits, e.g. a {@link drawSeed} over the quiz's spec, list and beacon
 * @param options - close time
 * @returns places (all counted entrants, best first) and counts of the others
 * @throws {OpsError} `invalid_argument` for a bad submission, key, seed or option;
 *   `out_of_range` for too many submissions; `conflict` for two different submissions of
 *   one entrant at the same instant
 *
 * @example
 * ```ts
 * import { rankQuiz } from "@ops/raffle";
 * const key = { q1: "b", q2: ["28", "二十八"] };
 * const ranking = rankQuiz(
 *   [
 *     { id: "weibo::1", answers: { q1: "B", q2: "28" }, receivedAt: 2000 },
 *     { id: "weibo::2", answers: { q1: "b", q2: "二十八" }, receivedAt: 1000 },
 *     { id: "weibo::3", answers: { q1: "a", q2: "28" }, receivedAt: 500 },
 *   ],
 *   key,
 *   "00".repeat(32),
 * );
 * ranking.places.map((p) => [p.id, p.correct]);
 * // => [["weibo::2", 2], ["weibo::1", 2], ["weibo::3", 1]]
 * ```
 */
export function rankQuiz(
  submissions: readonly QuizSubmission[],
  answerKey: AnswerKey,
  seed: string,
  options: RankQuizOptions = {},
): QuizRanking {
  const fn = "rankQuiz";
  checkCount(submissions, MAX_QUIZ_SUBMISSIONS, fn, ["submissions"]);
  const subs = parseOrThrow(z.array(QuizSubmissionSchema), submissions, { fn, path: ["submissions"] });
  const key = parseOrThrow(AnswerKeySchema, answerKey, { fn, path: ["answerKey"] });
  const seedBytes = hexBytes(seed, 32, fn, ["seed"]);
  const { closeAt } = parseOrThrow(RankQuizOptionsSchema, options, { fn, path: ["options"] });
  const list = listSubmissions(subs, closeAt, fn, ["submissions"]);
  const places = rankSubmissions(list.counted, foldKey(key), seedBytes).map((r, i) => ({
    rank: i + 1,
    id: r.id,
    correct: r.correct,
    receivedAt: r.receivedAt,
    tiebreak: r.tiebreak,
  }));
  return { places, resubmissions: list.resubmissions, late: list.late };
}
