import { actorKey, type ThreadId } from "@ops/core";
import type { Interaction } from "../../model/Interaction";
import type { ThreadType } from "../../model/Thread";
import { sha256Hex } from "./sha256";

/** Kinds that carry a message a user may expect an answer to. */
export const ANSWERABLE_KINDS: ReadonlySet<string> = new Set([
  "comment",
  "reply",
  "dm",
  "mention",
  "quote",
  "report",
  "post",
]);
/** Kinds of outbound interactions that count as an answer. */
export const ANSWER_KINDS: ReadonlySet<string> = new Set(["comment", "reply", "dm", "mention", "quote"]);
/** Kinds that always belong to the user's private conversation (they open reply windows there). */
const PRIVATE_EVENT_KINDS: ReadonlySet<string> = new Set([
  "dm",
  "follow",
  "unfollow",
  "menu_click",
  "qr_scan",
  "block",
]);
/** Kinds that form no conversation on their own. */
const UNTHREADED_KINDS: ReadonlySet<string> = new Set(["like", "unlike", "wow", "repost", "campaign_entry"]);

/** A thread key and the type of thread it opens. */
export interface ThreadKey {
  readonly key: string;
  readonly type: ThreadType;
}

/** The private-conversation key of an interaction, or null when it names no counterpart. */
function privateKey(x: Interaction): ThreadKey | null {
  if (x.conversation !== undefined) {
    return { key: `${x.channelId}|conv|${x.conversation.id}`, type: x.conversation.type === "group" ? "group" : "dm" };
  }
  const counterpart = x.direction === "out" ? x.recipient : x.actor;
  if (counterpart === undefined) return null;
  return { key: `${x.channelId}|dm|${actorKey(counterpart)}`, type: "dm" };
}

/**
 * The thread an interaction opens when nothing links it to an earlier one (no `threadId`,
 * no known `inReplyTo`), or null when it forms no thread (likes, reposts, campaign entries,
 * internal notes on their own).
 */
export function ownThreadKey(x: Interaction, nativeOwner: (x: Interaction) => ThreadKey | null): ThreadKey | null {
  if (x.visibility === "internal_note") return null;
  if (x.inReplyTo !== undefined) {
    return x.visibility === "private" ? privateKey(x) : { key: `${x.channelId}|p|${x.inReplyTo}`, type: "public" };
  }
  if (PRIVATE_EVENT_KINDS.has(x.kind)) return privateKey(x);
  if (UNTHREADED_KINDS.has(x.kind)) return null;
  if (x.kind === "recall" || x.kind === "edit")
    return nativeOwner(x) ?? (x.visibility === "private" ? privateKey(x) : null);
  if (x.visibility === "private") return privateKey(x);
  return { key: `${x.channelId}|p|${x.id}`, type: "public" };
}

/** A thread id from a key: `thr_<key>`, or `thr_h_<sha-256 hex>` when the key is long. */
export function threadIdOf(key: string): ThreadId {
  const id = `thr_${key}`;
  if (id.length <= 200) return id as ThreadId;
  return `thr_h_${sha256Hex(key)}` as ThreadId;
}
