import { addLocalDays, type ErrorPath, formatInstant, MAX_INSTANT, OpsError } from "@ops/core";
import type { FeedbackEvent } from "../event/feedbackEvent";
import type { FeedbackItem } from "../item/feedbackItem";
import type { FeedbackStatus } from "../item/feedbackStatus";
import type { FeedbackEffect } from "../lifecycle/feedbackEffect";
import type { ResolvedTransitionContext } from "../lifecycle/transitionContext";
import { deepFreeze } from "./deepFreeze";
import type { MutableDeep } from "./mutableDeep";
import { redactEventDraft } from "./redactEvent";

type Item = MutableDeep<FeedbackItem>;
const WORK_STOPPED: ReadonlySet<FeedbackStatus> = new Set(["resolved", "reported", "follow_up"]);

/**
 * Applies an event that the table and the guards already accepted: the new (frozen) item
 * and the effects. `fn` names the public caller and `where` the event in its errors. The
 * input item is not changed: the update runs on a copy of the parts the event changes
 * ({@link draftFor}), and the new item shares every other part with it (structural sharing,
 * as immer's `produce` does).
 */
export function applyEvent(
  item: FeedbackItem,
  event: FeedbackEvent,
  to: FeedbackStatus,
  context: ResolvedTransitionContext,
  fn: string,
  where: ErrorPath,
): { item: FeedbackItem; effects: FeedbackEffect[] } {
  const effects: FeedbackEffect[] = [];
  const d = draftFor(item, event);
  applyToDraft(d, event, to, context, fn, effects, where);
  return { item: deepFreeze(d) as FeedbackItem, effects };
}

/**
 * A working copy of `item` for `event`: a new top-level object and history array, plus new
 * copies of exactly the nested parts that {@link applyToDraft} writes into for this event
 * type (sources, follow-up, reply-back, history events); everything else is shared.
 */
function draftFor(item: FeedbackItem, event: FeedbackEvent): Item {
  const d = { ...item, history: [...item.history] } as Item;
  switch (event.type) {
    case "customer_message":
      d.sources = [...d.sources];
      break;
    case "complete_follow_up":
      if (d.followUp) d.followUp = { ...d.followUp };
      break;
    case "redact":
      d.sources = d.sources.map((s) => ({ ...s }));
      if (d.replyBack) d.replyBack = { ...d.replyBack };
      d.history = d.history.map((e) => ("source" in e ? { ...e, source: { ...e.source } } : { ...e }));
      break;
    default:
      break;
  }
  return d;
}

/** The change itself, in place, on a private working copy (`applyEvent`) or a private item (`replay`). */
export function applyToDraft(
  d: Item,
  event: FeedbackEvent,
  to: FeedbackStatus,
  context: ResolvedTransitionContext,
  fn: string,
  effects: FeedbackEffect[],
  where: ErrorPath,
): void {
  const from = d.status;
  d.status = to;
  d.updatedAt = event.at;
  update(d, event, from, to, context, effects, fn, where);
  if (event.type === "redact") {
    for (const e of d.history) redactEventDraft(e);
  }
  d.history.push(event as Item["history"][number]);
  // Deadline: from the event when it carries one, else from the injected policy.
  if (event.type === "triage" || event.type === "route") {
    let dueAt = event.dueAt;
    if (dueAt === undefined && context.deadline !== undefined)
      dueAt = checkedDeadline(context.deadline(d as FeedbackItem, event.at), fn);
    if (dueAt !== undefined && dueAt !== d.dueAt) {
      d.dueAt = dueAt;
      effects.push(
        dueAt === null
          ? { type: "cancel_timer", itemId: d.id, timer: "deadline" }
          : { type: "schedule_timer", itemId: d.id, timer: "deadline", at: dueAt },
      );
    }
  }
}

function update(
  d: Item,
  e: FeedbackEvent,
  from: FeedbackStatus,
  to: FeedbackStatus,
  ctx: ResolvedTransitionContext,
  fx: FeedbackEffect[],
  fn: string,
  where: ErrorPath,
): void {
  const itemId = d.id;
  const stopDeadline = (): void => {
    if (d.dueAt !== null) fx.push({ type: "cancel_timer", itemId, timer: "deadline" });
  };
  switch (e.type) {
    case "open":
      return;
    case "triage":
      d.category = e.category;
      d.priority = e.priority;
      d.latentNeeds = [...e.latentNeeds];
      return;
    case "reject":
      stopDeadline();
      fx.push({ type: "notify_user", itemId, reason: "rejected" });
      return;
    case "mark_duplicate":
      d.duplicateOf = e.duplicateOf;
      stopDeadline();
      fx.push({ type: "notify_user", itemId, reason: "duplicate" });
      return;
    case "route":
      d.department = e.department;
      if (e.priority !== undefined) d.priority = e.priority;
      fx.push({ type: "route_to_department", itemId, department: e.department, priority: d.priority });
      return;
    case "assign":
      d.assignee = e.assignee;
      return;
    case "start":
    case "resolve":
      if (e.assignee !== undefined) d.assignee = e.assignee;
      if (e.type === "resolve") {
        d.remedy = { ...e.remedy };
        d.resolvedAt = e.at;
        stopDeadline();
        fx.push({ type: "notify_user", itemId, reason: "resolved" });
      }
      return;
    case "wait_for_customer":
    case "wait_for_internal":
    case "resume":
      return;
    case "redact":
      d.actor = null;
      d.text = null;
      for (const s of d.sources) s.interactionId = null;
      if (d.replyBack) d.replyBack.interactionId = null;
      d.redactedAt = e.at;
      return;
    case "customer_message":
      d.sources.push({ kind: e.source.kind, interactionId: e.source.interactionId, at: e.at });
      if (WORK_STOPPED.has(from) && to === "in_progress") reopen(d, from, fx);
      return;
    case "reopen":
      reopen(d, from, fx);
      return;
    case "report_back":
      d.replyBack = { at: e.at, via: e.via, interactionId: e.interactionId };
      if (to === "closed") {
        d.closedAt = e.at;
        return;
      }
      d.autoCloseAt = autoCloseAt(e.at, ctx, fn, where);
      fx.push({ type: "schedule_timer", itemId, timer: "auto_close", at: d.autoCloseAt });
      if (ctx.csatSurvey) fx.push({ type: "send_csat_survey", itemId, at: e.at });
      return;
    case "schedule_follow_up":
      d.followUp = { dueAt: e.dueAt, doneAt: null };
      fx.push({ type: "cancel_timer", itemId, timer: "auto_close" });
      fx.push({ type: "schedule_timer", itemId, timer: "follow_up", at: e.dueAt });
      return;
    case "complete_follow_up":
      if (d.followUp) d.followUp.doneAt = e.at;
      d.closedAt = e.at;
      return;
    case "auto_close":
      d.closedAt = e.at;
      return;
    case "record_csat":
      d.csat = { score: e.score, scale: e.scale, at: e.at };
      return;
  }
}

/** Work had stopped (resolved, reported, follow-up); the matter is open again. */
function reopen(d: Item, from: FeedbackStatus, fx: FeedbackEffect[]): void {
  const itemId = d.id;
  if (from === "reported") fx.push({ type: "cancel_timer", itemId, timer: "auto_close" });
  if (from === "follow_up") fx.push({ type: "cancel_timer", itemId, timer: "follow_up" });
  d.resolvedAt = null;
  d.replyBack = null;
  d.autoCloseAt = null;
  d.followUp = null;
  d.reopenCount += 1;
  if (d.dueAt !== null) fx.push({ type: "schedule_timer", itemId, timer: "deadline", at: d.dueAt });
}

const UTC_ZONES: ReadonlySet<string> = new Set(["UTC", "Etc/UTC"]);

/**
 * `at` plus the auto-close days in the context's zone; UTC skips the zone machinery (a hot
 * path in replay). A report-back so near the last instant that the auto-close would fall
 * past it is refused (`out_of_range`): an auto-close time that is not an instant would
 * otherwise let an `auto_close` through at once.
 */
function autoCloseAt(at: number, ctx: ResolvedTransitionContext, fn: string, where: ErrorPath): number {
  const days = ctx.autoCloseAfterDays;
  let cause: unknown;
  try {
    const t = UTC_ZONES.has(ctx.timeZone) ? at + days * 86_400_000 : addLocalDays(at, ctx.timeZone, days);
    if (Math.abs(t) <= MAX_INSTANT) return t;
  } catch (error) {
    cause = error; // out_of_range: instant, zone and days were checked before
  }
  throw new OpsError({
    code: "out_of_range",
    fn,
    path: [...where, "at"],
    rule: `must leave room for the auto-close ${days} local days later in ${ctx.timeZone}, within ±8.64e15 epoch milliseconds (up to +275760-09-13T00:00:00.000Z)`,
    received: formatInstant(at),
    cause,
  });
}

function checkedDeadline(value: unknown, fn: string): number | null {
  if (value === null) return null;
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 8.64e15) return value;
  throw new OpsError({
    code: "invalid_argument",
    fn,
    path: ["context", "deadline"],
    rule: "must return an integer Instant or null",
    received: value,
  });
}
