import * as z from "zod/mini";

/**
 * Schema of a {@link FeedbackStatus}: the states of the feedback lifecycle.
 *
 * `new → triaged → routed → in_progress ⇄ waiting_customer | waiting_internal → resolved →
 * reported → follow_up → closed`, and `triaged → rejected | duplicate → closed`. `closed`
 * is final. See {@link FEEDBACK_TRANSITIONS} for every arrow.
 *
 * @example
 * ```ts
 * import { FeedbackStatusSchema } from "@ops/feedback";
 * FeedbackStatusSchema.options.length;
 * // => 12
 * FeedbackStatusSchema.safeParse("reported").success;
 * // => true
 * ```
 */
export const FeedbackStatusSchema = /* @__PURE__ */ (() =>
  z.enum([
    "new",
    "triaged",
    "routed",
    "in_progress",
    "waiting_customer",
    "waiting_internal",
    "resolved",
    "reported",
    "follow_up",
    "rejected",
    "duplicate",
    "closed",
  ]))();

/** A state of the feedback lifecycle; see {@link FeedbackStatusSchema}. */
export type FeedbackStatus = z.output<typeof FeedbackStatusSchema>;
