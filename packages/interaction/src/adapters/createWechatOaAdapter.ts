import { failure, type Result } from "@ops/core";
import type { AdapterFailure, ParseContext, PlatformAdapter } from "../adapter/PlatformAdapter";
import type { Interaction, InteractionInput, InteractionKind, MediaItem } from "../model/Interaction";
import type { ReplyWindowPolicy } from "../replyWindow/ReplyWindowPolicy";
import { REPLY_WINDOW_POLICIES } from "../replyWindow/replyWindowPolicies";
import { defineAdapter, finish, querySignedAt, verifySortedSha1 } from "../_lib/adapterKit";
import { parseXml, type XmlNode } from "../_lib/xml";

/** Options of the reference adapters: the reply-window data to answer `replyPolicy` from. */
export interface AdapterOptions {
  /** Replaces the built-in entry of `REPLY_WINDOW_POLICIES` (e.g. when a platform changes its rules). */
  readonly policy?: ReplyWindowPolicy;
}

const PLATFORM = "wechat_oa";
/** Events that are known but carry no interaction (a link menu, a location report, a template send receipt). */
const IGNORED_EVENTS: ReadonlySet<string> = new Set(["VIEW", "LOCATION", "TEMPLATESENDJOBFINISH", "view_miniprogram", "MASSSENDJOBFINISH"]);
const MENU_EVENTS: ReadonlySet<string> = new Set(["CLICK", "scancode_push", "scancode_waitmsg"]);
const MESSAGE_TYPES: ReadonlySet<string> = new Set(["text", "image", "voice", "video", "shortvideo", "location", "link"]);

function text(node: XmlNode, key: string): string | undefined {
  const v = node[key];
  return typeof v === "string" ? v : undefined;
}

/**
 * The reference adapter for a **WeChat Official Account** (微信公众号) in plaintext or
 * compatible mode, built from the 公众号 developer docs ("接入概述", "接收普通消息",
 * "接收事件推送", "客服消息"):
 *
 * - `verify`: `signature = sha1(sort([Token, timestamp, nonce]).join(""))` from the query
 *   string; a GET with `echostr` is the server-address check, answered with `echostr`.
 *   AES safe mode (`encrypt_type=aes`) is refused as `unsupported`.
 * - `signedAt`: the signed `timestamp` query parameter (epoch seconds), so that
 *   `handleWebhook` refuses a replayed push as `stale_request`.
 * - `dedupeKey`: `msg:<MsgId>` for messages; `evt:<FromUserName>:<CreateTime>` for events
 *   (the docs' advice for retried pushes: WeChat retries 3 times when it gets no answer in 5 s).
 * - `parse`: text, image, voice, video, shortvideo, location and link messages → `dm`;
 *   `subscribe` → `follow`, `unsubscribe` → `unfollow`, `SCAN` → `qr_scan`, `CLICK` /
 *   `scancode_push` / `scancode_waitmsg` → `menu_click`; VIEW, LOCATION and send-job receipts
 *   are known and yield no interaction; other events are `unknown_event`. User ids are
 *   OpenIDs, scoped to the account (`context.account`, the gh_ original id).
 * - `replyPolicy`: `REPLY_WINDOW_POLICIES["wechat_oa.customer_service"]` (48 h / 5 after a
 *   message; 1 min / 3 after follow, menu click, QR scan).
 * - `toOutbound`: a customer-service text message, `POST /cgi-bin/message/custom/send`
 *   (the transport adds `?access_token=`). Public and private replies are `unsupported`.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createWechatOaAdapter } from "@ops/interaction";
 * const wechat = createWechatOaAdapter();
 * const xml = "<xml><ToUserName><![CDATA[gh_3a8f1c2d9e7b]]></ToUserName><FromUserName><![CDATA[oX1y2Z3]]></FromUserName>" +
 *   "<CreateTime>1772933400</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[敏感肌用什么洁面？]]></Content><MsgId>22541386101</MsgId></xml>";
 * const r = wechat.parse(xml, { channelId: "ch_wx" as never, account: "gh_3a8f1c2d9e7b", receivedAt: 1772933401000 });
 * r.ok && [r.value[0]?.kind, r.value[0]?.content?.text, r.value[0]?.platformCreatedAt];
 * // => ["dm", "敏感肌用什么洁面？", 1772933400000]
 * wechat.dedupeKey(xml);
 * // => { ok: true, value: "msg:22541386101" }
 * ```
 */
export function createWechatOaAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = options.policy ?? (REPLY_WINDOW_POLICIES["wechat_oa.customer_service"] as ReplyWindowPolicy);
  return defineAdapter({
    platform: PLATFORM,
    policy,
    signedAt: querySignedAt,
    verify(req, secret) {
      if (/[?&]encrypt_type=aes(&|$)/.test(req.url)) {
        return { ok: false, error: failure("unsupported", "AES safe mode (encrypt_type=aes) is not supported; use plaintext or compatible mode", ["url"]) };
      }
      return verifySortedSha1(req, secret.secret);
    },
    dedupeKey(body) {
      const x = parseXml(body);
      if (!x.ok) return x;
      const msgId = text(x.value, "MsgId");
      if (msgId !== undefined && msgId !== "") return { ok: true, value: `msg:${msgId}` };
      const from = text(x.value, "FromUserName");
      const created = text(x.value, "CreateTime");
      if (!from || !created) return { ok: false, error: failure("missing_field", "FromUserName and CreateTime are needed to identify an event", ["FromUserName"]) };
      return { ok: true, value: `evt:${from}:${created}` };
    },
    parse: parseWechat,
    toOutbound(draft) {
      if (draft.surface !== "message") return { ok: false, error: failure("unsupported", `a WeChat Official Account cannot send a ${draft.surface}`, ["draft", "surface"]) };
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

function parseWechat(body: string, context: ParseContext): Result<Interaction[], AdapterFailure> {
  const x = parseXml(body);
  if (!x.ok) return x;
  const node = x.value;
  const from = text(node, "FromUserName");
  const created = text(node, "CreateTime");
  const msgType = text(node, "MsgType");
  if (!from) return { ok: false, error: failure("missing_field", "FromUserName is missing", ["FromUserName"]) };
  if (!created || !/^\d{1,12}$/.test(created)) return { ok: false, error: failure("missing_field", "CreateTime must be epoch seconds", ["CreateTime"]) };
  if (!msgType) return { ok: false, error: failure("missing_field", "MsgType is missing", ["MsgType"]) };
  const at = Number(created) * 1000;
  const actor = { platform: PLATFORM, scope: context.account, userId: from };
  const base = { channelId: context.channelId, actor, platformCreatedAt: at, receivedAt: context.receivedAt, raw: node, delivery: { status: "received" as const } };
  if (MESSAGE_TYPES.has(msgType)) {
    const msgId = text(node, "MsgId");
    const media: MediaItem[] = [];
    const mediaId = text(node, "MediaId");
    const pic = text(node, "PicUrl");
    if (msgType === "image") media.push({ type: "image", ...(mediaId ? { id: mediaId } : {}), ...(pic ? { url: pic } : {}) });
    if (msgType === "voice") media.push({ type: "audio", ...(mediaId ? { id: mediaId } : {}) });
    if (msgType === "video" || msgType === "shortvideo") media.push({ type: "video", ...(mediaId ? { id: mediaId } : {}) });
    if (msgType === "location") media.push({ type: "location" });
    if (msgType === "link") media.push({ type: "link", ...(text(node, "Url") ? { url: text(node, "Url") as string } : {}) });
    const content = msgType === "text" ? (text(node, "Content") ?? "") : msgType === "voice" ? (text(node, "Recognition") ?? "") : msgType === "location" ? (text(node, "Label") ?? "") : msgType === "link" ? (text(node, "Title") ?? "") : "";
    const item: InteractionInput = {
      ...base,
      id: `${PLATFORM}:${context.account}:msg:${msgId ?? `${from}:${created}`}`,
      kind: "dm",
      direction: "in",
      visibility: "private",
      content: { text: content, media },
      ...(msgId ? { nativeId: msgId } : {}),
    };
    return finish([item]);
  }
  if (msgType !== "event") return { ok: false, error: failure("unknown_event", `MsgType ${msgType} is not a known WeChat message type`, ["MsgType"]) };
  const event = text(node, "Event") ?? "";
  if (IGNORED_EVENTS.has(event)) return { ok: true, value: [] };
  let kind: InteractionKind;
  if (event === "subscribe") kind = "follow";
  else if (event === "unsubscribe") kind = "unfollow";
  else if (event === "SCAN") kind = "qr_scan";
  else if (MENU_EVENTS.has(event)) kind = "menu_click";
  else return { ok: false, error: failure("unknown_event", `event ${event || "(empty)"} is not mapped`, ["Event"]) };
  const key = text(node, "EventKey") ?? "";
  const item: InteractionInput = {
    ...base,
    id: `${PLATFORM}:${context.account}:evt:${from}:${created}:${event}`,
    kind,
    direction: kind === "follow" || kind === "unfollow" ? "activity" : "in",
    visibility: "private",
    target: { type: "account", id: context.account },
    ...(key !== "" ? { content: { text: key } } : {}),
  };
  return finish([item]);
}
