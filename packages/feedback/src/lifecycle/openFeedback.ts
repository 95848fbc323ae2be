import { OpsError, parseOrThrow } from "@ops/core";
import { FeedbackEventSchema, type FeedbackEventInput } from "../event/feedbackEvent";
import type { FeedbackItem } from "../item/feedbackItem";
import { deepFreeze } from "../_lib/deepFreeze";
import { newItem } from "../_lib/newItem";
import type { TransitionOk } from "./transition";

/**
 * Starts a feedback item from an `open` event: feedback collected from a comment, a DM or
 * a survey answer (or a new message on a closed matter, with `linkedTo`). The item is
 * `new`, frozen, and its history holds the event.
 *
 * @param event - an `open` event (validated with {@link FeedbackEventSchema})
 * @returns the new item and its effects (none: routing and deadlines come with triage)
 * @throws {OpsError} `invalid_argument` for a malformed event or one whose type is not `open`
 *
 * @example
 * ```ts
 * import { openFeedback } from "@ops/feedback";
 * const { item } = openFeedback({
 *   type: "open", id: "ev_1", itemId: "fb_1", at: 1_772_933_400_000,
 *   source: { kind: "dm", interactionId: "wechat_oa:gh_3a8f:msg:1" },
 *   actor: { platform: "wechat_oa", scope: "gh_3a8f", userId: "oX1y2" },
 *   text: "口红断了 — the lipstick arrived broken",
 * });
 * [item.status, item.sources.length, Object.isFrozen(item)];
 * // => ["new", 1, true]
 * ```
 */
export function openFeedback(event: FeedbackEventInput): TransitionOk {
  const e = parseOrThrow(FeedbackEventSchema, event, { fn: "openFeedback", path: ["event"] });
  if (e.type !== "open") {
    throw new OpsError({
      code: "invalid_argument",
      fn: "openFeedback",
      path: ["event", "type"],
      rule: 'must be "open"',
      received: e.type,
    });
  }
  const item = deepFreeze(newItem(e)) as FeedbackItem;
  return { item, effects: [] };
}
