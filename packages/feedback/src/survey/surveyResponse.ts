import { InstantSchema } from "@ops/core";
import * as z from "zod/mini";

const Id = /* @__PURE__ */ (() =>
  z.string().check(z.minLength(1, { error: "must be a non-empty id" }), z.maxLength(256)))();

/**
 * Schema of a {@link SurveyResponse} as a survey tool delivers it: the response `id`, the
 * `questionnaireId` and `version` it answers, the `respondent` (a stable id of the person:
 * a platform user id, a member id), when it was submitted (`at`, epoch milliseconds) and the
 * `answers` by question id. An answer is a whole number (Likert, NPS, CSAT), an option id
 * (single choice), an array of option ids (multiple choice) or a string (free text);
 * `null` or a missing key is no answer. This schema checks the envelope only; whether each
 * answer fits its question is `validateResponses`' job, which reports rather than throws.
 *
 * @example
 * ```ts
 * import { SurveyResponseSchema } from "@ops/feedback";
 * const submitted = {
 *   id: "r1", questionnaireId: "talk-feedback", version: 1, respondent: "m_102", at: 1772933400000,
 *   answers: { sat: 5, topics: ["sleep", "food"], comment: "希望多讲辅食" },
 * };
 * SurveyResponseSchema.safeParse(submitted).success;
 * // => true
 * ```
 */
export const SurveyResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    id: Id,
    questionnaireId: Id,
    version: z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" })),
    respondent: Id,
    at: InstantSchema,
    answers: z.record(z.string(), z.unknown()),
  }))();

/** One submitted response; see {@link SurveyResponseSchema}. */
export type SurveyResponse = z.output<typeof SurveyResponseSchema>;

/** A checked answer: a number (Likert, NPS, CSAT), an option id, option ids, or text. */
export type AnswerValue = number | string | readonly string[];
