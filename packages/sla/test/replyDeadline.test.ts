import { describe, expect, it } from "vitest";
import { REPLY_WINDOW_POLICIES, replyPolicy, ThreadSchema } from "@ops/interaction";
import { compileSlaPolicies, computeSlaClocks, replyDeadline, type SlaClocks } from "@ops/sla";

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
      path: ["allowance"],
    });
  });
});
