import { compileQuestionnaire, surveySection } from "@ops/feedback";
import { compileNeedRules } from "@ops/interaction";
import { renderMarkdown, weeklyReport } from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { compiledTalk, fullAnswers, response, T0, talkSurvey } from "./_survey";

const H = 3_600_000;
const talk = (responses: ReturnType<typeof response>[]) => ({ questionnaire: compiledTalk(), responses });
/** The same questionnaire for another event. */
const other = (activityId: string, scores: number[]) => {
  const id = `s_${activityId}`;
  return {
    questionnaire: compileQuestionnaire({ ...talkSurvey, id, version: 1, activityId, title: `活动 ${activityId}` }),
    responses: scores.map((sat, i) => ({
      ...response(`${id}_r${i}`, `m${i}`, T0 + i, fullAnswers({ sat })),
      questionnaireId: id,
      version: 1,
    })),
  };
};
const lines = (section: ReturnType<typeof surveySection>, locale: "en" | "zh-CN" = "en") =>
  renderMarkdown(weeklyReport({}, { timeZone: "Asia/Shanghai", at: T0 }), { sections: [section], locale })
    .split("\n")
    .filter((l) => l.startsWith("- ") || l.startsWith("| "));

describe("surveySection", () => {
  const answers = [
    response("r1", "u1", T0, fullAnswers()),
    response("r2", "u2", T0 + H, fullAnswers({ sat: 2, nps: 3, useful: 2, topic: "sleep", wish: "想听睡眠训练" })),
    response("r3", "u3", T0 + 2 * H, fullAnswers({ sat: 4, nps: 10, useful: 5, wish: "辅食添加顺序" })),
    // u1 answers again: the later answer replaces the first (keep: "last")
    response("r4", "u1", T0 + 3 * H, fullAnswers({ sat: 5, nps: 7, useful: 4 })),
    // incomplete: a required answer missing
    response("r5", "u4", T0 + 4 * H, { sat: 5 }),
  ];

  it("shows the focus survey question by question in its own words, and what was left out", () => {
    const out = lines(surveySection([other("w1", [5, 4, 2, 1]), talk(answers)]));
    // counted: u1 (r4), u2, u3 — CSAT 2 of 3 (5 and 4), NPS: promoters 1 (10), passives 1 (7), detractors 1 (3) → 0
    expect(out.slice(0, 12)).toEqual([
      "- Responses received: 5",
      "- Counted (valid, one per person): 3",
      "- Left out: incomplete or invalid: 1",
      "- Left out: replaced by the same person's later answer: 1",
      "- 您对本次讲座满意吗？: 66.7%",
      "- 您会向其他妈妈推荐我们的讲座吗？: 0",
      // top-two box of 1–5: 4 and 5 → u1 (4), u3 (5) of 3
      "- 内容对我有用: 66.7%",
      // reverse-scored 1–7 "too technical": everyone answered 2 → scored 6, in the top two
      "- 内容太专业，听不懂: 100.0%",
      "- 下次最想听什么？: 辅食 (2)",
      "- 您从哪里知道这次讲座？: 微信群 (3)",
      "- 还想了解什么？: 3",
      "| Activity | Answers | Satisfied | Interval from | Interval to | NPS | Focus minus it (pp) | p-value |",
    ]);
    // Wilson 95 % intervals and the p-value from scipy 1.17.1: binomtest(2, 4).proportion_ci("wilson")
    // = [0.150, 0.850], binomtest(2, 3) → [0.208, 0.939], fisher_exact([[2, 1], [2, 2]]).pvalue = 1.0;
    // NPS: w1's four answer 9 (all promoters → 100), the focus 10 / 7 / 3 (→ 0); 66.7 − 50.0 = +16.7 pp
    expect(out.at(-2)).toBe("| 活动 w1 * | 4 | 50.0% | 15.0% | 85.0% | 100 | +16.7 | 1.000 |");
    expect(out.at(-1)).toBe("| 育儿讲座反馈 * | 3 | 66.7% | 20.8% | 93.9% | 0 | — | — |");
  });

  it("tags the focus survey's free text with need rules, and speaks Chinese", () => {
    const rules = compileNeedRules([
      { tag: "sleep", any: ["睡眠"] },
      { tag: "solids", any: ["辅食"] },
    ]);
    const out = lines(surveySection([talk(answers)], { needRules: rules }), "zh-CN");
    expect(out).toContain("| `solids` | 2 | 66.7% |");
    expect(out).toContain("| `sleep` | 1 | 33.3% |");
    expect(out[0]).toBe("- 收到的答卷：5");
  });

  it("focus: null gives the per-activity table alone; an unknown focus is not_found", () => {
    const section = surveySection([other("w1", [5, 4]), other("w2", [1, 5])], { focus: null });
    expect(section.blocks.map((b) => b.kind)).toEqual(["paragraph", "table"]);
    expect(lines(section).at(-1)).toBe("| 活动 w2 * | 2 | 50.0% | 9.5% | 90.5% | 100 |");
    expect(() => surveySection([other("w1", [5])], { focus: "w9" })).toThrowOpsError("not_found");
  });

  it("an empty list is an empty section; bad input is a typed error naming the field", () => {
    expect(surveySection([]).blocks).toEqual([]);
    expect(() => surveySection(null as never)).toThrowOpsError("invalid_argument", { path: ["surveys"] });
    expect(() => surveySection([], { confidence: 1 })).toThrowOpsError("invalid_argument", {
      path: ["options", "confidence"],
    });
  });
});
