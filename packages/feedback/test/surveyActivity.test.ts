import { describe, expect, it } from "vitest";
import { OpsError } from "@ops/core";
import { compileNeedRules } from "@ops/interaction";
import { compileQuestionnaire, satisfactionByActivity, tagFreeTextAnswers } from "@ops/feedback";
import { compiledTalk, fullAnswers, response, T0 } from "./_survey";

/** A one-question CSAT survey about `activityId` with `satisfied` of `n` answers at 5, the rest at 2. */
const survey = (activityId: string, satisfied: number, n: number) => {
  const id = `s_${activityId}`;
  return {
    questionnaire: compileQuestionnaire({
      id,
      version: 1,
      activityId,
      questions: [{ id: "sat", kind: "csat", text: "满意吗？" }],
    }),
    responses: Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      questionnaireId: id,
      version: 1,
      respondent: `m${i}`,
      at: T0 + i,
      answers: { sat: i < satisfied ? 5 : 2 },
    })),
  };
};
const close = (actual: number | null | undefined, expected: number, digits = 12) =>
  expect(actual ?? Number.NaN).toBeCloseTo(expected, digits);

describe("satisfactionByActivity", () => {
  it("compares with the z-test when every expected cell is ≥ 5 (Newcombe interval and p-value as scipy)", () => {
    const r = satisfactionByActivity([survey("talk", 32, 40), survey("group_buy", 20, 35)]);
    expect(r.activities.map((a) => [a.activityId, a.satisfied, a.answered, a.smallSample])).toEqual([
      ["talk", 32, 40, false],
      ["group_buy", 20, 35, false],
    ]);
    const [c] = r.comparisons;
    expect(c).toMatchObject({
      activityId: "group_buy",
      baseline: "talk",
      test: "two_proportion_z",
      smallSample: false,
    });
    // Newcombe (1998) method 10 from scipy.stats.binomtest(...).proportion_ci(method="wilson") bounds
    close(c?.difference.estimate, -0.22857142857142865);
    close(c?.difference.lower, -0.4171094742278154);
    close(c?.difference.upper, -0.019054945159613423);
    // scipy.stats.chi2_contingency([[32, 8], [20, 15]], correction=False)[1]
    close(c?.pValue, 0.032220662321015316, 6);
  });

  it("switches to Fisher's exact test below an expected count of 5 and flags small samples", () => {
    const r = satisfactionByActivity([survey("talk", 8, 12), survey("draw", 2, 9)]);
    const [c] = r.comparisons;
    expect(c).toMatchObject({ test: "fisher_exact", smallSample: true });
    // scipy.stats.fisher_exact([[8, 4], [2, 7]])[1]
    close(c?.pValue, 0.08049535603715172, 9);
    // Newcombe bounds from scipy Wilson bounds, as above
    close(c?.difference.lower, -0.6962147615157678);
    close(c?.difference.upper, -0.01789037962484702);
    // scipy.stats.binomtest(2, 9).proportion_ci(method="wilson")
    close(r.activities[1]?.interval.lower, 0.06322510711784673);
    close(r.activities[1]?.interval.upper, 0.5474110308930111);
    expect(r.activities.every((a) => a.smallSample)).toBe(true);
  });

  it("compares with a chosen baseline, uses a Likert satisfaction question's top-two box and reports NPS", () => {
    const likert = compileQuestionnaire({
      id: "buy",
      version: 1,
      activityId: "group_buy",
      satisfaction: "overall",
      questions: [
        { id: "overall", kind: "likert", text: "总体满意", scale: { min: 1, max: 7 } },
        { id: "nps", kind: "nps", text: "推荐吗？" },
      ],
    });
    const answers = [7, 6, 5, 7, 2];
    const r = satisfactionByActivity(
      [
        { questionnaire: compiledTalk(), responses: [response("r1", "m1", T0, fullAnswers({ nps: 10 }))] },
        {
          questionnaire: likert,
          responses: answers.map((overall, i) => ({
            id: `b${i}`,
            questionnaireId: "buy",
            version: 1,
            respondent: `m${i}`,
            at: T0,
            answers: { overall, nps: overall + 3 },
          })),
        },
      ],
      { baseline: "group_buy", minResponses: 3 },
    );
    expect(r.activities[1]).toMatchObject({
      questionId: "overall",
      satisfied: 3,
      answered: 5,
      share: 0.6,
      smallSample: false,
    });
    expect(r.activities[1]?.nps?.value).toBe(40); // nps = overall + 3 = 10, 9, 8, 10, 5: 3 promoters, 1 detractor of 5 → 100·(3 − 1)/5
    expect(r.activities[0]?.nps?.value).toBe(100);
    expect(r.comparisons.map((c) => [c.activityId, c.baseline])).toEqual([["ev_2026_03_talk_sleep", "group_buy"]]);
  });

  it("gives nulls, not NaN, for activities without answers or without a satisfaction question", () => {
    const free = compileQuestionnaire({
      id: "f",
      version: 1,
      activityId: "live",
      questions: [{ id: "t", kind: "free_text", text: "?" }],
    });
    const r = satisfactionByActivity([survey("talk", 0, 0), { questionnaire: free, responses: [] }]);
    expect(r.activities.map((a) => [a.share, a.questionId, a.nps])).toEqual([
      [null, "sat", null],
      [null, null, null],
    ]);
    expect(r.comparisons[0]).toMatchObject({ pValue: null, test: null });
    expect(r.comparisons[0]?.difference.estimate).toBeNull();
    expect(satisfactionByActivity([])).toEqual({ activities: [], comparisons: [] });
  });

  it("refuses two surveys of one activity, an unknown baseline and hostile input with OpsErrors", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(OpsError);
        return (e as OpsError).code;
      }
      return "none";
    };
    expect(err(() => satisfactionByActivity([survey("talk", 1, 2), survey("talk", 1, 2)]))).toBe("duplicate");
    expect(err(() => satisfactionByActivity([survey("talk", 1, 2)], { baseline: "nope" }))).toBe("not_found");
    expect(err(() => satisfactionByActivity([null] as never))).toBe("invalid_argument");
    expect(err(() => satisfactionByActivity(new Array(100_000).fill(0)))).toBe("invalid_argument");
    expect(err(() => satisfactionByActivity([{ questionnaire: {}, responses: [] }] as never))).toBe("invalid_argument");
    expect(err(() => satisfactionByActivity([], { minResponses: Number.NaN }))).toBe("invalid_argument");
  });
});

describe("tagFreeTextAnswers", () => {
  const rules = compileNeedRules([
    { tag: "allergy", any: ["过敏", "allergy"] },
    { tag: "sleep", any: ["睡眠", "夜醒", "sleep"] },
    { tag: "comments_only", any: ["辅食"], kinds: ["comment"] },
  ]);
  const rs = [
    response("r1", "m1", T0, fullAnswers({ wish: "辅食过敏怎么办" })),
    response("r2", "m2", T0, fullAnswers({ wish: "宝宝夜醒，ＳＬＥＥＰ training?" })),
    response("r3", "m3", T0, fullAnswers({ wish: "allergy? sleepy" })),
    response("r4", "m4", T0, fullAnswers({ wish: null })),
    response("r5", "m5", T0, fullAnswers({ wish: "过敏".repeat(11) })), // too long: invalid, not tagged
  ];

  it("tags answers with interaction's rules, as inbound DMs (CJK anywhere, Latin whole words, NFKC)", () => {
    const r = tagFreeTextAnswers(rules, compiledTalk(), rs);
    expect(r.answers.map((a) => [a.responseId, a.tags])).toEqual([
      ["r1", ["allergy"]],
      ["r2", ["sleep"]],
      ["r3", ["allergy"]],
    ]);
    expect(r.tags.map((t) => [t.tag, t.count, t.answered])).toEqual([
      ["allergy", 2, 3],
      ["sleep", 1, 3],
    ]);
    // scipy.stats.binomtest(2, 3).proportion_ci(method="wilson")
    close(r.tags[0]?.interval.lower, 0.20765960080204782);
    close(r.tags[0]?.interval.upper, 0.9385080552796038);
  });

  it("refuses rules that did not come from compileNeedRules", () => {
    expect(() => tagFreeTextAnswers({ version: 1 } as never, compiledTalk(), rs)).toThrow(OpsError);
    // a look-alike with every field of real compiled rules, but no brand
    expect(() => tagFreeTextAnswers({ ...rules }, compiledTalk(), rs)).toThrow(
      /^tagFreeTextAnswers: rules must be the result of compileNeedRules/,
    );
    expect(() => tagFreeTextAnswers(rules, compiledTalk(), rs, { confidence: 2 })).toThrow(OpsError);
  });
});
