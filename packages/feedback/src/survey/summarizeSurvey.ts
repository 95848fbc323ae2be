import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { assertCompiledQuestionnaire } from "./_lib/assertCompiledQuestionnaire";
import { type SurveySummary, summarizeValidation } from "./_lib/summarizeValidation";
import type { CompiledQuestionnaire } from "./compileQuestionnaire";
import { validateResponses } from "./validateResponses";
import { DEFAULT_CONFIDENCE } from "./_lib/surveyDefaults";
export type { OptionShare, LikertMean, SummaryHead, QuestionSummary } from "./_lib/summarizeQuestion";
export type { SurveySummary } from "./_lib/summarizeValidation";

/** Options of {@link summarizeSurvey}. */
export interface SummarizeSurveyOptions {
  /** Which of a respondent's responses counts (see `validateResponses`); default `"last"`. */
  readonly keep?: "last" | "first";
  /** Confidence of every interval, default 0.95. */
  readonly confidence?: number;
}

/** Schema of {@link SummarizeSurveyOptions}. */
export const SummarizeSurveyOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    keep: z.optional(z.enum(["last", "first"])),
    confidence: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
  }))();

/**
 * Per-question distributions of a survey, with intervals. Responses are first checked by
 * `validateResponses`; only the accepted ones (valid, one per respondent) count, and the
 * counts say how many were left out and why.
 *
 * - Choice questions: count and share per option among those who answered, each with the
 *   Wilson score interval of `@ops/metrics` `wilsonInterval` (Wilson 1927). For multiple
 *   choice, shares are of respondents and may add up to more than 100 %.
 * - Likert: counts per point (Wilson intervals), the mean of the scored answers
 *   (reverse-scored items as `min + max − answer`) with the Student-t interval
 *   x̄ ± t₁₋α/₂,ₙ₋₁·s/√n (s with n − 1; W. S. Gosset, "The probable error of a mean",
 *   Biometrika 6, 1908; NIST/SEMATECH e-Handbook §7.2.2.1; equals scipy's
 *   `stats.t.interval(c, n − 1, loc=x̄, scale=s/√n)`), clipped to the scale, and the
 *   top-two-box share (the two highest points) with its Wilson interval. Likert answers are
 *   ordinal: read the mean as a summary, the distribution and top-two-box as the figures.
 * - NPS: `@ops/metrics` `nps` (promoters − detractors, with the trinomial Wald interval of
 *   Rocks 2016). CSAT: `@ops/metrics` `csat` (share of 4–5, Wilson interval).
 * - Free text: how many answered (tag the texts with `tagFreeTextAnswers`).
 *
 * @param questionnaire - from `compileQuestionnaire`
 * @param responses - the responses as received (not mutated)
 * @param options - `keep` (`"last"`), `confidence` (0.95)
 * @returns the response counts and one summary per question
 * @throws {OpsError} as `validateResponses`; `invalid_argument` for bad options
 *
 * @example
 * ```ts
 * import { compileQuestionnaire, summarizeSurvey } from "@ops/feedback";
 * const q = compileQuestionnaire({ id: "talk", version: 1, activityId: "ev_talk", questions: [
 *   { id: "sat", kind: "csat", text: "满意吗？" },
 *   { id: "topic", kind: "single_choice", text: "下次想听？", options: [{ id: "sleep", label: "睡眠" }, { id: "food", label: "辅食" }] },
 * ] });
 * const answers = [[5, "food"], [4, "food"], [2, "sleep"], [5, "food"]];
 * const s = summarizeSurvey(q, answers.map(([sat, topic], i) =>
 *   ({ id: `r${i}`, questionnaireId: "talk", version: 1, respondent: `m${i}`, at: i, answers: { sat, topic } })));
 * const [sat, topic] = s.questions;
 * sat?.kind === "csat" ? sat.csat.value : null;
 * // => 0.75
 * topic?.kind === "single_choice" ? topic.options.map((o) => o.count) : null;
 * // => [1, 3]
 * ```
 */
export function summarizeSurvey(
  questionnaire: CompiledQuestionnaire,
  responses: readonly unknown[],
  options: SummarizeSurveyOptions = {},
): SurveySummary {
  const fn = "summarizeSurvey";
  assertCompiledQuestionnaire(questionnaire, fn);
  const { keep, confidence = DEFAULT_CONFIDENCE } = parseOrThrow(SummarizeSurveyOptionsSchema, options, {
    fn,
    path: ["options"],
  });
  const validation = validateResponses(questionnaire, responses, keep === undefined ? {} : { keep });
  return summarizeValidation(questionnaire, validation, confidence);
}
