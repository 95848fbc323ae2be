import { parseOrThrow } from "@ops/core";
import { FeedbackEventSchema, type FeedbackEventInput } from "../event/feedbackEvent";
import type { FeedbackItem } from "../item/feedbackItem";
import { assertItem } from "../_lib/assertItem";
import { resolveContext } from "../_lib/resolveContext";
import { step } from "../_lib/step";
import type { TransitionContext } from "./transitionContext";
import type { TransitionError, TransitionResult } from "../_lib/step";
export type { TransitionErrorCode, TransitionError, TransitionOk, TransitionResult } from "../_lib/step";

/**
 * Applies one event to a feedback item: checks it against {@link FEEDBACK_TRANSITIONS} and
 * the guards, and returns the new frozen item (sharing its unchanged parts with the input)
 * with the effects to carry out, as data. The input item is never changed.
 *
 * - An event whose `id` is already in the item's history is ignored when it is the same
 *   event (deep equality of the parsed events, as {@link replay} defines it): the same item and
 *   no effects (a retried delivery is harmless). The same id with other content throws
 *   `OpsError` `conflict`: a forged or corrupted duplicate is not an ordinary refusal.
 * - An event earlier than the item's last one is refused (`out_of_order`); equal instants
 *   are accepted in arrival order.
 * - Guards: `start` and `resolve` need an assignee (`has_assignee`); `mark_duplicate` may
 *   not name the item itself; `schedule_follow_up` may not be in the past; `auto_close`
 *   only from the item's `autoCloseAt` (report-back + `autoCloseAfterDays` local days).
 * - Triage and route set `dueAt` from the event, or else from `context.deadline`.
 * - `report_back` sets `autoCloseAt`; one that would fall past the last instant
 *   (`+275760-09-13T00:00:00.000Z`) throws `OpsError` `out_of_range` on `event.at`.
 *
 * @param item - an item from {@link openFeedback}, {@link transition} or {@link replay}
 * @param event - the event (validated with {@link FeedbackEventSchema})
 * @param context - auto-close days, zone, CSAT survey switch, deadline function
 * @returns `{ ok: true, value: { item, effects } }`, or `{ ok: false, error }` with a
 *   {@link TransitionError} that lists the events allowed in the item's state
 * @throws {OpsError} `invalid_argument` for a malformed event, item or context; `conflict` for a
 *   known event id with other content; `out_of_range` for an auto-close past the last instant
 *
 * @example
 * ```ts
 * import { openFeedback, transition } from "@ops/feedback";
 * const { item } = openFeedback({ type: "open", id: "ev_1", itemId: "fb_1", at: 0, source: { kind: "dm", interactionId: "dm_1" }, actor: null });
 * const step = transition(item, { type: "triage", id: "ev_2", itemId: "fb_1", at: 60_000, category: "quality" });
 * step.ok && step.value.item.status;
 * // => "triaged"
 * const refused = transition(item, { type: "resolve", id: "ev_3", itemId: "fb_1", at: 60_000, remedy: { kind: "explanation" } });
 * refused.ok ? null : [refused.error.code, refused.error.allowed];
 * // => ["illegal_event", ["triage", "customer_message", "redact"]]
 * ```
 */
export function transition(
  item: FeedbackItem,
  event: FeedbackEventInput,
  context?: TransitionContext,
): TransitionResult {
  assertItem(item, "transition");
  const parsed = parseOrThrow(FeedbackEventSchema, event, { fn: "transition", path: ["event"] });
  return step(item, parsed, resolveContext(context, "transition"), "transition");
}
