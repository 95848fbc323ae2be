import { describe, expect, it } from "vitest";
import { REPLY_WINDOW_POLICIES, replyPolicy, ThreadSchema } from "@ops/interaction";
import { compileSlaPolicies, computeSlaClocks, replyDeadline, type SlaClocks, type SlaCycle } from "@ops/sla";

const H = 3_600_000;
const t0 = Date.UTC(2026, 2, 9, 1, 0);
const policies = compileSlaPolicies([
  {
    id: "dm",
    match: {},
    targets: { first_reply: { goal: 4 * H, hours: "calendar" }, next_reply: { goal: 4 * H, hours: "calendar" } },
  },
]);

function thread(openedAt: number, sentSince = 0) {
  return ThreadSchema.parse({
    id: "thr_1",
    channelId: "ch_wechat",
    type: "dm",
    status: "open",
    createdAt: openedAt,
    waitingSince: openedAt,
    firstReplyAt: null,
    lastInboundAt: openedAt,
    lastInboundKind: "dm",
    lastOutboundAt: null,
    replyWindowEvents: [{ kind: "dm", at: openedAt, sentSince }],
  });
}
const wechat = REPLY_WINDOW_POLICIES["wechat_oa.customer_service"];
const instagram = REPLY_WINDOW_POLICIES["instagram.messaging"];

describe("replyDeadline", () => {
  it("lets the SLA bind when the window stays open longer (WeChat: 48 h after the user's message)", () => {
    const clocks = computeSlaClocks([{ type: "created", at: t0, subject: {} }], policies, { now: t0 + H });
    const d = replyDeadline(clocks, replyPolicy(thread(t0), wechat!, t0 + H));
    expect([d.binding, d.dueAt, d.windowClosesAt, d.messagesLeft, d.warnings]).toEqual([
      "sla",
      t0 + 4 * H,
      t0 + 48 * H,
      5,
      [],
    ]);
  });

  it("lets the window bind and warns when it closes before the SLA target", () => {
    // an Instagram DM answered late: the 24-hour standard window closes 2 h after now
    const opened = t0 - 22 * H;
    const clocks = computeSlaClocks([{ type: "created", at: t0, subject: {} }], policies, { now: t0 });
    const d = replyDeadline(clocks, replyPolicy(thread(opened), instagram!, t0));
    expect(d.binding).toBe("window");
    expect(d.dueAt).toBe(opened + 24 * H);
    expect(d.warnings.map((w) => w.code)).toEqual(["window_closes_before_target"]);
  });

  it("warns that the quota is spent and that no reply is possible", () => {
    const clocks = computeSlaClocks([{ type: "created", at: t0, subject: {} }], policies, { now: t0 + H });
    const d = replyDeadline(clocks, replyPolicy(thread(t0, 5), wechat!, t0 + H));
    expect([d.canReply, d.dueAt, d.binding]).toEqual([false, null, "window"]);
    expect(d.warnings.map((w) => w.code)).toContain("quota_exhausted");
  });

  it("says the window is closed when the user blocked the account (interaction's block event)", () => {
    const clocks = computeSlaClocks([{ type: "created", at: t0, subject: {} }], policies, { now: t0 + H });
    const blocked = ThreadSchema.parse({
      ...thread(t0),
      replyWindowEvents: [
        { kind: "dm", at: t0, sentSince: 0 },
        { kind: "block", at: t0 + H / 2, sentSince: 0 },
      ],
    });
    const d = replyDeadline(clocks, replyPolicy(blocked, wechat!, t0 + H));
    expect([d.canReply, d.dueAt, d.binding]).toEqual([false, null, "window"]);
    expect(d.warnings.map((w) => w.code)).toContain("window_closed");
    expect(d.warnings.find((w) => w.code === "window_closed")?.message).toMatch(/\(blocked\)/);
  });

  it("warns on the last message of the quota and on a breached SLA", () => {
    const clocks = computeSlaClocks([{ type: "created", at: t0, subject: {} }], policies, { now: t0 + 5 * H });
    const d = replyDeadline(clocks, replyPolicy(thread(t0, 4), wechat!, t0 + 5 * H));
    expect(d.warnings.map((w) => w.code).sort()).toEqual(["last_message", "sla_breached"]);
    expect([d.binding, d.dueAt]).toEqual(["sla", t0 + 4 * H]);
  });

  it("has no deadline when nothing runs and the surface is unlimited", () => {
    const clocks = computeSlaClocks(
      [
        { type: "created", at: t0, subject: {} },
        { type: "message", at: t0 + H, direction: "out", visibility: "public" },
      ],
      policies,
      { now: t0 + H },
    );
    const d = replyDeadline(clocks, {
      surface: "public_reply",
      allowed: true,
      code: "unlimited",
      until: null,
      messagesLeft: null,
      ruleId: null,
      tag: null,
      reason: "",
    });
    expect([d.binding, d.dueAt, d.slaMetric]).toEqual(["none", null, null]);
  });

  it("refuses objects that are not clocks or allowances, and does not mutate its inputs", () => {
    const clocks = computeSlaClocks([{ type: "created", at: t0, subject: {} }], policies, { now: t0 });
    const allowance = replyPolicy(thread(t0), wechat!, t0);
    const copy = structuredClone({ clocks, allowance });
    replyDeadline(clocks, allowance);
    expect({ clocks, allowance }).toEqual(copy);
    expect(() => replyDeadline({} as SlaClocks, allowance)).toThrowOpsError("invalid_argument", {
      message: /replyDeadline: clocks must be the result of computeSlaClocks/,
    });
    expect(() => replyDeadline(clocks, { allowed: "yes" } as never)).toThrowOpsError("invalid_argument", {
      path: ["allowance", "surface"],
    });
  });

  describe("finite numbers (issue 20: messagesLeft came back NaN for a hand-built allowance)", () => {
    const clocks = computeSlaClocks([{ type: "created", at: t0, subject: {} }], policies, { now: t0 + H });
    const open = {
      surface: "message" as const,
      allowed: true,
      code: "open" as const,
      until: t0 + 3 * H,
      messagesLeft: 5,
      ruleId: "wechat_oa.customer_service",
      tag: null,
      reason: "",
    };
    it("passes on the window's count, or null for a window that counts no messages", () => {
      expect(replyDeadline(clocks, open).messagesLeft).toBe(5);
      // Meta's standard window: time-limited, no message cap (messagesLeft: null)
      const uncapped = replyDeadline(clocks, replyPolicy(thread(t0), instagram!, t0 + H));
      expect([uncapped.messagesLeft, uncapped.canReply]).toEqual([null, true]);
      expect(replyDeadline(clocks, { ...open, messagesLeft: Number.MAX_SAFE_INTEGER }).messagesLeft).toBe(
        Number.MAX_SAFE_INTEGER,
      );
    });
    it.each([
      ["NaN", Number.NaN],
      ["Infinity for no cap (null is the word for it)", Number.POSITIVE_INFINITY],
      ["a fraction", 2.5],
      ["a negative count", -1],
      ["a count beyond 2^53", 2 ** 60],
      ["a missing count", undefined],
      ["a count as a string", "5"],
    ])("refuses messagesLeft = %s, naming the field", (_, messagesLeft) => {
      expect(() => replyDeadline(clocks, { ...open, messagesLeft } as never)).toThrowOpsError("invalid_argument", {
        path: ["allowance", "messagesLeft"],
      });
    });
    it("refuses an allowed reply with no message left, and a bad count among the alternatives", () => {
      expect(() => replyDeadline(clocks, { ...open, messagesLeft: 0 })).toThrowOpsError("invalid_argument", {
        path: ["allowance", "messagesLeft"],
        message: /must be null or ≥ 1 while the reply is allowed/,
      });
      const closed = { ...open, allowed: false, code: "expired" as const, until: null, messagesLeft: 0 };
      expect(replyDeadline(clocks, { ...closed, alternatives: [] }).messagesLeft).toBe(0);
      expect(() =>
        replyDeadline(clocks, { ...closed, alternatives: [{ ...open, messagesLeft: Number.NaN }] }),
      ).toThrowOpsError("invalid_argument", { path: ["allowance", "alternatives", 0, "messagesLeft"] });
    });
    it("refuses a window closing beyond ±8.64e15 ms with a typed error (was a RangeError in the warning)", () => {
      // opened at 8e15 by a rule of 2^52 ms, the window would close at 1.25e16
      expect(() => replyDeadline(clocks, { ...open, until: 8e15 + 2 ** 52 })).toThrowOpsError("invalid_argument", {
        path: ["allowance", "until"],
      });
      expect(() => replyDeadline(clocks, { ...open, until: 8.64e15 + 1 })).toThrowOpsError("invalid_argument", {
        path: ["allowance", "until"],
        message: /must be ≤ 8\.64e15 epoch milliseconds/,
      });
      expect(() => replyDeadline(clocks, { ...open, until: t0 + 0.5 })).toThrowOpsError("invalid_argument", {
        path: ["allowance", "until"],
      });
    });
    it("refuses clocks whose instants are not instants", () => {
      const first = clocks.cycles.first_reply[0] as SlaCycle;
      const bad = (patch: Partial<Record<keyof SlaCycle, unknown>>) =>
        ({ ...clocks, cycles: { ...clocks.cycles, first_reply: [{ ...first, ...patch }] } }) as SlaClocks;
      expect(() => replyDeadline(bad({ dueAt: Number.NaN }), open)).toThrowOpsError("invalid_argument", {
        path: ["clocks", "cycles", "first_reply", 0, "dueAt"],
      });
      expect(() => replyDeadline(bad({ breachedAt: 1e20 }), open)).toThrowOpsError("invalid_argument", {
        path: ["clocks", "cycles", "first_reply", 0, "breachedAt"],
      });
      expect(() => replyDeadline({ ...clocks, now: Number.NaN }, open)).toThrowOpsError("invalid_argument", {
        path: ["clocks"],
      });
    });
  });
});
