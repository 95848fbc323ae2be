import { OpsError } from "@ops/core";
import type { CompiledQuestionnaire } from "../compileQuestionnaire";
import { type ResponseValidation, validateResponses } from "../validateResponses";
import { assertCompiledQuestionnaire } from "./assertCompiledQuestionnaire";

/** One activity's survey, checked: its questionnaire and what `validateResponses` found in its responses. */
export interface CheckedSurvey {
  readonly questionnaire: CompiledQuestionnaire;
  readonly validation: ResponseValidation;
}

/**
 * Checks a list of activity surveys as `satisfactionByActivity` does, in its order — at most
 * 10000 surveys; each an object with a compiled questionnaire; activity ids distinct; the
 * responses by `validateResponses` with `keep` — and returns each survey with its
 * validation, so that a caller validates every response once. Errors name `fn`.
 */
export function checkSurveys(surveys: unknown, keep: "last" | "first" | undefined, fn: string): CheckedSurvey[] {
  if (!Array.isArray(surveys) || surveys.length > 10_000)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["surveys"],
      rule: "must be an array of at most 10000 surveys",
      received: surveys,
    });
  const seen = new Map<string, number>();
  // `map`, as satisfactionByActivity always did: a hole stays a hole
  return surveys.map((survey: unknown, i): CheckedSurvey => {
    if (typeof survey !== "object" || survey === null)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["surveys", i],
        rule: "must be { questionnaire, responses }",
        received: survey,
      });
    const { questionnaire, responses } = survey as { readonly questionnaire?: unknown; readonly responses?: unknown };
    assertCompiledQuestionnaire(questionnaire, fn, ["surveys", i, "questionnaire"]);
    const q = questionnaire.questionnaire;
    const before = seen.get(q.activityId);
    if (before !== undefined)
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["surveys", i, "questionnaire", "activityId"],
        rule: `must be unique (also surveys[${before}])`,
        received: q.activityId,
      });
    seen.set(q.activityId, i);
    const validation = validateResponses(
      questionnaire,
      responses as readonly unknown[],
      keep === undefined ? {} : { keep },
    );
    return { questionnaire, validation };
  });
}
