import { failure, type Result } from "@ops/core";
import type { AdapterFailure, AdapterOptions, ParseContext, PlatformAdapter } from "./PlatformAdapter";
import type { InteractionInput, InteractionKind } from "../model/Interaction";
import {
  adapterPolicy,
  defineAdapter,
  done,
  itemDigest,
  type Parsed,
  querySignedAt,
  skipped,
  verifySortedSha1,
} from "./_lib/adapterKit";
import { arrField, idField, isObj, missing, objField, parseJsonObject, strField, type Obj } from "./_lib/read";
import { deliveryKey } from "../toolkit/deliveryKey";
import { toOutboundId } from "./_lib/outboundIds";

const PLATFORM = "weibo";
const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};
const MESSAGE_TYPES: ReadonlySet<string> = new Set(["text", "position", "voice", "image"]);
/** Event subtypes that carry no interaction, each with the rule that skips it. */
const IGNORED_SUBTYPES: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  {
    view: "a tap on a link menu opens a page, it asks nothing",
    subscribe: "a subscription to the fan-service messages (not a follow of the account)",
    unsubscribe: "an unsubscription from the fan-service messages (not an unfollow)",
  },
);
const EVENT_SUBTYPES: ReadonlySet<string> = new Set(["follow", "unfollow", "scan", "scan_follow", "click"]);

/** The delivery type of a Weibo body (`comments`, `text`, `mention`, `event:follow`, …), or the failure parse would give. */
function weiboType(o: Obj): Result<string, AdapterFailure> {
  if (arrField(o, "comments") !== undefined) return { ok: true, value: "comments" };
  const type = strField(o, "type");
  if (type === undefined) return { ok: false, error: failure("missing_field", "type is missing", ["type"]) };
  if (MESSAGE_TYPES.has(type) || type === "mention") return { ok: true, value: type };
  if (type !== "event")
    return { ok: false, error: failure("unknown_event", `type ${type} is not a known Weibo push`, ["type"]) };
  const subtype = strField(objField(o, "data") ?? {}, "subtype") ?? "";
  if (EVENT_SUBTYPES.has(subtype) || Object.hasOwn(IGNORED_SUBTYPES, subtype))
    return { ok: true, value: `event:${subtype}` };
  return {
    ok: false,
    error: failure("unknown_event", `event subtype ${subtype || "(empty)"} is not mapped`, ["data", "subtype"]),
  };
}

/** Weibo's `created_at`, e.g. `"Mon Jul 16 18:09:20 +0800 2012"`, as an instant. */
function weiboTime(text: string | undefined): number | undefined {
  const m =
    text === undefined
      ? null
      : /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS[m[1] as string];
  if (month === undefined) return undefined;
  const offset = (m[6] === "-" ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  const t = Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset * 60_000;
  return Number.isFinite(t) ? t : undefined;
}

/**
 * The reference adapter for **Weibo** (微博): it checks the fan-service platform's query
 * signature, reads its push messages (私信 DMs and events) and polled comments-API pages as
 * interactions, and drafts DM replies and comment replies.
 *
 * See docs/adapter-guide.md, "Weibo", for the platform's webhook formats,
 * signature scheme, field mappings, reply-window rules, what is skipped and the sources.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createWeiboAdapter } from "@ops/interaction/adapters";
 * const weibo = createWeiboAdapter();
 * // open.weibo.com worked example: appsecret xyz123xyz, timestamp 1397022061823, nonce 57155157
 * weibo.verify({ method: "GET", url: "/weibo?nonce=57155157&timestamp=1397022061823&echostr=dnPdpTZz85&signature=90e4c22c90a58f26526c2dd5b6c56c8822edeaa1", headers: {}, body: "" }, { secret: "xyz123xyz" });
 * // => { ok: true, value: { kind: "challenge", response: { status: 200, headers: { "content-type": "text/plain" }, body: "dnPdpTZz85" } } }
 * ```
 */
export function createWeiboAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = adapterPolicy("createWeiboAdapter", options, "weibo.fan_service");
  return defineAdapter({
    platform: PLATFORM,
    policy,
    signedAt: querySignedAt,
    verify(req, secret) {
      return verifySortedSha1(req, secret.secret);
    },
    dedupeKey(body) {
      const o = parseJsonObject(body);
      if (!o.ok) return o;
      const type = weiboType(o.value);
      return type.ok ? { ok: true, value: deliveryKey(PLATFORM, type.value, body) } : type;
    },
    parse: parseWeibo,
    toOutbound(draft) {
      const form = { "content-type": "application/x-www-form-urlencoded" };
      if (draft.surface === "message") {
        const receiver = toOutboundId(draft.to.userId, "weibo", ["draft", "to", "userId"]);
        const body = new URLSearchParams({
          type: "text",
          data: JSON.stringify({ text: draft.text }),
          receiver_id: draft.to.userId,
        }).toString();
        return receiver.ok
          ? { ok: true, value: { method: "POST", path: "/2/messages/reply/biz.json", headers: form, body } }
          : receiver;
      }
      if (draft.surface === "private_reply")
        return {
          ok: false,
          error: failure("unsupported", "Weibo has no private reply to a comment", ["draft", "surface"]),
        };
      const src = draft.inReplyTo;
      if (src?.kind === "mention" && src.target?.type === "post") {
        const body = new URLSearchParams({ id: src.target.id, comment: draft.text }).toString();
        return { ok: true, value: { method: "POST", path: "/2/comments/create.json", headers: form, body } };
      }
      const statusId = src?.target?.type === "post" ? src.target.id : undefined;
      if (src?.nativeId === undefined || statusId === undefined)
        return {
          ok: false,
          error: failure(
            "missing_field",
            "a Weibo comment reply needs inReplyTo with nativeId (cid) and a post target (status id)",
            ["draft", "inReplyTo"],
          ),
        };
      for (const [v, at] of [
        [src.nativeId, ["draft", "inReplyTo", "nativeId"]],
        [statusId, ["draft", "inReplyTo", "target", "id"]],
      ] as const) {
        const checked = toOutboundId(v, "weibo", at);
        if (!checked.ok) return checked;
      }
      const body = new URLSearchParams({ cid: src.nativeId, id: statusId, comment: draft.text }).toString();
      return { ok: true, value: { method: "POST", path: "/2/comments/reply.json", headers: form, body } };
    },
  });
}

function parseWeibo(body: string, ctx: ParseContext): Parsed {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const who = (userId: string) => ({ platform: PLATFORM, scope: "", userId });
  const id = (kind: string, native: string): string => `${PLATFORM}:${ctx.account}:${kind}:${native}`;
  const comments = arrField(o.value, "comments");
  if (comments !== undefined) {
    // every item of the page gives its comment, or the page fails naming it: nothing is dropped unseen
    const items: InteractionInput[] = [];
    for (let i = 0; i < comments.length; i++) {
      const c = comments[i];
      const item = isObj(c) ? commentOf(c, ctx, who, id) : null;
      if (item === null)
        return missing(["comments", i], `comments[${i}] with id (or idstr), user.id and a created_at date`);
      items.push(item);
    }
    return done(items);
  }
  const classified = weiboType(o.value);
  if (!classified.ok) return classified;
  const type = strField(o.value, "type");
  const sender = idField(o.value, "sender_id");
  const createdText = strField(o.value, "created_at");
  const at = weiboTime(createdText);
  if (type === undefined) return { ok: false, error: failure("missing_field", "type is missing", ["type"]) };
  if (sender === undefined)
    return { ok: false, error: failure("missing_field", "sender_id is missing", ["sender_id"]) };
  if (at === undefined)
    return {
      ok: false,
      error: failure("missing_field", 'created_at must read like "Mon Jul 16 18:09:20 +0800 2012"', ["created_at"]),
    };
  const data = objField(o.value, "data") ?? {};
  const text = strField(o.value, "text") ?? "";
  const base = {
    channelId: ctx.channelId,
    actor: who(sender),
    platformCreatedAt: at,
    receivedAt: ctx.receivedAt,
    raw: o.value,
    delivery: { status: "received" as const },
  };
  const key = itemDigest(o.value);
  if (MESSAGE_TYPES.has(type)) {
    const media =
      type === "text"
        ? []
        : [
            {
              type:
                type === "position"
                  ? ("location" as const)
                  : type === "voice"
                    ? ("audio" as const)
                    : ("image" as const),
            },
          ];
    return done([
      { ...base, id: id("msg", key), kind: "dm", direction: "in", visibility: "private", content: { text, media } },
    ]);
  }
  if (type === "mention") {
    const sub = strField(data, "subtype");
    const about = idField(data, "key");
    const target =
      about === undefined
        ? { type: "account" as const, id: ctx.account }
        : { type: sub === "comment" ? ("comment" as const) : ("post" as const), id: about };
    const native = about === undefined ? {} : { nativeId: about };
    return done([
      {
        ...base,
        ...native,
        id: id("mention", about === undefined ? key : `${sub ?? "status"}:${about}`),
        kind: "mention",
        direction: "in",
        visibility: "public",
        content: { text },
        target,
      },
    ]);
  }
  const subtype = strField(data, "subtype") ?? "";
  if (Object.hasOwn(IGNORED_SUBTYPES, subtype))
    return skipped(["data", "subtype"], `weibo.event.${subtype}`, IGNORED_SUBTYPES[subtype] as string);
  const kinds: InteractionKind[] =
    subtype === "follow"
      ? ["follow"]
      : subtype === "unfollow"
        ? ["unfollow"]
        : subtype === "scan"
          ? ["qr_scan"]
          : subtype === "scan_follow"
            ? ["follow", "qr_scan"]
            : subtype === "click"
              ? ["menu_click"]
              : [];
  if (kinds.length === 0)
    return {
      ok: false,
      error: failure("unknown_event", `event subtype ${subtype || "(empty)"} is not mapped`, ["data", "subtype"]),
    };
  const eventKey = strField(data, "key");
  return done(
    kinds.map((kind) => ({
      ...base,
      id: id(kind, key),
      kind,
      direction: kind === "follow" || kind === "unfollow" ? ("activity" as const) : ("in" as const),
      visibility: "private" as const,
      target: { type: "account" as const, id: ctx.account },
      ...(eventKey !== undefined && eventKey !== "" ? { content: { text: eventKey } } : {}),
    })),
  );
}

function commentOf(
  c: Obj,
  ctx: ParseContext,
  who: (u: string) => { platform: string; scope: string; userId: string },
  id: (k: string, n: string) => string,
): InteractionInput | null {
  const cid = idField(c, "idstr") ?? idField(c, "id");
  const user = objField(c, "user");
  const uid = user === undefined ? undefined : (idField(user, "idstr") ?? idField(user, "id"));
  const at = weiboTime(strField(c, "created_at"));
  if (cid === undefined || uid === undefined || at === undefined) return null;
  const status = objField(c, "status");
  const sid =
    status === undefined ? undefined : (idField(status, "idstr") ?? idField(status, "id") ?? idField(status, "mid"));
  const parent = objField(c, "reply_comment");
  const pid = parent === undefined ? undefined : (idField(parent, "idstr") ?? idField(parent, "id"));
  return {
    channelId: ctx.channelId,
    id: id("comment", cid),
    nativeId: cid,
    kind: pid === undefined ? "comment" : "reply",
    direction: uid === ctx.account ? "out" : "in",
    visibility: "public",
    actor: who(uid),
    ...(pid !== undefined ? { inReplyTo: id("comment", pid) } : {}),
    ...(sid !== undefined ? { target: { type: "post" as const, id: sid } } : {}),
    content: { text: strField(c, "text") ?? "" },
    platformCreatedAt: at,
    receivedAt: ctx.receivedAt,
    raw: c,
    delivery: { status: "received" },
  };
}
