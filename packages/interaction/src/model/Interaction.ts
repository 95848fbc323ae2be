import * as z from "zod/mini";
import { ActorRefSchema, InstantSchema } from "@ops/core";
import { ActorIdSchema, CampaignIdSchema, ChannelIdSchema, InteractionIdSchema, ThreadIdSchema } from "./IdSchemas";
import { DIRECTIONS, INTERACTION_KINDS, VISIBILITIES } from "../_lib/modelValues";

/**
 * Schema of an {@link InteractionKind}.
 *
 * | kind | what happened |
 * | --- | --- |
 * | `comment` | a top-level comment under a post |
 * | `reply` | a reply to a comment (public) |
 * | `dm` | a private message (either way) |
 * | `mention` | the account was @-mentioned in someone's post |
 * | `like` | a like / favourite / reaction |
 * | `repost` | a share / retweet / 转发 without own text |
 * | `quote` | a repost with own text (quote post, 转发 with comment) |
 * | `follow` / `unfollow` | the account gained / lost a follower (WeChat subscribe / unsubscribe) |
 * | `campaign_entry` | an entry into a draw, quiz or contest |
 * | `report` | a user reported content or a problem |
 * | `recall` | the author withdrew a message (WeChat / Douyin 撤回); `target` names it |
 * | `menu_click` | a tap on a custom menu or button (WeChat CLICK menu event, Messenger postback) |
 * | `qr_scan` | a scan of the account's QR code (WeChat SCAN event) |
 * | `edit` | the author changed a message or comment; `target` names it, `content` is the new text |
 * | `unlike` | a like or reaction was taken back (Meta `unreact`); `target` names what it was on |
 * | `post` | a top-level post in a channel or on a page (a visitor post on a Facebook Page, a channel message); `in` from a user opens a public thread, `out` is the account's own content and answers nothing |
 * | `block` | the user blocked the account (or stopped its messages): it closes every reply window of the conversation until the user writes again |
 * | `wow` | WeChat 在看 ("Wow"): a public recommendation of an article to the user's friends (their Top Stories, 看一看) — not a like (点赞), which stays with the author; `target` names the article |
 *
 * `menu_click` and `qr_scan` are kept apart from `dm` because platforms open shorter
 * reply windows for them (see `REPLY_WINDOW_POLICIES`).
 *
 * @example
 * ```ts
 * import { InteractionKindSchema } from "@ops/interaction";
 * InteractionKindSchema.safeParse("repost").success;
 * // => true
 * ```
 */
export const InteractionKindSchema = /* @__PURE__ */ (() => z.enum(INTERACTION_KINDS))();

/** What kind of interaction happened; see {@link InteractionKindSchema}. */
export type InteractionKind = z.output<typeof InteractionKindSchema>;

/**
 * Schema of a {@link Direction}: `in` (a user wrote to or about the brand), `out` (the
 * brand or its agents wrote), `activity` (a signal that carries no message to answer:
 * like, unlike, wow, follow, unfollow, plain repost, recall, edit, block).
 *
 * @example
 * ```ts
 * import { DirectionSchema } from "@ops/interaction";
 * DirectionSchema.options;
 * // => ["in", "out", "activity"]
 * ```
 */
export const DirectionSchema = /* @__PURE__ */ (() => z.enum(DIRECTIONS))();

/** Which way an interaction went; see {@link DirectionSchema}. */
export type Direction = z.output<typeof DirectionSchema>;

/**
 * Schema of a {@link Visibility}: `public` (anyone can see it), `private` (the user and
 * the brand), `internal_note` (the team only; never sent to the platform).
 *
 * @example
 * ```ts
 * import { VisibilitySchema } from "@ops/interaction";
 * VisibilitySchema.safeParse("internal_note").success;
 * // => true
 * ```
 */
export const VisibilitySchema = /* @__PURE__ */ (() => z.enum(VISIBILITIES))();

/** Who can see an interaction; see {@link VisibilitySchema}. */
export type Visibility = z.output<typeof VisibilitySchema>;

/**
 * Schema of a {@link DeliveryStatus}: `received` (an inbound item as the platform pushed
 * it), then for outbound items `queued` → `sent` → `delivered` → `read`, or `failed`.
 *
 * @example
 * ```ts
 * import { DeliveryStatusSchema } from "@ops/interaction";
 * DeliveryStatusSchema.options;
 * // => ["received", "queued", "sent", "delivered", "read", "failed"]
 * ```
 */
export const DeliveryStatusSchema = /* @__PURE__ */ (() =>
  z.enum(["received", "queued", "sent", "delivered", "read", "failed"]))();

/** Where an interaction is in its delivery; see {@link DeliveryStatusSchema}. */
export type DeliveryStatus = z.output<typeof DeliveryStatusSchema>;

/**
 * Schema of a {@link Delivery}: the status, when it was reached, and the platform's error
 * for `failed` (e.g. WeChat errcode 45047 "out of response count limit").
 *
 * @example
 * ```ts
 * import { DeliverySchema } from "@ops/interaction";
 * DeliverySchema.parse({ status: "failed", at: 1772933400000, error: "45015 response out of time limit" }).status;
 * // => "failed"
 * ```
 */
export const DeliverySchema = /* @__PURE__ */ (() =>
  z.object({
    status: DeliveryStatusSchema,
    at: z.optional(InstantSchema),
    error: z.optional(z.string().check(z.maxLength(2048))),
  }))();

/** Delivery state of an interaction; see {@link DeliverySchema}. */
export type Delivery = z.output<typeof DeliverySchema>;

/**
 * Schema of an {@link InteractionTarget}: what an interaction is about or attached to —
 * `post` (a post, note, video or tweet), `comment`, `message`, `account` (a follow),
 * `campaign` (an entry), `live` (a live stream). `id` is the platform's id of it.
 *
 * @example
 * ```ts
 * import { InteractionTargetSchema } from "@ops/interaction";
 * InteractionTargetSchema.parse({ type: "post", id: "4934811234567890" });
 * // => { type: "post", id: "4934811234567890" }
 * ```
 */
export const InteractionTargetSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.enum(["post", "comment", "message", "account", "campaign", "live"]),
    id: z
      .string()
      .check(z.minLength(1, { error: "must be the platform's non-empty id of the target" }), z.maxLength(512)),
    url: z.optional(z.string().check(z.maxLength(2048))),
  }))();

/** What an interaction is about; see {@link InteractionTargetSchema}. */
export type InteractionTarget = z.output<typeof InteractionTargetSchema>;

/**
 * Schema of a {@link MediaItem}: an attachment (image, video, audio, file, link, sticker,
 * location) with the platform's media id and/or a URL.
 *
 * @example
 * ```ts
 * import { MediaItemSchema } from "@ops/interaction";
 * MediaItemSchema.safeParse({ type: "image", url: "https://example.com/a.jpg" }).success;
 * // => true
 * ```
 */
export const MediaItemSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.enum(["image", "video", "audio", "file", "link", "sticker", "location"]),
    id: z.optional(z.string().check(z.maxLength(512))),
    url: z.optional(z.string().check(z.maxLength(4096))),
  }))();

/** One attachment; see {@link MediaItemSchema}. */
export type MediaItem = z.output<typeof MediaItemSchema>;

/**
 * Schema of {@link InteractionContent}: the text as the user wrote it (may be empty, e.g.
 * an image-only DM), attachments, and the hashtags / topics the platform reports.
 *
 * @example
 * ```ts
 * import { InteractionContentSchema } from "@ops/interaction";
 * InteractionContentSchema.parse({ text: "这个色号适合黄皮吗？" });
 * // => { text: "这个色号适合黄皮吗？", media: [], hashtags: [] }
 * ```
 */
export const InteractionContentSchema = /* @__PURE__ */ (() =>
  z.object({
    text: z.string().check(z.maxLength(100_000)),
    media: z._default(z.array(MediaItemSchema).check(z.maxLength(100)), []),
    hashtags: z._default(z.array(z.string().check(z.maxLength(256))).check(z.maxLength(100)), []),
  }))();

/** The content of an interaction; see {@link InteractionContentSchema}. */
export type InteractionContent = z.output<typeof InteractionContentSchema>;

/**
 * Schema of a {@link ConversationRef}: the platform's id of a private conversation and
 * whether it is one-to-one (`dm`) or a `group` chat.
 *
 * @example
 * ```ts
 * import { ConversationRefSchema } from "@ops/interaction";
 * ConversationRefSchema.parse({ id: "1582-2244994945", type: "dm" }).type;
 * // => "dm"
 * ```
 */
export const ConversationRefSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(512)),
    type: z.enum(["dm", "group"]),
  }))();

/** A platform conversation; see {@link ConversationRefSchema}. */
export type ConversationRef = z.output<typeof ConversationRefSchema>;

/**
 * Schema of an {@link Interaction}: one comment, reply, DM, mention, like, repost, quote,
 * follow, unfollow, campaign entry, report or recall, on one channel, from one actor.
 *
 * `recipient` names whom a private message is addressed to (needed to thread the brand's
 * outbound DMs), `conversation` the platform's conversation or group id when it has one
 * (Douyin `conversation_short_id`, X `dm_conversation_id`, a WeChat group).
 *
 * Required: `id`, `channelId`, `kind`, `direction`, `visibility`, `actor` (the author, as
 * a platform identity), `platformCreatedAt` (when the platform says it happened) and
 * `receivedAt` (when we got it). Optional: `actorId` (the merged {@link Actor}'s id),
 * `target`, `inReplyTo` (the interaction this one answers), `threadId` (set by
 * `buildThreads` when absent), `content`, `campaignId`, `nativeId` (the platform's own id
 * of this item: MsgId, comment id, tweet id), `delivery`, and `raw` (the payload as
 * received, for audits).
 *
 * @example
 * ```ts
 * import { InteractionSchema } from "@ops/interaction";
 * const dm = InteractionSchema.parse({
 *   id: "wechat_oa:gh_3a8f1c2d9e7b:msg:22541386101",
 *   channelId: "ch_wechat",
 *   kind: "dm",
 *   direction: "in",
 *   visibility: "private",
 *   actor: { platform: "wechat_oa", scope: "gh_3a8f1c2d9e7b", userId: "oX1y2Z3" },
 *   content: { text: "敏感肌用什么洁面？" },
 *   platformCreatedAt: 1772933400000,
 *   receivedAt: 1772933401200,
 * });
 * dm.content?.media;
 * // => []
 * ```
 */
export const InteractionSchema = /* @__PURE__ */ (() =>
  z.object({
    id: InteractionIdSchema,
    channelId: ChannelIdSchema,
    kind: InteractionKindSchema,
    direction: DirectionSchema,
    visibility: VisibilitySchema,
    actor: ActorRefSchema,
    actorId: z.optional(ActorIdSchema),
    recipient: z.optional(ActorRefSchema),
    conversation: z.optional(ConversationRefSchema),
    target: z.optional(InteractionTargetSchema),
    inReplyTo: z.optional(InteractionIdSchema),
    threadId: z.optional(ThreadIdSchema),
    content: z.optional(InteractionContentSchema),
    campaignId: z.optional(CampaignIdSchema),
    nativeId: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
    platformCreatedAt: InstantSchema,
    receivedAt: InstantSchema,
    delivery: z.optional(DeliverySchema),
    raw: z.optional(z.unknown()),
  }))();

/** One interaction; see {@link InteractionSchema}. */
export type Interaction = z.output<typeof InteractionSchema>;
/** What {@link InteractionSchema} accepts (defaults not yet applied). */
export type InteractionInput = z.input<typeof InteractionSchema>;
