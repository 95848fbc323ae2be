import { describe, expect, it } from "vitest";
import { openEventFromInteraction, openFeedback } from "@ops/feedback";

const dm = {
  id: "wechat_oa:gh_3a8f:msg:24038819",
  channelId: "ch_wx",
  kind: "dm",
  direction: "in",
  visibility: "private",
  actor: { platform: "wechat_oa", scope: "gh_3a8f", userId: "oX1y2" },
  content: { text: "想要敏感肌能用的洗面奶" },
  platformCreatedAt: 1_772_933_400_000,
  receivedAt: 1_772_933_402_000,
} as const;

describe("openEventFromInteraction", () => {
  it("turns an inbound DM into an open event with the actor, text and the time of writing", () => {
    const event = openEventFromInteraction(dm, {
      itemId: "fb_1",
      channel: { platform: "wechat_oa", account: "gh_3a8f" },
      linkedTo: "fb_0",
    });
    expect(event).toEqual({
      type: "open",
      id: "fb_1:open",
      itemId: "fb_1",
      at: 1_772_933_400_000,
      by: null,
      note: null,
      source: { kind: "dm", interactionId: dm.id },
      actor: dm.actor,
      channel: { platform: "wechat_oa", account: "gh_3a8f" },
      text: "想要敏感肌能用的洗面奶",
      linkedTo: "fb_0",
    });
    expect(openFeedback(event).item.linkedTo).toBe("fb_0");
  });

  it.each([
    ["reply", "comment"],
    ["mention", "comment"],
    ["report", "other"],
  ] as const)("maps a %s to a %s source", (kind, source) => {
    expect(openEventFromInteraction({ ...dm, kind }, { itemId: "fb_1", eventId: "e1" }).source.kind).toBe(source);
  });

  it("keeps a missing text as null", () => {
    const { content: _content, ...noContent } = dm;
    expect(openEventFromInteraction(noContent, { itemId: "fb_1" }).text).toBeNull();
  });

  it("refuses an outbound interaction and a malformed one, and does not mutate its input", () => {
    const copy = structuredClone(dm);
    expect(() => openEventFromInteraction({ ...dm, direction: "out" }, { itemId: "fb_1" })).toThrowOpsError(
      "invalid_argument",
      {
        fn: "openEventFromInteraction",
        path: ["interaction", "direction"],
        message:
          /^openEventFromInteraction: interaction\.direction must be "in": only what a user sent becomes feedback, got "out"$/,
      },
    );
    expect(() => openEventFromInteraction({ ...dm, platformCreatedAt: -Infinity }, { itemId: "fb_1" })).toThrow(
      /^openEventFromInteraction: interaction\.platformCreatedAt/,
    );
    expect(() => openEventFromInteraction(dm, { itemId: "" })).toThrow(
      /^openEventFromInteraction: options\.itemId must be a non-empty string/,
    );
    openEventFromInteraction(dm, { itemId: "fb_1" });
    expect(dm).toEqual(copy);
  });
});
