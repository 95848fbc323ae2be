import type { ParseContext } from "../PlatformAdapter";
import type { InteractionInput } from "../../model/Interaction";
import { arrField, idField, isObj, numField, objField, strField, type Obj } from "./read";

/**
 * Builders of X interactions from the objects X delivers, whatever the envelope (Account
 * Activity, X Activity API, filtered-stream webhook, a polled v2 page): a post in the v2
 * shape (`id`, `author_id`, `conversation_id`, `referenced_tweets`) or the v1.1 shape
 * (`id_str`, `user.id_str`, `in_reply_to_status_id_str`, `extended_tweet`), a DM in the
 * v1.1 `message_create` shape or the v2 `MessageCreate` dm_event shape. Each returns null
 * when the object is not an interaction of the account (its own original posts) or lacks
 * what an interaction needs.
 */
export interface XScope {
  /** The account's X user id (`for_user_id`, an XAA `filter.user_id`, else the context's account). */
  readonly me: string;
  readonly ctx: ParseContext;
}

const PLATFORM = "x";

/** An interaction id of the channel's account: `x:<account>:<kind>:<native id>`. */
export function xId(ctx: ParseContext, kind: string, native: string): string {
  return `${PLATFORM}:${ctx.account}:${kind}:${native}`;
}

/** An X user: ids are global, so the scope is empty. */
export function xUser(userId: string): { platform: string; scope: string; userId: string } {
  return { platform: PLATFORM, scope: "", userId };
}

/** When an object happened: `timestamp_ms`, `created_timestamp` (ms), else `created_at` (v2 ISO or v1.1 `"Mon Mar 26 16:33:26 +0000 2018"`). */
export function xTime(o: Obj): number | undefined {
  const ms = numField(o, "timestamp_ms") ?? numField(o, "created_timestamp");
  if (ms !== undefined) return ms;
  const created = strField(o, "created_at");
  if (created === undefined) return undefined;
  const t = Date.parse(created);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * A post: a reply (`referenced_tweets` `replied_to`, or v1.1 `in_reply_to_status_id_str`)
 * → `reply` linked by `inReplyTo`, its `target` the conversation root (`conversation_id`);
 * a quote → `quote`; a retweet → `repost`; another user's post → `mention`. The account's
 * own original posts, quotes and retweets are content, not interactions (null); its replies
 * are `out` answers. v1.1 long posts carry the whole text in `extended_tweet.full_text`.
 */
export function xPost(t: Obj, s: XScope, raw: unknown = t): InteractionInput | null {
  const tid = idField(t, "id_str") ?? idField(t, "id");
  const user = objField(t, "user") ?? {};
  const author = idField(t, "author_id") ?? idField(user, "id_str") ?? idField(user, "id");
  const at = xTime(t);
  if (tid === undefined || author === undefined || at === undefined) return null;
  const refs = (arrField(t, "referenced_tweets") ?? []).filter(isObj);
  const ref = (type: string) => idField(refs.find((r) => strField(r, "type") === type) ?? {}, "id");
  const repliedTo = ref("replied_to") ?? idField(t, "in_reply_to_status_id_str");
  const quoted = ref("quoted") ?? idField(t, "quoted_status_id_str");
  const retweeted = ref("retweeted") ?? idField(objField(t, "retweeted_status") ?? {}, "id_str");
  const root = idField(t, "conversation_id");
  const mine = author === s.me;
  const text =
    strField(objField(t, "extended_tweet") ?? {}, "full_text") ?? strField(t, "full_text") ?? strField(t, "text") ?? "";
  const common = {
    channelId: s.ctx.channelId,
    platformCreatedAt: at,
    receivedAt: s.ctx.receivedAt,
    raw,
    id: xId(s.ctx, "post", tid),
    nativeId: tid,
    actor: xUser(author),
    visibility: "public" as const,
    direction: mine ? ("out" as const) : ("in" as const),
    content: { text },
  };
  if (retweeted !== undefined)
    return mine ? null : { ...common, kind: "repost", direction: "activity", target: { type: "post", id: retweeted } };
  if (repliedTo !== undefined)
    return {
      ...common,
      kind: "reply",
      inReplyTo: xId(s.ctx, "post", repliedTo),
      target: { type: "post", id: root ?? repliedTo },
    };
  if (quoted !== undefined) return mine ? null : { ...common, kind: "quote", target: { type: "post", id: quoted } };
  return mine ? null : { ...common, kind: "mention", target: { type: "account", id: s.me } };
}

/**
 * A DM, `out` when the account sent it. v1.1 (`type: "message_create"`, `message_create.
 * sender_id`, `target.recipient_id`, `message_data.text`, `created_timestamp`) or v2
 * (`event_type: "MessageCreate"`, `sender_id`, `text`, `created_at`, `dm_conversation_id`).
 * A one-to-one v2 conversation id is `{smaller user id}-{larger user id}` (X, "Direct
 * Messages lookup — Integration Guide"): it gives the recipient of the account's messages,
 * and such DMs thread by user like v1.1 ones (which carry no conversation id); a group
 * conversation is kept as `conversation: { type: "group" }`.
 */
export function xDm(e: Obj, s: XScope, raw: unknown = e): InteractionInput | null {
  const eid = idField(e, "id");
  const at = xTime(e);
  const mc = objField(e, "message_create");
  const v1 = strField(e, "type") === "message_create" && mc !== undefined;
  const v2 = strField(e, "event_type") === "MessageCreate";
  if ((!v1 && !v2) || eid === undefined || at === undefined) return null;
  const sender = v1 ? idField(mc, "sender_id") : idField(e, "sender_id");
  if (sender === undefined) return null;
  const conv = v2 ? idField(e, "dm_conversation_id") : undefined;
  const pair = conv === undefined ? null : /^(\d+)-(\d+)$/.exec(conv);
  const outbound = sender === s.me;
  const recipient = v1
    ? idField(objField(mc, "target") ?? {}, "recipient_id")
    : pair === null
      ? undefined
      : pair[1] === s.me
        ? pair[2]
        : pair[1];
  const text = v1 ? (strField(objField(mc, "message_data") ?? {}, "text") ?? "") : (strField(e, "text") ?? "");
  return {
    channelId: s.ctx.channelId,
    platformCreatedAt: at,
    receivedAt: s.ctx.receivedAt,
    raw,
    id: xId(s.ctx, "dm", eid),
    nativeId: eid,
    kind: "dm",
    direction: outbound ? "out" : "in",
    visibility: "private",
    actor: xUser(sender),
    ...(outbound && recipient !== undefined ? { recipient: xUser(recipient) } : {}),
    ...(conv !== undefined && pair === null ? { conversation: { id: conv, type: "group" as const } } : {}),
    content: { text },
  };
}

/** A follow or unfollow of the account by `source`; null when the account is not the target (its own follows). */
export function xFollow(
  type: "follow" | "unfollow",
  source: string | undefined,
  target: string | undefined,
  at: number,
  key: string,
  s: XScope,
  raw: unknown,
): InteractionInput | null {
  if (source === undefined || target !== s.me) return null;
  return {
    channelId: s.ctx.channelId,
    platformCreatedAt: at,
    receivedAt: s.ctx.receivedAt,
    raw,
    id: xId(s.ctx, type, key),
    kind: type,
    direction: "activity",
    visibility: "public",
    actor: xUser(source),
    target: { type: "account", id: s.me },
  };
}

/** A deleted post as a `recall` by its author, `target` the post. */
export function xRecall(
  postId: string | undefined,
  author: string | undefined,
  at: number,
  s: XScope,
  raw: unknown,
): InteractionInput | null {
  if (postId === undefined || author === undefined) return null;
  return {
    channelId: s.ctx.channelId,
    platformCreatedAt: at,
    receivedAt: s.ctx.receivedAt,
    raw,
    id: xId(s.ctx, "recall", postId),
    kind: "recall",
    direction: "activity",
    visibility: "public",
    actor: xUser(author),
    target: { type: "post", id: postId },
  };
}

/** The first field a post needs that it lacks (`id`, `author_id`, `created_at`), or undefined. */
export function xPostMissing(t: Obj): string | undefined {
  if ((idField(t, "id_str") ?? idField(t, "id")) === undefined) return "id";
  const user = objField(t, "user") ?? {};
  if ((idField(t, "author_id") ?? idField(user, "id_str") ?? idField(user, "id")) === undefined) return "author_id";
  return xTime(t) === undefined ? "created_at" : undefined;
}
