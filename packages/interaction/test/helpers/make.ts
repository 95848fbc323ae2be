import type { ActorRef } from "@ops/core";
import type { Interaction, InteractionInput } from "@ops/interaction";
import { InteractionSchema } from "@ops/interaction";

export const user: ActorRef = { platform: "wechat_oa", scope: "gh_3a8f1c2d9e7b", userId: "oX1y2Z3" };
export const user2: ActorRef = { platform: "wechat_oa", scope: "gh_3a8f1c2d9e7b", userId: "oQ9w8E7" };
export const brand: ActorRef = { platform: "wechat_oa", scope: "gh_3a8f1c2d9e7b", userId: "gh_3a8f1c2d9e7b" };

/** A validated interaction with sensible defaults (an inbound private DM from `user`). */
export function ix(partial: Partial<InteractionInput> & { id: string; platformCreatedAt: number }): Interaction {
  return InteractionSchema.parse({
    channelId: "ch_wx",
    kind: "dm",
    direction: "in",
    visibility: "private",
    actor: user,
    receivedAt: partial.platformCreatedAt,
    ...partial,
  });
}

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const T0 = Date.UTC(2026, 2, 8, 1, 0); // 2026-03-08T01:00Z = 09:00 in Shanghai
