import { describe, expect, it } from "vitest";
import { InteractionSchema, type Interaction } from "@ops/interaction";
import { compileSlaPolicies, computeSlaClocks, toSlaTimeline } from "@ops/sla";

const M = 60_000;
const t0 = Date.UTC(2026, 2, 9, 1, 0);
const user = { platform: "wechat_oa", scope: "gh_1", userId: "oX1" };
const msg = (id: string, direction: "in" | "out" | "activity", at: number, kind: "dm" | "like" = "dm"): Interaction =>
  InteractionSchema.parse({
    id,
    channelId: "ch_wx",
    kind,
    direction,
    visibility: "private",
    actor: user,
    content: { text: "在吗" },
    platformCreatedAt: at,
    receivedAt: at + 500,
  });

describe("toSlaTimeline", () => {
  it("starts at the first inbound message, drops activity and earlier outbound items, and merges status changes in time order", () => {
    const interactions = [
      msg("o0", "out", t0 - M),
      msg("m1", "in", t0),
      msg("l1", "activity", t0 + M, "like"),
      msg("o1", "out", t0 + 5 * M),
      msg("m2", "in", t0 + 9 * M),
    ];
    const events = toSlaTimeline(interactions, {
      statusChanges: [{ at: t0 + 5 * M, status: "pending" }],
      subject: { priority: "high", tags: ["敏感肌"] },
    });
    expect(events).toEqual([
      {
        type: "created",
        at: t0,
        subject: { platform: "wechat_oa", channelId: "ch_wx", kind: "dm", priority: "high", tags: ["敏感肌"] },
      },
      { type: "message", at: t0 + 5 * M, direction: "out", visibility: "private" },
      { type: "status", at: t0 + 5 * M, status: "pending" },
      { type: "message", at: t0 + 9 * M, direction: "in", visibility: "private" },
    ]);
  });
  it("feeds computeSlaClocks, with bot replies marked automated so they stop no clock", () => {
    const policies = compileSlaPolicies([
      { id: "dm", match: { platforms: ["wechat_oa"] }, targets: { first_reply: { goal: 30 * M, hours: "calendar" } } },
    ]);
    const events = toSlaTimeline([msg("m1", "in", t0), msg("bot", "out", t0 + M), msg("o1", "out", t0 + 40 * M)], {
      isAutomated: (x) => x.id === "bot",
    });
    const clocks = computeSlaClocks(events, policies, { now: t0 + 60 * M });
    expect(clocks.cycles.first_reply[0]).toMatchObject({
      stoppedAt: t0 + 40 * M,
      breachedAt: t0 + 30 * M,
      status: "breached",
    });
  });
  it("refuses a thread without an inbound message and does not mutate its input", () => {
    const interactions = [msg("o1", "out", t0)];
    const copy = structuredClone(interactions);
    expect(() => toSlaTimeline(interactions)).toThrowOpsError("invalid_argument", {
      message: /toSlaTimeline: interactions must contain an inbound message/,
    });
    expect(interactions).toEqual(copy);
  });
});
