import type { Interaction } from "../model/Interaction";
import { checkInteractions } from "../_lib/checkInteractions";
import { chronological, dedupeById } from "../_lib/order";

/** One node of a reply tree: an interaction, its depth (0 for a root) and its replies in time order. */
export interface ReplyTreeNode {
  readonly interaction: Interaction;
  readonly depth: number;
  readonly children: readonly ReplyTreeNode[];
}

/**
 * Builds reply trees from interactions linked by `inReplyTo`: roots are the interactions
 * whose parent is not in the input (top-level comments of a post, or replies whose parent
 * was not fetched); each node's children are its direct replies, oldest first. Use it on
 * the members of one thread, or on all comments of a post to see its whole discussion.
 *
 * Likes, reposts and other activities are left out (they are reactions, not replies);
 * internal notes are kept so that the team sees them in place. A cycle of `inReplyTo`
 * links (corrupt data) is broken at its oldest member, which becomes a root. Built
 * without recursion, so a very deep chain cannot overflow the stack.
 *
 * @param interactions - any order; not mutated
 * @returns the roots, oldest first
 * @throws {OpsError} `invalid_argument` naming the index and field of a malformed interaction
 *
 * @example
 * ```ts
 * import { buildReplyTree } from "@ops/interaction";
 * const a = { platform: "weibo", scope: "", userId: "1" };
 * const c = (id: string, t: number, inReplyTo?: string) => ({
 *   id, channelId: "ch", kind: inReplyTo ? "reply" : "comment", direction: "in", visibility: "public",
 *   actor: a, platformCreatedAt: t, receivedAt: t, ...(inReplyTo ? { inReplyTo } : {}),
 * });
 * const roots = buildReplyTree([c("r2", 3, "c1"), c("c1", 1), c("r1", 2, "c1"), c("rr", 4, "r1")] as never);
 * roots.map((n) => [n.interaction.id, n.children.map((k) => k.interaction.id), n.children[0]?.children[0]?.depth]);
 * // => [["c1", ["r1", "r2"], 2]]
 * ```
 */
export function buildReplyTree(interactions: readonly Interaction[]): ReplyTreeNode[] {
  checkInteractions(interactions, "buildReplyTree");
  const list = chronological(dedupeById(interactions)).filter(
    (x) => x.kind !== "like" && x.kind !== "repost" && x.kind !== "wow",
  );
  const ids = new Set(list.map((x) => x.id as string));
  const kids = new Map<string, Interaction[]>();
  const roots: Interaction[] = [];
  for (const x of list) {
    if (x.inReplyTo !== undefined && x.inReplyTo !== x.id && ids.has(x.inReplyTo)) {
      const arr = kids.get(x.inReplyTo);
      if (arr === undefined) kids.set(x.inReplyTo, [x]);
      else arr.push(x);
    } else roots.push(x);
  }
  // Members of inReplyTo cycles are reachable from no root: promote the oldest of each.
  const reached = new Set<string>();
  const mark = (start: Interaction): void => {
    const stack = [start];
    while (stack.length > 0) {
      const x = stack.pop() as Interaction;
      if (reached.has(x.id)) continue;
      reached.add(x.id);
      for (const k of kids.get(x.id) ?? []) stack.push(k);
    }
  };
  for (const r of roots) mark(r);
  for (const x of list) {
    if (reached.has(x.id)) continue;
    roots.push(x);
    mark(x);
  }
  roots.sort((a, b) => a.platformCreatedAt - b.platformCreatedAt || (a.id < b.id ? -1 : 1));
  return roots.map((r) => toNode(r, kids));
}

interface Draft {
  interaction: Interaction;
  depth: number;
  children: Draft[];
}

function toNode(root: Interaction, kids: ReadonlyMap<string, Interaction[]>): ReplyTreeNode {
  const top: Draft = { interaction: root, depth: 0, children: [] };
  const seen = new Set<string>([root.id]);
  const stack: Draft[] = [top];
  while (stack.length > 0) {
    const node = stack.pop() as Draft;
    for (const k of kids.get(node.interaction.id) ?? []) {
      if (seen.has(k.id)) continue;
      seen.add(k.id);
      const child: Draft = { interaction: k, depth: node.depth + 1, children: [] };
      node.children.push(child);
      stack.push(child);
    }
  }
  return top;
}
