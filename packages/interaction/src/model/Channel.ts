import * as z from "zod/mini";
import { PlatformSchema, TimeZoneSchema } from "@ops/core";
import { ChannelIdSchema } from "./IdSchemas";

/**
 * What a channel lets a brand do. Reference adapters fill these from the platform's docs;
 * integrators may narrow them for an account (e.g. a WeChat subscription account that is
 * not verified cannot use customer-service messages).
 *
 * - `threadDepth`: how many levels of replies the platform nests under a post (0 = flat,
 *   1 = replies to top-level comments only, as on Instagram); `null` = unlimited.
 * - `publicReply`: the brand can answer in public under a post or comment.
 * - `dm`: the brand can send private messages.
 * - `hide`, `delete`: the brand can hide / delete users' comments on its posts.
 * - `recall`: the brand can withdraw a message it sent.
 */
export type ChannelCapabilities = z.output<typeof ChannelCapabilitiesSchema>;

/**
 * Schema of {@link ChannelCapabilities}.
 *
 * @example
 * ```ts
 * import { ChannelCapabilitiesSchema } from "@ops/interaction";
 * ChannelCapabilitiesSchema.safeParse({ threadDepth: -1, publicReply: true, dm: true, hide: true, delete: true, recall: false }).success;
 * // => false
 * ```
 */
export const ChannelCapabilitiesSchema = /* @__PURE__ */ (() =>
  z.object({
    threadDepth: z.nullable(
      z
        .int({ error: "must be an integer ≥ 0 or null (unlimited)" })
        .check(z.minimum(0, { error: "must be an integer ≥ 0 or null (unlimited)" })),
    ),
    publicReply: z.boolean(),
    dm: z.boolean(),
    hide: z.boolean(),
    delete: z.boolean(),
    recall: z.boolean(),
  }))();

/**
 * One account on one platform that the team operates: a WeChat Official Account, a Weibo
 * account, a Douyin enterprise account, an X account, an Instagram professional account.
 *
 * `replyWindowPolicy` names an entry of `REPLY_WINDOW_POLICIES` (e.g.
 * `"wechat_oa.customer_service"`), or `null` when the platform sets no reply window.
 */
export type Channel = z.output<typeof ChannelSchema>;

/**
 * Schema of a {@link Channel}.
 *
 * @example
 * ```ts
 * import { ChannelSchema } from "@ops/interaction";
 * const channel = ChannelSchema.parse({
 *   id: "ch_wechat",
 *   platform: "wechat_oa",
 *   account: "gh_3a8f1c2d9e7b",
 *   capabilities: { threadDepth: 0, publicReply: false, dm: true, hide: false, delete: false, recall: true },
 *   replyWindowPolicy: "wechat_oa.customer_service",
 * });
 * channel.capabilities.dm;
 * // => true
 * ```
 */
export const ChannelSchema = /* @__PURE__ */ (() =>
  z.object({
    id: ChannelIdSchema,
    platform: PlatformSchema,
    account: z
      .string()
      .check(z.minLength(1, { error: "must be the platform's non-empty account id" }), z.maxLength(256)),
    name: z.optional(z.string().check(z.maxLength(256))),
    timeZone: z.optional(TimeZoneSchema),
    capabilities: ChannelCapabilitiesSchema,
    replyWindowPolicy: z.nullable(z.string().check(z.minLength(1), z.maxLength(128))),
  }))();
