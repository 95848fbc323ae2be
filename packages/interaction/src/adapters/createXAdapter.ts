import { failure, type Result } from "@ops/core";
import type { AdapterFailure, ParseContext, PlatformAdapter } from "../adapter/PlatformAdapter";
import type { Interaction, InteractionInput } from "../model/Interaction";
import type { ReplyWindowPolicy } from "../replyWindow/ReplyWindowPolicy";
import { REPLY_WINDOW_POLICIES } from "../replyWindow/replyWindowPolicies";
import { defineAdapter, finish } from "../_lib/adapterKit";
import { hmacSha256Base64, timingSafeEqual } from "../_lib/crypto";
import { header, query } from "../_lib/http";
import { keyOfIds } from "../_lib/idList";
import { arrField, idField, isObj, numField, objField, parseJsonObject, strField, type Obj } from "../_lib/read";
import type { AdapterOptions } from "./createWechatOaAdapter";

const PLATFORM = "x";

/**
 * The reference adapter for **X** (Twitter) webhooks — the Account Activity envelope
 * (`for_user_id` with `tweet_create_events`, `favorite_events`, `follow_events`,
 * `direct_message_events`), reading posts in both the v2 shape (`id`, `author_id`,
 * `conversation_id`, `referenced_tweets`) and the v1.1 shape (`id_str`, `user.id_str`,
 * `in_reply_to_status_id_str`), built from X's "Securing webhooks" and Account Activity docs:
 *
 * - `verify`: the CRC is a GET with `crc_token`, answered with JSON
 *   `{"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}`; a
 *   delivery carries `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the body>`.
 * - `dedupeKey`: the sorted event ids of the delivery.
 * - `parse`: a post replying to another (`referenced_tweets` `replied_to`, or
 *   `in_reply_to_status_id`) → `reply` with `inReplyTo`; quoting → `quote`; a retweet →
 *   `repost`; any other post by someone else → `mention`; the account's own original posts
 *   are content, not interactions, and are skipped (its own replies are `out` answers);
 *   favorites → `like`; follows of the account → `follow` / `unfollow`; DMs → `dm`
 *   (`out` when the account sent them). `target` names the conversation root
 *   (`conversation_id`) when given.
 * - `replyPolicy`: `REPLY_WINDOW_POLICIES["x.dm"]` (no window).
 * - `toOutbound`: `public_reply` → `POST /2/tweets` with `reply.in_reply_to_tweet_id`;
 *   `message` → `POST /2/dm_conversations/with/<user id>/messages`.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createXAdapter } from "@ops/interaction";
 * const x = createXAdapter();
 * x.verify({ method: "GET", url: "/webhooks/x?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553", headers: {}, body: "" }, { secret: "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu" }).ok;
 * // => true
 * ```
 */
export function createXAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = options.policy ?? (REPLY_WINDOW_POLICIES["x.dm"] as ReplyWindowPolicy);
  return defineAdapter({
    platform: PLATFORM,
    policy,
    verify(req, secret) {
      const crc = query(req).get("crc_token");
      if (req.method.toUpperCase() === "GET" && crc !== null) {
        const token = `sha256=${hmacSha256Base64(secret.secret, crc)}`;
        return { ok: true, value: { kind: "challenge", response: { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ response_token: token }) } } };
      }
      const sig = header(req, "x-twitter-webhooks-signature");
      if (sig === undefined) return { ok: false, error: failure("bad_signature", "x-twitter-webhooks-signature header is missing", ["headers", "x-twitter-webhooks-signature"]) };
      const expected = `sha256=${hmacSha256Base64(secret.secret, req.body)}`;
      if (!timingSafeEqual(expected, sig)) return { ok: false, error: failure("bad_signature", "x-twitter-webhooks-signature does not match the HMAC-SHA256 of the body", ["headers", "x-twitter-webhooks-signature"]) };
      return { ok: true, value: { kind: "delivery" } };
    },
    dedupeKey(body) {
      const o = parseJsonObject(body);
      if (!o.ok) return o;
      const ids: string[] = [];
      for (const [field, prefix] of [["tweet_create_events", "t"], ["favorite_events", "f"], ["direct_message_events", "d"]] as const) {
        for (const e of arrField(o.value, field) ?? []) if (isObj(e)) ids.push(`${prefix}:${idField(e, "id_str") ?? idField(e, "id") ?? ""}`);
      }
      for (const e of arrField(o.value, "follow_events") ?? []) {
        if (isObj(e)) ids.push(`fo:${strField(e, "type") ?? ""}:${idField(objField(e, "source") ?? {}, "id") ?? ""}:${idField(e, "created_timestamp") ?? ""}`);
      }
      if (ids.length === 0) return { ok: false, error: failure("missing_field", "the delivery holds no event this adapter knows", []) };
      return { ok: true, value: keyOfIds(`x:${idField(o.value, "for_user_id") ?? ""}`, ids) };
    },
    parse: parseX,
    toOutbound(draft) {
      const json = { "content-type": "application/json" };
      if (draft.surface === "message") {
        return { ok: true, value: { method: "POST", path: `/2/dm_conversations/with/${encodeURIComponent(draft.to.userId)}/messages`, headers: json, body: JSON.stringify({ text: draft.text }) } };
      }
      if (draft.surface === "private_reply") return { ok: false, error: failure("unsupported", "X has no private reply to a post", ["draft", "surface"]) };
      const postId = draft.inReplyTo?.nativeId;
      if (postId === undefined) return { ok: false, error: failure("missing_field", "a public reply needs inReplyTo with the post's nativeId", ["draft", "inReplyTo", "nativeId"]) };
      return { ok: true, value: { method: "POST", path: "/2/tweets", headers: json, body: JSON.stringify({ text: draft.text, reply: { in_reply_to_tweet_id: postId } }) } };
    },
  });
}

function instantOf(o: Obj): number | undefined {
  const ms = numField(o, "timestamp_ms") ?? numField(o, "created_timestamp");
  if (ms !== undefined) return ms;
  const created = strField(o, "created_at");
  if (created === undefined) return undefined;
  const t = Date.parse(created);
  return Number.isFinite(t) ? t : undefined;
}

function parseX(body: string, ctx: ParseContext): Result<Interaction[], AdapterFailure> {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const me = idField(o.value, "for_user_id") ?? ctx.account;
  const out: InteractionInput[] = [];
  let seen = 0;
  const id = (kind: string, native: string): string => `${PLATFORM}:${ctx.account}:${kind}:${native}`;
  const who = (userId: string) => ({ platform: PLATFORM, scope: "", userId });
  const base = (raw: unknown, at: number) => ({ channelId: ctx.channelId, platformCreatedAt: at, receivedAt: ctx.receivedAt, raw });

  for (const t of arrField(o.value, "tweet_create_events") ?? []) {
    if (!isObj(t)) continue;
    seen++;
    const tid = idField(t, "id_str") ?? idField(t, "id");
    const author = idField(t, "author_id") ?? idField(objField(t, "user") ?? {}, "id_str") ?? idField(objField(t, "user") ?? {}, "id");
    const at = instantOf(t);
    if (tid === undefined || author === undefined || at === undefined) continue;
    const refs = (arrField(t, "referenced_tweets") ?? []).filter(isObj);
    const ref = (type: string) => idField(refs.find((r) => strField(r, "type") === type) ?? {}, "id");
    const repliedTo = ref("replied_to") ?? idField(t, "in_reply_to_status_id_str");
    const quoted = ref("quoted") ?? idField(t, "quoted_status_id_str");
    const retweeted = ref("retweeted") ?? idField(objField(t, "retweeted_status") ?? {}, "id_str");
    const root = idField(t, "conversation_id");
    const mine = author === me;
    const text = strField(t, "text") ?? strField(objField(t, "extended_tweet") ?? {}, "full_text") ?? strField(t, "full_text") ?? "";
    const common = { ...base(t, at), id: id("post", tid), nativeId: tid, actor: who(author), visibility: "public" as const, direction: mine ? ("out" as const) : ("in" as const), content: { text } };
    if (retweeted !== undefined) {
      if (!mine) out.push({ ...common, kind: "repost", direction: "activity", target: { type: "post", id: retweeted } });
    } else if (repliedTo !== undefined) {
      out.push({ ...common, kind: "reply", inReplyTo: id("post", repliedTo), target: { type: "post", id: root ?? repliedTo } });
    } else if (quoted !== undefined) {
      if (!mine) out.push({ ...common, kind: "quote", target: { type: "post", id: quoted } });
    } else if (!mine) {
      out.push({ ...common, kind: "mention", target: { type: "account", id: me } });
    }
  }
  for (const f of arrField(o.value, "favorite_events") ?? []) {
    if (!isObj(f)) continue;
    seen++;
    const user = objField(f, "user");
    const uid = user === undefined ? undefined : (idField(user, "id_str") ?? idField(user, "id"));
    const status = objField(f, "favorited_status");
    const sid = status === undefined ? undefined : (idField(status, "id_str") ?? idField(status, "id"));
    const at = instantOf(f);
    if (uid === undefined || sid === undefined || at === undefined || uid === me) continue;
    out.push({ ...base(f, at), id: id("like", idField(f, "id") ?? `${uid}:${sid}`), kind: "like", direction: "activity", visibility: "public", actor: who(uid), target: { type: "post", id: sid } });
  }
  for (const f of arrField(o.value, "follow_events") ?? []) {
    if (!isObj(f)) continue;
    seen++;
    const type = strField(f, "type");
    const source = idField(objField(f, "source") ?? {}, "id");
    const target = idField(objField(f, "target") ?? {}, "id");
    const at = instantOf(f);
    if ((type !== "follow" && type !== "unfollow") || source === undefined || target !== me || at === undefined) continue;
    out.push({ ...base(f, at), id: id(type, `${source}:${at}`), kind: type, direction: "activity", visibility: "public", actor: who(source), target: { type: "account", id: me } });
  }
  for (const e of arrField(o.value, "direct_message_events") ?? []) {
    if (!isObj(e)) continue;
    seen++;
    const eid = idField(e, "id");
    const at = instantOf(e);
    const mc = objField(e, "message_create");
    const sender = mc !== undefined ? idField(mc, "sender_id") : idField(e, "sender_id");
    const recipient = mc !== undefined ? idField(objField(mc, "target") ?? {}, "recipient_id") : undefined;
    const text = mc !== undefined ? (strField(objField(mc, "message_data") ?? {}, "text") ?? "") : (strField(e, "text") ?? "");
    const conv = idField(e, "dm_conversation_id");
    const kindOk = strField(e, "type") === "message_create" || strField(e, "event_type") === "MessageCreate";
    if (!kindOk || eid === undefined || at === undefined || sender === undefined) continue;
    const outbound = sender === me;
    const other = outbound ? (recipient ?? "") : sender;
    out.push({
      ...base(e, at),
      id: id("dm", eid),
      nativeId: eid,
      kind: "dm",
      direction: outbound ? "out" : "in",
      visibility: "private",
      actor: who(sender),
      ...(outbound && other !== "" ? { recipient: who(other) } : {}),
      ...(conv !== undefined ? { conversation: { id: conv, type: "dm" as const } } : {}),
      content: { text },
    });
  }
  if (seen === 0) return { ok: false, error: failure("unknown_event", "the delivery holds no event this adapter maps", []) };
  return finish(out);
}
