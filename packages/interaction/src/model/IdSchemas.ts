import type * as z from "zod/mini";
import type { ActorId, CampaignId, ChannelId, InteractionId, ThreadId } from "@ops/core";
import { brandedId } from "./_lib/brandedId";

/**
 * Schema of an {@link ActorId}: core's `IdSchema` (1–256 characters, no control
 * characters), typed as the branded id.
 *
 * @example
 * ```ts
 * import { ActorIdSchema } from "@ops/interaction";
 * ActorIdSchema.parse("act_7f3k");
 * // => "act_7f3k"
 * ```
 */
export const ActorIdSchema: z.ZodMiniType<ActorId, string> = /* @__PURE__ */ brandedId<"actor">();

/**
 * Schema of a {@link ChannelId}.
 *
 * @example
 * ```ts
 * import { ChannelIdSchema } from "@ops/interaction";
 * ChannelIdSchema.safeParse("").success;
 * // => false
 * ```
 */
export const ChannelIdSchema: z.ZodMiniType<ChannelId, string> = /* @__PURE__ */ brandedId<"channel">();

/**
 * Schema of an {@link InteractionId}. Adapters derive interaction ids from the platform's
 * own ids (`wechat_oa:gh_3a8f:msg:22541386101`), so that a retried webhook yields the same id.
 *
 * @example
 * ```ts
 * import { InteractionIdSchema } from "@ops/interaction";
 * InteractionIdSchema.safeParse("weibo:1669879400:comment:4934811").success;
 * // => true
 * ```
 */
export const InteractionIdSchema: z.ZodMiniType<InteractionId, string> = /* @__PURE__ */ brandedId<"interaction">();

/**
 * Schema of a {@link ThreadId}.
 *
 * @example
 * ```ts
 * import { ThreadIdSchema } from "@ops/interaction";
 * ThreadIdSchema.safeParse("thr_1").success;
 * // => true
 * ```
 */
export const ThreadIdSchema: z.ZodMiniType<ThreadId, string> = /* @__PURE__ */ brandedId<"thread">();

/**
 * Schema of a {@link CampaignId} (a lucky draw, quiz or contest an interaction enters).
 *
 * @example
 * ```ts
 * import { CampaignIdSchema } from "@ops/interaction";
 * CampaignIdSchema.safeParse("cmp_spring").success;
 * // => true
 * ```
 */
export const CampaignIdSchema: z.ZodMiniType<CampaignId, string> = /* @__PURE__ */ brandedId<"campaign">();
