import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeText } from "@ops/core";
import { compileNeedRules, countTagsByPeriod, tagInteraction } from "./helpers/index";
import { brand, ix, T0, user } from "./helpers/make";

const rules = compileNeedRules([
  { tag: "sensitive_skin", any: ["敏感肌", "敏感肌膚", "sensitive skin"], none: ["不敏感"] },
  { tag: "sunscreen", any: ["防晒", "SPF", "sunscreen"] },
  { tag: "cleanser", any: ["洁面", "洗面奶", "cleanser"], all: [] },
  { tag: "refund", any: ["退款", "退货", "refund"], kinds: ["dm"] },
]);
const say = (text: string, extra: Record<string, unknown> = {}) =>
  ix({ id: `m_${text.length}`, platformCreatedAt: T0, content: { text }, ...extra });

describe("tagInteraction", () => {
  it.each([
    ["我是敏感肌，求推荐洗面奶", ["cleanser", "sensitive_skin"]],
    ["我皮肤不敏感，想要防晒", ["sunscreen"]],
    ["台灣的敏感肌膚可以用嗎", ["sensitive_skin"]],
    // issue 21, one text module: a Latin keyword is no longer found inside a run of letters and
    // digits ("spf" in "SPF50"), the rule of community's and feedback's matchers; was ["sunscreen"]
    ["油皮用ＳＰＦ５０会闷痘吗", []],
    ["油皮用ＳＰＦ ５０会闷痘吗", ["sunscreen"]],
    ["spf50 or SPF 30?", ["sunscreen"]],
    ["I use spfx mousse", []],
    ["Sensitive  skin, need a gentle cleanser", ["cleanser", "sensitive_skin"]],
    ["敏\u200B感肌", ["sensitive_skin"]],
    // every default-ignorable character, emoji and punctuation inside a word is ignored (issue 21)
    ["敏\u2060感😀肌", ["sensitive_skin"]],
    ["sun-screen!", ["sunscreen"]],
    ["", []],
  ] as const)("tags %j as %j", (text, tags) => {
    expect(tagInteraction(rules, say(text))).toEqual(tags);
  });

  it("respects kinds and directions, and never tags internal notes", () => {
    expect(tagInteraction(rules, say("我要退款", { kind: "comment", visibility: "public" }))).toEqual([]);
    expect(tagInteraction(rules, say("我要退款"))).toEqual(["refund"]);
    expect(tagInteraction(rules, say("已安排退款", { direction: "out", actor: brand, recipient: user }))).toEqual([]);
    expect(tagInteraction(rules, say("用户想要防晒", { visibility: "internal_note" }))).toEqual([]);
  });

  it("refuses rules that were not compiled and bad rules", () => {
    expect(() => tagInteraction({ tags: [] } as never, say("x"))).toThrowOpsError("invalid_argument");
    // a look-alike with every field of real compiled rules (a spread copy) has no brand
    const real = compileNeedRules([{ tag: "sun", any: ["spf"] }]);
    expect(() => tagInteraction({ ...real }, say("spf"))).toThrowOpsError("invalid_argument", {
      fn: "tagInteraction",
      path: ["compiled"],
      message: /must be the result of compileNeedRules/,
    });
    expect(() => compileNeedRules([{ tag: "x", any: [] }])).toThrowOpsError("invalid_argument");
    expect(() => compileNeedRules([{ tag: "x", any: ["\u200B"] }])).toThrowOpsError("invalid_argument");
  });

  it("treats regex characters in keywords literally", () => {
    const r = compileNeedRules([{ tag: "plus", any: ["c++", "a.b"] }]);
    expect(tagInteraction(r, say("I write c++ daily"))).toEqual(["plus"]);
    expect(tagInteraction(r, say("axb"))).toEqual([]);
  });

  it("never tags text that contains none of a rule's keywords (property)", () => {
    const only = compileNeedRules([{ tag: "t", any: ["洁面"] }]);
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }).filter(
          (s) =>
            // the text as the text module reads it (issue 21: emoji, white space and punctuation are skipped too)
            !normalizeText(s).text.includes("洁面"),
        ),
        (s) => {
          expect(tagInteraction(only, say(s))).toEqual([]);
        },
      ),
    );
  });
});

describe("countTagsByPeriod", () => {
  const at = (iso: string, text: string, id: string) =>
    ix({ id, platformCreatedAt: Date.parse(iso), content: { text } });
  const list = [
    at("2026-03-02T02:00:00Z", "敏感肌用什么洁面", "a"), // Mon 10:00 Shanghai, ISO week of 2026-03-02
    at("2026-03-08T15:59:59Z", "洁面推荐", "b"), // Sun 23:59:59 Shanghai: same week
    at("2026-03-08T16:00:00Z", "防晒推荐", "c"), // Mon 00:00 Shanghai: next week
    at("2026-03-08T16:00:00Z", "防晒推荐", "c"), // a retried delivery: counted once
  ];

  it("counts per tag and local ISO week", () => {
    // week starts: 2026-03-02T00:00+08:00 = 2026-03-01T16:00Z; 2026-03-09T00:00+08:00 = 2026-03-08T16:00Z
    expect(countTagsByPeriod(rules, list, { period: "week", timeZone: "Asia/Shanghai" })).toEqual([
      { periodStart: Date.parse("2026-03-01T16:00:00Z"), tag: "cleanser", count: 2 },
      { periodStart: Date.parse("2026-03-01T16:00:00Z"), tag: "sensitive_skin", count: 1 },
      { periodStart: Date.parse("2026-03-08T16:00:00Z"), tag: "sunscreen", count: 1 },
    ]);
  });

  it("uses local calendar days across a DST night (New York, 2026-03-08 is 23 hours long)", () => {
    const ny = [
      at("2026-03-08T04:59:00Z", "洁面", "x"),
      at("2026-03-09T03:59:00Z", "洁面", "y"),
      at("2026-03-09T04:00:00Z", "洁面", "z"),
    ];
    expect(
      countTagsByPeriod(rules, ny, { period: "day", timeZone: "America/New_York" }).map((c) => [
        new Date(c.periodStart).toISOString(),
        c.count,
      ]),
    ).toEqual([
      ["2026-03-07T05:00:00.000Z", 1],
      ["2026-03-08T05:00:00.000Z", 1],
      ["2026-03-09T04:00:00.000Z", 1],
    ]);
  });

  it("counts by month and returns nothing for nothing", () => {
    expect(
      countTagsByPeriod(rules, list, { period: "month", timeZone: "Asia/Shanghai" }).map((c) => [c.tag, c.count]),
    ).toEqual([
      ["cleanser", 2],
      ["sensitive_skin", 1],
      ["sunscreen", 1],
    ]);
    expect(countTagsByPeriod(rules, [], { period: "day", timeZone: "UTC" })).toEqual([]);
  });

  it("refuses a bad period or zone and does not mutate its input", () => {
    expect(() => countTagsByPeriod(rules, list, { period: "year" as never, timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => countTagsByPeriod(rules, list, { period: "day", timeZone: "Mars/Base" })).toThrowOpsError(
      "invalid_time_zone",
    );
    const copy = structuredClone(list);
    countTagsByPeriod(rules, list, { period: "day", timeZone: "UTC" });
    expect(list).toEqual(copy);
  });
});
