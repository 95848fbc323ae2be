import { OpsError } from "@ops/core";
import {
  csat,
  fisherExactTest,
  newcombeInterval,
  nps,
  twoProportionZTest,
  wilsonInterval,
  type Nps,
  type ProportionInterval,
} from "@ops/metrics";
import type { ResponseValidation } from "../validateResponses";
import type { CheckedSurvey } from "./checkSurveys";

/** Satisfaction with one activity. */
export interface ActivitySatisfaction {
  readonly activityId: string;
  readonly questionnaireId: string;
  readonly version: number;
  readonly counts: ResponseValidation["counts"];
  /** The satisfaction question, or `null` when the questionnaire has none. */
  readonly questionId: string | null;
  /** Satisfied answers: CSAT 4–5, or a Likert item's top two (scored) points. */
  readonly satisfied: number;
  /** Answers to the satisfaction question among accepted responses. */
  readonly answered: number;
  /** satisfied ÷ answered; `null` with no answers. */
  readonly share: number | null;
  /** Wilson interval of the share (`@ops/metrics`). */
  readonly interval: ProportionInterval;
  /** The first NPS question's score (`@ops/metrics` `nps`), or `null` when there is none. */
  readonly nps: Nps | null;
  /** `answered < minResponses`: read the share and every comparison with it as indicative. */
  readonly smallSample: boolean;
}

/** One activity against the baseline. */
export interface ActivityComparison {
  readonly activityId: string;
  readonly baseline: string;
  /** Newcombe hybrid score interval of share − baseline share (`@ops/metrics` `newcombeInterval`). */
  readonly difference: ProportionInterval;
  /** Two-sided p-value of equal shares: Fisher's exact test when an expected cell count is below 5, else the pooled z-test; `null` when undefined (no answers, or all in one class). */
  readonly pValue: number | null;
  readonly test: "fisher_exact" | "two_proportion_z" | null;
  /** Either side is a small sample. */
  readonly smallSample: boolean;
}

/** The outcome of `satisfactionByActivity`. */
export interface SatisfactionByActivity {
  readonly activities: readonly ActivitySatisfaction[];
  readonly comparisons: readonly ActivityComparison[];
}

/** What `satisfactionByActivity` reads from its options, defaults applied. */
export interface SatisfactionSettings {
  readonly baseline: string | undefined;
  readonly minResponses: number;
  readonly confidence: number;
}

/**
 * `satisfactionByActivity` on surveys already checked by {@link checkSurveys} (their
 * validations reused, nothing validated again); throws `not_found` for an unknown
 * `baseline`, naming `fn`.
 */
export function satisfactionOfChecked(
  surveys: readonly CheckedSurvey[],
  { baseline: baselineId, minResponses, confidence }: SatisfactionSettings,
  fn: string,
): SatisfactionByActivity {
  const activities = surveys.map(({ questionnaire, validation }): ActivitySatisfaction => {
    const q = questionnaire.questionnaire;
    const question = q.questions.find((x) => x.id === questionnaire.satisfaction);
    const values: number[] = [];
    const npsValues: number[] = [];
    const npsQuestion = q.questions.find((x) => x.kind === "nps");
    for (const a of validation.accepted) {
      const v = question ? a.answers[question.id] : undefined;
      if (typeof v === "number") values.push(v);
      const w = npsQuestion ? a.answers[npsQuestion.id] : undefined;
      if (typeof w === "number") npsValues.push(w);
    }
    let satisfied = 0;
    if (question?.kind === "csat") satisfied = csat(values, { confidence }).satisfied;
    else if (question?.kind === "likert") {
      const { min, max } = question.scale;
      for (const v of values) if ((question.reverse ? min + max - v : v) >= max - 1) satisfied++;
    }
    const answered = values.length;
    return {
      activityId: q.activityId,
      questionnaireId: q.id,
      version: q.version,
      counts: validation.counts,
      questionId: question?.id ?? null,
      satisfied,
      answered,
      share: answered === 0 ? null : satisfied / answered,
      interval: wilsonInterval({ successes: satisfied, trials: answered }, { confidence }),
      nps: npsQuestion ? nps(npsValues, { confidence }) : null,
      smallSample: answered < minResponses,
    };
  });
  if (activities.length === 0) {
    if (baselineId !== undefined)
      throw new OpsError({
        code: "not_found",
        fn,
        path: ["options", "baseline"],
        rule: "must be the activity id of one of the surveys",
        received: baselineId,
      });
    return { activities, comparisons: [] };
  }
  const baseline = baselineId === undefined ? activities[0] : activities.find((a) => a.activityId === baselineId);
  if (baseline === undefined)
    throw new OpsError({
      code: "not_found",
      fn,
      path: ["options", "baseline"],
      rule: "must be the activity id of one of the surveys",
      received: baselineId,
    });
  const base = { successes: baseline.satisfied, trials: baseline.answered };
  const comparisons = activities
    .filter((a) => a !== baseline)
    .map((a): ActivityComparison => {
      const other = { successes: a.satisfied, trials: a.answered };
      const n = base.trials + other.trials;
      const yes = base.successes + other.successes;
      const minExpected = n === 0 ? 0 : (Math.min(base.trials, other.trials) * Math.min(yes, n - yes)) / n;
      let pValue: number | null = null;
      let test: ActivityComparison["test"] = null;
      if (base.trials > 0 && other.trials > 0 && yes > 0 && yes < n) {
        if (minExpected < 5) {
          pValue = fisherExactTest(base, other).pValue;
          test = "fisher_exact";
        } else {
          pValue = twoProportionZTest(base, other).pValue;
          test = "two_proportion_z";
        }
      }
      return {
        activityId: a.activityId,
        baseline: baseline.activityId,
        difference: newcombeInterval(base, other, { confidence }),
        pValue,
        test,
        smallSample: a.smallSample || baseline.smallSample,
      };
    });
  return { activities, comparisons };
}
