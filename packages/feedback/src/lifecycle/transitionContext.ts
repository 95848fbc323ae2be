import * as z from "zod/mini";
import { TimeZoneSchema, type Instant, type TimeZone } from "@ops/core";
import type { FeedbackItem } from "../item/feedbackItem";

/**
 * Computes an item's resolution deadline when it is triaged or routed, or returns `null`
 * for none. Typically built from an `@ops/sla` policy chosen by category, priority and
 * department; it must be pure.
 */
export type DeadlineFn = (item: FeedbackItem, at: Instant) => Instant | null;

/**
 * Schema of a {@link TransitionContext}: the settings shared by {@link transition},
 * {@link replay} and {@link replayLog}.
 *
 * @example
 * ```ts
 * import { TransitionContextSchema } from "@ops/feedback";
 * TransitionContextSchema.parse({});
 * // => { autoCloseAfterDays: 7, timeZone: "UTC", csatSurvey: true }
 * TransitionContextSchema.safeParse({ autoCloseAfterDays: -1 }).success;
 * // => false
 * ```
 */
export const TransitionContextSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Days after report-back at which `auto_close` may close a `reported` item. Default 7. */
    autoCloseAfterDays: z._default(
      z.int({ error: "must be an integer" }).check(z.minimum(0, { error: "must be ≥ 0" }), z.maximum(3650)),
      7,
    ),
    /** Zone whose calendar days `autoCloseAfterDays` counts (DST-aware). Default `"UTC"`. */
    timeZone: z._default(TimeZoneSchema, "UTC"),
    /** Whether report-back asks for a CSAT survey (a `send_csat_survey` effect). Default `true`. */
    csatSurvey: z._default(z.boolean(), true),
    /** Deadline for triaged/routed items when the event carries no `dueAt`. */
    deadline: z.optional(
      z.custom<DeadlineFn>((v) => typeof v === "function", {
        error: "must be a function (item, at) => Instant | null",
      }),
    ),
  }))();

/** Settings of {@link transition}, {@link replay} and {@link replayLog}; every field is optional. */
export interface TransitionContext {
  readonly autoCloseAfterDays?: number;
  readonly timeZone?: TimeZone;
  readonly csatSurvey?: boolean;
  readonly deadline?: DeadlineFn;
}

/** A {@link TransitionContext} with its defaults filled in. */
export type ResolvedTransitionContext = z.output<typeof TransitionContextSchema>;
