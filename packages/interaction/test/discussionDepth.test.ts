// Issue 19: discussion depth per post and per topic (话题). The figures are counted by hand
// from the small fixture below (each comment's subtree written out in the comments).
import { describe, expect, it } from "vitest";
import { buildReplyTree, discussionDepth, type Interaction } from "@ops/interaction";

const MIN = 60_000;
const person = (id: string) => ({ platform: "weibo", scope: "", userId: id });
let n = 0;
function x(
  who: string,
  at: number,
  opts: { id?: string; inReplyTo?: string; post?: string; tags?: string[]; kind?: string; internal?: boolean } = {},
): Interaction {
  const id = opts.id ?? `i${++n}`;
  return {
    id,
    channelId: "ch_weibo",
    kind: opts.kind ?? (opts.inReplyTo ? "reply" : "comment"),
    direction: who === "brand" ? "out" : "in",
    visibility: opts.internal ? "internal_note" : "public",
    actor: person(who),
    platformCreatedAt: at,
    receivedAt: at,
    ...(opts.inReplyTo ? { inReplyTo: opts.inReplyTo } : {}),
    ...(opts.post ? { target: { type: "post", id: opts.post } } : {}),
    ...(opts.tags ? { content: { text: "…", media: [], hashtags: opts.tags } } : {}),
  } as unknown as Interaction;
}

// post p1, published at 0:
//   c1 (ann, 5 min)  ← r1 (bob) ← r2 (brand) ← r3 (ann)      depth 3; 3 replies, 1 by the account
//   c2 (cat, 9 min)  ← r4 (dan), ← r5 (eve)                   2 replies
//   c3 (brand, 12 min)                                        the account's own comment, no replies
//   a like on p1 and an internal note under c2 are not part of the discussion
// post p2: c4 (fay, 30 min), no replies
const data: Interaction[] = [
  x("ann", 5 * MIN, { id: "c1", post: "p1", tags: ["新品"] }),
  x("bob", 6 * MIN, { id: "r1", inReplyTo: "c1" }),
  x("brand", 7 * MIN, { id: "r2", inReplyTo: "r1" }),
  x("ann", 8 * MIN, { id: "r3", inReplyTo: "r2" }),
  x("cat", 9 * MIN, { id: "c2", post: "p1", tags: ["新品", "护肤"] }),
  x("dan", 10 * MIN, { id: "r4", inReplyTo: "c2" }),
  x("eve", 11 * MIN, { id: "r5", inReplyTo: "c2" }),
  x("brand", 12 * MIN, { id: "c3", post: "p1" }),
  x("gus", 13 * MIN, { id: "l1", post: "p1", kind: "like" }),
  x("brand", 14 * MIN, { id: "n1", inReplyTo: "c2", internal: true }),
  x("fay", 30 * MIN, { id: "c4", post: "p2", tags: ["护肤"] }),
];

describe("discussionDepth", () => {
  it("measures each post's discussion", () => {
    const [p1, p2] = discussionDepth(data, { publishedAt: { p1: 0, p2: 20 * MIN } });
    expect(p1).toEqual({
      key: "p1",
      comments: 3,
      replies: 5,
      maxDepth: 3,
      participants: 5, // ann, bob, cat, dan, eve (the account is not a participant)
      accountReplies: 1,
      accountReplyShare: { value: 0.2, numerator: 1, denominator: 5 },
      firstCommentAt: 5 * MIN,
      timeToFirstCommentMs: 5 * MIN,
      starters: [
        { id: "c1", replies: 3, participants: 2 },
        { id: "c2", replies: 2, participants: 2 },
      ],
    });
    expect(p2).toMatchObject({ key: "p2", comments: 1, replies: 0, maxDepth: 0, participants: 1, starters: [] });
    expect(p2?.accountReplyShare).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(p2?.timeToFirstCommentMs).toBe(10 * MIN);
  });

  it("measures each topic (a tree counts under every hashtag of its root)", () => {
    const byTopic = discussionDepth(data, { by: "topic", starters: 1 });
    expect(byTopic.map((d) => [d.key, d.comments, d.replies, d.participants, d.starters.map((s) => s.id)])).toEqual([
      ["护肤", 2, 2, 4, ["c2"]], // c2 (cat, dan, eve) and c4 (fay)
      ["新品", 2, 5, 5, ["c1"]],
    ]);
    expect(byTopic.every((d) => d.timeToFirstCommentMs === null)).toBe(true);
  });

  it("agrees with buildReplyTree on depth and counts every reply once, in any input order", () => {
    const shuffled = [...data].reverse();
    expect(discussionDepth(shuffled)).toEqual(discussionDepth(data));
    const deepest = Math.max(
      ...buildReplyTree(data).map((root) => {
        let d = 0;
        const stack = [root];
        while (stack.length) {
          const node = stack.pop()!;
          d = Math.max(d, node.depth);
          stack.push(...node.children);
        }
        return d;
      }),
    );
    expect(discussionDepth(data)[0]?.maxDepth).toBe(deepest);
  });

  it("refuses bad options and malformed interactions with typed errors", () => {
    expect(() => discussionDepth(data, { by: "thread" as never })).toThrowOpsError("invalid_argument", {
      path: ["options", "by"],
    });
    expect(() => discussionDepth(data, { starters: -1 })).toThrowOpsError("invalid_argument", {
      path: ["options", "starters"],
    });
    expect(() => discussionDepth(data, { publishedAt: { p1: Number.NaN } })).toThrowOpsError("invalid_argument", {
      path: ["options", "publishedAt", "p1"],
    });
    expect(() => discussionDepth(data, null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
    expect(() => discussionDepth([{ id: "x" }] as never)).toThrowOpsError("invalid_argument");
  });
});
