import { failure } from "@ops/core";
import type { AdapterOptions, ParseContext, PlatformAdapter } from "./PlatformAdapter";
import type { InteractionInput } from "../model/Interaction";
import { adapterPolicy, defineAdapter, done, itemDigest, type Parsed, skipped } from "./_lib/adapterKit";
import { sha1Hex, timingSafeEqual } from "../_lib/crypto";
import { header } from "./_lib/http";
import { deliveryKey } from "../toolkit/deliveryKey";
import {
  epochToInstant,
  idField,
  isObj,
  numField,
  objField,
  parseJson,
  parseJsonObject,
  strField,
  type Obj,
} from "./_lib/read";

const PLATFORM = "douyin";
/** Known events that carry no interaction, each with the reason its rule skips it. */
const IGNORED: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  verify_webhook: "the URL check, answered by verify",
  im_enter_direct_msg: "a user opened the chat; no message yet",
  im_message_read: "a read receipt, a signal with nothing to answer",
  im_authorize: "a user authorised the app to message them",
});
/** Events parse maps to interactions. */
const MAPPED: ReadonlySet<string> = new Set([
  "im_receive_msg",
  "im_send_msg",
  "im_group_receive_msg",
  "im_group_send_msg",
  "im_recall_msg",
  "new_follow_action",
  "new_video_digg",
  "item_comment_reply",
]);

/** `content` is a JSON object, or (in the follow / like events) a JSON string holding one. */
function contentOf(o: Obj): Obj | undefined {
  const c = o.content;
  if (isObj(c)) return c;
  if (typeof c === "string") {
    const r = parseJson(c);
    return r.ok && isObj(r.value) ? r.value : undefined;
  }
  return undefined;
}

/**
 * The reference adapter for **Douyin** (抖音开放平台) webhooks: it checks
 * `X-Douyin-Signature`, answers the `verify_webhook` check, reads private messages, recalls,
 * follows, likes and comment events as interactions, and drafts private and comment replies.
 *
 * See docs/adapter-guide.md, "Douyin", for the platform's webhook formats,
 * signature scheme, field mappings, reply-window rules, what is skipped and the sources.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createDouyinAdapter } from "@ops/interaction/adapters";
 * const douyin = createDouyinAdapter();
 * const body = JSON.stringify({ event: "new_follow_action", client_key: "awr8bfr64vxgk036", from_user_id: "5bfa0218-477c-4d51-865c-64f0588794a6",
 *   to_user_id: "e3af6e1d-d83a-4116-8f9f-5cb8ac2413c7", content: "{\"action_type\":1,\"action_time\":1686811643}", log_id: "202306151447300000000000005369C6D" });
 * const r = douyin.parse(body, { channelId: "ch_dy" as never, account: "e3af6e1d-d83a-4116-8f9f-5cb8ac2413c7", receivedAt: 1686811644000 });
 * r.ok && [r.value[0]?.kind, r.value[0]?.platformCreatedAt, r.value[0]?.actor.scope];
 * // => ["follow", 1686811643000, "awr8bfr64vxgk036"]
 * ```
 */
export function createDouyinAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = adapterPolicy("createDouyinAdapter", options, "douyin.im");
  return defineAdapter({
    platform: PLATFORM,
    policy,
    verify(req, secret) {
      const sig = header(req, "x-douyin-signature");
      if (sig === undefined)
        return {
          ok: false,
          error: failure("bad_signature", "X-Douyin-Signature header is missing", ["headers", "x-douyin-signature"]),
        };
      if (!timingSafeEqual(sha1Hex(secret.secret + req.body), sig.toLowerCase())) {
        return {
          ok: false,
          error: failure("bad_signature", "X-Douyin-Signature does not match sha1(client_secret + body)", [
            "headers",
            "x-douyin-signature",
          ]),
        };
      }
      const o = parseJsonObject(req.body);
      if (o.ok && strField(o.value, "event") === "verify_webhook") {
        const challenge = objField(o.value, "content")?.challenge;
        if (typeof challenge !== "number" && typeof challenge !== "string")
          return {
            ok: false,
            error: failure("missing_field", "content.challenge is missing", ["body", "content", "challenge"]),
          };
        return {
          ok: true,
          value: {
            kind: "challenge",
            response: {
              status: 200,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ challenge }),
            },
          },
        };
      }
      return { ok: true, value: { kind: "delivery" } };
    },
    dedupeKey(body) {
      const o = parseJsonObject(body);
      if (!o.ok) return o;
      const event = strField(o.value, "event");
      if (event === undefined) return { ok: false, error: failure("missing_field", "event is missing", ["event"]) };
      if (!MAPPED.has(event) && !Object.hasOwn(IGNORED, event))
        return { ok: false, error: failure("unknown_event", `event ${event} is not mapped`, ["event"]) };
      return { ok: true, value: deliveryKey(PLATFORM, event, body) };
    },
    parse: parseDouyin,
    toOutbound(draft) {
      const json = { "content-type": "application/json" };
      const src = draft.inReplyTo;
      if (draft.surface === "private_reply")
        return {
          ok: false,
          error: failure("unsupported", "Douyin has no private reply to a comment through the open platform", [
            "draft",
            "surface",
          ]),
        };
      if (src?.nativeId === undefined)
        return {
          ok: false,
          error: failure(
            "missing_field",
            `a Douyin ${draft.surface} needs inReplyTo with the nativeId of the message or comment it answers`,
            ["draft", "inReplyTo", "nativeId"],
          ),
        };
      if (draft.surface === "message") {
        if (src.conversation === undefined)
          return {
            ok: false,
            error: failure("missing_field", "a Douyin message needs inReplyTo.conversation (conversation_short_id)", [
              "draft",
              "inReplyTo",
              "conversation",
            ]),
          };
        const body = {
          msg_id: src.nativeId,
          conversation_id: src.conversation.id,
          to_user_id: draft.to.userId,
          scene: "im_replay_msg",
          content: { msg_type: 1, text: { text: draft.text } },
        };
        return {
          ok: true,
          value: { method: "POST", path: "/im/send/msg/", headers: json, body: JSON.stringify(body) },
        };
      }
      const itemId = src.target?.type === "post" ? src.target.id : undefined;
      if (itemId === undefined)
        return {
          ok: false,
          error: failure("missing_field", "a Douyin comment reply needs inReplyTo.target (the video item_id)", [
            "draft",
            "inReplyTo",
            "target",
          ]),
        };
      return {
        ok: true,
        value: {
          method: "POST",
          path: "/item/comment/reply/",
          headers: json,
          body: JSON.stringify({ item_id: itemId, comment_id: src.nativeId, content: draft.text }),
        },
      };
    },
  });
}

function parseDouyin(body: string, ctx: ParseContext): Parsed {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const event = strField(o.value, "event");
  if (event === undefined) return { ok: false, error: failure("missing_field", "event is missing", ["event"]) };
  if (Object.hasOwn(IGNORED, event)) return skipped(["event"], `douyin.${event}`, IGNORED[event] as string);
  const scope = idField(o.value, "client_key") ?? ctx.account;
  const from = idField(o.value, "from_user_id");
  const to = idField(o.value, "to_user_id");
  const c = contentOf(o.value);
  if (c === undefined)
    return {
      ok: false,
      error: failure("missing_field", "content must be an object or a JSON string of one", ["content"]),
    };
  const who = (userId: string) => ({ platform: PLATFORM, scope, userId });
  const id = (kind: string, native: string): string => `${PLATFORM}:${ctx.account}:${kind}:${native}`;
  const base = { channelId: ctx.channelId, receivedAt: ctx.receivedAt, raw: o.value };
  switch (event) {
    case "im_receive_msg":
    case "im_send_msg":
    case "im_group_receive_msg":
    case "im_group_send_msg": {
      const mid = idField(c, "server_message_id");
      const conv = idField(c, "conversation_short_id");
      const at = epochToInstant(numField(c, "create_time"), "ms");
      if (from === undefined || mid === undefined || at === undefined)
        return {
          ok: false,
          error: failure(
            "missing_field",
            "from_user_id, content.server_message_id and content.create_time are required",
            ["content"],
          ),
        };
      const outbound = event.endsWith("send_msg");
      const group = event.startsWith("im_group") || numField(c, "conversation_type") === 2;
      const item: InteractionInput = {
        ...base,
        id: id("msg", mid),
        nativeId: mid,
        kind: "dm",
        direction: outbound ? "out" : "in",
        visibility: "private",
        actor: who(from),
        ...(outbound && to !== undefined && !group ? { recipient: who(to) } : {}),
        ...(conv !== undefined
          ? { conversation: { id: conv, type: group ? ("group" as const) : ("dm" as const) } }
          : {}),
        content: { text: strField(c, "text") ?? "" },
        platformCreatedAt: at,
        delivery: { status: outbound ? "sent" : "received" },
      };
      return done([item]);
    }
    case "im_recall_msg": {
      const mid = idField(c, "server_message_id");
      if (from === undefined || mid === undefined)
        return {
          ok: false,
          error: failure("missing_field", "from_user_id and content.server_message_id are required", ["content"]),
        };
      const at = epochToInstant(numField(c, "create_time"), "ms") ?? ctx.receivedAt;
      const conv = idField(c, "conversation_short_id");
      return done([
        {
          ...base,
          id: id("recall", mid),
          kind: "recall",
          direction: "activity",
          visibility: "private",
          actor: who(from),
          target: { type: "message", id: mid },
          ...(conv !== undefined ? { conversation: { id: conv, type: "dm" as const } } : {}),
          platformCreatedAt: at,
        },
      ]);
    }
    case "new_follow_action": {
      const at = epochToInstant(numField(c, "action_time"), "s");
      if (from === undefined || at === undefined)
        return {
          ok: false,
          error: failure("missing_field", "from_user_id and content.action_time are required", ["content"]),
        };
      const kind = numField(c, "action_type") === 1 ? ("follow" as const) : ("unfollow" as const);
      return done([
        {
          ...base,
          id: id(kind, itemDigest(o.value)),
          kind,
          direction: "activity",
          visibility: "public",
          actor: who(from),
          target: { type: "account", id: to ?? ctx.account },
          platformCreatedAt: at,
        },
      ]);
    }
    case "new_video_digg": {
      const action = numField(c, "action_type");
      // the event page documents one value, 1 = 点赞; anything else is not silently read as a like
      if (action !== undefined && action !== 1)
        return {
          ok: false,
          error: failure("unknown_event", `new_video_digg action_type ${action} is not documented (1 = like)`, [
            "content",
            "action_type",
          ]),
        };
      const at = epochToInstant(numField(c, "action_time"), "s");
      const item = idField(c, "item_id");
      if (from === undefined || at === undefined || item === undefined)
        return {
          ok: false,
          error: failure("missing_field", "from_user_id, content.action_time and content.item_id are required", [
            "content",
          ]),
        };
      return done([
        {
          ...base,
          id: id("digg", itemDigest(o.value)),
          kind: "like",
          direction: "activity",
          visibility: "public",
          actor: who(from),
          target: { type: "post", id: item },
          platformCreatedAt: at,
        },
      ]);
    }
    case "item_comment_reply": {
      const cid = idField(c, "comment_id");
      const author = idField(c, "comment_user_id") ?? from;
      const created = numField(c, "create_time");
      const at = epochToInstant(created, created !== undefined && Math.abs(created) >= 1e11 ? "ms" : "s");
      if (cid === undefined || author === undefined || at === undefined)
        return {
          ok: false,
          error: failure("missing_field", "content.comment_id, comment_user_id and create_time are required", [
            "content",
          ]),
        };
      const parent = idField(c, "reply_to_comment_id");
      const item = idField(c, "reply_to_item_id");
      const isReply = parent !== undefined && parent !== "0" && parent !== cid;
      return done([
        {
          ...base,
          id: id("comment", cid),
          nativeId: cid,
          kind: isReply ? "reply" : "comment",
          direction: author === ctx.account || author === to ? "out" : "in",
          visibility: "public",
          actor: who(author),
          ...(isReply ? { inReplyTo: id("comment", parent) } : {}),
          ...(item !== undefined ? { target: { type: "post" as const, id: item } } : {}),
          content: { text: strField(c, "content") ?? "" },
          platformCreatedAt: at,
          delivery: { status: "received" },
        },
      ]);
    }
    default:
      return { ok: false, error: failure("unknown_event", `event ${event} is not mapped`, ["event"]) };
  }
}
