import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { assertCompiledQuestionnaire } from "./_lib/assertCompiledQuestionnaire";
import { checkAnswer } from "./_lib/checkAnswer";
import type { CompiledQuestionnaire } from "./compileQuestionnaire";
import type { AnswerValue } from "./surveyResponse";

/** The most responses one call checks (a larger export is split by period or activity). */
export const MAX_SURVEY_RESPONSES = 1_000_000;

/** Options of {@link validateResponses}. */
export interface ValidateResponsesOptions {
  /**
   * Which response counts when one respondent answered more than once: `"last"` (default:
   * the latest `at`, as a form that lets respondents edit their answer keeps the edit) or
   * `"first"` (the earliest, as a form limited to one response per person refuses the rest).
   */
  readonly keep?: "last" | "first";
}

/** Schema of {@link ValidateResponsesOptions}. */
export const ValidateResponsesOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ keep: z.optional(z.enum(["last", "first"])) }))();

/**
 * The rule an invalid response breaks: `envelope` (not a response object, or a bad `id`,
 * `respondent`, `at` or `answers`), `questionnaire` (answers another questionnaire or
 * version), `unknown_question`, `required`, `type`, `scale`, `option`, `duplicate_option`,
 * `min_selections`, `max_selections`, `max_length`.
 */
export type AnswerRule =
  | "envelope"
  | "questionnaire"
  | "unknown_question"
  | "required"
  | "type"
  | "scale"
  | "option"
  | "duplicate_option"
  | "min_selections"
  | "max_selections"
  | "max_length";

/** One problem of a response; `questionId` is `null` for the envelope. */
export interface AnswerIssue {
  readonly questionId: string | null;
  readonly rule: AnswerRule;
  readonly message: string;
}

/** A valid response that counts, with its answers checked (no-answers left out). */
export interface AcceptedResponse {
  /** Position in the input. */
  readonly index: number;
  readonly id: string;
  readonly respondent: string;
  readonly at: number;
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

/** The verdict on one input response, in input order. */
export type ResponseResult =
  | { readonly status: "valid"; readonly index: number; readonly responseId: string; readonly respondent: string }
  | {
      readonly status: "invalid";
      readonly index: number;
      /** The response's id when it has a usable one. */
      readonly responseId: string | null;
      readonly issues: readonly AnswerIssue[];
    }
  | {
      readonly status: "duplicate";
      readonly index: number;
      readonly responseId: string;
      readonly respondent: string;
      /** `superseded`: the respondent's other response counts; `redelivered`: the same response (same id and content) again. */
      readonly reason: "superseded" | "redelivered";
      /** Input position of the response that counts instead. */
      readonly keptIndex: number;
    };

/** The outcome of {@link validateResponses}. */
export interface ResponseValidation {
  readonly questionnaireId: string;
  readonly version: number;
  readonly keep: "last" | "first";
  /** One verdict per input response, in input order. */
  readonly results: readonly ResponseResult[];
  /** The valid responses that count (one per respondent), in input order. */
  readonly accepted: readonly AcceptedResponse[];
  readonly counts: {
    readonly received: number;
    readonly valid: number;
    readonly invalid: number;
    readonly duplicate: number;
  };
}

const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 256;
const MAX_INSTANT = 8.64e15;

const sameAnswers = (a: Readonly<Record<string, AnswerValue>>, b: Readonly<Record<string, AnswerValue>>): boolean => {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return x === y;
  });
};

/**
 * Checks survey responses against their questionnaire and says, for every response, whether
 * it counts: `valid`, `invalid` (with every broken rule, by question id) or `duplicate`.
 * Nothing is dropped silently: each input has exactly one result.
 *
 * A response is invalid when its envelope is malformed, it answers another questionnaire or
 * version, it answers a question the questionnaire does not have, a required question has
 * no answer, or an answer does not fit its question (see `QuestionSchema` for the answer of
 * each kind; `null`, a missing key, blank text and an empty selection are no answer).
 * Invalid responses do not count at all (no partial salvage).
 *
 * Duplicates, among valid responses: the same response id with the same content is a
 * redelivery and counts once; one respondent with several responses counts once, by
 * `keep` — `"last"` (default, the latest `at`, input order breaking ties: a respondent who
 * answers again has changed their mind, as in Google Forms with "allow response editing")
 * or `"first"` (as a form limited to one response per person).
 *
 * @param questionnaire - from `compileQuestionnaire`
 * @param responses - the responses as received (not mutated); at most {@link MAX_SURVEY_RESPONSES}
 * @param options - `keep`
 * @returns the verdicts, the accepted responses and the counts
 * @throws {OpsError} `invalid_argument` for a questionnaire not from `compileQuestionnaire`, responses that are not an array, or bad options; `out_of_range` for more than {@link MAX_SURVEY_RESPONSES} responses; `duplicate` when one response id carries two different responses
 *
 * @example
 * ```ts
 * import { compileQuestionnaire, validateResponses } from "@ops/feedback";
 * const q = compileQuestionnaire({ id: "talk", version: 1, activityId: "ev_talk",
 *   questions: [{ id: "sat", kind: "csat", text: "满意吗？" }] });
 * const r = (id: string, respondent: string, at: number, sat: unknown) =>
 *   ({ id, questionnaireId: "talk", version: 1, respondent, at, answers: { sat } });
 * const v = validateResponses(q, [r("r1", "m1", 1, 4), r("r2", "m2", 2, 9), r("r3", "m1", 3, 5)]);
 * v.results.map((x) => x.status);
 * // => ["duplicate", "invalid", "valid"]
 * v.results[1]?.status === "invalid" ? v.results[1].issues[0]?.rule : null;
 * // => "scale"
 * ```
 */
export function validateResponses(
  questionnaire: CompiledQuestionnaire,
  responses: readonly unknown[],
  options: ValidateResponsesOptions = {},
): ResponseValidation {
  const fn = "validateResponses";
  assertCompiledQuestionnaire(questionnaire, fn);
  if (!Array.isArray(responses))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["responses"],
      rule: "must be an array of responses",
      received: responses,
    });
  if (responses.length > MAX_SURVEY_RESPONSES)
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["responses"],
      rule: `must hold at most ${MAX_SURVEY_RESPONSES} responses`,
      received: responses.length,
    });
  const keep = parseOrThrow(ValidateResponsesOptionsSchema, options, { fn, path: ["options"] }).keep ?? "last";
  const q = questionnaire.questionnaire;
  const questions = new Map(q.questions.map((question) => [question.id, question]));
  const results: ResponseResult[] = new Array(responses.length);
  const checked: (AcceptedResponse | null)[] = new Array(responses.length).fill(null);
  const byId = new Map<string, number>();
  for (let index = 0; index < responses.length; index++) {
    const raw: unknown = responses[index];
    const issues: AnswerIssue[] = [];
    const envelope = (message: string) => issues.push({ questionId: null, rule: "envelope", message });
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      results[index] = {
        status: "invalid",
        index,
        responseId: null,
        issues: [{ questionId: null, rule: "envelope", message: "must be a response object" }],
      };
      continue;
    }
    const v = raw as Record<string, unknown>;
    const id = isId(v.id) ? v.id : null;
    if (id === null) envelope("id must be a non-empty string of at most 256 characters");
    if (!isId(v.respondent)) envelope("respondent must be a non-empty string of at most 256 characters");
    if (typeof v.at !== "number" || !Number.isInteger(v.at) || Math.abs(v.at) > MAX_INSTANT)
      envelope("at must be an integer number of epoch milliseconds within ±8.64e15");
    if (v.questionnaireId !== q.id || v.version !== q.version)
      issues.push({
        questionId: null,
        rule: "questionnaire",
        message: `must answer questionnaire ${q.id} version ${q.version}`,
      });
    const answersRaw = v.answers;
    const answers: Record<string, AnswerValue> = {};
    if (typeof answersRaw !== "object" || answersRaw === null || Array.isArray(answersRaw)) {
      envelope("answers must be an object keyed by question id");
    } else {
      const given = answersRaw as Record<string, unknown>;
      for (const key in given) {
        if (!Object.hasOwn(given, key)) continue;
        if (!questions.has(key)) {
          issues.push({
            questionId: key.slice(0, 64),
            rule: "unknown_question",
            message: "is not a question of the questionnaire",
          });
          if (issues.length > 100) break;
        }
      }
      for (const question of q.questions) {
        const outcome = checkAnswer(question, Object.hasOwn(given, question.id) ? given[question.id] : undefined);
        if ("problem" in outcome) issues.push({ questionId: question.id, ...outcome.problem });
        else if (outcome.value !== null) answers[question.id] = outcome.value;
        else if (question.required)
          issues.push({ questionId: question.id, rule: "required", message: "must be answered" });
      }
    }
    if (issues.length > 0) {
      results[index] = { status: "invalid", index, responseId: id, issues };
      continue;
    }
    const accepted: AcceptedResponse = {
      index,
      id: id as string,
      respondent: v.respondent as string,
      at: v.at as number,
      answers,
    };
    const earlier = byId.get(accepted.id);
    if (earlier !== undefined) {
      const other = checked[earlier];
      if (
        other &&
        other.respondent === accepted.respondent &&
        other.at === accepted.at &&
        sameAnswers(other.answers, answers)
      ) {
        results[index] = {
          status: "duplicate",
          index,
          responseId: accepted.id,
          respondent: accepted.respondent,
          reason: "redelivered",
          keptIndex: earlier,
        };
        continue;
      }
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["responses", index, "id"],
        rule: `must be unique: responses[${earlier}] has the same id with other content`,
        received: accepted.id,
      });
    }
    byId.set(accepted.id, index);
    checked[index] = accepted;
  }
  // one response per respondent, by `keep`
  const chosen = new Map<string, AcceptedResponse>();
  for (const a of checked) {
    if (a === null) continue;
    const current = chosen.get(a.respondent);
    if (current === undefined || (keep === "last" ? a.at >= current.at : a.at < current.at))
      chosen.set(a.respondent, a);
  }
  const acceptedList: AcceptedResponse[] = [];
  for (const a of checked) {
    if (a === null) continue;
    const kept = chosen.get(a.respondent) as AcceptedResponse;
    if (kept === a) {
      acceptedList.push(a);
      results[a.index] = { status: "valid", index: a.index, responseId: a.id, respondent: a.respondent };
    } else {
      results[a.index] = {
        status: "duplicate",
        index: a.index,
        responseId: a.id,
        respondent: a.respondent,
        reason: "superseded",
        keptIndex: kept.index,
      };
    }
  }
  for (const r of results)
    if (r.status === "duplicate" && r.reason === "redelivered") {
      // a redelivery of a superseded response points at the response that counts
      const first = results[r.keptIndex];
      if (first?.status === "duplicate") (r as { keptIndex: number }).keptIndex = first.keptIndex;
    }
  const counts = { received: responses.length, valid: 0, invalid: 0, duplicate: 0 };
  for (const r of results) counts[r.status]++;
  return { questionnaireId: q.id, version: q.version, keep, results, accepted: acceptedList, counts };
}
