import * as z from "zod/mini";
import { QuestionSchema } from "./question";

const Id = /* @__PURE__ */ (() =>
  z.string().check(z.minLength(1, { error: "must be a non-empty id" }), z.maxLength(256)))();

/**
 * Schema of a {@link Questionnaire}: an `id` and a `version` (a whole number ≥ 1; change it
 * whenever a question changes, so that answers to different wordings are never mixed), the
 * `activityId` of the activity or event the survey asks about (a community talk, a group
 * buy, a draw), an optional `title`, 1–200 `questions`, and optionally `satisfaction`: the
 * id of the `csat` or `likert` question that measures satisfaction with the activity
 * (default: the first `csat` question).
 *
 * @example
 * ```ts
 * import { QuestionnaireSchema } from "@ops/feedback";
 * const q = QuestionnaireSchema.parse({
 *   id: "talk-feedback", version: 1, activityId: "ev_2026_03_talk",
 *   questions: [{ id: "sat", kind: "csat", text: "您对本次讲座满意吗？" }],
 * });
 * q.questions[0]?.required;
 * // => true
 * ```
 */
export const QuestionnaireSchema = /* @__PURE__ */ (() =>
  z.object({
    id: Id,
    version: z
      .int({ error: "must be a whole number" })
      .check(z.minimum(1, { error: "must be ≥ 1" }), z.maximum(1_000_000)),
    activityId: Id,
    title: z.optional(z.string().check(z.maxLength(1000))),
    questions: z
      .array(QuestionSchema)
      .check(
        z.minLength(1, { error: "must list at least one question" }),
        z.maxLength(200, { error: "must list at most 200 questions" }),
      ),
    satisfaction: z.optional(Id),
  }))();

/** A versioned questionnaire about one activity; see {@link QuestionnaireSchema}. */
export type Questionnaire = z.output<typeof QuestionnaireSchema>;
/** What {@link QuestionnaireSchema} accepts (defaults not yet applied). */
export type QuestionnaireInput = z.input<typeof QuestionnaireSchema>;
