import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { hexBytes } from "../_lib/bytes";
import { tiebreak } from "../_lib/tiebreak";
import { compareUtf8 } from "../_lib/utf8Order";

/** Schema of one quiz submission: the entrant's canonical id, answers by question id, and when the platform received it. */
export const QuizSubmissionSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(1024)),
    answers: z.record(z.string().check(z.minLength(1), z.maxLength(128)), z.string().check(z.maxLength(10_000))),
    receivedAt: InstantSchema,
  }))();

/** Schema of an answer key: the accepted answer(s) of each question. */
export const AnswerKeySchema = /* @__PURE__ */ (() =>
  z.record(
    z.string().check(z.minLength(1), z.maxLength(128)),
    z.union([
      z.string().check(z.maxLength(10_000)),
      z.array(z.string().check(z.maxLength(10_000))).check(z.minLength(1)),
    ]),
  ))();

/** One quiz submission; see {@link QuizSubmissionSchema}. */
export type QuizSubmission = ReadonlyDeep<z.input<typeof QuizSubmissionSchema>>;
/** An answer key; see {@link AnswerKeySchema}. Lists of answers may be read-only. */
export type AnswerKey = ReadonlyDeep<z.input<typeof AnswerKeySchema>>;

/** Options of {@link rankQuiz}. */
export interface RankQuizOptions {
  /** Submissions received after this instant are ignored (and counted). */
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
 * Ranks a quiz contest — "correct and fast answers win" — by the rule stated up front
 * (docs/raffle-spec.md §11): correct answers descending, then receive time ascending (the
 * platform's receipt, not the client clock), then the seeded tie-break
 * `SHA-256(tag("ops-raffle/v1/tiebreak") ‖ seed ‖ UTF-8(id))` ascending, then id bytes. Only an
 * entrant's first submission counts. Answers are compared after NFKC, trimming and
 * lower-casing, so "Ａ" and " a " both match "a".
 *
 * @param submissions - quiz submissions (not mutated)
 * @param answerKey - accepted answers by question id
 * @param seed - 64 hex digits, e.g. a {@link drawSeed} over the quiz's spec, list and beacon
 * @param options - close time
 * @returns places (all entrants, best first) and counts of ignored submissions
 * @throws {OpsError} `invalid_argument` for a bad submission, key or seed
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
  const subs = parseOrThrow(z.array(QuizSubmissionSchema), submissions, { fn, path: ["submissions"] });
  const key = parseOrThrow(AnswerKeySchema, answerKey, { fn, path: ["answerKey"] });
  const seedBytes = hexBytes(seed, 32, fn, ["seed"]);
  if (options.closeAt !== undefined && !Number.isInteger(options.closeAt))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "closeAt"],
      rule: "must be integer epoch milliseconds",
      received: options.closeAt,
    });
  const accepted = new Map(Object.entries(key).map(([q, a]) => [q, new Set((Array.isArray(a) ? a : [a]).map(fold))]));
  const ordered = subs
    .map((s) => ({ ...s, id: s.id.normalize("NFC") }))
    .sort((a, b) => a.receivedAt - b.receivedAt || compareUtf8(a.id, b.id));
  const first = new Map<string, (typeof ordered)[number]>();
  let resubmissions = 0;
  let late = 0;
  for (const s of ordered) {
    if (options.closeAt !== undefined && s.receivedAt > options.closeAt) late++;
    else if (first.has(s.id)) resubmissions++;
    else first.set(s.id, s);
  }
  const rows = [...first.values()].map((s) => {
    let correct = 0;
    for (const [q, answers] of accepted)
      if (s.answers[q] !== undefined && answers.has(fold(s.answers[q] as string))) correct++;
    return { id: s.id, correct, receivedAt: s.receivedAt, tiebreak: tiebreak(seedBytes, s.id) };
  });
  rows.sort(
    (a, b) =>
      b.correct - a.correct ||
      a.receivedAt - b.receivedAt ||
      (a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0) ||
      compareUtf8(a.id, b.id),
  );
  return { places: rows.map((r, i) => ({ rank: i + 1, ...r })), resubmissions, late };
}

function fold(text: string): string {
  return text.normalize("NFKC").trim().toLowerCase();
}
