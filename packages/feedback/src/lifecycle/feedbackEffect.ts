import type { FeedbackId, Instant } from "@ops/core";
import type { Priority } from "@ops/interaction";

/** The timers an item asks its host to keep: the resolution deadline, auto-close, follow-up. */
export type FeedbackTimer = "deadline" | "auto_close" | "follow_up";

/**
 * Something the host should do after a transition, as data (the library does no I/O).
 * The host performs it and, where it leads somewhere, feeds the outcome back as an event:
 * a `notify_user` is answered by a `report_back` event once the message was sent; a timer
 * that fires becomes an `auto_close` event or a reminder.
 *
 * | type | fields | when |
 * | --- | --- | --- |
 * | `notify_user` | `reason`: `resolved` / `rejected` / `duplicate` | the user must be told (closing the loop) |
 * | `schedule_timer` | `timer`, `at` | a deadline, auto-close or follow-up date was set |
 * | `cancel_timer` | `timer` | that date no longer applies |
 * | `send_csat_survey` | `at` | the loop was closed; ask how satisfied the user is |
 * | `route_to_department` | `department`, `priority` | the item was routed |
 */
export type FeedbackEffect =
  | {
      readonly type: "notify_user";
      readonly itemId: FeedbackId;
      readonly reason: "resolved" | "rejected" | "duplicate";
    }
  | {
      readonly type: "schedule_timer";
      readonly itemId: FeedbackId;
      readonly timer: FeedbackTimer;
      readonly at: Instant;
    }
  | { readonly type: "cancel_timer"; readonly itemId: FeedbackId; readonly timer: FeedbackTimer }
  | { readonly type: "send_csat_survey"; readonly itemId: FeedbackId; readonly at: Instant }
  | {
      readonly type: "route_to_department";
      readonly itemId: FeedbackId;
      readonly department: string;
      readonly priority: Priority;
    };
