import { InstantSchema, parseOrThrow, type Instant, type InteractionId } from "@ops/core";
import * as z from "zod/mini";
import type { Interaction } from "../model/Interaction";
import { buildReplyTree, type ReplyTreeNode } from "./buildReplyTree";

/** Options of {@link discussionDepth}. */
export interface DiscussionDepthOptions {
  /**
   * What a discussion is: `"post"` (default) — every comment tree under one post (the root
   * comment's `target` of type `"post"`) — or `"topic"` — every comment tree whose root
   * carries the hashtag / 话题 (a root with several hashtags counts in each).
   */
  readonly by?: "post" | "topic";
  /** When each post was published (post id → instant), for `timeToFirstCommentMs`. */
  readonly publishedAt?: Readonly<Record<string, Instant>>;
  /** How many conversation starters to list per discussion, default 3 (0–100). */
  readonly starters?: number;
}

/** A comment that drew replies: its id, its author's replies excluded, how many replies it drew in all. */
export interface ConversationStarter {
  readonly id: InteractionId;
  /** Replies below it, at any depth. */
  readonly replies: number;
  /** Distinct people (not the account) who replied below it. */
  readonly participants: number;
}

/** The depth of one post's or topic's discussion, as {@link discussionDepth} measures it. */
export interface DiscussionDepth {
  /** The post id or the hashtag. */
  readonly key: string;
  /** Top-level comments (roots of the reply trees), the account's own included. */
  readonly comments: number;
  /** Replies at any depth below them. */
  readonly replies: number;
  /** Deepest reply level: 0 when nobody replied to a comment, 1 for replies to comments, … */
  readonly maxDepth: number;
  /** Distinct people (inbound authors) who commented or replied. */
  readonly participants: number;
  /** Replies written by the account (outbound). */
  readonly accountReplies: number;
  /** The account's share of the replies: `accountReplies / replies`; `value: null` without replies. */
  readonly accountReplyShare: {
    readonly value: number | null;
    readonly numerator: number;
    readonly denominator: number;
  };
  /** When the first inbound comment came; `null` without one. */
  readonly firstCommentAt: Instant | null;
  /** From the post's publication (`publishedAt`) to the first inbound comment; `null` when either is unknown (topics: always). */
  readonly timeToFirstCommentMs: number | null;
  /** The comments that drew the most replies (ties: earlier first), at most `starters`. */
  readonly starters: readonly ConversationStarter[];
}

/** Schema of {@link DiscussionDepthOptions}. */
export const DiscussionDepthOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    by: z.optional(z.enum(["post", "topic"])),
    publishedAt: z.optional(z.record(z.string(), InstantSchema)),
    starters: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
  }))();

interface Acc {
  comments: number;
  replies: number;
  maxDepth: number;
  people: Set<string>;
  accountReplies: number;
  firstCommentAt: Instant | null;
  starters: ConversationStarter[];
}

/** What takes part in a public discussion: comments, replies, mentions and quotes, visible to the public (not internal notes). */
const inDiscussion = (x: Interaction): boolean =>
  x.visibility === "public" &&
  (x.kind === "comment" || x.kind === "reply" || x.kind === "mention" || x.kind === "quote");

const personKey = (x: Interaction): string => `${x.actor.platform}\u0000${x.actor.scope}\u0000${x.actor.userId}`;

/**
 * How deep the discussion under each post or topic went — the figures a topic-discussion
 * contest (话题讨论) and a weekly report read: top-level comments, replies, reply-tree depth,
 * distinct participants, the account's share of the replies, time to the first comment, and
 * the "conversation starters" (the comments that drew the most replies).
 *
 * Reply trees come from {@link buildReplyTree} (`inReplyTo` links; likes and reposts are
 * not replies, nor are internal notes; a reply whose parent is missing starts a tree of its
 * own). A tree belongs to
 * the post its root comment targets (`target.type === "post"`) or, with `by: "topic"`, to
 * each hashtag of its root; trees whose root has neither are left out of every discussion
 * (count them with `buildReplyTree`). People are inbound authors; the account's own
 * comments count as comments, and its replies as `accountReplies`.
 *
 * @param interactions - comments and replies (any order, not mutated); other kinds are ignored
 * @param options - `by` (`"post"` | `"topic"`), `publishedAt` (post id → instant), `starters` (default 3)
 * @returns one entry per post or topic, by key
 * @throws {OpsError} `invalid_argument` naming the index and field of a malformed interaction, or a bad option
 *
 * @example
 * ```ts
 * import { discussionDepth } from "@ops/interaction";
 * const fan = (id: string) => ({ platform: "weibo", scope: "", userId: id });
 * const x = (id: string, t: number, who: string, inReplyTo?: string) => ({
 *   id, channelId: "ch", kind: inReplyTo ? "reply" : "comment", direction: who === "brand" ? "out" : "in",
 *   visibility: "public", actor: fan(who), platformCreatedAt: t, receivedAt: t,
 *   ...(inReplyTo ? { inReplyTo } : { target: { type: "post", id: "p1" } }),
 * });
 * const [d] = discussionDepth(
 *   [x("c1", 60_000, "a"), x("r1", 70_000, "b", "c1"), x("r2", 80_000, "brand", "r1"), x("c2", 90_000, "c")] as never,
 *   { publishedAt: { p1: 0 } },
 * );
 * [d.comments, d.replies, d.maxDepth, d.participants, d.accountReplyShare.value, d.timeToFirstCommentMs, d.starters[0]];
 * // => [2, 2, 2, 3, 0.5, 60000, { id: "c1", replies: 2, participants: 1 }]
 * ```
 */
export function discussionDepth(
  interactions: readonly Interaction[],
  options: DiscussionDepthOptions = {},
): DiscussionDepth[] {
  const fn = "discussionDepth";
  const opts = parseOrThrow(DiscussionDepthOptionsSchema, options, { fn, path: ["options"] });
  const by = opts.by ?? "post";
  const keep = opts.starters ?? 3;
  const roots = buildReplyTree(interactions);
  const groups = new Map<string, Acc>();
  for (const root of roots) {
    const x = root.interaction;
    if (!inDiscussion(x)) continue;
    const keys =
      by === "post" ? (x.target?.type === "post" ? [x.target.id] : []) : [...new Set(x.content?.hashtags ?? [])];
    if (keys.length === 0) continue;
    const tree = measure(root);
    for (const key of keys) {
      let acc = groups.get(key);
      if (acc === undefined) {
        acc = {
          comments: 0,
          replies: 0,
          maxDepth: 0,
          people: new Set(),
          accountReplies: 0,
          firstCommentAt: null,
          starters: [],
        };
        groups.set(key, acc);
      }
      acc.comments++;
      acc.replies += tree.replies;
      acc.accountReplies += tree.accountReplies;
      acc.maxDepth = Math.max(acc.maxDepth, tree.maxDepth);
      for (const p of tree.people) acc.people.add(p);
      if (x.direction === "in" && (acc.firstCommentAt === null || x.platformCreatedAt < acc.firstCommentAt))
        acc.firstCommentAt = x.platformCreatedAt;
      if (tree.replies > 0) acc.starters.push({ id: x.id, replies: tree.replies, participants: tree.repliers });
    }
  }
  const published = opts.publishedAt ?? {};
  return [...groups.keys()].sort().map((key) => {
    const acc = groups.get(key) as Acc;
    const at = by === "post" && Object.hasOwn(published, key) ? (published[key] as Instant) : null;
    return {
      key,
      comments: acc.comments,
      replies: acc.replies,
      maxDepth: acc.maxDepth,
      participants: acc.people.size,
      accountReplies: acc.accountReplies,
      accountReplyShare: {
        value: acc.replies === 0 ? null : acc.accountReplies / acc.replies,
        numerator: acc.accountReplies,
        denominator: acc.replies,
      },
      firstCommentAt: acc.firstCommentAt,
      timeToFirstCommentMs: at === null || acc.firstCommentAt === null ? null : acc.firstCommentAt - at,
      // a stable sort over trees already in time order: ties keep the earlier comment first
      starters: acc.starters.sort((a, b) => b.replies - a.replies).slice(0, keep),
    };
  });
}

/** Replies, depth and people of one tree, without recursion. */
function measure(root: ReplyTreeNode): {
  replies: number;
  accountReplies: number;
  maxDepth: number;
  people: Set<string>;
  repliers: number;
} {
  const people = new Set<string>();
  const repliers = new Set<string>();
  let replies = 0;
  let accountReplies = 0;
  let maxDepth = 0;
  const stack: ReplyTreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ReplyTreeNode;
    const x = node.interaction;
    for (const child of node.children) stack.push(child);
    if (!inDiscussion(x)) continue;
    if (x.direction === "in") people.add(personKey(x));
    if (node.depth > 0) {
      replies++;
      if (x.direction === "out") accountReplies++;
      else repliers.add(personKey(x));
      maxDepth = Math.max(maxDepth, node.depth);
    }
  }
  return { replies, accountReplies, maxDepth, people, repliers: repliers.size };
}
