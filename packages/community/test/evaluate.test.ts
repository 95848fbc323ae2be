import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRules, detectAdvertising, evaluate, toModeratedMessage, type Rule } from "./helpers";

const MIN = 60_000;
const ATTACKS = ["蠢货", "脑残", "idiot", "loser"]; // a personal-attack list is data

const RULES: Rule[] = [
  {
    id: "no-ads",
    name: "No advertising",
    priority: 10,
    exemptRoles: ["admin", "brand"],
    triggers: [
      { kind: "links", allowDomains: ["ourbrand.com"] },
      { kind: "keywords", category: "advertising", keywords: ["代购", "刷单", "free money"] },
    ],
    actions: [{ kind: "delete" }, { kind: "warn", message: "no ads please" }],
    strike: { weight: 1, ttlMs: 30 * 24 * 60 * MIN },
  },
  {
    id: "no-attacks",
    priority: 5,
    triggers: [{ kind: "keywords", category: "personal_attack", keywords: ATTACKS }],
    actions: [{ kind: "hide" }, { kind: "timeout", durationMs: 60 * MIN }],
  },
  { id: "mention-spam", triggers: [{ kind: "mentions", max: 3 }], actions: [{ kind: "hide" }] },
  {
    id: "flood",
    triggers: [{ kind: "flooding", windowMs: MIN, maxMessages: 5, maxRepeats: 2 }],
    actions: [{ kind: "timeout", durationMs: 10 * MIN }],
  },
];
const compiled = compileRules(RULES);
const msg = (text: string, extra: Partial<{ actor: string; at: number; mentions: string[] }> = {}) => ({
  id: "m1",
  actor: "qq:g1:42",
  text,
  at: 1_000_000,
  ...extra,
});
const fired = (text: string, roles: string[] = []) =>
  evaluate(msg(text), compiled, { roles }).decisions.map((d) => d.ruleId);

describe("evaluate", () => {
  it("catches a Chinese ad with a disguised link, full-width text and emoji between characters", () => {
    const r = evaluate(msg("姐妹们看这里👉 ｗｗｗ．ｍａｉ😀ｍａｉ 点 ｃｏｍ 超便宜"), compiled);
    expect(r.decisions.map((d) => d.ruleId)).toEqual(["no-ads"]);
    expect(r.decisions[0]?.matches[0]).toMatchObject({
      kind: "links",
      detail: "url: maimai.com",
      text: "ｍａｉ😀ｍａｉ 点 ｃｏｍ",
    });
  });

  it("catches WeChat ids, phone numbers and QR mentions in Chinese", () => {
    expect(detectAdvertising("加薇信 abc_12345 领券").map((h) => h.detector)).toEqual(["wechat"]);
    expect(fired("有事打我电话 138-0013-8000")).toEqual(["no-ads"]);
    expect(fired("扫😀码进群，福利多多")).toEqual(["no-ads"]);
    expect(fired("代🌸购 正品")).toEqual(["no-ads"]);
  });

  it("catches an English ad with hxxp and (dot) disguises", () => {
    expect(detectAdvertising("get FREE stuff at hxxps://deals.example.net/x").map((h) => h.value)).toEqual([
      "deals.example.net",
    ]);
    expect(detectAdvertising("visit cheap-pills(dot)com today").map((h) => h.value)).toEqual(["cheap-pills.com"]);
    expect(detectAdvertising("add me on wechat: shopgirl88 now").map((h) => h.value)).toEqual(["shopgirl88"]);
    expect(detectAdvertising("awxyzabc123")).toEqual([]);
    expect(detectAdvertising("see https://x.com now").map((h) => [h.value, h.text])).toEqual([
      ["x.com", "https://x.com"],
    ]);
    expect(fired("ＦＲＥＥ  ＭＯＮＥＹ for everyone")).toEqual(["no-ads"]);
  });

  it("lets the brand's own domain through and ignores ordinary sentences", () => {
    expect(fired("新品在 shop.ourbrand.com 上架")).toEqual([]);
    expect(fired("I love it. Come back tomorrow!")).toEqual([]);
    expect(fired("今天的直播讲了2026年的新款，价格199元")).toEqual([]);
  });

  it("says which rule matched on what text for a personal attack", () => {
    const r = evaluate(msg("你就是个蠢😡货 and a LOSER"), compiled);
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]?.matches.map((m) => [m.category, m.detail, m.text, m.span])).toEqual([
      ["personal_attack", "蠢货", "蠢😡货", { start: 4, end: 8 }],
      ["personal_attack", "loser", "LOSER", { start: 15, end: 20 }],
    ]);
  });

  it("does not fire an English word inside a longer word", () => {
    expect(fired("the idiotic plan")).toEqual([]);
    expect(fired("what an idiot")).toEqual(["no-attacks"]);
  });

  it("reports exempt roles under exempted and applies nothing for them", () => {
    const r = evaluate(msg("官方店：www.partner-shop.com"), compiled, { roles: ["brand"] });
    expect(r.decisions).toEqual([]);
    expect(r.exempted.map((d) => d.ruleId)).toEqual(["no-ads"]);
    expect(r.actions).toEqual([]);
    // a role that is not exempt changes nothing
    expect(fired("官方店：www.partner-shop.com", ["member"])).toEqual(["no-ads"]);
  });

  it("orders decisions by priority and merges their actions", () => {
    const r = evaluate(msg("蠢货 加微信 shopgirl88"), compiled);
    expect(r.decisions.map((d) => d.ruleId)).toEqual(["no-ads", "no-attacks"]);
    expect(r.actions).toEqual([
      { kind: "warn", message: "no ads please" },
      { kind: "hide" },
      { kind: "delete" },
      { kind: "timeout", durationMs: 60 * MIN },
    ]);
    expect(r.decisions[0]?.strike).toEqual({ weight: 1, ttlMs: 30 * 24 * 60 * MIN });
  });

  it("stops at a final rule", () => {
    const set = compileRules([
      { id: "low", triggers: [{ kind: "keywords", keywords: ["x"] }], actions: [{ kind: "hide" }] },
      {
        id: "high",
        priority: 1,
        final: true,
        triggers: [{ kind: "keywords", keywords: ["x"] }],
        actions: [{ kind: "remove" }],
      },
    ]);
    expect(evaluate(msg("x"), set).decisions.map((d) => d.ruleId)).toEqual(["high"]);
  });

  it("counts mentions in the text, or takes the platform's list", () => {
    expect(fired("@a @b @c hi")).toEqual([]);
    const r = evaluate(msg("@a @b ＠c @d 快来"), compiled);
    expect(r.decisions[0]?.matches[0]).toMatchObject({ detail: "4 mentions (max 3)", text: "@a @b ＠c @d" });
    expect(evaluate(msg("hi", { mentions: ["1", "2", "3", "4"] }), compiled).decisions.map((d) => d.ruleId)).toEqual([
      "mention-spam",
    ]);
  });

  it("detects flooding by count and by repeats, within the window only and per author", () => {
    const at = 1_000_000;
    const same = (k: number, actor = "qq:g1:42") => ({ actor, text: "求 关注！", at: at - k * 10_000 });
    // two earlier identical messages (normalised equal) + this one = 3 > maxRepeats 2
    let r = evaluate(msg("求关注", { at }), compiled, { recent: [same(1), same(2)] });
    expect(r.decisions[0]?.matches.map((m) => m.detail)).toEqual(["3 identical messages within 60000 ms (max 2)"]);
    // one of them is exactly windowMs old: the window is (at − windowMs, at], so it is out
    r = evaluate(msg("求关注", { at }), compiled, { recent: [same(1), same(6)] });
    expect(r.decisions).toEqual([]);
    // another author's messages do not count
    r = evaluate(msg("求关注", { at }), compiled, { recent: [same(1), same(2, "qq:g1:7")] });
    expect(r.decisions).toEqual([]);
    // 5 earlier different messages + this one = 6 > 5
    const many = [1, 2, 3, 4, 5].map((k) => ({ actor: "qq:g1:42", text: `msg ${k}`, at: at - k * 1000 }));
    expect(evaluate(msg("again", { at }), compiled, { recent: many }).decisions[0]?.matches[0]?.detail).toBe(
      "6 messages within 60000 ms (max 5)",
    );
  });

  it("drops disabled rules", () => {
    const set = compileRules([
      { id: "off", enabled: false, triggers: [{ kind: "keywords", keywords: ["x"] }], actions: [{ kind: "hide" }] },
    ]);
    expect(set.ruleIds).toEqual([]);
    expect(evaluate(msg("x"), set).decisions).toEqual([]);
  });

  it("never throws on arbitrary text, and every reported span points at the text it quotes (fuzz)", () => {
    const withPattern = compileRules([
      ...RULES,
      {
        id: "p",
        triggers: [{ kind: "pattern", patterns: [{ source: "[a-z]{3}\\d" }], on: "separators" }],
        actions: [{ kind: "alert" }],
      },
    ]);
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 80 }),
        fc.constantFrom("", "加微😀信 abc123", "xyz9", "@a @b ＠c @d", "蠢货", "shop.example.com", "138 0013 8000"),
        fc.string({ unit: "binary", maxLength: 40 }),
        (a, bait, b) => {
          const text = a + bait + b;
          const r = evaluate(msg(text), withPattern);
          for (const d of r.decisions)
            for (const m of d.matches) if (m.span) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it("handles an empty message", () => {
    expect(evaluate(msg(""), compiled)).toEqual({ decisions: [], exempted: [], actions: [] });
  });

  it("does not mutate the rules, the message or the context", () => {
    const rules = structuredClone(RULES);
    const set = compileRules(rules);
    expect(rules).toEqual(RULES);
    const m = msg("蠢货");
    const ctx = { roles: ["member"], recent: [{ actor: "qq:g1:42", text: "a", at: 999_000 }] };
    const before = structuredClone({ m, ctx });
    evaluate(m, set, ctx);
    expect({ m, ctx }).toEqual(before);
  });

  it("refuses bad input with messages that name the field", () => {
    expect(() => evaluate({ ...msg("x"), text: 3 as unknown as string }, compiled)).toThrowOpsError(
      "invalid_argument",
      { fn: "evaluate", path: ["message", "text"], message: /must be a string/ },
    );
    expect(() => evaluate(msg("x"), RULES as never)).toThrowOpsError("invalid_argument", {
      fn: "evaluate",
      path: ["rules"],
      message: /must be the result of compileRules/,
    });
    // a look-alike with every field of a real set (kind, ruleIds, rules) has no brand
    expect(() => evaluate(msg("x"), { ...compiled })).toThrowOpsError("invalid_argument", {
      fn: "evaluate",
      path: ["rules"],
      message: /must be the result of compileRules/,
    });
    expect(() => compileRules([...RULES, { ...RULES[0]!, priority: 1 }])).toThrowOpsError("duplicate", {
      fn: "compileRules",
      path: ["rules", 4, "id"],
      message: /must be unique/,
    });
    expect(() => compileRules([{ id: "x", triggers: [], actions: [{ kind: "hide" }] }])).toThrowOpsError(
      "invalid_argument",
      { fn: "compileRules", path: ["rules", 0, "triggers"], message: /must hold at least one trigger/ },
    );
    expect(() =>
      compileRules([{ id: "x", triggers: [{ kind: "flooding", windowMs: 1000 }], actions: [{ kind: "hide" }] }]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRules",
      path: ["rules", 0, "triggers", 0, "maxMessages"],
      message: /needs maxMessages or maxRepeats/,
    });
    expect(() =>
      compileRules([{ id: "x", triggers: [{ kind: "keywords", keywords: ["🙂"] }], actions: [{ kind: "hide" }] }]),
    ).toThrowOpsError("invalid_argument", {
      fn: "compileRules",
      path: ["rules", 0, "triggers", 0, "keywords", 0],
      message: /must keep at least one letter/,
    });
  });
});

describe("toModeratedMessage", () => {
  it("maps an interaction to the message evaluate judges", () => {
    const m = toModeratedMessage({
      id: "qq:g1:m1",
      channelId: "ch_qq",
      kind: "comment",
      direction: "in",
      visibility: "public",
      actor: { platform: "qq", scope: "g1", userId: "42" },
      content: { text: "加微信 shopgirl88" },
      platformCreatedAt: 5,
      receivedAt: 9,
    });
    expect(evaluate(m, compiled).decisions.map((d) => d.ruleId)).toEqual(["no-ads"]);
  });

  it("gives empty text to an interaction without content and refuses a malformed one", () => {
    const like = {
      id: "l1",
      channelId: "c",
      kind: "like" as const,
      direction: "activity" as const,
      visibility: "public" as const,
      actor: { platform: "qq", userId: "1" },
      platformCreatedAt: 0,
      receivedAt: 0,
    };
    expect(toModeratedMessage(like).text).toBe("");
    expect(() => toModeratedMessage({ ...like, platformCreatedAt: -1.5 })).toThrowOpsError("invalid_argument", {
      fn: "toModeratedMessage",
      path: ["interaction", "platformCreatedAt"],
    });
  });
});
