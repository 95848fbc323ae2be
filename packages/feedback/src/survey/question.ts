import * as z from "zod/mini";

/** Ids of questions and options: 1–64 letters, digits, `_`, `.` or `-` (they become keys of answer maps). */
const Key = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: "must be 1–64 letters, digits, _, . or -" })))();

/** A prompt or label shown to respondents. */
const Label = /* @__PURE__ */ (() =>
  z.string().check(z.minLength(1, { error: "must be a non-empty text" }), z.maxLength(1000)))();

/** Schema of a choice option: an `id` stored in answers and the `label` shown. */
export const QuestionOptionSchema = /* @__PURE__ */ (() => z.object({ id: Key, label: Label }))();

/** A choice option; see {@link QuestionOptionSchema}. */
export type QuestionOption = z.output<typeof QuestionOptionSchema>;

const base = {
  id: Key,
  text: Label,
  required: z._default(z.boolean(), true),
};

const Options = /* @__PURE__ */ (() =>
  z.array(QuestionOptionSchema).check(z.minLength(2, { error: "must list at least 2 options" }), z.maxLength(100)))();

/**
 * Schema of a {@link Question}, one of six kinds (the `kind` field):
 *
 * | kind | answer | notes |
 * | --- | --- | --- |
 * | `likert` | a whole number from `scale.min` (0 or 1) to `scale.max` (≤ 11) | `labels`: one per point, lowest first; `reverse: true` scores a negatively worded item as `min + max − answer` |
 * | `single_choice` | one option id | 2–100 options |
 * | `multiple_choice` | an array of distinct option ids | `minSelections` (default 1) to `maxSelections` (default all) |
 * | `free_text` | a string of at most `maxLength` code points (default 2000, at most 10 000) | blank text counts as no answer |
 * | `nps` | 0–10, "how likely are you to recommend …" | the Net Promoter question (Reichheld 2003) |
 * | `csat` | 1–5, "how satisfied were you with …" | satisfied = 4 or 5 |
 *
 * Questions are `required` by default. Cross-field rules (labels per point, selections
 * within the options) are checked by `compileQuestionnaire`.
 *
 * @example
 * ```ts
 * import { QuestionSchema } from "@ops/feedback";
 * QuestionSchema.parse({ id: "q1", kind: "nps", text: "你会向朋友推荐这次直播吗？" }).required;
 * // => true
 * QuestionSchema.safeParse({ id: "q2", kind: "likert", text: "讲师很专业", scale: { min: 1, max: 15 } }).success;
 * // => false
 * ```
 */
export const QuestionSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({
      ...base,
      kind: z.literal("likert"),
      scale: z.object({
        min: z
          .int({ error: "must be 0 or 1" })
          .check(z.minimum(0, { error: "must be 0 or 1" }), z.maximum(1, { error: "must be 0 or 1" })),
        max: z
          .int({ error: "must be a whole number" })
          .check(z.minimum(2, { error: "must be ≥ 2" }), z.maximum(11, { error: "must be ≤ 11" })),
      }),
      labels: z.optional(z.array(Label).check(z.maxLength(12))),
      reverse: z._default(z.boolean(), false),
    }),
    z.object({ ...base, kind: z.literal("single_choice"), options: Options }),
    z.object({
      ...base,
      kind: z.literal("multiple_choice"),
      options: Options,
      minSelections: z._default(
        z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" })),
        1,
      ),
      maxSelections: z.optional(
        z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" })),
      ),
    }),
    z.object({
      ...base,
      kind: z.literal("free_text"),
      maxLength: z._default(
        z
          .int({ error: "must be a whole number" })
          .check(z.minimum(1, { error: "must be ≥ 1" }), z.maximum(10_000, { error: "must be ≤ 10000" })),
        2000,
      ),
    }),
    z.object({ ...base, kind: z.literal("nps") }),
    z.object({ ...base, kind: z.literal("csat") }),
  ]))();

/** One question of a questionnaire; see {@link QuestionSchema}. */
export type Question = z.output<typeof QuestionSchema>;
/** What {@link QuestionSchema} accepts (defaults not yet applied). */
export type QuestionInput = z.input<typeof QuestionSchema>;
/** The kinds of {@link Question}. */
export type QuestionKind = Question["kind"];
