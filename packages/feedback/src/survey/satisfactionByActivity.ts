import { OpsError, parseOrThrow } from "@ops/core";
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
import * as z from "zod/mini";
import { assertCompiledQuestionnaire } from "./_lib/assertCompiledQuestionnaire";
import type { CompiledQuestionnaire } from "./compileQuestionnaire";
import { validateResponses, type ResponseValidation } from "./validateResponses";

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

/** The outcome of {@link satisfactionByActivity}. */
export interface SatisfactionByActivity {
  readonly activities: readonly ActivitySatisfaction[];
  readonly comparisons: readonly ActivityComparison[];
}

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
  const confidence = opts.confidence ?? 0.95;
  const minResponses = opts.minResponses ?? 30;
  if (!Array.isArray(surveys) || surveys.length > 10_000)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["surveys"],
      rule: "must be an array of at most 10000 surveys",
      received: surveys,
    });
  const seen = new Map<string, number>();
  const activities = surveys.map((survey: unknown, i): ActivitySatisfaction => {
    if (typeof survey !== "object" || survey === null)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["surveys", i],
        rule: "must be { questionnaire, responses }",
        received: survey,
      });
    const { questionnaire, responses } = survey as Partial<ActivitySurvey>;
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
      opts.keep === undefined ? {} : { keep: opts.keep },
    );
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
    if (opts.baseline !== undefined)
      throw new OpsError({
        code: "not_found",
        fn,
        path: ["options", "baseline"],
        rule: "must be the activity id of one of the surveys",
        received: opts.baseline,
      });
    return { activities, comparisons: [] };
  }
  const baseline = opts.baseline === undefined ? activities[0] : activities.find((a) => a.activityId === opts.baseline);
  if (baseline === undefined)
    throw new OpsError({
      code: "not_found",
      fn,
      path: ["options", "baseline"],
      rule: "must be the activity id of one of the surveys",
      received: opts.baseline,
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
