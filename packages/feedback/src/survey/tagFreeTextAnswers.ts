import { assertCompiled, parseOrThrow } from "@ops/core";
import { tagInteraction, type CompiledNeedRules, type Interaction } from "@ops/interaction";
import { wilsonInterval, type ProportionInterval } from "@ops/metrics";
import * as z from "zod/mini";
import { assertCompiledQuestionnaire } from "./_lib/assertCompiledQuestionnaire";
import type { CompiledQuestionnaire } from "./compileQuestionnaire";
import { validateResponses } from "./validateResponses";

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

/** The tags of one free-text answer. */
export interface TaggedAnswer {
  readonly responseId: string;
  readonly respondent: string;
  readonly questionId: string;
  readonly text: string;
  /** Sorted, without duplicates; empty when no rule matched. */
  readonly tags: readonly string[];
}

/** How often a tag was found among the answers to one question. */
export interface TagShare {
  readonly questionId: string;
  readonly tag: string;
  /** Answers with the tag. */
  readonly count: number;
  /** Free-text answers to the question. */
  readonly answered: number;
  readonly share: number;
  /** `@ops/metrics` `wilsonInterval` of the share. */
  readonly interval: ProportionInterval;
}

/** The outcome of {@link tagFreeTextAnswers}. */
export interface TaggedFreeText {
  /** Every free-text answer of the accepted responses, in response then question order. */
  readonly answers: readonly TaggedAnswer[];
  /** Per question and tag found, most frequent first (then tag, code-point order). */
  readonly tags: readonly TagShare[];
}

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
  const { keep, confidence = 0.95 } = parseOrThrow(TagFreeTextAnswersOptionsSchema, options, { fn, path: ["options"] });
  const validation = validateResponses(questionnaire, responses, keep === undefined ? {} : { keep });
  const q = questionnaire.questionnaire;
  const freeText = q.questions.filter((x) => x.kind === "free_text");
  const answers: TaggedAnswer[] = [];
  const perQuestion = new Map<string, { answered: number; tags: Map<string, number> }>(
    freeText.map((x) => [x.id, { answered: 0, tags: new Map() }]),
  );
  for (const a of validation.accepted) {
    for (const question of freeText) {
      const text = a.answers[question.id];
      if (typeof text !== "string") continue;
      const interaction = {
        id: `survey:${q.id}:${a.id}:${question.id}`,
        channelId: `survey:${q.id}`,
        kind: "dm",
        direction: "in",
        visibility: "private",
        actor: { platform: "survey", scope: q.id, userId: a.respondent },
        platformCreatedAt: a.at,
        receivedAt: a.at,
        content: { text, media: [], hashtags: [] },
      } as unknown as Interaction;
      const tags = tagInteraction(rules, interaction);
      answers.push({ responseId: a.id, respondent: a.respondent, questionId: question.id, text, tags });
      const stats = perQuestion.get(question.id) as { answered: number; tags: Map<string, number> };
      stats.answered++;
      for (const tag of tags) stats.tags.set(tag, (stats.tags.get(tag) ?? 0) + 1);
    }
  }
  const tags: TagShare[] = [];
  for (const [questionId, stats] of perQuestion) {
    const rows = [...stats.tags].sort(([ta, ca], [tb, cb]) => cb - ca || (ta < tb ? -1 : ta > tb ? 1 : 0));
    for (const [tag, count] of rows)
      tags.push({
        questionId,
        tag,
        count,
        answered: stats.answered,
        share: count / stats.answered,
        interval: wilsonInterval({ successes: count, trials: stats.answered }, { confidence }),
      });
  }
  return { answers, tags };
}
