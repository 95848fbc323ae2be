import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { checkSurveys } from "./_lib/checkSurveys";
import { type SatisfactionByActivity, satisfactionOfChecked } from "./_lib/satisfactionOfChecked";
import type { CompiledQuestionnaire } from "./compileQuestionnaire";
export type {
  ActivityComparison,
  ActivitySatisfaction,
  SatisfactionByActivity,
} from "./_lib/satisfactionOfChecked";
import { DEFAULT_CONFIDENCE, DEFAULT_MIN_RESPONSES } from "./_lib/surveyDefaults";

/** One activity's survey: its compiled questionnaire and the responses received. */
export interface ActivitySurvey {
  readonly questionnaire: CompiledQuestionnaire;
  readonly responses: readonly unknown[];
}

/** Options of {@link satisfactionByActivity}. */
export interface SatisfactionByActivityOptions {
  /** The activity the others are compared with; default the first survey's. */
  readonly baseline?: string;
  /** Below this many accepted satisfaction answers an activity is flagged `smallSample`; default 30. */
  readonly minResponses?: number;
  /** Which of a respondent's responses counts (see `validateResponses`); default `"last"`. */
  readonly keep?: "last" | "first";
  /** Confidence of the intervals, default 0.95. */
  readonly confidence?: number;
}

/** Schema of {@link SatisfactionByActivityOptions}. */
export const SatisfactionByActivityOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    baseline: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    minResponses: z.optional(
      z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" }), z.maximum(1_000_000)),
    ),
    keep: z.optional(z.enum(["last", "first"])),
    confidence: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
  }))();

/**
 * Satisfaction per activity or event (a community talk, a group buy, a draw) from each
 * activity's survey, and every activity compared with a baseline.
 *
 * Satisfied = a CSAT answer of 4 or 5 (`@ops/metrics` `csat`), or for a Likert satisfaction
 * question the two highest scored points (top-two box); the share has a Wilson interval
 * (`wilsonInterval`). An activity is compared with the baseline by the difference of the
 * shares with Newcombe's hybrid score interval (Newcombe 1998, method 10) and a two-sided
 * test of equal shares: the pooled two-proportion z-test (`twoProportionZTest`), or
 * Fisher's exact test (`fisherExactTest`) when an expected cell of the 2×2 table is below 5
 * (Cochran's rule, Agresti 2013 §3.5). An activity with fewer than `minResponses` (30)
 * answers is flagged `smallSample`: its share can move by 15 points or more with a few answers.
 *
 * @param surveys - one survey per activity (activity ids must be distinct)
 * @param options - `baseline`, `minResponses` (30), `keep` (`"last"`), `confidence` (0.95)
 * @returns per activity, in input order, and per non-baseline activity a comparison
 * @throws {OpsError} `invalid_argument` for a malformed survey list or options; `duplicate` for two surveys of one activity; `not_found` for an unknown `baseline`; as `validateResponses` for the responses
 *
 * @example
 * ```ts
 * import { compileQuestionnaire, satisfactionByActivity } from "@ops/feedback";
 * const survey = (activityId: string, scores: number[]) => ({
 *   questionnaire: compileQuestionnaire({ id: `s_${activityId}`, version: 1, activityId,
 *     questions: [{ id: "sat", kind: "csat", text: "满意吗？" }] }),
 *   responses: scores.map((sat, i) => ({ id: `r${i}`, questionnaireId: `s_${activityId}`, version: 1,
 *     respondent: `m${i}`, at: i, answers: { sat } })),
 * });
 * const r = satisfactionByActivity([survey("talk", [5, 5, 4, 3]), survey("group_buy", [5, 2, 2, 1])]);
 * r.activities.map((a) => [a.activityId, a.share, a.smallSample]);
 * // => [["talk", 0.75, true], ["group_buy", 0.25, true]]
 * r.comparisons[0]?.difference.estimate;
 * // => -0.5
 * ```
 */
export function satisfactionByActivity(
  surveys: readonly ActivitySurvey[],
  options: SatisfactionByActivityOptions = {},
): SatisfactionByActivity {
  const fn = "satisfactionByActivity";
  const opts = parseOrThrow(SatisfactionByActivityOptionsSchema, options, { fn, path: ["options"] });
  const confidence = opts.confidence ?? DEFAULT_CONFIDENCE;
  const minResponses = opts.minResponses ?? DEFAULT_MIN_RESPONSES;
  const checked = checkSurveys(surveys, opts.keep, fn);
  return satisfactionOfChecked(checked, { baseline: opts.baseline, minResponses, confidence }, fn);
}
