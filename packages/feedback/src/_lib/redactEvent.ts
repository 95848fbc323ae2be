import type { Draft } from "immer";
import type { FeedbackEvent } from "../event/feedbackEvent";

/** Nulls the personal fields of one event draft in place (inside an immer recipe). */
export function redactEventDraft(e: Draft<FeedbackEvent>): void {
  e.note = null;
  switch (e.type) {
    case "open":
      e.actor = null;
      e.text = null;
      e.source.interactionId = null;
      break;
    case "customer_message":
      e.text = null;
      e.source.interactionId = null;
      break;
    case "report_back":
    case "complete_follow_up":
      e.interactionId = null;
      break;
    default:
      break;
  }
}
