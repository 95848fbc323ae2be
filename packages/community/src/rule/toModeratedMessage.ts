import { actorKey, parseOrThrow } from "@ops/core";
import { InteractionSchema, type InteractionInput } from "@ops/interaction";
import type { ModeratedMessage } from "./Rule";

/**
 * Turns an `@ops/interaction` {@link InteractionInput} (a group message, comment or DM)
 * into the message {@link evaluate} judges: its id, the author's `actorKey`, the text (""
 * when there is none) and the platform's creation time. The same mapping gives the
 * `recent` messages of a flooding check.
 *
 * @param interaction - an interaction, validated with `InteractionSchema`
 * @returns a fresh {@link ModeratedMessage}
 * @throws {OpsError} `invalid_argument` for an interaction that breaks its schema
 *
 * @example
 * ```ts
 * import { toModeratedMessage } from "@ops/community";
 * const comment = {
 *   id: "qq:g1:m77", channelId: "ch_qq", kind: "comment", direction: "in", visibility: "public",
 *   actor: { platform: "qq", scope: "g1", userId: "42" }, content: { text: "加微信 abc_123" },
 *   platformCreatedAt: 1000, receivedAt: 1200,
 * } as const;
 * toModeratedMessage(comment);
 * // => { id: "qq:g1:m77", actor: "qq:g1:42", text: "加微信 abc_123", at: 1000 }
 * ```
 */
export function toModeratedMessage(interaction: InteractionInput): ModeratedMessage {
  const i = parseOrThrow(InteractionSchema, interaction, { fn: "toModeratedMessage", path: ["interaction"] });
  return { id: i.id, actor: actorKey(i.actor), text: i.content?.text ?? "", at: i.platformCreatedAt };
}
