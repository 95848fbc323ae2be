import { err, type Failure, formatInstant, MAX_INSTANT, ok, type Result } from "@ops/core";
import type { FeedbackEvent, FeedbackEventType } from "../event/feedbackEvent";
import type { FeedbackItem } from "../item/feedbackItem";
import type { FeedbackStatus } from "../item/feedbackStatus";
import { FEEDBACK_TRANSITIONS, type FeedbackTransitionTable } from "../lifecycle/feedbackTransitions";
import type { FeedbackEffect } from "../lifecycle/feedbackEffect";
import type { ResolvedTransitionContext } from "../lifecycle/transitionContext";
import { applyEvent } from "./applyEvent";
import { eventDifference, idConflict } from "./sameEvent";

/**
 * Why an event was refused: `illegal_event` (the state does not accept it),
 * `guard_failed` (it does, but a condition on the item fails), `out_of_order` (earlier than
 * the item's last event), `wrong_item` (the event names another item).
 */
export type TransitionErrorCode = "illegal_event" | "guard_failed" | "out_of_order" | "wrong_item";

/** A refused event, as a value: the code, a message, the state, and the events that state allows. */
export interface TransitionError extends Failure<TransitionErrorCode> {
  /** The item's state when the event arrived. */
  readonly status: FeedbackStatus;
  /** The refused event's type. */
  readonly event: FeedbackEventType;
  /** The events the state accepts (see {@link FEEDBACK_TRANSITIONS}). */
  readonly allowed: readonly FeedbackEventType[];
  /** The failed guard's name for `guard_failed` (`has_assignee`, `auto_close_due`, …), else `null`. */
  readonly guard: string | null;
}

/** The new item and the effects the host should carry out. */
export interface TransitionOk {
  readonly item: FeedbackItem;
  readonly effects: readonly FeedbackEffect[];
}

/** What {@link transition} returns. */
export type TransitionResult = Result<TransitionOk, TransitionError>;

const TABLE = FEEDBACK_TRANSITIONS as FeedbackTransitionTable;

/** A guard: `null` when the event may proceed, else the guard's name and why it failed. */
type Guard = (item: FeedbackItem, event: FeedbackEvent) => readonly [name: string, message: string] | null;

const hasAssignee: Guard = (item, e) =>
  item.assignee !== null || ("assignee" in e && e.assignee !== undefined)
    ? null
    : ["has_assignee", `"${e.type}" needs an assignee: assign one first or pass "assignee" in the event`];

const GUARDS: { readonly [E in FeedbackEventType]?: Guard } = {
  start: hasAssignee,
  resolve: hasAssignee,
  mark_duplicate: (item, e) =>
    e.type === "mark_duplicate" && e.duplicateOf === item.id
      ? ["not_self_duplicate", "an item cannot be a duplicate of itself"]
      : null,
  schedule_follow_up: (_item, e) =>
    e.type === "schedule_follow_up" && e.dueAt < e.at
      ? ["follow_up_in_future", "the follow-up date must not be before the event"]
      : null,
  // written so that an autoCloseAt that is not an instant (NaN from a stored item) refuses, never admits
  auto_close: (item, e) =>
    item.autoCloseAt !== null && e.at >= item.autoCloseAt
      ? null
      : ["auto_close_due", `auto-close is only due at ${instantText(item.autoCloseAt)}`],
};

function instantText(t: number | null): string {
  return t === null ? "(never)" : Number.isInteger(t) && Math.abs(t) <= MAX_INSTANT ? formatInstant(t) : String(t);
}

/** The item fields the checks read; a frozen item or the private working copy of one. */
type Checked = Pick<FeedbackItem, "id" | "status" | "updatedAt" | "assignee" | "autoCloseAt">;

/**
 * Checks an event against an item (not its id history): item, order, table, guards.
 * Returns the target state, or the refusal.
 */
export function decide(
  item: Checked,
  event: FeedbackEvent,
  fn: string,
): { ok: true; to: FeedbackStatus } | { ok: false; error: TransitionError } {
  const status = item.status;
  const row = TABLE[status];
  const fail = (code: TransitionErrorCode, message: string, guard: string | null = null) => ({
    ok: false as const,
    error: {
      code,
      path: ["event"],
      message: `${fn}: ${message}`,
      status,
      event: event.type,
      allowed: Object.keys(row) as FeedbackEventType[],
      guard,
    },
  });
  if (event.itemId !== item.id)
    return fail("wrong_item", `event ${event.id} is for item ${event.itemId}, not ${item.id}`);
  if (event.at < item.updatedAt) {
    return fail(
      "out_of_order",
      `event ${event.id} at ${formatInstant(event.at)} is earlier than the item's last event at ${formatInstant(item.updatedAt)}`,
    );
  }
  const to: FeedbackStatus | undefined = event.type === "open" ? undefined : row[event.type];
  if (to === undefined) {
    const hint =
      status === "closed" && event.type === "customer_message"
        ? " (closed is final: open a new item with linkedTo)"
        : "";
    return fail(
      "illegal_event",
      `event "${event.type}" is not allowed in state "${status}"${hint}; allowed: ${Object.keys(row).join(", ")}`,
    );
  }
  const guard = GUARDS[event.type]?.(item as FeedbackItem, event);
  if (guard) return fail("guard_failed", `guard ${guard[0]} failed in state "${status}": ${guard[1]}`, guard[0]);
  return { ok: true, to };
}

/**
 * One lifecycle step on a validated event: idempotent on a known event id with the same
 * content (a `conflict` with other content), then {@link decide}, then the update.
 */
export function step(
  item: FeedbackItem,
  event: FeedbackEvent,
  context: ResolvedTransitionContext,
  fn: string,
): TransitionResult {
  const known = item.history.findIndex((h) => h.id === event.id);
  if (known >= 0) {
    const diff = eventDifference(event, item.history[known] as FeedbackEvent, item.redactedAt !== null);
    if (diff !== null) throw idConflict(fn, ["event"], event.id, ["item", "history", known], diff);
    return ok({ item, effects: [] });
  }
  const decision = decide(item, event, fn);
  if (!decision.ok) return err(decision.error);
  return ok(applyEvent(item, event, decision.to, context, fn, ["event"]));
}
