import { describe, expect, it } from "vitest";
import { OpsError } from "@ops/core";
import { summarizeSurvey, type QuestionSummary } from "@ops/feedback";
import { compiledTalk, fullAnswers, response, T0 } from "./_survey";

// Twelve respondents of the post-talk survey; the reference figures below were computed
// independently with SciPy 1.17.1 (Debian python3-scipy) and NumPy from these same lists.
const csat = [5, 4, 3, 5, 1, 4, 4, 2, 5, 5, 4, 3];
const npsScores = [10, 9, 8, 7, 6, 9, 10, 3, 9, 8, 10, 5];
const useful = [4, 5, 3, 4, 4, 2, 5, 4, 3, 5, 4, 5];
const hard = [2, 1, 3, 2, 6, 1, 2, 3, 2, 1, 4, 2]; // 1–7, reverse-scored
const topic = ["food", "food", "sleep", "food", "play", "sleep", "food", "food", "play", "food", "sleep", "food"];

const responses = [
  ...csat.map((sat, i) =>
    response(`r${i}`, `m${i}`, T0 + i, {
      sat,
      nps: npsScores[i],
      useful: useful[i],
      hard: hard[i],
      topic: topic[i],
      channels: i % 3 === 0 ? ["group", "oa"] : i % 3 === 1 ? ["group"] : [],
      wish: i < 5 ? "辅食" : null,
    }),
  ),
  // excluded: an earlier answer by m0 (superseded), an invalid one, a redelivery of r1
  response("r_old", "m0", T0 - 1, fullAnswers({ sat: 1 })),
  response("r_bad", "m99", T0, fullAnswers({ sat: 0 })),
  response("r1", "m1", T0 + 1, {
    sat: 4,
    nps: 9,
    useful: 5,
    hard: 1,
    topic: "food",
    channels: ["group"],
    wish: "辅食",
  }),
];

const summary = summarizeSurvey(compiledTalk(), responses);
const byId = (id: string): QuestionSummary => summary.questions.find((q) => q.questionId === id) as QuestionSummary;
const close = (actual: number | null | undefined, expected: number, digits = 12) =>
  expect(actual ?? Number.NaN).toBeCloseTo(expected, digits);

describe("summarizeSurvey", () => {
  it("counts only accepted responses and says how many were left out", () => {
    expect(summary.counts).toEqual({ received: 15, valid: 12, invalid: 1, duplicate: 2 });
    expect(summary.activityId).toBe("ev_2026_03_talk_sleep");
    expect(summary.questions.map((q) => [q.questionId, q.answered, q.skipped])).toEqual([
      ["sat", 12, 0],
      ["nps", 12, 0],
      ["useful", 12, 0],
      ["hard", 12, 0],
      ["topic", 12, 0],
      ["channels", 8, 4],
      ["wish", 5, 7],
    ]);
  });

  it("gives CSAT through @ops/metrics: 8 of 12 satisfied, Wilson interval", () => {
    const q = byId("sat");
    if (q.kind !== "csat") throw new Error("kind");
    expect([q.csat.satisfied, q.csat.responses]).toEqual([8, 12]);
    // scipy.stats.binomtest(8, 12).proportion_ci(0.95, method="wilson")
    close(q.csat.interval?.lower, 0.39062208887279953);
    close(q.csat.interval?.upper, 0.8618799089087867);
  });

  it("gives NPS through @ops/metrics: 6 promoters, 3 detractors of 12 = 25, Rocks (2016) interval", () => {
    const q = byId("nps");
    if (q.kind !== "nps") throw new Error("kind");
    expect([q.nps.value, q.nps.promoters, q.nps.passives, q.nps.detractors]).toEqual([25, 6, 3, 3]);
    // 100·((p − d) ± scipy.stats.norm.ppf(0.975)·sqrt((p + d − (p − d)²)/n)), p = 6/12, d = 3/12
    close(q.nps.interval?.lower, -21.913066225619303, 9);
    close(q.nps.interval?.upper, 71.9130662256193, 9);
  });

  it("gives the Likert distribution, mean with a Student-t interval and top-two box", () => {
    const q = byId("useful");
    if (q.kind !== "likert") throw new Error("kind");
    expect(q.points.map((p) => [p.value, p.label, p.count])).toEqual([
      [1, "非常不同意", 0],
      [2, "不同意", 1],
      [3, "一般", 2],
      [4, "同意", 5],
      [5, "非常同意", 4],
    ]);
    // scipy.stats.binomtest(5, 12).proportion_ci(0.95, method="wilson")
    close(q.points[3]?.interval.lower, 0.1932603136587566);
    close(q.points[3]?.interval.upper, 0.6804886874504502);
    // numpy: mean 4.0, std(ddof=1) 0.9534625892455924;
    // scipy.stats.t.interval(0.95, 11, loc=4.0, scale=0.9534625892455924/sqrt(12))
    close(q.mean.mean, 4);
    close(q.mean.standardDeviation, 0.9534625892455924);
    expect(q.mean.interval?.method).toBe("student_t");
    close(q.mean.interval?.lower, 3.394198772789566, 10);
    close(q.mean.interval?.upper, 4.605801227210434, 10);
    // top-two box 9/12; scipy.stats.binomtest(9, 12).proportion_ci(method="wilson")
    expect(q.topTwoBox.count).toBe(9);
    close(q.topTwoBox.interval.lower, 0.46769466506643426);
    close(q.topTwoBox.interval.upper, 0.9110583316059453);
  });

  it("reverse-scores a negatively worded 1–7 item (8 − answer) for the mean and top-two box, not the counts", () => {
    const q = byId("hard");
    if (q.kind !== "likert") throw new Error("kind");
    expect(q.reverse).toBe(true);
    expect(q.points.map((p) => p.count)).toEqual([3, 5, 2, 1, 0, 1, 0]);
    // numpy on 8 − hard: mean 5.583333333333333, std(ddof=1) 1.4433756729740643;
    // scipy.stats.t.interval(0.95, 11, loc=…, scale=…/sqrt(12))
    close(q.mean.mean, 5.583333333333333);
    close(q.mean.interval?.lower, 4.66625618329515, 10);
    close(q.mean.interval?.upper, 6.500410483371516, 10);
    expect(q.topTwoBox.count).toBe(8);
  });

  it("gives choice shares with Wilson intervals; multiple-choice shares are of respondents", () => {
    const single = byId("topic");
    if (single.kind !== "single_choice") throw new Error("kind");
    expect(single.options.map((o) => [o.id, o.count])).toEqual([
      ["sleep", 3],
      ["food", 7],
      ["play", 2],
    ]);
    // scipy.stats.binomtest(7, 12).proportion_ci(method="wilson")
    close(single.options[1]?.interval.lower, 0.31951131254954973);
    close(single.options[1]?.interval.upper, 0.8067396863412435);
    const multiple = byId("channels");
    if (multiple.kind !== "multiple_choice") throw new Error("kind");
    expect(multiple.options.map((o) => [o.id, o.count, o.share])).toEqual([
      ["group", 8, 1],
      ["oa", 4, 0.5],
      ["friend", 0, 0],
    ]);
    // scipy.stats.binomtest(0, 8).proportion_ci(method="wilson").high = 0.32440756488388023
    close(multiple.options[2]?.interval.upper, 0.32440756488388023);
  });

  it("uses the confidence option everywhere: a 90 % t interval", () => {
    const ten = [4, 5, 3, 4, 4, 2, 5, 4, 3, 5].map((useful, i) =>
      response(`r${i}`, `m${i}`, T0, fullAnswers({ useful })),
    );
    const q = summarizeSurvey(compiledTalk(), ten, { confidence: 0.9 }).questions[2];
    if (q?.kind !== "likert") throw new Error("kind");
    // scipy.stats.t.interval(0.90, 9, loc=3.9, scale=0.9944289260117533/sqrt(10))
    close(q.mean.interval?.lower, 3.3235482393464038, 10);
    close(q.mean.interval?.upper, 4.476451760653596, 10);
  });

  it("has no interval below two answers and nulls with none, never NaN", () => {
    const one = summarizeSurvey(compiledTalk(), [response("r1", "m1", T0, fullAnswers())]).questions[2];
    if (one?.kind !== "likert") throw new Error("kind");
    expect(one.mean).toEqual({ n: 1, mean: 4, standardDeviation: null, interval: null });
    const none = summarizeSurvey(compiledTalk(), []);
    const q = none.questions[2];
    if (q?.kind !== "likert") throw new Error("kind");
    expect(q.mean.mean).toBeNull();
    expect(q.topTwoBox.share).toBeNull();
    expect(JSON.stringify(none)).not.toMatch(/NaN|Infinity|null,"lower":null/);
  });

  it("clips the interval to the scale", () => {
    const rs = [5, 5, 4].map((useful, i) => response(`r${i}`, `m${i}`, T0, fullAnswers({ useful })));
    const q = summarizeSurvey(compiledTalk(), rs).questions[2];
    if (q?.kind !== "likert") throw new Error("kind");
    expect(q.mean.interval?.upper).toBe(5);
  });

  it("refuses bad options and hostile arguments with OpsErrors", () => {
    for (const call of [
      () => summarizeSurvey(compiledTalk(), [], { confidence: Number.NaN }),
      () => summarizeSurvey(compiledTalk(), [], { confidence: 1 }),
      () => summarizeSurvey({} as never, []),
      () => summarizeSurvey(compiledTalk(), null as never),
    ]) {
      expect(call).toThrow(OpsError);
    }
  });
});
