import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InteractionSchema, type Interaction } from "@ops/interaction";
import {
  alwaysOpen,
  compileCalendar,
  compileSlaPolicies,
  computeSlaClocks,
  isThanksOnly,
  predictBreaches,
  publicReplyRate,
  slaComplianceReport,
  staffingFromCalendar,
  whatIf,
  type SlaEvent,
} from "@ops/sla";

const M = 60_000;
const H = 60 * M;
const t0 = Date.UTC(2026, 2, 9, 1, 0); // Monday 09:00 in Shanghai

describe("whatIf", () => {
  const events: SlaEvent[] = [
    { type: "created", at: t0, subject: { priority: "high" } },
    { type: "message", at: t0 + 90 * M, direction: "out" },
    { type: "message", at: t0 + 100 * M, direction: "in" },
  ];
  const current = compileSlaPolicies([
    {
      id: "v1",
      match: {},
      targets: { first_reply: { goal: 2 * H, hours: "calendar" }, next_reply: { goal: 2 * H, hours: "calendar" } },
    },
  ]);
  const proposed = compileSlaPolicies([
    {
      id: "v2",
      match: {},
      targets: { first_reply: { goal: H, hours: "calendar" }, next_reply: { goal: 2 * H, hours: "calendar" } },
    },
  ]);
  it("returns the current and proposed clocks side by side with only the cycles that change", () => {
    const r = whatIf(events, { current, proposed }, { now: t0 + 2 * H });
    expect(r.current.cycles.first_reply[0]?.status).toBe("achieved");
    expect(r.proposed.cycles.first_reply[0]?.status).toBe("breached");
    expect(r.changes).toEqual([
      {
        metric: "first_reply",
        index: 0,
        current: { policyId: "v1", status: "achieved", goal: 2 * H, elapsed: 90 * M, dueAt: null, breachedAt: null },
        proposed: { policyId: "v2", status: "breached", goal: H, elapsed: 90 * M, dueAt: t0 + H, breachedAt: t0 + H },
      },
    ]);
  });
  it("recomputes under another business calendar", () => {
    const lunch = [
      { open: "09:00", close: "12:00" },
      { open: "13:00", close: "18:00" },
    ];
    const cal = compileCalendar(
      { timeZone: "Asia/Shanghai", weekly: { mon: lunch } },
      { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
    );
    const biz = compileSlaPolicies([
      { id: "biz", match: {}, calendar: cal, targets: { first_reply: { goal: 4 * H, hours: "business" } } },
    ]);
    const r = whatIf(
      [{ type: "created", at: t0 + 2 * H, subject: {} }],
      { current, proposed: biz },
      { now: t0 + 3 * H },
    );
    // 11:00 + 4 business hours with a lunch hour → 16:00 Shanghai
    expect(r.proposed.cycles.first_reply[0]?.dueAt).toBe(t0 + 7 * H);
    expect(r.current.cycles.first_reply[0]?.dueAt).toBe(t0 + 4 * H);
  });
  it("does not mutate the timeline and refuses a missing policy set", () => {
    const copy = structuredClone(events);
    whatIf(events, { current, proposed }, { now: t0 + 2 * H });
    expect(events).toEqual(copy);
    expect(() => whatIf(events, { current } as never, { now: t0 + 2 * H })).toThrowOpsError("invalid_argument");
    expect(() => whatIf([...events].reverse(), { current, proposed }, { now: t0 + 2 * H })).toThrowOpsError(
      "invalid_argument",
    );
  });
});

describe("predictBreaches", () => {
  const now = t0;
  it("works the backlog earliest-deadline-first across shifts, carrying unfinished work over", () => {
    const staffing = [
      { start: now, end: now + 2 * H, agents: 2 },
      { start: now + 4 * H, end: now + 8 * H, agents: 1 },
    ];
    const r = predictBreaches(
      [
        { id: "late", dueAt: now + 10 * H },
        { id: "soon", dueAt: now + H },
        { id: "mid", dueAt: now + 3 * H, handlingTime: 3 * H },
        { id: "next", dueAt: now + 5 * H },
      ],
      { now, staffing, handlingTime: H },
    );
    // t=0: agents take soon (1 h) and mid (3 h); t=1 h: soon done, next starts; t=2 h: shift ends (mid 1 h left, next done)
    // t=4 h: one agent: mid (due 3 h) first → done 5 h (breach at 3 h), then late → done 6 h
    expect(r.items.map((f) => [f.id, f.handledAt === null ? null : (f.handledAt - now) / H, f.outcome])).toEqual([
      ["late", 6, "in_time"],
      ["soon", 1, "in_time"],
      ["mid", 5, "breach"],
      ["next", 2, "in_time"],
    ]);
    expect([r.breaches, r.firstBreachAt]).toEqual([1, now + 3 * H]);
  });
  it("marks items the plan never reaches as breaches when due inside it, beyond_plan otherwise", () => {
    const r = predictBreaches(
      [
        { id: "a", dueAt: now + H },
        { id: "b", dueAt: now + 90 * M },
        { id: "c", dueAt: now + 48 * H },
      ],
      { now, staffing: [{ start: now, end: now + 2 * H, agents: 1 }], handlingTime: 2 * H },
    );
    expect(r.items.map((f) => f.outcome)).toEqual(["breach", "breach", "beyond_plan"]);
    expect(r.items[1]?.handledAt).toBeNull();
  });
  it("reports an already overdue item as a breach at its due instant, and handles an empty backlog", () => {
    const r = predictBreaches([{ id: "old", dueAt: now - H }], {
      now,
      staffing: [{ start: now, end: now + H, agents: 3 }],
      handlingTime: M,
    });
    expect(r.items[0]).toEqual({ id: "old", dueAt: now - H, handledAt: now + M, outcome: "breach", breachAt: now - H });
    expect(predictBreaches([], { now, staffing: [], handlingTime: M })).toEqual({
      items: [],
      breaches: 0,
      firstBreachAt: null,
    });
  });
  it("never finishes an item before now plus its handling time, whatever the order (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 * 60 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        (dues, agents) => {
          const items = dues.map((d, i) => ({ id: `i${i}`, dueAt: now + d * M }));
          const r = predictBreaches(items, {
            now,
            staffing: [{ start: now, end: now + 24 * H, agents }],
            handlingTime: 30 * M,
          });
          const shuffled = predictBreaches([...items].reverse(), {
            now,
            staffing: [{ start: now, end: now + 24 * H, agents }],
            handlingTime: 30 * M,
          });
          return (
            r.items.every((f) => f.handledAt !== null && f.handledAt >= now + 30 * M) &&
            r.breaches === shuffled.breaches
          );
        },
      ),
    );
  });
  it("refuses duplicate ids, overlapping staffing and a bad handling time, and does not mutate", () => {
    const items = [{ id: "a", dueAt: now + H }];
    const copy = structuredClone(items);
    predictBreaches(items, { now, staffing: [], handlingTime: M });
    expect(items).toEqual(copy);
    expect(() => predictBreaches([...items, ...items], { now, staffing: [], handlingTime: M })).toThrowOpsError(
      "duplicate",
    );
    expect(() =>
      predictBreaches(items, {
        now,
        staffing: [
          { start: now, end: now + 2 * H, agents: 1 },
          { start: now + H, end: now + 3 * H, agents: 1 },
        ],
        handlingTime: M,
      }),
    ).toThrowOpsError("out_of_order");
    expect(() => predictBreaches(items, { now, staffing: [], handlingTime: 0 })).toThrowOpsError("invalid_argument");
  });
});

describe("slaComplianceReport", () => {
  const policies = compileSlaPolicies([
    {
      id: "p",
      match: {},
      targets: { first_reply: { goal: H, hours: "calendar" }, resolution: { goal: 24 * H, hours: "calendar" } },
    },
  ]);
  const item = (channelId: string, at: number, replyAfter: number | null) => ({
    channelId,
    clocks: computeSlaClocks(
      replyAfter === null
        ? [{ type: "created", at, subject: {} }]
        : [
            { type: "created", at, subject: {} },
            { type: "message", at: at + replyAfter * M, direction: "out" },
          ],
      policies,
      { now: t0 + 10 * H },
    ),
  });
  it("computes achievement rates and R type-7 first-reply quantiles by channel and local hour", () => {
    const items = [
      item("weibo", t0, 10),
      item("weibo", t0, 20),
      item("weibo", t0 + 5 * H, 30),
      item("douyin", t0, 120),
      item("douyin", t0 + 9 * H + 30 * M, null),
    ];
    const r = slaComplianceReport(items, { timeZone: "Asia/Shanghai" });
    // first replies 10, 20, 30, 120 min → numpy.quantile([10,20,30,120], [.5,.9,.99]) (linear = R type 7) = 25, 93, 117.3
    expect(r.overall.firstReply?.count).toBe(4);
    expect(r.overall.firstReply?.p50).toBe(25 * M);
    expect(r.overall.firstReply?.p90).toBeCloseTo(93 * M, 6);
    expect(r.overall.firstReply?.p99).toBeCloseTo(117.3 * M, 6);
    // decided: first replies 3 achieved + 1 breached; the open one (started 18:30, 30 min left) is undecided; resolution cycles all running
    expect(r.byMetric.first_reply.achievementRate).toEqual({ value: 0.75, numerator: 3, denominator: 4, reason: null });
    expect(r.byMetric.resolution.achievementRate).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: "zero_denominator",
    });
    expect(r.byChannel.map((c) => c.channelId)).toEqual(["douyin", "weibo"]);
    expect(r.byHourOfDay).toHaveLength(24);
    expect(r.byHourOfDay[9]?.firstReply?.count).toBe(3);
    expect(r.byHourOfDay[14]?.firstReply?.p50).toBe(30 * M);
  });
  it("returns empty groups with null rates for no items, and refuses an unknown zone", () => {
    const r = slaComplianceReport([]);
    expect(r.overall).toEqual({
      achieved: 0,
      breached: 0,
      achievementRate: { value: null, numerator: 0, denominator: 0, reason: "zero_denominator" },
      firstReply: null,
    });
    expect(() => slaComplianceReport([], { timeZone: "Mars/Olympus" })).toThrowOpsError("invalid_argument");
  });
});

describe("isThanksOnly", () => {
  it.each([
    ["谢谢", true],
    ["感谢支持！！", true],
    ["收到👌", true],
    ["thanks a lot :)", true],
    ["", true],
    ["谢谢，什么时候发货？", false],
    ["Thanks, but the parcel never arrived", false],
    ["赞同楼上，包装太难拆了", false],
    ["Ｔｈａｎｋ　ｙｏｕ！", true],
    // issue 21, one text module (\@ops/core normalizeText): zero-width characters and bidi
    // controls are removed before the words are read, as community and interaction did; the
    // old copy kept U+200B and U+2060, so these were false
    ["谢\u200b谢", true],
    ["thx\u2060!", true],
    ["谢谢\u200b，退款呢", false],
  ])("%s → %s", (text, expected) => {
    expect(isThanksOnly(text)).toBe(expected);
  });
});

describe("publicReplyRate", () => {
  const actor = { platform: "weibo", scope: "", userId: "u1" };
  const comment = (id: string, at: number, text: string): Interaction =>
    InteractionSchema.parse({
      id,
      channelId: "ch",
      kind: "comment",
      direction: "in",
      visibility: "public",
      actor,
      content: { text },
      platformCreatedAt: at,
      receivedAt: at,
    });
  const answer = (
    id: string,
    to: string,
    at: number,
    text: string,
    visibility: "public" | "private" | "internal_note" = "public",
  ): Interaction =>
    InteractionSchema.parse({
      id,
      channelId: "ch",
      kind: "reply",
      direction: "out",
      visibility,
      actor: { platform: "weibo", userId: "brand" },
      inReplyTo: to,
      content: { text },
      platformCreatedAt: at,
      receivedAt: at,
    });
  it("counts the first counted reply, leaves out thanks comments and bot replies, and keeps pending comments out", () => {
    const data = [
      comment("c1", t0, "黄皮能用吗？"),
      answer("r1", "c1", t0 + 50 * M, "可以的，推荐01号色"),
      comment("c2", t0, "多少钱"),
      answer("bot", "c2", t0 + M, "您好，客服稍后回复您"),
      answer("r2", "c2", t0 + 3 * H, "199元，今晚直播间有券"),
      comment("c3", t0, "谢谢！"),
      comment("c4", t0 + 150 * M, "什么时候补货？"),
      answer("n1", "c1", t0 + M, "internal: ask product team", "internal_note"),
    ];
    const r = publicReplyRate(data, {
      target: H,
      now: t0 + 3 * H,
      countsAsReply: (x) => x.id !== "bot" && !isThanksOnly(x.content?.text),
    });
    expect(r.withinTarget).toEqual({ value: 0.5, numerator: 1, denominator: 2, reason: null });
    expect(r.answered.value).toBe(1);
    expect([r.excluded, r.pending]).toEqual([1, 1]);
  });
  it("measures the target in business time when given a calendar", () => {
    const lunch = [
      { open: "09:00", close: "12:00" },
      { open: "13:00", close: "18:00" },
    ];
    const cal = compileCalendar(
      { timeZone: "Asia/Shanghai", weekly: { mon: lunch, tue: lunch } },
      { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
    );
    // comment at 11:30, reply at 13:20: 50 business minutes, 110 elapsed minutes
    const data = [comment("c1", t0 + 150 * M, "有赠品吗"), answer("r1", "c1", t0 + 260 * M, "有小样")];
    expect(publicReplyRate(data, { target: H, now: t0 + 8 * H, calendar: cal }).withinTarget.value).toBe(1);
    expect(publicReplyRate(data, { target: H, now: t0 + 8 * H }).withinTarget.value).toBe(0);
    expect(
      publicReplyRate(data, {
        target: H,
        now: t0 + 8 * H,
        calendar: compileCalendar(alwaysOpen("UTC"), { from: t0 - H, to: t0 + 9 * H }),
      }).withinTarget.value,
    ).toBe(0);
  });
  it("gives a null rate with a reason when nothing is decided, and refuses a bad target", () => {
    expect(publicReplyRate([], { target: H, now: t0 }).withinTarget.reason).toBe("zero_denominator");
    expect(() => publicReplyRate([], { target: -1, now: t0 })).toThrowOpsError("invalid_argument");
    // the evaluation time is `now` (it was `asOf`): an old call fails loudly, naming the field
    expect(() => publicReplyRate([], { target: H, asOf: t0 } as never)).toThrowOpsError("invalid_argument", {
      path: ["options", "now"],
    });
  });
});

describe("staffingFromCalendar", () => {
  it("turns a calendar of capacity into a staffing plan that predictBreaches uses", () => {
    const lunch = [
      { open: "09:00", close: "12:00" },
      { open: "13:00", close: "18:00" },
    ];
    const cal = compileCalendar(
      { timeZone: "Asia/Shanghai", weekly: { mon: lunch, tue: lunch } },
      { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
    );
    const staffing = staffingFromCalendar(cal, { from: t0, to: t0 + 48 * H, agents: 1 });
    expect(staffing.map((s) => (s.end - s.start) / H)).toEqual([3, 5, 3, 5]);
    // 4 items of 3 h each, all due at 15:00 Monday: one agent finishes them at 12:00 and 16:00 Monday, 10:00 and 14:00 Tuesday
    const r = predictBreaches(
      ["a", "b", "c", "d"].map((id) => ({ id, dueAt: t0 + 6 * H })),
      { now: t0, staffing, handlingTime: 3 * H },
    );
    expect(r.items.map((f) => (f.handledAt === null ? null : (f.handledAt - t0) / H))).toEqual([3, 7, 25, 29]);
    expect(r.breaches).toBe(3);
    expect(() => staffingFromCalendar(cal, { from: t0, to: t0 + H, agents: -1 })).toThrowOpsError("invalid_argument");
  });
});
