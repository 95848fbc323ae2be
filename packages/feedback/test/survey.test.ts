import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OpsError } from "@ops/core";
import {
  compileQuestionnaire,
  QuestionnaireSchema,
  QuestionSchema,
  SurveyResponseSchema,
  validateResponses,
  type ResponseResult,
} from "@ops/feedback";
import { compiledTalk, fullAnswers, response, T0, talkSurvey } from "./_survey";

const opsError = (f: () => unknown): OpsError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OpsError);
    return e as OpsError;
  }
  throw new Error("expected an OpsError");
};

describe("QuestionSchema", () => {
  it("accepts every kind and fills in the defaults", () => {
    const parsed = talkSurvey.questions.map((q) => QuestionSchema.parse(q));
    expect(parsed.map((q) => q.kind)).toEqual([
      "csat",
      "nps",
      "likert",
      "likert",
      "single_choice",
      "multiple_choice",
      "free_text",
    ]);
    expect(parsed[3]).toMatchObject({ reverse: true, required: true });
    expect(parsed[5]).toMatchObject({ minSelections: 1, maxSelections: 2, required: false });
    expect(QuestionSchema.parse({ id: "t", kind: "free_text", text: "?" })).toMatchObject({ maxLength: 2000 });
  });

  it("refuses an unknown kind, a scale beyond 0/1–11 and a one-option choice", () => {
    expect(QuestionSchema.safeParse({ id: "q", kind: "rating", text: "?" }).success).toBe(false);
    expect(QuestionSchema.safeParse({ id: "q", kind: "likert", text: "?", scale: { min: 2, max: 5 } }).success).toBe(
      false,
    );
    expect(QuestionSchema.safeParse({ id: "q", kind: "likert", text: "?", scale: { min: 1, max: 12 } }).success).toBe(
      false,
    );
    expect(
      QuestionSchema.safeParse({ id: "q", kind: "single_choice", text: "?", options: [{ id: "a", label: "A" }] })
        .success,
    ).toBe(false);
  });
});

describe("compileQuestionnaire", () => {
  it("compiles, freezes and picks the first csat question as the satisfaction question", () => {
    const compiled = compiledTalk();
    expect(compiled.satisfaction).toBe("sat");
    expect(Object.isFrozen(compiled.questionnaire.questions[0])).toBe(true);
    expect(compileQuestionnaire({ ...talkSurvey, satisfaction: "useful" }).satisfaction).toBe("useful");
    expect(
      compileQuestionnaire({ ...talkSurvey, questions: [{ id: "t", kind: "free_text", text: "?" }] }).satisfaction,
    ).toBeNull();
  });

  it("does not mutate its input", () => {
    const input = structuredClone(talkSurvey);
    compileQuestionnaire(input);
    expect(input).toEqual(talkSurvey);
  });

  it.each([
    [
      "a repeated question id",
      { ...talkSurvey, questions: [...talkSurvey.questions, { id: "sat", kind: "nps", text: "?" }] },
      "questionnaire.questions[7].id",
      "must be unique (also questions[0].id)",
    ],
    [
      "a repeated option id",
      {
        ...talkSurvey,
        questions: [
          {
            id: "c",
            kind: "single_choice",
            text: "?",
            options: [
              { id: "a", label: "A" },
              { id: "a", label: "B" },
            ],
          },
        ],
      },
      "questionnaire.questions[0].options[1].id",
      "must be unique within the question (also options[0].id)",
    ],
    [
      "labels that do not match the scale",
      {
        ...talkSurvey,
        questions: [{ id: "l", kind: "likert", text: "?", scale: { min: 1, max: 5 }, labels: ["a", "b"] }],
      },
      "questionnaire.questions[0].labels",
      "must have one label per scale point (5)",
    ],
    [
      "minSelections above maxSelections",
      {
        ...talkSurvey,
        questions: [
          {
            id: "m",
            kind: "multiple_choice",
            text: "?",
            options: [
              { id: "a", label: "A" },
              { id: "b", label: "B" },
            ],
            minSelections: 2,
            maxSelections: 1,
          },
        ],
      },
      "questionnaire.questions[0].minSelections",
      "must be ≤ maxSelections (1)",
    ],
    [
      "maxSelections above the options",
      {
        ...talkSurvey,
        questions: [
          {
            id: "m",
            kind: "multiple_choice",
            text: "?",
            options: [
              { id: "a", label: "A" },
              { id: "b", label: "B" },
            ],
            maxSelections: 3,
          },
        ],
      },
      "questionnaire.questions[0].maxSelections",
      "must be ≤ the number of options (2)",
    ],
    [
      "a satisfaction question that is free text",
      { ...talkSurvey, satisfaction: "wish" },
      "questionnaire.satisfaction",
      "must be the id of a csat or likert question of the questionnaire",
    ],
    ["a version of 0", { ...talkSurvey, version: 0 }, "questionnaire.version", "must be ≥ 1"],
    ["no questions", { ...talkSurvey, questions: [] }, "questionnaire.questions", "must list at least one question"],
  ])("refuses %s with an OpsError naming path and rule", (_label, input, path, rule) => {
    const error = opsError(() => compileQuestionnaire(input as never));
    expect(error.code).toBe("invalid_argument");
    expect(error.fn).toBe("compileQuestionnaire");
    expect(error.message).toContain(`${path} ${rule}`);
    expect(error.rule).toBe(rule);
  });

  it("refuses hostile values with OpsErrors, never TypeErrors", () => {
    for (const bad of [
      null,
      undefined,
      Number.NaN,
      "q",
      [],
      { ...talkSurvey, questions: new Array(100_000).fill(0) },
    ]) {
      expect(opsError(() => compileQuestionnaire(bad as never)).code).toBe("invalid_argument");
    }
    expect(
      QuestionnaireSchema.safeParse({ ...talkSurvey, questions: new Array(201).fill(talkSurvey.questions[0]) }).success,
    ).toBe(false);
  });
});

describe("SurveyResponseSchema", () => {
  it("checks the envelope only", () => {
    expect(SurveyResponseSchema.safeParse(response("r1", "m1", T0, { sat: 99 })).success).toBe(true);
    expect(SurveyResponseSchema.safeParse(response("r1", "m1", Number.NaN, {})).success).toBe(false);
  });
});

describe("validateResponses", () => {
  const issuesOf = (r: ResponseResult | undefined) => (r?.status === "invalid" ? r.issues : []);

  it("accepts a complete response and keeps its checked answers", () => {
    const v = validateResponses(compiledTalk(), [response("r1", "m1", T0, fullAnswers())]);
    expect(v.results).toEqual([{ status: "valid", index: 0, responseId: "r1", respondent: "m1" }]);
    expect(v.accepted[0]?.answers).toEqual(fullAnswers());
    expect(v.counts).toEqual({ received: 1, valid: 1, invalid: 0, duplicate: 0 });
  });

  it.each([
    ["sat", 6, "scale", "must be a whole number from 1 to 5"],
    ["sat", 4.5, "scale", "must be a whole number from 1 to 5"],
    ["sat", "5", "type", "must be a whole number from 1 to 5"],
    ["nps", 11, "scale", "must be a whole number from 0 to 10"],
    ["nps", Number.NaN, "scale", "must be a whole number from 0 to 10"],
    ["hard", 0, "scale", "must be a whole number from 1 to 7"],
    ["topic", "music", "option", "must be one of sleep, food, play"],
    ["topic", ["food"], "type", "must be an option id (a string)"],
    ["channels", ["group", "oa", "friend"], "max_selections", "must select at most 2 options"],
    ["channels", ["group", "group"], "duplicate_option", "must not select group twice"],
    ["channels", ["tv"], "option", "must select among group, oa, friend"],
    ["channels", "group", "type", "must be an array of option ids"],
    ["wish", "一".repeat(21), "max_length", "must be at most 20 characters"],
    ["wish", 42, "type", "must be a string"],
  ])("reports %s = %j as invalid (%s), never drops it", (questionId, value, rule, message) => {
    const v = validateResponses(compiledTalk(), [response("r1", "m1", T0, fullAnswers({ [questionId]: value }))]);
    expect(v.results[0]?.status).toBe("invalid");
    expect(issuesOf(v.results[0])).toEqual([{ questionId, rule, message }]);
    expect(v.accepted).toEqual([]);
  });

  it("counts 20 CJK characters, emoji included, as 20 (code points, not UTF-16 units)", () => {
    const v = validateResponses(compiledTalk(), [
      response("r1", "m1", T0, fullAnswers({ wish: `${"辅".repeat(18)}👶👶` })),
    ]);
    expect(v.results[0]?.status).toBe("valid");
  });

  it("reports a missing required answer, an unknown question and a wrong questionnaire version together", () => {
    const { sat: _sat, ...rest } = fullAnswers();
    const r = { ...response("r1", "m1", T0, { ...rest, extra: 1 }), version: 1 };
    expect(issuesOf(validateResponses(compiledTalk(), [r]).results[0])).toEqual([
      { questionId: null, rule: "questionnaire", message: "must answer questionnaire talk-feedback version 2" },
      { questionId: "extra", rule: "unknown_question", message: "is not a question of the questionnaire" },
      { questionId: "sat", rule: "required", message: "must be answered" },
    ]);
  });

  it("treats null, blank text and an empty selection of optional questions as no answer", () => {
    const v = validateResponses(compiledTalk(), [response("r1", "m1", T0, fullAnswers({ wish: "  ", channels: [] }))]);
    expect(v.results[0]?.status).toBe("valid");
    expect(v.accepted[0]?.answers).not.toHaveProperty("wish");
    expect(v.accepted[0]?.answers).not.toHaveProperty("channels");
    const required = validateResponses(compiledTalk(), [response("r1", "m1", T0, fullAnswers({ sat: null }))]);
    expect(issuesOf(required.results[0])[0]?.rule).toBe("required");
  });

  it("reports malformed envelopes as invalid results with their position", () => {
    const v = validateResponses(compiledTalk(), [
      null,
      7,
      [],
      { ...response("", "m1", T0, fullAnswers()) },
      { ...response("r5", "m1", Number.NaN, fullAnswers()) },
      { ...response("r6", "m1", T0, fullAnswers()), answers: [1, 2] },
    ]);
    expect(v.results.map((r) => r.status)).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect(v.results.map((r) => issuesOf(r)[0]?.rule)).toEqual([
      "envelope",
      "envelope",
      "envelope",
      "envelope",
      "envelope",
      "envelope",
    ]);
    expect(v.results[3]).toMatchObject({ responseId: null });
    expect(v.counts).toEqual({ received: 6, valid: 0, invalid: 6, duplicate: 0 });
  });

  it("keeps the last response of a respondent by default and the first on request, and reports the others", () => {
    const rs = [
      response("r1", "m1", T0 + 2, fullAnswers({ sat: 2 })),
      response("r2", "m1", T0 + 1, fullAnswers({ sat: 3 })),
      response("r3", "m2", T0, fullAnswers()),
      response("r4", "m1", T0 + 2, fullAnswers({ sat: 5 })),
    ];
    const last = validateResponses(compiledTalk(), rs);
    expect(last.results.map((r) => r.status)).toEqual(["duplicate", "duplicate", "valid", "valid"]);
    expect(last.results[0]).toEqual({
      status: "duplicate",
      index: 0,
      responseId: "r1",
      respondent: "m1",
      reason: "superseded",
      keptIndex: 3,
    });
    expect(last.accepted.map((a) => a.id)).toEqual(["r3", "r4"]);
    const first = validateResponses(compiledTalk(), rs, { keep: "first" });
    expect(first.accepted.map((a) => a.id)).toEqual(["r2", "r3"]);
    expect(first.counts).toEqual({ received: 4, valid: 2, invalid: 0, duplicate: 2 });
  });

  it("counts a redelivered response once and refuses one id with two contents", () => {
    const r = response("r1", "m1", T0, fullAnswers());
    const twice = validateResponses(compiledTalk(), [r, structuredClone(r)]);
    expect(twice.results[1]).toMatchObject({ status: "duplicate", reason: "redelivered", keptIndex: 0 });
    expect(twice.accepted).toHaveLength(1);
    const error = opsError(() =>
      validateResponses(compiledTalk(), [r, response("r1", "m1", T0, fullAnswers({ sat: 1 }))]),
    );
    expect(error.code).toBe("duplicate");
    expect(error.message).toContain("responses[1].id must be unique: responses[0] has the same id with other content");
  });

  it("does not mutate its input", () => {
    const rs = [response("r1", "m1", T0, fullAnswers()), response("r2", "m1", T0 + 1, fullAnswers({ sat: 9 }))];
    const copy = structuredClone(rs);
    validateResponses(compiledTalk(), rs);
    expect(rs).toEqual(copy);
  });

  it("refuses misuse with OpsErrors: a forged questionnaire, a non-array, too many responses, bad options", () => {
    const forged = { format: 1, questionnaire: talkSurvey, satisfaction: "sat" };
    expect(opsError(() => validateResponses(forged as never, [])).message).toContain(
      "questionnaire must be the result of compileQuestionnaire",
    );
    // even a deep-frozen copy of a real one, with every field, has no brand
    const copy = Object.freeze({ ...compiledTalk() });
    expect(opsError(() => validateResponses(copy, [])).message).toContain(
      "questionnaire must be the result of compileQuestionnaire",
    );
    expect(opsError(() => validateResponses(compiledTalk(), "r1" as never)).code).toBe("invalid_argument");
    expect(opsError(() => validateResponses(compiledTalk(), { length: 2 } as never)).code).toBe("invalid_argument");
    expect(opsError(() => validateResponses(compiledTalk(), new Array(1_000_001).fill(0))).code).toBe("out_of_range");
    expect(opsError(() => validateResponses(compiledTalk(), [], { keep: "best" } as never)).message).toContain(
      "options.keep",
    );
  });

  it("gives one result per input for 100 000 hostile items, fast", () => {
    const started = performance.now();
    const v = validateResponses(compiledTalk(), new Array(100_000).fill(Number.NaN));
    expect(v.results).toHaveLength(100_000);
    expect(v.counts.invalid).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  // Laws, with fast-check.
  const answerArb = fc.record({
    sat: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.constant(null), fc.double(), fc.string()),
    nps: fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constant(undefined)),
    useful: fc.integer({ min: 0, max: 6 }),
    hard: fc.integer({ min: 0, max: 8 }),
    topic: fc.constantFrom("sleep", "food", "play", "music", 3),
    channels: fc.array(fc.constantFrom("group", "oa", "friend", "tv"), { maxLength: 4 }),
    wish: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null)),
  });
  const responsesArb = fc.array(
    fc.record({
      respondent: fc.constantFrom("m1", "m2", "m3", "m4"),
      at: fc.integer({ min: 0, max: 5 }),
      answers: answerArb,
    }),
    { maxLength: 25 },
  );
  const build = (rs: { respondent: string; at: number; answers: Record<string, unknown> }[]) =>
    rs.map((r, i) => response(`r${i}`, r.respondent, T0 + r.at, r.answers));

  it("gives exactly one verdict per response and accounts for every one (property)", () => {
    fc.assert(
      fc.property(responsesArb, (rs) => {
        const v = validateResponses(compiledTalk(), build(rs));
        expect(v.results.map((r) => r.index)).toEqual(rs.map((_, i) => i));
        expect(v.counts.valid + v.counts.invalid + v.counts.duplicate).toBe(rs.length);
        expect(v.accepted.length).toBe(v.counts.valid);
        // at most one accepted response per respondent, and every duplicate points at an accepted one
        expect(new Set(v.accepted.map((a) => a.respondent)).size).toBe(v.accepted.length);
        for (const r of v.results) if (r.status === "duplicate") expect(v.results[r.keptIndex]?.status).toBe("valid");
        // an invalid response always names at least one rule
        for (const r of v.results) if (r.status === "invalid") expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts exactly the responses whose every answer fits (property, against an independent oracle)", () => {
    const fits = (a: Record<string, unknown>) => {
      const whole = (x: unknown, lo: number, hi: number) =>
        Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
      const ch = a.channels as string[];
      const wish = a.wish as string | null;
      return (
        whole(a.sat, 1, 5) &&
        whole(a.nps, 0, 10) &&
        whole(a.useful, 1, 5) &&
        whole(a.hard, 1, 7) &&
        ["sleep", "food", "play"].includes(a.topic as string) &&
        ch.length <= 2 &&
        new Set(ch).size === ch.length &&
        ch.every((c) => c !== "tv") &&
        (wish === null || [...wish].length <= 20 || wish.trim() === "")
      );
    };
    fc.assert(
      fc.property(answerArb, (answers) => {
        const v = validateResponses(compiledTalk(), [response("r1", "m1", T0, answers)]);
        expect(v.results[0]?.status === "valid").toBe(fits(answers));
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on input order for which responses count, given distinct times (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ respondent: fc.constantFrom("m1", "m2", "m3"), at: fc.integer({ min: 0, max: 1000 }) }),
          {
            selector: (r) => r.at,
            maxLength: 15,
          },
        ),
        fc.constantFrom("last", "first"),
        (rs, keep) => {
          const all = rs.map((r, i) => response(`r${i}`, r.respondent, T0 + r.at, fullAnswers()));
          const ids = (list: typeof all) =>
            validateResponses(compiledTalk(), list, { keep: keep as "last" | "first" })
              .accepted.map((a) => a.id)
              .sort();
          expect(ids([...all].reverse())).toEqual(ids(all));
        },
      ),
    );
  });
});
