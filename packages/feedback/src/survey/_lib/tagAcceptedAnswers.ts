import { tagInteraction, type CompiledNeedRules, type Interaction } from "@ops/interaction";
import { wilsonInterval, type ProportionInterval } from "@ops/metrics";
import type { CompiledQuestionnaire } from "../compileQuestionnaire";
import type { AcceptedResponse } from "../validateResponses";

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

/** The outcome of `tagFreeTextAnswers`. */
export interface TaggedFreeText {
  /** Every free-text answer of the accepted responses, in response then question order. */
  readonly answers: readonly TaggedAnswer[];
  /** Per question and tag found, most frequent first (then tag, code-point order). */
  readonly tags: readonly TagShare[];
}

/**
 * `tagFreeTextAnswers` on responses already checked: `accepted` is the `accepted` list of
 * what `validateResponses` returned for `questionnaire` (the caller has checked the rules,
 * the questionnaire and the options); nothing is validated again.
 */
export function tagAcceptedAnswers(
  rules: CompiledNeedRules,
  questionnaire: CompiledQuestionnaire,
  accepted: readonly AcceptedResponse[],
  confidence: number,
): TaggedFreeText {
  const q = questionnaire.questionnaire;
  const freeText = q.questions.filter((x) => x.kind === "free_text");
  const answers: TaggedAnswer[] = [];
  const perQuestion = new Map<string, { answered: number; tags: Map<string, number> }>(
    freeText.map((x) => [x.id, { answered: 0, tags: new Map() }]),
  );
  for (const a of accepted) {
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
