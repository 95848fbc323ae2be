import { type ErrorPath, OpsError } from "@ops/core";
import { compareBytes } from "../../_lib/bytes";
import { tiebreak } from "./tiebreak";
import { compareUtf8 } from "../../_lib/utf8Order";
import { recordLeaf } from "./contestList";
import { foldText } from "./foldText";

// The quiz rules of docs/raffle-spec.md §11.2–§11.3, shared by rankQuiz, runQuiz and verifyQuiz.

/** One submission as hashed into the list: the NFC id, the answers as sent, the receive instant. */
export interface SubmissionRecord {
  readonly id: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly receivedAt: number;
}

/** A submission at its place in the list. */
export interface ListedSubmission extends SubmissionRecord {
  readonly leaf: Uint8Array;
  /** Its index in the list (leaf order). */
  readonly index: number;
}

/** The submission list of §11.3 and what §11.2 counts in it. */
export interface SubmissionList {
  /** Leaf hashes in list order. */
  readonly leaves: readonly Uint8Array[];
  /** Each entrant's first submission received at or before closeAt, in list order. */
  readonly counted: readonly ListedSubmission[];
  readonly late: number;
  readonly resubmissions: number;
}

/**
 * Builds the list: ids to NFC; order by (receivedAt, UTF-8(id), leaf hash); an identical
 * submission delivered twice is one leaf; two different submissions of one entrant at the
 * same instant are refused (`conflict`), since neither is first. Then, in list order, a
 * submission received after `closeAt` is late, a later one of an entrant already counted is
 * a resubmission, and the rest are counted.
 */
export function listSubmissions(
  submissions: readonly SubmissionRecord[],
  closeAt: number | undefined,
  fn: string,
  path: ErrorPath,
): SubmissionList {
  const rows = submissions.map((s, at) => {
    const record = { id: s.id.normalize("NFC"), answers: s.answers, receivedAt: s.receivedAt };
    return { record, leaf: recordLeaf(record), at };
  });
  rows.sort(
    (a, b) =>
      a.record.receivedAt - b.record.receivedAt ||
      compareUtf8(a.record.id, b.record.id) ||
      compareBytes(a.leaf, b.leaf),
  );
  const kept: typeof rows = [];
  for (const row of rows) {
    const prev = kept[kept.length - 1];
    if (prev && prev.record.id === row.record.id && prev.record.receivedAt === row.record.receivedAt) {
      if (compareBytes(prev.leaf, row.leaf) === 0) continue;
      throw new OpsError({
        code: "conflict",
        fn,
        path: [...path, Math.max(prev.at, row.at)],
        rule: `must not hold two different submissions of ${row.record.id} received at the same instant ${row.record.receivedAt} (neither is first)`,
        received: row.record.id,
      });
    }
    kept.push(row);
  }
  const counted: ListedSubmission[] = [];
  const seen = new Set<string>();
  let late = 0;
  let resubmissions = 0;
  kept.forEach((row, index) => {
    if (closeAt !== undefined && row.record.receivedAt > closeAt) late++;
    else if (seen.has(row.record.id)) resubmissions++;
    else {
      seen.add(row.record.id);
      counted.push({ ...row.record, leaf: row.leaf, index });
    }
  });
  return { leaves: kept.map((r) => r.leaf), counted, late, resubmissions };
}

/** The accepted answers of each question, folded. */
export type FoldedKey = ReadonlyMap<string, ReadonlySet<string>>;

/** Folds an answer key already checked by AnswerKeySchema. */
export function foldKey(key: Readonly<Record<string, string | readonly string[]>>): FoldedKey {
  return new Map(
    Object.entries(key).map(([q, a]) => [
      q,
      new Set((typeof a === "string" ? [a] : a).map((x) => foldText(x) as string)),
    ]),
  );
}

/** How many questions of the key the answers get right (§11.2). */
export function correctAnswers(answers: Readonly<Record<string, string>>, key: FoldedKey): number {
  let correct = 0;
  for (const [q, accepted] of key) {
    if (!Object.hasOwn(answers, q)) continue;
    const folded = foldText(answers[q] as string);
    if (folded !== null && accepted.has(folded)) correct++;
  }
  return correct;
}

/** A ranked row of a quiz. */
export interface QuizRow {
  readonly id: string;
  readonly receivedAt: number;
  readonly correct: number;
  readonly tiebreak: string;
}

/** §11.2 order: correct ↓, receivedAt ↑, tiebreak ↑, UTF-8(id) ↑. */
export function compareQuizRows(a: QuizRow, b: QuizRow): number {
  return (
    b.correct - a.correct ||
    a.receivedAt - b.receivedAt ||
    (a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0) ||
    compareUtf8(a.id, b.id)
  );
}

/** The counted submissions ranked (§11.2), each with its correct count and tie-break. */
export function rankSubmissions(
  counted: readonly ListedSubmission[],
  key: FoldedKey,
  seed: Uint8Array,
): (ListedSubmission & QuizRow)[] {
  return counted
    .map((s) => ({ ...s, correct: correctAnswers(s.answers, key), tiebreak: tiebreak(seed, s.id) }))
    .sort(compareQuizRows);
}
