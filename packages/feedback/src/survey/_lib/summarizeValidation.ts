import type { CompiledQuestionnaire } from "../compileQuestionnaire";
import type { ResponseValidation } from "../validateResponses";
import { type QuestionSummary, summarizeQuestion } from "./summarizeQuestion";

/** The outcome of `summarizeSurvey`. */
export interface SurveySummary {
  readonly questionnaireId: string;
  readonly version: number;
  readonly activityId: string;
  /** Received, valid, invalid and duplicate responses (from `validateResponses`). */
  readonly counts: ResponseValidation["counts"];
  /** One summary per question, in questionnaire order. */
  readonly questions: readonly QuestionSummary[];
}

/**
 * `summarizeSurvey` on responses already checked: `validation` is what `validateResponses`
 * returned for `questionnaire` (the caller has checked the questionnaire and the options);
 * nothing is validated again.
 */
export function summarizeValidation(
  questionnaire: CompiledQuestionnaire,
  validation: ResponseValidation,
  confidence: number,
): SurveySummary {
  const q = questionnaire.questionnaire;
  return {
    questionnaireId: q.id,
    version: q.version,
    activityId: q.activityId,
    counts: validation.counts,
    questions: q.questions.map((question) => summarizeQuestion(question, validation.accepted, confidence)),
  };
}
