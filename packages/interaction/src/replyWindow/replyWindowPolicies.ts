import type { ReplyWindowPolicy } from "./ReplyWindowPolicy";
import { deepFreeze } from "./_lib/deepFreeze";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const READ = "2026-11-26";

const META_POLICY = {
  title: "Messenger Platform and IG Messaging API policy (standard messaging window, message tags)",
  url: "https://developers.facebook.com/documentation/business-messaging/messenger-platform/policy/",
  retrieved: READ,
};
const IG_PRIVATE_REPLIES = {
  title: "Instagram Messaging — Private Replies (one message, within 7 days of the comment)",
  url: "https://developers.facebook.com/documentation/business-messaging/instagram-messaging/features/private-replies",
  retrieved: READ,
};

/**
 * The reply windows and message quotas of the platforms \@ops covers, as data with their
 * sources (the date each was read is in `sources[].retrieved`). `@ops/sla` and the
 * adapters' `replyPolicy` read them; integrators may pass their own
 * {@link ReplyWindowPolicy} where a platform changes its rules.
 *
 * | id | surface | opened by | window | messages |
 * | --- | --- | --- | --- | --- |
 * | `wechat_oa.customer_service` | message | user message (`dm`) | 48 h | 5 |
 * | | message | `menu_click`, `follow`, `qr_scan` | 1 min | 3 |
 * | `weibo.fan_service` | message | `dm`, `follow`, `menu_click`, `qr_scan` | 48 h | no limit |
 * | | message | `mention` | 48 h | 1 |
 * | `douyin.im` | message | `dm` | 24 h (the answered message's `msg_id` is valid 24 h) | not documented |
 * | `instagram.messaging` | message | `dm` | 24 h (standard) | — |
 * | | message + `HUMAN_AGENT` tag | `dm` | 7 d | — |
 * | | private_reply | `comment`, `reply` | 7 d | 1 |
 * | `messenger.messaging` | message | `dm` | 24 h; 7 d with `HUMAN_AGENT` | — |
 * | | private_reply | `comment`, `reply` | 7 d | 1 |
 * | `whatsapp.cloud` | message | `dm` | 24 h (customer-service window) | — |
 * | `x.dm` | message, public_reply | — | unrestricted | — |
 *
 * The data is deeply frozen. Every window is refreshed by the next opening event (a new user message restarts the
 * 48 h and gives 5 new messages on WeChat). Public replies are unrestricted everywhere.
 *
 * @example
 * ```ts
 * import { REPLY_WINDOW_POLICIES } from "@ops/interaction";
 * const rule = REPLY_WINDOW_POLICIES["wechat_oa.customer_service"]?.rules[0];
 * [rule?.durationMs, rule?.maxMessages];
 * // => [172800000, 5]
 * ```
 */
export const REPLY_WINDOW_POLICIES: Readonly<Record<string, ReplyWindowPolicy>> = /* @__PURE__ */ deepFreeze({
  "wechat_oa.customer_service": {
    id: "wechat_oa.customer_service",
    platform: "wechat_oa",
    unrestricted: [],
    rules: [
      {
        id: "wechat_oa.user_message",
        surface: "message",
        openedBy: ["dm"],
        durationMs: 48 * HOUR,
        maxMessages: 5,
        tag: null,
        sources: [
          {
            title: "微信公众平台公告 — 客服消息下发规则调整 (2023-06-12): 用户发送消息 5 条 / 48 小时",
            url: "https://mp.weixin.qq.com/cgi-bin/announce?action=getannouncement&announce_id=116853659399Heuo",
            retrieved: READ,
          },
        ],
      },
      {
        id: "wechat_oa.menu_follow_scan",
        surface: "message",
        openedBy: ["menu_click", "follow", "qr_scan"],
        durationMs: 60_000,
        maxMessages: 3,
        tag: null,
        sources: [
          {
            title: "微信公众平台公告 — 客服消息下发规则调整 (2023-06-12): 点击菜单 / 关注 / 扫码 3 条 / 1 分钟",
            url: "https://mp.weixin.qq.com/cgi-bin/announce?action=getannouncement&announce_id=116853659399Heuo",
            retrieved: READ,
          },
        ],
        note: "Only CLICK, scancode_push and scancode_waitmsg menu events open this window; a menu click does not give the 5-message quota of a user message.",
      },
    ],
    sources: [],
    note: "Article comments (留言) are not covered by the WeChat OA adapter; passive replies to a pushed message (within 5 s, in the HTTP response) are not windowed messages.",
  },
  "weibo.fan_service": {
    id: "weibo.fan_service",
    platform: "weibo",
    unrestricted: ["public_reply"],
    rules: [
      {
        id: "weibo.user_action",
        surface: "message",
        openedBy: ["dm", "follow", "menu_click", "qr_scan"],
        durationMs: 48 * HOUR,
        maxMessages: null,
        tag: null,
        sources: [
          {
            title:
              "Weibo open platform — messages/reply/biz: user message, follow, menu click, QR scan allow messages without limit within 48 hours",
            url: "https://open.weibo.com/wiki/C/2/messages/reply/biz-en",
            retrieved: READ,
          },
        ],
        note: "The brand cannot message a user who has unfollowed.",
      },
      {
        id: "weibo.mention",
        surface: "message",
        openedBy: ["mention"],
        durationMs: 48 * HOUR,
        maxMessages: 1,
        tag: null,
        sources: [
          {
            title: "Weibo open platform — messages/reply/biz: for a mention, one reply within 48 hours",
            url: "https://open.weibo.com/wiki/C/2/messages/reply/biz-en",
            retrieved: READ,
          },
        ],
      },
    ],
    sources: [],
  },
  "douyin.im": {
    id: "douyin.im",
    platform: "douyin",
    unrestricted: ["public_reply"],
    rules: [
      {
        id: "douyin.user_message",
        surface: "message",
        openedBy: ["dm"],
        durationMs: 24 * HOUR,
        maxMessages: null,
        tag: null,
        sources: [
          {
            title:
              "sxwdmjy/dy-java SendMsgQuery (field table of 抖音开放平台 发送私信消息 /im/send/msg/): msg_id = the received message's server_message_id, 有效期为24小时; scene 默认场景可选传入 im_replay_msg",
            url: "https://github.com/sxwdmjy/dy-java/blob/1c4bac218e3c19856f80a3bf53df9fdfbbf07c81/dy-java-web/src/main/java/com/dyj/web/domain/query/SendMsgQuery.java",
            retrieved: READ,
          },
        ],
        note: "A reply (/im/send/msg/, default scene) must name the msg_id of a message the user sent, valid 24 h, so the window is 24 h from the user's latest message; no message count is documented for this API (null here means not known, not proven unlimited). The 48 h / 5 messages rule Douyin states is for the mini-game customer-service reply API (mini-game/develop/server/douyin-microgame-im/reply-user-image), a different API. A user entering the chat page (im_enter_direct_msg, not an interaction here) also gives a msg_id for the im_enter_direct_msg scene. Proactive messages to users who authorised them: once a day, at most 3 messages (not a reply window; not modelled). No limit is documented for public comment replies (/item/comment/reply/).",
      },
    ],
    sources: [
      {
        title: "抖音开放平台 — 私信/群管理 能力介绍 (主动私信: 每日一次, 每次至多 3 条)",
        url: "https://developer.open-douyin.com/docs/resource/zh-CN/dop/ability/interaction-management/im",
        retrieved: READ,
      },
      {
        title:
          "抖音开放平台 — 回复图片格式的客服消息 (mini-game customer service: 48 小时内至多回复 5 条; not the /im/send/msg/ API)",
        url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-game/develop/server/douyin-microgame-im/reply-user-image",
        retrieved: READ,
      },
    ],
  },
  "instagram.messaging": {
    id: "instagram.messaging",
    platform: "instagram",
    unrestricted: ["public_reply"],
    rules: [
      {
        id: "instagram.standard",
        surface: "message",
        openedBy: ["dm"],
        durationMs: 24 * HOUR,
        maxMessages: null,
        tag: null,
        sources: [META_POLICY],
        note: "A first message after a Click-to-Direct ad may open a window of up to 7 days (not modelled).",
      },
      {
        id: "instagram.human_agent",
        surface: "message",
        openedBy: ["dm"],
        durationMs: 7 * DAY,
        maxMessages: null,
        tag: "HUMAN_AGENT",
        sources: [META_POLICY],
        note: "Only for messages written by a human agent, within 7 days of the user's last message.",
      },
      {
        id: "instagram.private_reply",
        surface: "private_reply",
        openedBy: ["comment", "reply"],
        durationMs: 7 * DAY,
        maxMessages: 1,
        tag: null,
        sources: [IG_PRIVATE_REPLIES],
        note: "For comments on a live broadcast, only during the broadcast (not modelled).",
      },
    ],
    sources: [],
  },
  "messenger.messaging": {
    id: "messenger.messaging",
    platform: "messenger",
    unrestricted: ["public_reply"],
    rules: [
      {
        id: "messenger.standard",
        surface: "message",
        openedBy: ["dm"],
        durationMs: 24 * HOUR,
        maxMessages: null,
        tag: null,
        sources: [META_POLICY],
      },
      {
        id: "messenger.human_agent",
        surface: "message",
        openedBy: ["dm"],
        durationMs: 7 * DAY,
        maxMessages: null,
        tag: "HUMAN_AGENT",
        sources: [META_POLICY],
      },
      {
        id: "messenger.private_reply",
        surface: "private_reply",
        openedBy: ["comment", "reply"],
        durationMs: 7 * DAY,
        maxMessages: 1,
        tag: null,
        sources: [
          {
            title: "Messenger Platform — Private Replies (one message to a Page post or comment author, within 7 days)",
            url: "https://developers.facebook.com/docs/messenger-platform/discovery/private-replies",
            retrieved: READ,
          },
        ],
      },
    ],
    sources: [],
  },
  "whatsapp.cloud": {
    id: "whatsapp.cloud",
    platform: "whatsapp",
    unrestricted: [],
    rules: [
      {
        id: "whatsapp.customer_service",
        surface: "message",
        openedBy: ["dm"],
        durationMs: 24 * HOUR,
        maxMessages: null,
        tag: null,
        sources: [
          {
            title:
              "WhatsApp Cloud API — customer service windows (24 h after the user's last message; template messages outside it)",
            url: "https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages#customer-service-windows",
            retrieved: READ,
          },
        ],
        note: "Outside the window only approved template messages can be sent (not modelled as a reply).",
      },
    ],
    sources: [],
  },
  "x.dm": {
    id: "x.dm",
    platform: "x",
    unrestricted: ["public_reply", "message"],
    rules: [],
    sources: [
      {
        title: "X API v2 — Direct Messages manage (no reply window; the recipient's DM settings decide)",
        url: "https://docs.x.com/x-api/direct-messages/manage/introduction",
        retrieved: READ,
      },
    ],
    note: "X sets no reply window; whether a DM can be delivered depends on the recipient's settings and rate limits.",
  },
});
