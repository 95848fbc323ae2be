import { OpsError, type OpsErrorCode } from "@ops/core";
import type { FeedbackEvent } from "../feedbackEvent";
import type { FeedbackItem } from "../../item/feedbackItem";
import type { ResolvedTransitionContext } from "../../lifecycle/transitionContext";
import type { FeedbackEffect } from "../../lifecycle/feedbackEffect";
import { applyToDraft } from "../../_lib/applyEvent";
import { deepFreeze } from "../../_lib/deepFreeze";
import { newItem } from "../../_lib/newItem";
import { eventDifference, idConflict } from "../../_lib/sameEvent";
import { decide } from "../../_lib/step";

const CODE: Record<string, OpsErrorCode> = {
  out_of_order: "out_of_order",
  wrong_item: "conflict",
  illegal_event: "illegal_state",
  guard_failed: "illegal_state",
};

/** Replays validated events; `path` prefixes error paths (for {@link replayLog}). */
export function replayParsed(
  events: readonly FeedbackEvent[],
  context: ResolvedTransitionContext,
  fn: string,
  path: readonly (string | number)[],
): FeedbackItem {
  const first = events[0];
  if (first === undefined || first.type !== "open") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: [...path, "events", 0, "type"],
      rule: 'must be "open": a log starts with the event that opened the item',
      received: first?.type,
    });
  }
  const seen = new Map<string, number>([[first.id, 0]]); // id → index of the event applied with it
  const effects: FeedbackEffect[] = []; // computed, then dropped: a replay re-does no side effects
  // The item is private to this call until it is returned, so it is updated in place with the
  // same checks and updates as `transition` (no copy-on-write), then frozen once.
  const item = newItem(first);
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as FeedbackEvent;
    const known = seen.get(event.id);
    if (known !== undefined) {
      // the stored event may have been erased in place by a later redact: the comparison allows for it
      const diff = eventDifference(event, events[known] as FeedbackEvent, item.redactedAt !== null);
      if (diff !== null) throw idConflict(fn, [...path, "events", i], event.id, [...path, "events", known], diff);
      continue;
    }
    const decision = decide(item, event, fn);
    if (!decision.ok) {
      const { code, message } = decision.error;
      throw new OpsError({
        code: CODE[code] ?? "illegal_state",
        fn,
        path: [...path, "events", i],
        rule: message.replace(`${fn}: `, ""),
      });
    }
    applyToDraft(item, event, decision.to, context, fn, effects, [...path, "events", i]);
    effects.length = 0;
    seen.set(event.id, i);
  }
  return deepFreeze(item) as FeedbackItem;
}
