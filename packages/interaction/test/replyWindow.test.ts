import { describe, expect, it } from "vitest";
import {
  buildThreads,
  evaluateReplyWindow,
  REPLY_WINDOW_POLICIES,
  ReplyWindowPolicySchema,
  replyPolicy,
} from "./helpers/index";
import { brand, HOUR, ix, MIN, T0, user } from "./helpers/make";

const wechat = REPLY_WINDOW_POLICIES["wechat_oa.customer_service"]!;
const instagram = REPLY_WINDOW_POLICIES["instagram.messaging"]!;
const weibo = REPLY_WINDOW_POLICIES["weibo.fan_service"]!;

describe("REPLY_WINDOW_POLICIES", () => {
  it("are all valid policies with a source for every rule", () => {
    for (const [id, policy] of Object.entries(REPLY_WINDOW_POLICIES)) {
      expect(ReplyWindowPolicySchema.safeParse(policy).success).toBe(true);
      expect(policy.id).toBe(id);
      for (const rule of policy.rules) expect(rule.sources.length).toBeGreaterThan(0);
    }
  });

  it("hold the documented figures", () => {
    const byRule = Object.fromEntries(
      Object.values(REPLY_WINDOW_POLICIES).flatMap((p) =>
        p.rules.map((r) => [r.id, [r.durationMs / HOUR, r.maxMessages]]),
      ),
    );
    // WeChat announcement 2023-06-12: user message 5 messages / 48 h; menu, follow, scan 3 / 1 min
    expect(byRule["wechat_oa.user_message"]).toEqual([48, 5]);
    expect(byRule["wechat_oa.menu_follow_scan"]).toEqual([1 / 60, 3]);
    // Meta policy: standard 24 h; HUMAN_AGENT 7 days; private reply 7 days, 1 message
    expect(byRule["instagram.standard"]).toEqual([24, null]);
    expect(byRule["instagram.human_agent"]).toEqual([168, null]);
    expect(byRule["instagram.private_reply"]).toEqual([168, 1]);
    // WhatsApp Cloud API customer service window 24 h
    expect(byRule["whatsapp.customer_service"]).toEqual([24, null]);
    // Weibo messages/reply/biz: 48 h without limit; mention: once in 48 h
    expect(byRule["weibo.user_action"]).toEqual([48, null]);
    expect(byRule["weibo.mention"]).toEqual([48, 1]);
  });
});

describe("evaluateReplyWindow", () => {
  it("counts the messages left and closes the window at the documented instant (exclusive)", () => {
    const events = [{ kind: "dm" as const, at: T0, sentSince: 4 }];
    expect(evaluateReplyWindow(wechat, events, "message", T0 + 47 * HOUR)).toMatchObject({
      allowed: true,
      messagesLeft: 1,
      until: T0 + 48 * HOUR,
    });
    expect(evaluateReplyWindow(wechat, events, "message", T0 + 48 * HOUR).code).toBe("expired");
    expect(evaluateReplyWindow(wechat, [{ kind: "dm", at: T0, sentSince: 5 }], "message", T0 + HOUR).code).toBe(
      "quota_exhausted",
    );
  });

  it("keeps the 48 h window of a message open after a later follow (each rule uses its own latest event)", () => {
    const events = [
      { kind: "dm" as const, at: T0, sentSince: 0 },
      { kind: "follow" as const, at: T0 + HOUR, sentSince: 0 },
    ];
    const a = evaluateReplyWindow(wechat, events, "message", T0 + 2 * HOUR);
    expect([a.allowed, a.ruleId, a.messagesLeft]).toEqual([true, "wechat_oa.user_message", 5]);
  });

  it("reports not_opened, unsupported and unlimited", () => {
    expect(evaluateReplyWindow(wechat, [], "message", T0).code).toBe("not_opened");
    expect(evaluateReplyWindow(wechat, [], "public_reply", T0).code).toBe("unsupported");
    expect(evaluateReplyWindow(weibo, [], "public_reply", T0).code).toBe("unlimited");
  });

  it("refuses a malformed policy or instant", () => {
    expect(() =>
      evaluateReplyWindow({ ...wechat, rules: [{ ...wechat.rules[0]!, durationMs: -1 }] }, [], "message", T0),
    ).toThrowOpsError("invalid_argument");
    expect(() => evaluateReplyWindow(wechat, [], "message", 1.5)).toThrowOpsError("invalid_argument");
    expect(() => evaluateReplyWindow(wechat, [], "carrier_pigeon" as never, T0)).toThrowOpsError("invalid_argument");
  });
});

describe("replyPolicy", () => {
  it("answers from a built thread: WeChat after two answers has 3 messages left", () => {
    const { threads } = buildThreads([
      ix({ id: "m1", platformCreatedAt: T0 }),
      ix({ id: "o1", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + MIN }),
      ix({ id: "o2", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + 2 * MIN }),
    ]);
    const d = replyPolicy(threads[0]!, wechat, T0 + HOUR);
    expect([d.surface, d.allowed, d.messagesLeft, d.until]).toEqual(["message", true, 3, T0 + 48 * HOUR]);
  });

  it("offers an Instagram private reply on a public comment thread for 7 days, once", () => {
    const { threads } = buildThreads([
      ix({ id: "c1", kind: "comment", visibility: "public", platformCreatedAt: T0, channelId: "ch_ig" }),
    ]);
    const d = replyPolicy(threads[0]!, instagram, T0 + 6 * 24 * HOUR);
    expect(d.code).toBe("unlimited");
    expect(d.alternatives.find((a) => a.surface === "private_reply")).toMatchObject({ allowed: true, messagesLeft: 1 });
    const after = buildThreads([
      ix({ id: "c1", kind: "comment", visibility: "public", platformCreatedAt: T0, channelId: "ch_ig" }),
      ix({
        id: "pr",
        kind: "dm",
        direction: "out",
        visibility: "private",
        actor: brand,
        recipient: user,
        inReplyTo: "c1",
        platformCreatedAt: T0 + HOUR,
        channelId: "ch_ig",
      }),
    ]).threads[0]!;
    expect(
      replyPolicy(after, instagram, T0 + 2 * HOUR).alternatives.find((a) => a.surface === "private_reply")?.code,
    ).toBe("quota_exhausted");
  });

  it("does not mutate the thread", () => {
    const t = buildThreads([ix({ id: "m1", platformCreatedAt: T0 })]).threads[0]!;
    const copy = structuredClone(t);
    replyPolicy(t, wechat, T0);
    expect(t).toEqual(copy);
  });
});

describe("REPLY_WINDOW_POLICIES immutability", () => {
  it("is deeply frozen, so no caller can change the shared data", () => {
    expect(Object.isFrozen(REPLY_WINDOW_POLICIES)).toBe(true);
    expect(Object.isFrozen(wechat.rules[0]!.openedBy)).toBe(true);
    expect(() => (wechat.rules as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});
