import { parseOrThrow, type FeedbackId } from "@ops/core";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import type { TransitionContext } from "../lifecycle/transitionContext";
import { replayParsed } from "./_lib/replayParsed";
import { resolveContext } from "../_lib/resolveContext";
import { FeedbackEventSchema, type FeedbackEvent, type FeedbackEventInput } from "./feedbackEvent";

const EventsSchema = /* @__PURE__ */ (() => z.array(FeedbackEventSchema))();

/**
 * Rebuilds every item of a mixed event log (an event store's stream, all items
 * interleaved): groups the events by `itemId`, keeping their order, and {@link replay}s
 * each group. Order and event ids are only checked within an item.
 *
 * @param events - events of any number of items, each item's events oldest first
 * @param context - as for {@link transition}
 * @returns the items by id, in order of first appearance
 * @throws {OpsError} as {@link replay}; the path names the item
 *
 * @example
 * ```ts
 * import { replayLog } from "@ops/feedback";
 * const open = (itemId: string, at: number) => ({ type: "open", id: `${itemId}_1`, itemId, at, source: { kind: "dm", interactionId: null }, actor: null }) as const;
 * const items = replayLog([open("fb_1", 0), open("fb_2", 5), { type: "triage", id: "fb_1_2", itemId: "fb_1", at: 9, category: "delivery" }]);
 * [...items.values()].map((item) => item.status);
 * // => ["triaged", "new"]
 * ```
 */
export function replayLog(
  events: readonly FeedbackEventInput[],
  context?: TransitionContext,
): ReadonlyMap<FeedbackId, FeedbackItem> {
  const parsed = parseOrThrow(EventsSchema, events, { fn: "replayLog", path: ["events"] });
  const ctx = resolveContext(context, "replayLog");
  const groups = new Map<FeedbackId, FeedbackEvent[]>();
  for (const event of parsed) {
    const group = groups.get(event.itemId);
    if (group) group.push(event);
    else groups.set(event.itemId, [event]);
  }
  const items = new Map<FeedbackId, FeedbackItem>();
  for (const [id, group] of groups) items.set(id, replayParsed(group, ctx, "replayLog", ["items", id]));
  return items;
}
