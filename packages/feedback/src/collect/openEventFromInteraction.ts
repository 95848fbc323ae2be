import { IdSchema, OpsError, parseOrThrow, type ChannelRef, type FeedbackId } from "@ops/core";
import { InteractionSchema, type InteractionInput, type InteractionKind } from "@ops/interaction";
import type { FeedbackEventOf } from "../event/feedbackEvent";
import type { FeedbackSource } from "../item/feedbackSource";

/** Which feedback source an interaction kind is: public comments and replies are `comment`, private messages `dm`. */
const SOURCE_KIND: Partial<Record<InteractionKind, FeedbackSource["kind"]>> = {
  comment: "comment",
  reply: "comment",
  mention: "comment",
  quote: "comment",
  dm: "dm",
};

/** Ids and extras for {@link openEventFromInteraction}. */
export interface OpenEventFromInteractionOptions {
  /** The new item's id. */
  readonly itemId: FeedbackId | string;
  /** The `open` event's id; default `"<itemId>:open"`. */
  readonly eventId?: string;
  /** The brand account it arrived on (interactions carry a channel id, not the account). */
  readonly channel?: ChannelRef;
  /** The closed item this one continues. */
  readonly linkedTo?: FeedbackId | string;
}

/**
 * Promotes an inbound `@ops/interaction` interaction — a comment with a suggestion, a DM
 * with a complaint — into the `open` event of a tracked feedback item: source kind
 * (`comment` for comments, replies, mentions and quotes; `dm` for private messages;
 * `other` for the rest), interaction id, actor, text, and the platform's time of writing
 * (`platformCreatedAt`). Feed it to {@link openFeedback}.
 *
 * @param interaction - an inbound interaction (validated with `InteractionSchema`)
 * @param options - `itemId` (required), `eventId`, `channel`, `linkedTo`
 * @returns the `open` event
 * @throws {OpsError} `invalid_argument` for a malformed interaction or ids, or one that is not inbound (`direction: "in"`)
 *
 * @example
 * ```ts
 * import { openEventFromInteraction, openFeedback } from "@ops/feedback";
 * const event = openEventFromInteraction({
 *   id: "weibo:1669879400:comment:4934811", channelId: "ch_weibo", kind: "comment", direction: "in", visibility: "public",
 *   actor: { platform: "weibo", userId: "5012345678" }, content: { text: "包装能不能做成可回收的？" },
 *   platformCreatedAt: 1_772_933_400_000, receivedAt: 1_772_933_401_000,
 * }, { itemId: "fb_9" });
 * [event.source, event.at, openFeedback(event).item.text];
 * // => [{ kind: "comment", interactionId: "weibo:1669879400:comment:4934811" }, 1_772_933_400_000, "包装能不能做成可回收的？"]
 * ```
 */
export function openEventFromInteraction(
  interaction: InteractionInput,
  options: OpenEventFromInteractionOptions,
): FeedbackEventOf<"open"> {
  const fn = "openEventFromInteraction";
  const i = parseOrThrow(InteractionSchema, interaction, { fn, path: ["interaction"] });
  if (i.direction !== "in") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["interaction", "direction"],
      rule: 'must be "in": only what a user sent becomes feedback',
      received: i.direction,
    });
  }
  const itemId = parseOrThrow(IdSchema, options?.itemId, { fn, path: ["options", "itemId"] }) as FeedbackId;
  const id = parseOrThrow(IdSchema, options.eventId ?? `${itemId}:open`, { fn, path: ["options", "eventId"] });
  return {
    type: "open",
    id,
    itemId,
    at: i.platformCreatedAt,
    by: null,
    note: null,
    source: { kind: SOURCE_KIND[i.kind] ?? "other", interactionId: i.id },
    actor: i.actor,
    channel: options.channel ?? null,
    text: i.content?.text ?? null,
    linkedTo:
      options.linkedTo === undefined
        ? null
        : (parseOrThrow(IdSchema, options.linkedTo, { fn, path: ["options", "linkedTo"] }) as FeedbackId),
  };
}
