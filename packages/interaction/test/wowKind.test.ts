import { buildReplyTree, buildThreads, InteractionSchema, toActivityStreams } from "@ops/interaction";
import { describe, expect, it } from "vitest";

// WeChat 在看 ("Wow"): a public recommendation of an article to the user's friends, not a like
const wow = {
  id: "wechat_oa:gh_3a8f:wow:1",
  channelId: "ch_wechat",
  kind: "wow",
  direction: "activity",
  visibility: "public",
  actor: { platform: "wechat_oa", scope: "gh_3a8f", userId: "oX1y2" },
  target: { type: "post", id: "2247483650_1" },
  platformCreatedAt: 1773059400000,
  receivedAt: 1773059400000,
} as const;

describe("the wow kind (在看)", () => {
  it("is an interaction kind of its own", () => {
    expect(InteractionSchema.parse(wow).kind).toBe("wow");
  });

  it("converts to an ActivityStreams Announce named wow, not a Like", () => {
    const as = toActivityStreams(InteractionSchema.parse(wow));
    expect(as.type).toBe("Announce");
    expect(as.name).toBe("wow");
  });

  it("opens no thread and stays out of reply trees", () => {
    const x = InteractionSchema.parse(wow);
    expect(buildReplyTree([x])).toEqual([]);
    expect(buildThreads([x]).threads).toEqual([]);
  });
});
