import { failure, type Result } from "@ops/core";
import type { AdapterFailure, AdapterOptions, ParseContext, PlatformAdapter, SkippedItem } from "./PlatformAdapter";
import type { InteractionInput } from "../model/Interaction";
import { adapterPolicy, defineAdapter, done, itemDigest, type Parsed, skipped } from "./_lib/adapterKit";
import { hmacSha256Base64, timingSafeEqual } from "../_lib/crypto";
import { header, query } from "./_lib/http";
import { toOutboundId } from "./_lib/outboundIds";
import { deliveryKey } from "../toolkit/deliveryKey";
import {
  arrField,
  idField,
  isObj,
  missing,
  numField,
  objField,
  parseJsonObject,
  strField,
  type Obj,
} from "./_lib/read";
import { xDm, xFollow, xId, xPost, xPostMissing, xRecall, xTime, xUser, type XScope } from "./_lib/xObjects";

const PLATFORM = "x";
/** X Activity API event types whose payload is a post object. */
const XAA_POSTS: ReadonlySet<string> = new Set([
  "post.create",
  "post.mention.create",
  "post.reply.create",
  "post.quote.create",
  "post.repost.create",
]);
/** X Activity API event types this adapter reads (the others are unknown_event, with the reason). */
const XAA_KNOWN: ReadonlySet<string> = new Set([
  ...XAA_POSTS,
  "post.delete",
  "follow.follow",
  "follow.unfollow",
  "dm.sent",
  "dm.received",
  "like.create",
  "dm.read",
  "dm.indicate_typing",
]);
/** Account Activity arrays this adapter reads. */
const AAA_FIELDS: readonly string[] = [
  "tweet_create_events",
  "favorite_events",
  "follow_events",
  "unfollow_events",
  "direct_message_events",
  "tweet_delete_events",
  "direct_message_indicate_typing_events",
  "direct_message_mark_read_events",
];

/** The delivery type (`xaa:post.reply.create`, `stream`, `page`, `aaa`), or the failure parse gives for it. */
function xType(o: Obj): Result<string, AdapterFailure> {
  const data = o.data;
  if (isObj(data) && strField(data, "event_type") !== undefined) {
    const type = strField(data, "event_type") ?? "";
    return XAA_KNOWN.has(type)
      ? { ok: true, value: `xaa:${type}` }
      : { ok: false, error: failure("unknown_event", xaaUnknown(type), ["data", "event_type"]) };
  }
  if (isObj(data)) return { ok: true, value: "stream" };
  if (Array.isArray(data)) return { ok: true, value: "page" };
  return AAA_FIELDS.some((f) => arrField(o, f) !== undefined)
    ? { ok: true, value: "aaa" }
    : {
        ok: false,
        error: failure(
          "unknown_event",
          `the delivery holds no event this adapter maps (keys: ${Object.keys(o).slice(0, 8).join(", ") || "none"})`,
          [],
        ),
      };
}

function xaaUnknown(type: string): string {
  return type.startsWith("chat.")
    ? `${type} is an end-to-end encrypted XChat event; its text cannot be read here`
    : `event_type ${type} is not an interaction this adapter maps (profile, news, Spaces, broadcast, mute, block and oauth.revoke events are not interactions)`;
}

/**
 * The reference adapter for **X** (Twitter): it answers the CRC check, checks the webhook
 * signatures, reads Account Activity, X Activity API, filtered-stream webhook deliveries and
 * polled v2 pages as interactions, and drafts public replies and DMs.
 *
 * See docs/adapter-guide.md, "X", for the platform's webhook formats,
 * signature scheme, field mappings, reply-window rules, what is skipped and the sources.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createXAdapter } from "@ops/interaction/adapters";
 * const x = createXAdapter();
 * x.verify({ method: "GET", url: "/webhooks/x?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553", headers: {}, body: "" }, { secret: "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu" }).ok;
 * // => true
 * ```
 */
export function createXAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = adapterPolicy("createXAdapter", options, "x.dm");
  return defineAdapter({
    platform: PLATFORM,
    policy,
    verify(req, secret) {
      const crc = query(req).get("crc_token");
      if (req.method.toUpperCase() === "GET" && crc !== null) {
        const token = `sha256=${hmacSha256Base64(secret.secret, crc)}`;
        return {
          ok: true,
          value: {
            kind: "challenge",
            response: {
              status: 200,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ response_token: token }),
            },
          },
        };
      }
      const sigs = [
        header(req, "x-twitter-webhooks-signature-oauth2"),
        header(req, "x-twitter-webhooks-signature"),
      ].filter((v): v is string => v !== undefined);
      if (sigs.length === 0)
        return {
          ok: false,
          error: failure("bad_signature", "x-twitter-webhooks-signature(-oauth2) header is missing", [
            "headers",
            "x-twitter-webhooks-signature",
          ]),
        };
      const expected = `sha256=${hmacSha256Base64(secret.secret, req.body)}`;
      if (!sigs.some((sig) => timingSafeEqual(expected, sig)))
        return {
          ok: false,
          error: failure(
            "bad_signature",
            "no x-twitter-webhooks-signature(-oauth2) header matches the HMAC-SHA256 of the body",
            ["headers", "x-twitter-webhooks-signature"],
          ),
        };
      return { ok: true, value: { kind: "delivery" } };
    },
    dedupeKey(body) {
      const o = parseJsonObject(body);
      if (!o.ok) return o;
      const type = xType(o.value);
      return type.ok ? { ok: true, value: deliveryKey(PLATFORM, type.value, body) } : type;
    },
    parse: parseX,
    toOutbound(draft) {
      const json = { "content-type": "application/json" };
      if (draft.surface === "message") {
        const to = toOutboundId(draft.to.userId, "x", ["draft", "to", "userId"]);
        if (!to.ok) return to;
        return {
          ok: true,
          value: {
            method: "POST",
            path: `/2/dm_conversations/with/${to.value}/messages`,
            headers: json,
            body: JSON.stringify({ text: draft.text }),
          },
        };
      }
      if (draft.surface === "private_reply")
        return { ok: false, error: failure("unsupported", "X has no private reply to a post", ["draft", "surface"]) };
      const postId = draft.inReplyTo?.nativeId;
      if (postId === undefined)
        return {
          ok: false,
          error: failure("missing_field", "a public reply needs inReplyTo with the post's nativeId", [
            "draft",
            "inReplyTo",
            "nativeId",
          ]),
        };
      const checked = toOutboundId(postId, "x", ["draft", "inReplyTo", "nativeId"]);
      if (!checked.ok) return checked;
      return {
        ok: true,
        value: {
          method: "POST",
          path: "/2/tweets",
          headers: json,
          body: JSON.stringify({ text: draft.text, reply: { in_reply_to_tweet_id: postId } }),
        },
      };
    },
  });
}

function parseX(body: string, ctx: ParseContext): Parsed {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const type = xType(o.value);
  if (!type.ok) return type;
  const data = o.value.data;
  if (isObj(data) && strField(data, "event_type") !== undefined) return parseActivityEvent(data, ctx);
  if (isObj(data)) {
    // a filtered-stream webhook delivery: one post, with includes and matching_rules
    const gap = xPostMissing(data);
    if (gap !== undefined)
      return missing(
        ["data", gap],
        `data.${gap} (request tweet.fields=created_at,author_id,conversation_id,referenced_tweets)`,
      );
    const p = xPost(data, { me: ctx.account, ctx }, o.value);
    return p === null ? skipped(["data"], "x.own_post", OWN_POST) : done([p]);
  }
  if (Array.isArray(data)) return parsePage(data, ctx);
  return parseAccountActivity(o.value, ctx);
}

const OWN_POST =
  "the account's own original post, quote or repost is content, not an interaction (its replies are read as answers)";

/** An X Activity API event: `{"data":{"event_uuid","filter","event_type","payload","includes"}}`, one per delivery. */
function parseActivityEvent(data: Obj, ctx: ParseContext): Parsed {
  const type = strField(data, "event_type") ?? "";
  const filter = objField(data, "filter") ?? {};
  const s: XScope = { me: idField(filter, "user_id") ?? ctx.account, ctx };
  const payload = objField(data, "payload");
  if (payload === undefined && type !== "dm.read" && type !== "dm.indicate_typing")
    return missing(["data", "payload"], "data.payload");
  const p = payload ?? {};
  const unmapped = (why: string): Parsed => ({
    ok: false,
    error: failure("unknown_event", why, ["data", "event_type"]),
  });
  if (XAA_POSTS.has(type)) {
    // post.create: the account's own posts; post.mention.create, post.reply.create (a direct
    // reply to the account's post), post.quote.create, post.repost.create: someone else's
    const gap = xPostMissing(p);
    if (gap !== undefined) return missing(["data", "payload", gap], `data.payload.${gap}`);
    const post = xPost(p, s, data);
    return post === null ? skipped(["data", "payload"], "x.own_post", OWN_POST) : done([post]);
  }
  switch (type) {
    case "post.delete": {
      const r = xRecall(idField(p, "id"), idField(p, "author_id"), ctx.receivedAt, s, data);
      return r === null ? missing(["data", "payload"], "data.payload.id or author_id") : done([r]);
    }
    case "follow.follow":
    case "follow.unfollow": {
      const user = (k: string) => idField(objField(objField(p, k) ?? {}, "data") ?? {}, "id");
      const [source, target] = [user("source"), user("target")];
      if (source === undefined || target === undefined)
        return missing(["data", "payload"], "data.payload.source.data.id or target.data.id");
      const f = xFollow(
        type === "follow.follow" ? "follow" : "unfollow",
        source,
        target,
        ctx.receivedAt,
        itemDigest(data),
        s,
        data,
      );
      return f === null
        ? skipped(
            ["data", "payload"],
            "x.own_follow",
            "a follow by the account, or of another user: not a follow of the account",
          )
        : done([f]);
    }
    case "dm.sent":
    case "dm.received": {
      const events = arrField(p, "direct_message_events");
      if (events === undefined)
        return missing(["data", "payload", "direct_message_events"], "data.payload.direct_message_events");
      const out: InteractionInput[] = [];
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        const dm = isObj(e) ? xDm(e, s) : null;
        if (dm === null)
          return missing(
            ["data", "payload", "direct_message_events", i],
            "a message_create event with id, created_timestamp and sender_id",
          );
        out.push(dm);
      }
      return done(out);
    }
    case "like.create":
      // a like by the account is its own activity (as favorite_events by the account are skipped)
      if (strField(filter, "direction") === "outbound" || (idField(p, "liked_tweet_author_id") ?? s.me) !== s.me)
        return skipped(["data", "payload"], "x.own_like", "a like by the account is its own activity");
      return unmapped(
        "like.create names no liker (its payload is id, liked_tweet_id, liked_tweet_author_id, created_at, timestamp_ms); read likes of the account's posts from Account Activity favorite_events",
      );
    case "dm.read":
    case "dm.indicate_typing":
      return skipped(
        ["data", "event_type"],
        `x.${type}`,
        "read receipts and typing indicators are signals, not interactions",
      );
    default:
      return unmapped(xaaUnknown(type));
  }
}

/** A polled v2 page, `{"data":[…]}`: posts, or DM events (`MessageCreate`; joins and leaves are skipped). */
function parsePage(items: readonly unknown[], ctx: ParseContext): Parsed {
  const s: XScope = { me: ctx.account, ctx };
  const out: InteractionInput[] = [];
  const skips: SkippedItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const e = items[i];
    if (!isObj(e)) return missing(["data", i], "a post or DM event object");
    const eventType = strField(e, "event_type");
    if (eventType === "ParticipantsJoin" || eventType === "ParticipantsLeave") {
      skips.push({ path: ["data", i], rule: `x.${eventType}`, reason: "a participant joined or left a group DM" });
      continue;
    }
    if (eventType !== undefined) {
      const dm = xDm(e, s);
      if (dm === null)
        return missing(
          ["data", i],
          `a MessageCreate event with id, created_at and sender_id (request dm_event.fields=created_at,sender_id,dm_conversation_id), got ${eventType}`,
        );
      out.push(dm);
      continue;
    }
    const gap = xPostMissing(e);
    if (gap !== undefined)
      return missing(
        ["data", i, gap],
        `data[${i}].${gap} (request tweet.fields=created_at,author_id,conversation_id,referenced_tweets)`,
      );
    const post = xPost(e, s);
    if (post !== null) out.push(post);
    else skips.push({ path: ["data", i], rule: "x.own_post", reason: OWN_POST });
  }
  return done(out, skips);
}

/** The Account Activity envelope: `for_user_id` with arrays of events. */
function parseAccountActivity(o: Obj, ctx: ParseContext): Parsed {
  const s: XScope = { me: idField(o, "for_user_id") ?? ctx.account, ctx };
  const { me } = s;
  const out: InteractionInput[] = [];
  const skips: SkippedItem[] = [];
  let seen = 0;
  // Every event object must give its interaction or be one of the account's own (skipped by
  // rule); one that lacks what it needs fails the delivery as missing_field, never vanishes.
  const events = (field: string): [Obj | undefined, number][] =>
    (arrField(o, field) ?? []).map((e, i) => [isObj(e) ? e : undefined, i]);
  for (const [t, i] of events("tweet_create_events")) {
    seen++;
    if (t === undefined) return missing(["tweet_create_events", i], "a post object");
    const gap = xPostMissing(t);
    if (gap !== undefined) return missing(["tweet_create_events", i, gap], `tweet_create_events[${i}].${gap}`);
    const post = xPost(t, s);
    if (post !== null) out.push(post);
    else skips.push({ path: ["tweet_create_events", i], rule: "x.own_post", reason: OWN_POST });
  }
  for (const [f, i] of events("favorite_events")) {
    seen++;
    const user = f === undefined ? undefined : objField(f, "user");
    const uid = user === undefined ? undefined : (idField(user, "id_str") ?? idField(user, "id"));
    const status = f === undefined ? undefined : objField(f, "favorited_status");
    const sid = status === undefined ? undefined : (idField(status, "id_str") ?? idField(status, "id"));
    const at = f === undefined ? undefined : xTime(f);
    if (f === undefined || uid === undefined || sid === undefined || at === undefined)
      return missing(
        ["favorite_events", i],
        `favorite_events[${i}] with user.id_str, favorited_status.id_str and timestamp_ms`,
      );
    if (uid === me) {
      skips.push({
        path: ["favorite_events", i],
        rule: "x.own_like",
        reason: "a like by the account is its own activity",
      });
      continue;
    }
    out.push({
      channelId: ctx.channelId,
      platformCreatedAt: at,
      receivedAt: ctx.receivedAt,
      raw: f,
      id: xId(ctx, "like", idField(f, "id") ?? itemDigest(f)),
      ...(idField(f, "id") !== undefined ? { nativeId: idField(f, "id") as string } : {}),
      kind: "like",
      direction: "activity",
      visibility: "public",
      actor: xUser(uid),
      target: { type: "post", id: sid },
    });
  }
  // the v2 AAA page lists unfollow_events; its sample sends them as follow_events with type "unfollow"
  for (const field of ["follow_events", "unfollow_events"] as const) {
    for (const [f, i] of events(field)) {
      seen++;
      const type = f === undefined ? undefined : strField(f, "type");
      const at = f === undefined ? undefined : xTime(f);
      const source = f === undefined ? undefined : idField(objField(f, "source") ?? {}, "id");
      if (f === undefined || (type !== "follow" && type !== "unfollow") || at === undefined || source === undefined) {
        return missing([field, i], `${field}[${i}] with type follow | unfollow, created_timestamp and source.id`);
      }
      const follow = xFollow(type, source, idField(objField(f, "target") ?? {}, "id"), at, itemDigest(f), s, f);
      if (follow !== null) out.push(follow);
      else
        skips.push({
          path: [field, i],
          rule: "x.own_follow",
          reason: "a follow by the account, or of another user: not a follow of the account",
        });
    }
  }
  for (const [e, i] of events("direct_message_events")) {
    seen++;
    const dm = e === undefined ? null : xDm(e, s);
    if (dm === null)
      return missing(
        ["direct_message_events", i],
        `direct_message_events[${i}]: a message_create event with id, created_timestamp and sender_id`,
      );
    out.push(dm);
  }
  for (const [d, i] of events("tweet_delete_events")) {
    seen++;
    const status = (d === undefined ? undefined : objField(d, "status")) ?? {};
    const r =
      d === undefined
        ? null
        : xRecall(
            idField(status, "id"),
            idField(status, "user_id"),
            numField(d, "timestamp_ms") ?? ctx.receivedAt,
            s,
            d,
          );
    if (r === null)
      return missing(["tweet_delete_events", i], `tweet_delete_events[${i}] with status.id and status.user_id`);
    out.push(r);
  }
  // typing indicators and read receipts are signals, not interactions
  for (const field of ["direct_message_indicate_typing_events", "direct_message_mark_read_events"])
    for (let i = 0; i < (arrField(o, field) ?? []).length; i++) {
      seen++;
      skips.push({
        path: [field, i],
        rule: `x.${field}`,
        reason: "read receipts and typing indicators are signals, not interactions",
      });
    }
  if (seen === 0)
    return { ok: false, error: failure("unknown_event", "the delivery holds no event this adapter maps", []) };
  return done(out, skips);
}
