import { assertCompiled, parseOrThrow } from "@ops/core";
import type { CompiledNeedRules } from "@ops/interaction";
import * as z from "zod/mini";
import { assertCompiledQuestionnaire } from "./_lib/assertCompiledQuestionnaire";
import { type TaggedFreeText, tagAcceptedAnswers } from "./_lib/tagAcceptedAnswers";
import type { CompiledQuestionnaire } from "./compileQuestionnaire";
import { validateResponses } from "./validateResponses";
import { DEFAULT_CONFIDENCE } from "./_lib/surveyDefaults";
export type { TaggedAnswer, TaggedFreeText, TagShare } from "./_lib/tagAcceptedAnswers";

/** Options of {@link tagFreeTextAnswers}. */
export interface TagFreeTextAnswersOptions {
  /** Which of a respondent's responses counts (see `validateResponses`); default `"last"`. */
  readonly keep?: "last" | "first";
  /** Confidence of the tag shares' intervals, default 0.95. */
  readonly confidence?: number;
}

/** Schema of {@link TagFreeTextAnswersOptions}. */
export const TagFreeTextAnswersOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    keep: z.optional(z.enum(["last", "first"])),
    confidence: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
  }))();

/**
 * Tags the free-text answers of a survey with `@ops/interaction`'s need / topic rules
 * (`compileNeedRules`), the same rules and matching as for comments and DMs: NFKC and
 * lower-case folding, CJK keywords anywhere, Latin keywords as whole words.
 *
 * Each answer is matched as what it is to the rules: an inbound private message (`kind:
 * "dm"`, `direction: "in"`, `visibility: "private"`) from the respondent, so a rule limited
 * to `kinds: ["comment"]` does not tag survey answers while an unrestricted rule does. Only
 * accepted responses count (`validateResponses`); each tag's share of the question's answers
 * has a Wilson interval.
 *
 * @param rules - from `compileNeedRules`
 * @param questionnaire - from `compileQuestionnaire`
 * @param responses - the responses as received (not mutated)
 * @param options - `keep` (`"last"`), `confidence` (0.95)
 * @returns the tags of every answer and the share of each tag per question
 * @throws {OpsError} `invalid_argument` for rules not from `compileNeedRules`, bad options; as `validateResponses` for the rest
 *
 * @example
 * ```ts
 * import { compileNeedRules } from "@ops/interaction";
 * import { compileQuestionnaire, tagFreeTextAnswers } from "@ops/feedback";
 * const rules = compileNeedRules([{ tag: "sensitive_skin", any: ["敏感肌"] }, { tag: "sunscreen", any: ["防晒", "SPF", "SPF50"] }]);
 * const q = compileQuestionnaire({ id: "talk", version: 1, activityId: "ev_talk",
 *   questions: [{ id: "wish", kind: "free_text", text: "还想了解什么？", required: false }] });
 * const r = tagFreeTextAnswers(rules, q, [
 *   { id: "r1", questionnaireId: "talk", version: 1, respondent: "m1", at: 0, answers: { wish: "敏感肌能用ＳＰＦ５０吗" } },
 *   { id: "r2", questionnaireId: "talk", version: 1, respondent: "m2", at: 0, answers: { wish: "防晒怎么选" } },
 * ]);
 * r.answers.map((a) => a.tags);
 * // => [["sensitive_skin", "sunscreen"], ["sunscreen"]]
 * r.tags.map((t) => [t.tag, t.count, t.share]);
 * // => [["sunscreen", 2, 1], ["sensitive_skin", 1, 0.5]]
 * ```
 */
export function tagFreeTextAnswers(
  rules: CompiledNeedRules,
  questionnaire: CompiledQuestionnaire,
  responses: readonly unknown[],
  options: TagFreeTextAnswersOptions = {},
): TaggedFreeText {
  const fn = "tagFreeTextAnswers";
  assertCompiledQuestionnaire(questionnaire, fn);
  assertCompiled(rules, "interaction.needRules", "compileNeedRules", fn, ["rules"]);
  const { keep, confidence = DEFAULT_CONFIDENCE } = parseOrThrow(TagFreeTextAnswersOptionsSchema, options, {
    fn,
    path: ["options"],
  });
  const validation = validateResponses(questionnaire, responses, keep === undefined ? {} : { keep });
  return tagAcceptedAnswers(rules, questionnaire, validation.accepted, confidence);
}
