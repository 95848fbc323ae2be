import { brandCompiled, OpsError, parseOrThrow } from "@ops/core";
import { deepFreeze } from "../_lib/deepFreeze";
import type { Question } from "./question";
import { QuestionnaireSchema, type Questionnaire, type QuestionnaireInput } from "./questionnaire";

/**
 * A questionnaire validated once, for {@link validateResponses}, {@link summarizeSurvey},
 * {@link satisfactionByActivity} and {@link tagFreeTextAnswers}. Deeply frozen.
 */
export interface CompiledQuestionnaire {
  /** Format version of this compiled object. */
  readonly format: 1;
  /** The parsed questionnaire (defaults filled in). */
  readonly questionnaire: Questionnaire;
  /** The id of the satisfaction question, or `null` when there is none. */
  readonly satisfaction: string | null;
}

/**
 * Validates a questionnaire and compiles it for the survey functions (validate once,
 * check many responses).
 *
 * Beyond {@link QuestionnaireSchema}: question ids are unique; option ids are unique within
 * a question; a Likert question's `labels`, when given, has one label per scale point;
 * `minSelections ≤ maxSelections ≤` the number of options; `satisfaction`, when given,
 * names a `csat` or `likert` question.
 *
 * @param questionnaire - the definition (not mutated)
 * @returns a frozen compiled questionnaire
 * @throws {OpsError} `invalid_argument` naming the field (`questionnaire.questions[2].labels`) and the rule it breaks
 *
 * @example
 * ```ts
 * import { compileQuestionnaire } from "@ops/feedback";
 * const compiled = compileQuestionnaire({
 *   id: "talk-feedback", version: 1, activityId: "ev_talk",
 *   questions: [
 *     { id: "sat", kind: "csat", text: "您对本次讲座满意吗？" },
 *     { id: "useful", kind: "likert", text: "内容对我有用", scale: { min: 1, max: 5 } },
 *   ],
 * });
 * compiled.satisfaction;
 * // => "sat"
 * ```
 */
export function compileQuestionnaire(questionnaire: QuestionnaireInput): CompiledQuestionnaire {
  const fn = "compileQuestionnaire";
  const q = parseOrThrow(QuestionnaireSchema, questionnaire, { fn, path: ["questionnaire"] });
  const fail = (path: (string | number)[], rule: string, received: unknown): never => {
    throw new OpsError({ code: "invalid_argument", fn, path: ["questionnaire", ...path], rule, received });
  };
  const seen = new Map<string, number>();
  q.questions.forEach((question: Question, i) => {
    const first = seen.get(question.id);
    if (first !== undefined) fail(["questions", i, "id"], `must be unique (also questions[${first}].id)`, question.id);
    seen.set(question.id, i);
    if (question.kind === "single_choice" || question.kind === "multiple_choice") {
      const ids = new Map<string, number>();
      question.options.forEach((option, k) => {
        const before = ids.get(option.id);
        if (before !== undefined)
          fail(
            ["questions", i, "options", k, "id"],
            `must be unique within the question (also options[${before}].id)`,
            option.id,
          );
        ids.set(option.id, k);
      });
    }
    if (question.kind === "multiple_choice") {
      const max = question.maxSelections ?? question.options.length;
      if (max > question.options.length)
        fail(["questions", i, "maxSelections"], `must be ≤ the number of options (${question.options.length})`, max);
      if (question.minSelections > max)
        fail(["questions", i, "minSelections"], `must be ≤ maxSelections (${max})`, question.minSelections);
    }
    if (question.kind === "likert" && question.labels !== undefined) {
      const points = question.scale.max - question.scale.min + 1;
      if (question.labels.length !== points)
        fail(["questions", i, "labels"], `must have one label per scale point (${points})`, question.labels.length);
    }
  });
  let satisfaction: string | null = null;
  if (q.satisfaction !== undefined) {
    const index = seen.get(q.satisfaction);
    const kind = index === undefined ? undefined : q.questions[index]?.kind;
    if (kind !== "csat" && kind !== "likert")
      fail(["satisfaction"], "must be the id of a csat or likert question of the questionnaire", q.satisfaction);
    satisfaction = q.satisfaction;
  } else {
    satisfaction = q.questions.find((question) => question.kind === "csat")?.id ?? null;
  }
  return deepFreeze(brandCompiled({ format: 1 as const, questionnaire: q, satisfaction }, "feedback.questionnaire"));
}
