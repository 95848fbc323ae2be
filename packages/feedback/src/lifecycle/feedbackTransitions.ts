import { OpsError } from "@ops/core";
import type { FeedbackEventType } from "../event/feedbackEvent";
import type { FeedbackStatus } from "../item/feedbackStatus";

/** The shape of {@link FEEDBACK_TRANSITIONS}: for each state, the events it accepts and the state each leads to. */
export type FeedbackTransitionTable = {
  readonly [S in FeedbackStatus]: { readonly [E in Exclude<FeedbackEventType, "open">]?: FeedbackStatus };
};

/**
 * The feedback lifecycle as a transition table: `FEEDBACK_TRANSITIONS[state][event]` is the
 * state that `event` leads to; an event missing from a state's row is illegal there.
 * Guards that depend on the item (an assignee before `start` and `resolve`, the auto-close
 * time before `auto_close`, …) are checked by {@link transition} on top of this table.
 *
 * - Main path: `new → triaged → routed → in_progress ⇄ waiting_customer | waiting_internal
 *   → resolved → reported → follow_up → closed`; `reported → closed` by `auto_close`.
 * - Not actionable: `triaged → rejected | duplicate → closed` by `report_back` — the user is
 *   still told.
 * - Reopen: a `customer_message` moves `waiting_*`, `resolved` and `follow_up` items back
 *   to `in_progress`; staff `reopen` does so from `resolved`, `reported` and `follow_up`.
 *   On `reported` a customer message (often a thank-you) is recorded without a change, so
 *   that the auto-close clock keeps running.
 * - `closed` is final: only `record_csat` (a late survey answer) and `redact` (erasure) are
 *   accepted, and neither changes the state; a new message opens a linked item
 *   (`open` with `linkedTo`).
 * - `redact` is accepted everywhere and never changes the state.
 *
 * @example
 * ```ts
 * import { FEEDBACK_TRANSITIONS } from "@ops/feedback";
 * FEEDBACK_TRANSITIONS.resolved.report_back;
 * // => "reported"
 * "customer_message" in FEEDBACK_TRANSITIONS.closed; // a closed item does not reopen
 * // => false
 * ```
 */
export const FEEDBACK_TRANSITIONS = /* @__PURE__ */ (() =>
  Object.freeze({
    new: { triage: "triaged", customer_message: "new", redact: "new" },
    triaged: {
      reject: "rejected",
      mark_duplicate: "duplicate",
      route: "routed",
      assign: "triaged",
      customer_message: "triaged",
      redact: "triaged",
    },
    routed: { route: "routed", assign: "routed", start: "in_progress", customer_message: "routed", redact: "routed" },
    in_progress: {
      route: "routed",
      assign: "in_progress",
      wait_for_customer: "waiting_customer",
      wait_for_internal: "waiting_internal",
      resolve: "resolved",
      customer_message: "in_progress",
      redact: "in_progress",
    },
    waiting_customer: {
      resume: "in_progress",
      customer_message: "in_progress",
      assign: "waiting_customer",
      redact: "waiting_customer",
    },
    waiting_internal: {
      resume: "in_progress",
      customer_message: "in_progress",
      route: "routed",
      assign: "waiting_internal",
      redact: "waiting_internal",
    },
    resolved: { report_back: "reported", customer_message: "in_progress", reopen: "in_progress", redact: "resolved" },
    reported: {
      schedule_follow_up: "follow_up",
      auto_close: "closed",
      reopen: "in_progress",
      customer_message: "reported",
      record_csat: "reported",
      redact: "reported",
    },
    follow_up: {
      complete_follow_up: "closed",
      customer_message: "in_progress",
      reopen: "in_progress",
      record_csat: "follow_up",
      redact: "follow_up",
    },
    rejected: { report_back: "closed", customer_message: "rejected", redact: "rejected" },
    duplicate: { report_back: "closed", customer_message: "duplicate", redact: "duplicate" },
    closed: { record_csat: "closed", redact: "closed" },
  } as const satisfies FeedbackTransitionTable))();

/**
 * The events a state accepts, in the table's order (guards aside).
 *
 * @param status - a lifecycle state
 * @returns the event types that {@link FEEDBACK_TRANSITIONS} lists for it
 * @throws {OpsError} `invalid_argument` for an unknown state
 *
 * @example
 * ```ts
 * import { allowedEvents } from "@ops/feedback";
 * allowedEvents("closed");
 * // => ["record_csat", "redact"]
 * ```
 */
export function allowedEvents(status: FeedbackStatus): readonly Exclude<FeedbackEventType, "open">[] {
  // typeof first: an object key would be converted to a string (a TypeError for Object.create(null))
  const row = typeof status === "string" ? (FEEDBACK_TRANSITIONS as FeedbackTransitionTable)[status] : undefined;
  if (row === undefined || !Object.hasOwn(FEEDBACK_TRANSITIONS, status)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "allowedEvents",
      path: ["status"],
      rule: "must be a feedback status",
      received: status,
    });
  }
  return Object.keys(row) as Exclude<FeedbackEventType, "open">[];
}
