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

/** The same reader on the same article, commenting (留言) instead: the control, which opens a thread. */
const comment = {
  ...wow,
  id: "wechat_oa:gh_3a8f:comment:1",
  kind: "comment",
  direction: "in",
  content: { text: "写得好，转给宝妈群了", media: [], hashtags: [] },
  platformCreatedAt: wow.platformCreatedAt - 60_000,
  receivedAt: wow.receivedAt - 60_000,
} as const;
/** The brand's reply to the comment (精选留言回复). */
const reply = {
  ...comment,
  id: "wechat_oa:gh_3a8f:reply:1",
  kind: "reply",
  direction: "out",
  actor: { platform: "wechat_oa", scope: "gh_3a8f", userId: "gh_3a8f" },
  inReplyTo: comment.id,
  content: { text: "谢谢转发！", media: [], hashtags: [] },
  platformCreatedAt: wow.platformCreatedAt + 60_000,
  receivedAt: wow.receivedAt + 60_000,
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

  // Checked against the documented rule (buildThreads: likes, reposts and other activities
  // "belong to no thread"; buildReplyTree: "left out (they are reactions, not replies)") and
  // against a control: the same reader on the same article with a comment, which does open a
  // thread and root a reply tree, so an empty result for the wow is its kind's doing, not an
  // empty build.
  it("opens no thread and stays out of reply trees, where a comment on the same article does not", () => {
    const w = InteractionSchema.parse(wow);
    const c = InteractionSchema.parse(comment);
    const r = InteractionSchema.parse(reply);
    // the control: alone, the comment opens one public thread and roots one tree
    expect(buildThreads([c]).threads.map((t) => [t.rootId, t.type])).toEqual([[comment.id, "public"]]);
    expect(buildReplyTree([c]).map((n) => n.interaction.id)).toEqual([comment.id]);
    // the wow alone: nothing
    expect(buildThreads([w]).threads).toEqual([]);
    expect(buildReplyTree([w])).toEqual([]);
    // among them: the comment's thread and tree hold the comment and its reply, never the wow
    const build = buildThreads([r, w, c]);
    expect(build.threads).toHaveLength(1);
    const id = build.threads[0]?.id;
    expect(build.threadOf.get(w.id)).toBeUndefined();
    expect(build.threadOf.get(c.id)).toBe(id);
    expect(build.members.get(id as never)?.map((x) => x.id)).toEqual([comment.id, reply.id]);
    const trees = buildReplyTree([r, w, c]);
    expect(trees.map((n) => [n.interaction.id, n.children.map((k) => k.interaction.id)])).toEqual([
      [comment.id, [reply.id]],
    ]);
  });
});
