// Issue 21 ("one home per concept"): surveySection checks each survey's responses once, and
// the internal variants it calls (src/survey/_lib) give what the public functions give.
import {
  compileQuestionnaire,
  satisfactionByActivity,
  summarizeSurvey,
  surveySection,
  tagFreeTextAnswers,
  validateResponses,
} from "@ops/feedback";
import { compileNeedRules } from "@ops/interaction";
import { describe, expect, it } from "vitest";
import { checkSurveys } from "../src/survey/_lib/checkSurveys";
import { satisfactionOfChecked } from "../src/survey/_lib/satisfactionOfChecked";
import { summarizeValidation } from "../src/survey/_lib/summarizeValidation";
import { tagAcceptedAnswers } from "../src/survey/_lib/tagAcceptedAnswers";
import { compiledTalk, fullAnswers, response, T0, talkSurvey } from "./_survey";

const H = 3_600_000;
const answers = [
  response("r1", "u1", T0, fullAnswers()),
  response("r2", "u2", T0 + H, fullAnswers({ sat: 2, nps: 3, useful: 2, topic: "sleep", wish: "想听睡眠训练" })),
  response("r3", "u3", T0 + 2 * H, fullAnswers({ sat: 4, nps: 10, useful: 5, wish: "辅食添加顺序" })),
  response("r4", "u1", T0 + 3 * H, fullAnswers({ sat: 5, nps: 7, useful: 4 })),
  response("r5", "u4", T0 + 4 * H, { sat: 5 }),
  // a redelivery of r2 (same id, same content)
  response("r2", "u2", T0 + H, fullAnswers({ sat: 2, nps: 3, useful: 2, topic: "sleep", wish: "想听睡眠训练" })),
];
const other = (activityId: string, scores: number[]) => {
  const id = `s_${activityId}`;
  return {
    questionnaire: compileQuestionnaire({ ...talkSurvey, id, version: 1, activityId }),
    responses: scores.map((sat, i) => ({
      ...response(`${id}_r${i}`, `m${i}`, T0 + i, fullAnswers({ sat })),
      questionnaireId: id,
      version: 1,
    })),
  };
};
const rules = compileNeedRules([
  { tag: "sleep", any: ["睡眠"] },
  { tag: "solids", any: ["辅食"] },
]);

/** The responses behind a proxy that counts how often each one is read (validateResponses reads each once per call). */
function counted<T>(list: readonly T[]): { list: readonly T[]; reads: number[] } {
  const reads = list.map(() => 0);
  const proxy = new Proxy(list as T[], {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads[Number(key)] = (reads[Number(key)] ?? 0) + 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list: proxy, reads };
}

describe("surveySection", () => {
  it("reads (so validates) every response of every survey once, the focus survey included", () => {
    const focus = counted(answers);
    const w1 = other("w1", [5, 4, 2, 1]);
    const before = counted(w1.responses);
    surveySection(
      [
        { questionnaire: w1.questionnaire, responses: before.list },
        { questionnaire: compiledTalk(), responses: focus.list },
      ],
      { needRules: rules },
    );
    // before issue 21 the focus survey was validated three times (satisfactionByActivity,
    // summarizeSurvey, tagFreeTextAnswers): each of its responses was read three times
    expect(focus.reads).toEqual(answers.map(() => 1));
    expect(before.reads).toEqual(w1.responses.map(() => 1));
  });
});

describe("the survey functions' internal variants (src/survey/_lib)", () => {
  const q = compiledTalk();
  const options = [{}, { keep: "first" as const, confidence: 0.9 }];

  it("summarizeValidation gives summarizeSurvey's result from validateResponses' result", () => {
    for (const { keep, confidence } of options as { keep?: "first"; confidence?: number }[]) {
      const validation = validateResponses(q, answers, keep === undefined ? {} : { keep });
      expect(summarizeValidation(q, validation, confidence ?? 0.95)).toEqual(
        summarizeSurvey(q, answers, { ...(keep ? { keep } : {}), ...(confidence ? { confidence } : {}) }),
      );
    }
  });

  it("tagAcceptedAnswers gives tagFreeTextAnswers' result from the accepted responses", () => {
    for (const { keep, confidence } of options as { keep?: "first"; confidence?: number }[]) {
      const validation = validateResponses(q, answers, keep === undefined ? {} : { keep });
      const tagged = tagAcceptedAnswers(rules, q, validation.accepted, confidence ?? 0.95);
      expect(tagged).toEqual(
        tagFreeTextAnswers(rules, q, answers, { ...(keep ? { keep } : {}), ...(confidence ? { confidence } : {}) }),
      );
      // u1's later answer (r4) has the default wish 辅食过敏怎么办; with keep "first", r1 has the same
      expect(tagged.tags.map((t) => [t.tag, t.count])).toEqual([
        ["solids", 2],
        ["sleep", 1],
      ]);
    }
  });

  it("checkSurveys then satisfactionOfChecked give satisfactionByActivity's result, with its errors", () => {
    const surveys = [other("w1", [5, 4, 2, 1]), { questionnaire: q, responses: answers }];
    const checked = checkSurveys(surveys, undefined, "satisfactionByActivity");
    expect(checked.map((c) => c.validation)).toEqual(
      surveys.map((s) => validateResponses(s.questionnaire, s.responses)),
    );
    expect(
      satisfactionOfChecked(checked, { baseline: "ev_2026_03_talk_sleep", minResponses: 3, confidence: 0.9 }, "f"),
    ).toEqual(satisfactionByActivity(surveys, { baseline: "ev_2026_03_talk_sleep", minResponses: 3, confidence: 0.9 }));
    expect(() =>
      satisfactionOfChecked(checked, { baseline: "nope", minResponses: 30, confidence: 0.95 }, "f"),
    ).toThrowOpsError("not_found", { path: ["options", "baseline"] });
    expect(() => checkSurveys([surveys[0], surveys[0]], undefined, "f")).toThrowOpsError("duplicate", {
      path: ["surveys", 1, "questionnaire", "activityId"],
    });
    expect(() => checkSurveys([null], undefined, "f")).toThrowOpsError("invalid_argument", { path: ["surveys", 0] });
  });

  it("reads the validation it is given, not the responses: a validation's accepted list is what counts", () => {
    const validation = validateResponses(q, answers);
    // only u2's response (sat 2, wish 想听睡眠训练) kept: the summary and the tags follow the list given
    const onlyU2 = { ...validation, accepted: validation.accepted.filter((a) => a.respondent === "u2") };
    const summary = summarizeValidation(q, onlyU2, 0.95);
    const sat = summary.questions[0];
    expect(sat?.kind === "csat" ? [sat.answered, sat.csat.value] : null).toEqual([1, 0]);
    expect(summary.counts).toBe(validation.counts);
    expect(tagAcceptedAnswers(rules, q, onlyU2.accepted, 0.95).tags.map((t) => [t.tag, t.count, t.share])).toEqual([
      ["sleep", 1, 1],
    ]);
  });
});
