import type { FeedbackEventOf } from "../event/feedbackEvent";
import type { FeedbackItem } from "../item/feedbackItem";
import type { MutableDeep } from "./mutableDeep";

/** A fresh, mutable item from a validated `open` event (nothing shared with the event but immutable leaves). */
export function newItem(e: FeedbackEventOf<"open">): MutableDeep<FeedbackItem> {
  return {
    id: e.itemId,
    status: "new",
    openedAt: e.at,
    updatedAt: e.at,
    sources: [{ kind: e.source.kind, interactionId: e.source.interactionId, at: e.at }],
    actor: e.actor === null ? null : { ...e.actor },
    channel: e.channel === null ? null : { ...e.channel },
    text: e.text,
    linkedTo: e.linkedTo,
    category: null,
    priority: "normal",
    latentNeeds: [],
    department: null,
    assignee: null,
    dueAt: null,
    remedy: null,
    resolvedAt: null,
    replyBack: null,
    autoCloseAt: null,
    followUp: null,
    csat: null,
    duplicateOf: null,
    closedAt: null,
    reopenCount: 0,
    redactedAt: null,
    history: [e as MutableDeep<FeedbackEventOf<"open">>],
  };
}
