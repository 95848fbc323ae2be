import * as z from "zod/mini";
import { failure, OpsError, parseOrThrow, type Result } from "@ops/core";
import type {
  AdapterFailure,
  AdapterOptions,
  ParseContext,
  PlatformAdapter,
  VerifyOutcome,
  WebhookRequest,
} from "./PlatformAdapter";
import type { InteractionInput, InteractionKind, MediaItem } from "../model/Interaction";
import { ReplyWindowPolicySchema, type ReplyWindowPolicy } from "../replyWindow/ReplyWindowPolicy";
import { REPLY_WINDOW_POLICIES } from "../replyWindow/replyWindowPolicies";
import {
  defineAdapter,
  done,
  itemDigest,
  type Parsed,
  querySignedAt,
  skipped,
  verifySortedSha1,
} from "./_lib/adapterKit";
import { deliveryKey } from "../toolkit/deliveryKey";
import { query } from "./_lib/http";
import { decryptWechatMessage, wechatAesKey, type WechatAesKey } from "./_lib/wechatCrypto";
import { parseXml, type XmlNode } from "./_lib/xml";

/**
 * Options of {@link createWechatOaAdapter}: `policy`, and for safe mode (安全模式) and
 * compatible mode (兼容模式) the account's `encodingAesKey` and `appId`, both from the
 * console's server configuration (服务器配置). See {@link WechatOaAdapterOptionsSchema}.
 */
export interface WechatOaAdapterOptions extends AdapterOptions {
  /** The 43-character EncodingAESKey (消息加解密密钥); the AES key is its base64 decoding with `=` appended. */
  readonly encodingAesKey?: string;
  /** The account's AppID (`wx…`); a decrypted message must end with it. Required with `encodingAesKey`. */
  readonly appId?: string;
}

/**
 * Schema of {@link WechatOaAdapterOptions}. `encodingAesKey` is the console's 43 characters
 * (A–Z, a–z, 0–9, as "消息加解密说明" defines it); `encodingAesKey` and `appId` come
 * together or not at all; unknown keys are refused, so that a misspelt
 * `encodingAESKey` fails here instead of leaving the adapter without a key.
 *
 * @example
 * ```ts
 * import { WechatOaAdapterOptionsSchema } from "@ops/interaction/adapters";
 * WechatOaAdapterOptionsSchema.safeParse({ encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appId: "wx2c2769f8efd9abc2" }).success;
 * // => true
 * WechatOaAdapterOptionsSchema.safeParse({ encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" }).error?.issues[0]?.path;
 * // => ["appId"]
 * ```
 */
export const WechatOaAdapterOptionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      encodingAesKey: z.optional(
        z.string().check(
          z.regex(/^[A-Za-z0-9]{43}$/, {
            error: "must be the 43-character EncodingAESKey of the console (A–Z, a–z, 0–9)",
          }),
        ),
      ),
      appId: z.optional(
        z.string().check(
          z.regex(/^[\x21-\x7e]{1,64}$/, {
            error: "must be the account's AppID (1–64 visible ASCII characters, e.g. wx2c2769f8efd9abc2)",
          }),
        ),
      ),
      policy: z.optional(ReplyWindowPolicySchema),
    })
    .check(
      z.superRefine((o, ctx) => {
        if (o.encodingAesKey !== undefined && o.appId === undefined) {
          ctx.issues.push({
            code: "custom",
            input: o,
            path: ["appId"],
            message: "is required with encodingAesKey: a decrypted message names the AppID it was encrypted for",
          });
        }
        if (o.appId !== undefined && o.encodingAesKey === undefined) {
          ctx.issues.push({
            code: "custom",
            input: o,
            path: ["encodingAesKey"],
            message: "is required with appId (appId is only used to check decrypted messages)",
          });
        }
      }),
    ))();

/** What safe mode needs: the AES key and the AppID a decrypted message must name. */
interface SafeMode {
  readonly aes: WechatAesKey;
  readonly appId: string;
}

const PLATFORM = "wechat_oa";
/** Events that are known but carry no interaction, with the reason each is skipped. */
const IGNORED_EVENTS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  VIEW: "a tap on a link menu opens a page; it opens no reply window",
  LOCATION: "a periodic location report, not a message",
  TEMPLATESENDJOBFINISH: "the receipt of a template message the account sent",
  view_miniprogram: "a tap on a mini-program menu",
  MASSSENDJOBFINISH: "the receipt of a mass send by the account",
});
const MAPPED_EVENTS: ReadonlySet<string> = new Set([
  "subscribe",
  "unsubscribe",
  "SCAN",
  "CLICK",
  "scancode_push",
  "scancode_waitmsg",
]);

/** The type of a message (`text`, `event:subscribe`, …), or the failure parse gives for it. */
function wechatType(node: XmlNode): Result<string, AdapterFailure> {
  const msgType = text(node, "MsgType");
  if (!msgType) return { ok: false, error: failure("missing_field", "MsgType is missing", ["MsgType"]) };
  if (MESSAGE_TYPES.has(msgType)) return { ok: true, value: msgType };
  if (msgType !== "event")
    return {
      ok: false,
      error: failure("unknown_event", `MsgType ${msgType} is not a known WeChat message type`, ["MsgType"]),
    };
  const event = text(node, "Event") ?? "";
  return MAPPED_EVENTS.has(event) || Object.hasOwn(IGNORED_EVENTS, event)
    ? { ok: true, value: `event:${event}` }
    : { ok: false, error: failure("unknown_event", `event ${event || "(empty)"} is not mapped`, ["Event"]) };
}
const MENU_EVENTS: ReadonlySet<string> = new Set(["CLICK", "scancode_push", "scancode_waitmsg"]);
const MESSAGE_TYPES: ReadonlySet<string> = new Set([
  "text",
  "image",
  "voice",
  "video",
  "shortvideo",
  "location",
  "link",
]);

function text(node: XmlNode, key: string): string | undefined {
  const v = node[key];
  return typeof v === "string" ? v : undefined;
}

/**
 * The reference adapter for a **WeChat Official Account** (微信公众号) in plaintext, compatible
 * (兼容模式) or safe mode (安全模式): it checks the query signature (`msg_signature` in safe
 * mode), decrypts safe-mode pushes, reads messages and events as interactions, and drafts
 * customer-service text messages.
 *
 * See docs/adapter-guide.md, "WeChat Official Account", for the platform's webhook formats,
 * signature scheme, field mappings, reply-window rules, what is skipped and the sources.
 *
 * @param options - `policy` to replace the built-in reply-window data; `encodingAesKey`
 *   and `appId` for safe and compatible mode (see {@link WechatOaAdapterOptionsSchema})
 * @returns a pure {@link PlatformAdapter}
 * @throws OpsError `invalid_argument` when `options` break {@link WechatOaAdapterOptionsSchema}
 *
 * @example
 * ```ts
 * import { createWechatOaAdapter } from "@ops/interaction/adapters";
 * const wechat = createWechatOaAdapter();
 * const xml = "<xml><ToUserName><![CDATA[gh_3a8f1c2d9e7b]]></ToUserName><FromUserName><![CDATA[oX1y2Z3]]></FromUserName>" +
 *   "<CreateTime>1772933400</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[敏感肌用什么洁面？]]></Content><MsgId>22541386101</MsgId></xml>";
 * const r = wechat.parse(xml, { channelId: "ch_wx" as never, account: "gh_3a8f1c2d9e7b", receivedAt: 1772933401000 });
 * r.ok && [r.value[0]?.kind, r.value[0]?.content?.text, r.value[0]?.platformCreatedAt];
 * // => ["dm", "敏感肌用什么洁面？", 1772933400000]
 * const key = wechat.dedupeKey(xml); // v2:wechat_oa:<type>:<SHA-256 of the message>
 * key.ok && key.value.startsWith("v2:wechat_oa:text:");
 * // => true
 *
 * // Safe mode, with the decryption sample of Tencent's WXBizMsgCrypt (Sample.py):
 * // Token "spamtest", AppID wx2c2769f8efd9abc2, signed at 1409735669 with nonce 1320562132
 * const safe = createWechatOaAdapter({ encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appId: "wx2c2769f8efd9abc2" });
 * const encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
 * const body = `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
 * const url = "/wechat?timestamp=1409735669&nonce=1320562132&encrypt_type=aes&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa";
 * safe.verify({ method: "POST", url, headers: {}, body }, { secret: "spamtest" });
 * // => { ok: true, value: { kind: "delivery" } }
 * const m = safe.parse(body, { channelId: "ch_wx" as never, account: "gh_10f6c3c3ac5a", receivedAt: 1409735669000 });
 * m.ok && [m.value[0]?.kind, m.value[0]?.content?.text, m.value[0]?.nativeId];
 * // => ["dm", "abcdteT", "6054768590064713728"]
 * ```
 */
export function createWechatOaAdapter(options: WechatOaAdapterOptions = {}): PlatformAdapter {
  if (options !== undefined && (typeof options !== "object" || options === null))
    throw new OpsError({
      code: "invalid_argument",
      fn: "createWechatOaAdapter",
      path: ["options"],
      rule: "must be an options object or undefined",
      received: options,
    });
  const checked = parseOrThrow(WechatOaAdapterOptionsSchema, options, {
    fn: "createWechatOaAdapter",
    path: ["options"],
  });
  const policy = checked.policy ?? (REPLY_WINDOW_POLICIES["wechat_oa.customer_service"] as ReplyWindowPolicy);
  const safe = safeMode(checked.encodingAesKey, checked.appId);
  return defineAdapter({
    platform: PLATFORM,
    policy,
    format: "xml",
    signedAt: querySignedAt,
    verify(req, secret) {
      const q = query(req);
      if (req.method.toUpperCase() === "GET" && q.get("echostr") !== null) return verifySortedSha1(req, secret.secret);
      if (q.get("encrypt_type") === "aes") return verifyMsgSignature(req, secret.secret);
      if (safe !== null) {
        return {
          ok: false,
          error: failure(
            "bad_signature",
            "this adapter has an encodingAesKey, so pushes must come in safe or compatible mode (encrypt_type=aes with msg_signature); a plaintext push is refused because its signature does not cover the body",
            ["url"],
          ),
        };
      }
      return verifySortedSha1(req, secret.secret);
    },
    dedupeKey(body) {
      const x = readMessage(body, safe);
      if (!x.ok) return x;
      const type = wechatType(x.value.node);
      // the digest of the (decrypted) message text: safe mode re-encrypts with fresh random bytes
      return type.ok ? { ok: true, value: deliveryKey(PLATFORM, type.value, x.value.text) } : type;
    },
    parse(body, context) {
      const x = readMessage(body, safe);
      return x.ok ? parseWechat(x.value.node, context) : x;
    },
    toOutbound(draft) {
      if (draft.surface !== "message")
        return {
          ok: false,
          error: failure("unsupported", `a WeChat Official Account cannot send a ${draft.surface}`, [
            "draft",
            "surface",
          ]),
        };
      return {
        ok: true,
        value: {
          method: "POST",
          path: "/cgi-bin/message/custom/send",
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify({ touser: draft.to.userId, msgtype: "text", text: { content: draft.text } }),
        },
      };
    },
  });
}

function safeMode(encodingAesKey: string | undefined, appId: string | undefined): SafeMode | null {
  if (encodingAesKey === undefined || appId === undefined) return null;
  const aes = wechatAesKey(encodingAesKey);
  // The options schema admits only keys that decode to 32 bytes; an adapter given a key must
  // never fall back to plaintext mode silently, so a key that does not decode is misuse.
  if (aes === null)
    throw new OpsError({
      code: "invalid_argument",
      fn: "createWechatOaAdapter",
      path: ["options", "encodingAesKey"],
      rule: 'must decode (base64 with "=" appended) to a 32-byte AES key',
      received: "(redacted)",
    });
  return { aes, appId };
}

/** `msg_signature = sha1(sort([Token, timestamp, nonce, Encrypt]).join(""))` of a safe- or compatible-mode push. */
function verifyMsgSignature(request: WebhookRequest, token: string): Result<VerifyOutcome, AdapterFailure> {
  const x = parseXml(request.body);
  if (!x.ok) return x;
  const encrypt = x.value.Encrypt;
  if (typeof encrypt !== "string" || encrypt === "") {
    return {
      ok: false,
      error: failure("missing_field", "an encrypt_type=aes push must carry the encrypted message in <Encrypt>", [
        "body",
        "Encrypt",
      ]),
    };
  }
  return verifySortedSha1(request, token, { param: "msg_signature", extra: [encrypt] });
}

/** The message of a push and its XML text: the body in plaintext mode, the decrypted `<Encrypt>` in safe and compatible mode. */
function readMessage(body: string, safe: SafeMode | null): Result<{ node: XmlNode; text: string }, AdapterFailure> {
  const x = parseXml(body);
  if (!x.ok) return x;
  const encrypt = x.value.Encrypt;
  if (encrypt === undefined) return { ok: true, value: { node: x.value, text: body } };
  if (safe === null) {
    return {
      ok: false,
      error: failure(
        "unsupported",
        "the body is encrypted (safe or compatible mode): pass encodingAesKey and appId to createWechatOaAdapter to read it",
        ["body", "Encrypt"],
      ),
    };
  }
  if (typeof encrypt !== "string" || encrypt === "")
    return {
      ok: false,
      error: failure("malformed_payload", "Encrypt must be the base64 text of the encrypted message", [
        "body",
        "Encrypt",
      ]),
    };
  const plain = decryptWechatMessage(safe.aes, encrypt, safe.appId);
  if (!plain.ok) return plain;
  const message = parseXml(plain.value);
  return message.ok
    ? { ok: true, value: { node: message.value, text: plain.value } }
    : {
        ok: false,
        error: failure("malformed_payload", `the decrypted Encrypt: ${message.error.message}`, ["body", "Encrypt"]),
      };
}

function parseWechat(node: XmlNode, context: ParseContext): Parsed {
  const from = text(node, "FromUserName");
  const created = text(node, "CreateTime");
  const msgType = text(node, "MsgType");
  if (!from) return { ok: false, error: failure("missing_field", "FromUserName is missing", ["FromUserName"]) };
  if (!created || !/^\d{1,12}$/.test(created))
    return { ok: false, error: failure("missing_field", "CreateTime must be epoch seconds", ["CreateTime"]) };
  const type = wechatType(node);
  if (!type.ok || !msgType)
    return type.ok ? { ok: false, error: failure("missing_field", "MsgType is missing", ["MsgType"]) } : type;
  const at = Number(created) * 1000;
  const actor = { platform: PLATFORM, scope: context.account, userId: from };
  const base = {
    channelId: context.channelId,
    actor,
    platformCreatedAt: at,
    receivedAt: context.receivedAt,
    raw: node,
    delivery: { status: "received" as const },
  };
  if (MESSAGE_TYPES.has(msgType)) {
    const msgId = text(node, "MsgId");
    const media: MediaItem[] = [];
    const mediaId = text(node, "MediaId");
    const pic = text(node, "PicUrl");
    if (msgType === "image")
      media.push({ type: "image", ...(mediaId ? { id: mediaId } : {}), ...(pic ? { url: pic } : {}) });
    if (msgType === "voice") media.push({ type: "audio", ...(mediaId ? { id: mediaId } : {}) });
    if (msgType === "video" || msgType === "shortvideo")
      media.push({ type: "video", ...(mediaId ? { id: mediaId } : {}) });
    if (msgType === "location") media.push({ type: "location" });
    if (msgType === "link")
      media.push({ type: "link", ...(text(node, "Url") ? { url: text(node, "Url") as string } : {}) });
    const content =
      msgType === "text"
        ? (text(node, "Content") ?? "")
        : msgType === "voice"
          ? (text(node, "Recognition") ?? "")
          : msgType === "location"
            ? (text(node, "Label") ?? "")
            : msgType === "link"
              ? (text(node, "Title") ?? "")
              : "";
    const item: InteractionInput = {
      ...base,
      id: `${PLATFORM}:${context.account}:msg:${msgId || itemDigest(node)}`,
      kind: "dm",
      direction: "in",
      visibility: "private",
      content: { text: content, media },
      ...(msgId ? { nativeId: msgId } : {}),
    };
    return done([item]);
  }
  if (msgType !== "event")
    return {
      ok: false,
      error: failure("unknown_event", `MsgType ${msgType} is not a known WeChat message type`, ["MsgType"]),
    };
  const event = text(node, "Event") ?? "";
  if (Object.hasOwn(IGNORED_EVENTS, event))
    return skipped(["Event"], `wechat_oa.event.${event}`, IGNORED_EVENTS[event] as string);
  let kind: InteractionKind;
  if (event === "subscribe") kind = "follow";
  else if (event === "unsubscribe") kind = "unfollow";
  else if (event === "SCAN") kind = "qr_scan";
  else if (MENU_EVENTS.has(event)) kind = "menu_click";
  else return { ok: false, error: failure("unknown_event", `event ${event || "(empty)"} is not mapped`, ["Event"]) };
  const key = text(node, "EventKey") ?? "";
  const item: InteractionInput = {
    ...base,
    id: `${PLATFORM}:${context.account}:evt:${itemDigest(node)}`,
    kind,
    direction: kind === "follow" || kind === "unfollow" ? "activity" : "in",
    visibility: "private",
    target: { type: "account", id: context.account },
    ...(key !== "" ? { content: { text: key } } : {}),
  };
  return done([item]);
}
