// Shared builders for the feedback tests (not a test file itself).
import {
  allowedEvents,
  openFeedback,
  transition,
  type FeedbackEventInput,
  type FeedbackEventType,
  type FeedbackItem,
  type FeedbackStatus,
  type TransitionContext,
} from "@ops/feedback";

export const T0 = 1_772_933_400_000; // 2026-03-08T01:30:00Z
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function openEvent(
  itemId = "fb_1",
  at = T0,
  extra: Partial<Extract<FeedbackEventInput, { type: "open" }>> = {},
): FeedbackEventInput {
  return {
    type: "open",
    id: `${itemId}_open`,
    itemId,
    at,
    source: { kind: "dm", interactionId: `wechat_oa:gh_3a8f:msg:${itemId}` },
    actor: { platform: "wechat_oa", scope: "gh_3a8f", userId: "oX1y2" },
    text: "收到的口红断了，外壳也裂了",
    ...extra,
  } as FeedbackEventInput;
}

/** A valid event of `type` for `item` (guards satisfied), at `at` or later when a guard needs it. */
export function validEvent(type: FeedbackEventType, item: FeedbackItem, at: number, id: string): FeedbackEventInput {
  const base = { id, itemId: item.id, at };
  switch (type) {
    case "open":
      return openEvent(item.id, at, { id });
    case "triage":
      return { ...base, type, category: "quality", priority: "high", latentNeeds: ["敏感肌洁面"] };
    case "reject":
      return { ...base, type, note: "spam" };
    case "mark_duplicate":
      return { ...base, type, duplicateOf: `${item.id}_other` };
    case "route":
      return { ...base, type, department: "quality_assurance" };
    case "assign":
      return { ...base, type, assignee: "agent_li" };
    case "start":
      return { ...base, type, assignee: "agent_li" };
    case "customer_message":
      return { ...base, type, source: { kind: "dm", interactionId: `dm_${id}` }, text: "还是有问题" };
    case "resolve":
      return { ...base, type, remedy: { kind: "exchange" }, assignee: "agent_li", note: "sent a new one" };
    case "report_back":
      return { ...base, type, via: "dm", interactionId: `out_${id}`, note: "told 王女士" };
    case "schedule_follow_up":
      return { ...base, type, dueAt: at + 3 * DAY };
    case "complete_follow_up":
      return { ...base, type, interactionId: `out_${id}` };
    case "auto_close":
      return { ...base, type, at: Math.max(at, item.autoCloseAt ?? at) };
    case "record_csat":
      return { ...base, type, score: 4 };
    default:
      return { ...base, type };
  }
}

/** Applies a valid event and returns the new item; fails the test if it was refused. */
export function apply(item: FeedbackItem, event: FeedbackEventInput, context?: TransitionContext): FeedbackItem {
  const r = transition(item, event, context);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.item;
}

/** A path of event types that leads from `new` to each state. */
export const PATHS: Record<FeedbackStatus, readonly FeedbackEventType[]> = {
  new: [],
  triaged: ["triage"],
  routed: ["triage", "route"],
  in_progress: ["triage", "route", "start"],
  waiting_customer: ["triage", "route", "start", "wait_for_customer"],
  waiting_internal: ["triage", "route", "start", "wait_for_internal"],
  resolved: ["triage", "route", "start", "resolve"],
  reported: ["triage", "route", "start", "resolve", "report_back"],
  follow_up: ["triage", "route", "start", "resolve", "report_back", "schedule_follow_up"],
  rejected: ["triage", "reject"],
  duplicate: ["triage", "mark_duplicate"],
  closed: ["triage", "route", "start", "resolve", "report_back", "schedule_follow_up", "complete_follow_up"],
};

/** An item in `status`, with its events, built by valid events an hour apart. */
export function reach(
  status: FeedbackStatus,
  itemId = "fb_1",
  context?: TransitionContext,
): { item: FeedbackItem; events: FeedbackEventInput[]; at: number } {
  const first = openEvent(itemId);
  let item = openFeedback(first).item;
  const events = [first];
  let at = T0;
  PATHS[status].forEach((type, i) => {
    at += HOUR;
    const e = validEvent(type, item, at, `${itemId}_${i}`);
    events.push(e);
    item = apply(item, e, context);
    at = item.updatedAt;
  });
  return { item, events, at };
}

export { allowedEvents };
