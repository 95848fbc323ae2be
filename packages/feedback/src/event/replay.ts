import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import type { TransitionContext } from "../lifecycle/transitionContext";
import { resolveContext } from "../_lib/resolveContext";
import { replayParsed } from "./_lib/replayParsed";
import { FeedbackEventSchema, type FeedbackEventInput } from "./feedbackEvent";

const EventsSchema = /* @__PURE__ */ (() => z.array(FeedbackEventSchema))();

/**
 * Rebuilds a feedback item from its event log (event sourcing): the first event must be
 * `open`, the others are applied in order with {@link transition}'s rules. Replaying the
 * events that built an item gives an equal item, and `replay(item.history)` gives the item
 * back — also after erasure, since `redact` rewrites the history it keeps.
 *
 * - Every event is kept in `history`; an event whose `id` was already applied is skipped
 *   (idempotent) when it is the same event — deep equality of the parsed events (defaults
 *   filled in, unknown keys dropped; after erasure, of their erased forms). The same id with
 *   other content is a forged or corrupted duplicate: `OpsError` `conflict` naming both
 *   positions, and no item is returned, whichever of the two comes first.
 * - An event earlier than the one before it is refused: `OpsError` `out_of_order`.
 * - An event the lifecycle refuses makes the log invalid: `OpsError` `illegal_state`,
 *   whose message lists the events the state allows.
 * - A `report_back` whose auto-close (`autoCloseAfterDays` local days later) would fall
 *   past the last instant, `+275760-09-13T00:00:00.000Z`, is refused: `OpsError` `out_of_range`.
 *
 * @param events - one item's events, oldest first
 * @param context - as for {@link transition}; pass the one the events were first applied with
 * @returns the item as of the last event (frozen)
 * @throws {OpsError} `invalid_argument` (malformed event, empty log, first event not `open`),
 *   `out_of_order`, `illegal_state`, `conflict` (events of several items, or one id with two contents),
 *   `out_of_range` (an auto-close past the last instant)
 *
 * @example
 * ```ts
 * import { replay } from "@ops/feedback";
 * const open = { type: "open", id: "ev_1", itemId: "fb_1", at: 0, source: { kind: "comment", interactionId: "c_1" }, actor: null } as const;
 * const triage = { type: "triage", id: "ev_2", itemId: "fb_1", at: 1000, category: "packaging" } as const;
 * const item = replay([open, triage, triage]);
 * [item.status, item.history.length];
 * // => ["triaged", 2]
 * ```
 */
export function replay(events: readonly FeedbackEventInput[], context?: TransitionContext): FeedbackItem {
  const parsed = parseOrThrow(EventsSchema, events, { fn: "replay", path: ["events"] });
  return replayParsed(parsed, resolveContext(context, "replay"), "replay", []);
}
