import { OpsError, type OpsErrorCode } from "@ops/core";
import type { FeedbackEvent } from "../event/feedbackEvent";
import type { FeedbackItem } from "../item/feedbackItem";
import { openFeedback } from "../lifecycle/openFeedback";
import type { ResolvedTransitionContext } from "../lifecycle/transitionContext";
import { step } from "./step";

const CODE: Record<string, OpsErrorCode> = { out_of_order: "out_of_order", wrong_item: "conflict", illegal_event: "illegal_state", guard_failed: "illegal_state" };

/** Replays validated events; `path` prefixes error paths (for {@link replayLog}). */
export function replayParsed(
  events: readonly FeedbackEvent[],
  context: ResolvedTransitionContext,
  fn: string,
  path: readonly (string | number)[],
): FeedbackItem {
  const first = events[0];
  if (first === undefined || first.type !== "open") {
    throw new OpsError({ code: "invalid_argument", fn, path: [...path, "events", 0, "type"], rule: 'must be "open": a log starts with the event that opened the item', received: first?.type });
  }
  let item = openFeedback(first).item;
  const seen = new Set<string>([first.id]);
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as FeedbackEvent;
    if (seen.has(event.id)) continue;
    const result = step(item, event, context, fn, seen);
    if (!result.ok) {
      const { code, message } = result.error;
      throw new OpsError({ code: CODE[code] ?? "illegal_state", fn, path: [...path, "events", i], rule: message.replace(`${fn}: `, "") });
    }
    item = result.value.item;
    seen.add(event.id);
  }
  return item;
}
