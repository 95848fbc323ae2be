import type { FeedbackEvent } from "../event/feedbackEvent";
import type { MutableDeep } from "./mutableDeep";

/** Nulls the personal fields of one event of a private working copy, in place. */
export function redactEventDraft(e: MutableDeep<FeedbackEvent>): void {
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
