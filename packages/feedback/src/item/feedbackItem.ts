import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { ActorRefSchema, ChannelRefSchema, IdSchema, InstantSchema, type FeedbackId } from "@ops/core";
import { InteractionIdSchema, PrioritySchema } from "@ops/interaction";
import { FeedbackEventSchema } from "../event/feedbackEvent";
import { FeedbackSourceSchema } from "./feedbackSource";
import { FeedbackStatusSchema } from "./feedbackStatus";
import { RemedySchema } from "./remedy";

/**
 * Schema of a {@link FeedbackId}: core's `IdSchema`, typed as the branded id.
 *
 * @example
 * ```ts
 * import { FeedbackIdSchema } from "@ops/feedback";
 * FeedbackIdSchema.safeParse("fb_1").success;
 * // => true
 * ```
 */
export const FeedbackIdSchema = IdSchema as unknown as z.ZodMiniType<FeedbackId, string>;

/**
 * Schema of a {@link FeedbackItem}: the state of one piece of feedback, as rebuilt from its
 * events. Use it to check an item read back from storage; inside the library items are
 * only made by {@link openFeedback}, {@link transition} and {@link replay}.
 *
 * Personal data live in `actor`, `channel`, `text`, the `interactionId`s of `sources`,
 * `replyBack` and the history, and in staff `note`s; erasure ({@link transition} with a
 * `redact` event) sets them to `null` and keeps everything else, so that counts, times and
 * CSAT stay computable.
 *
 * @example
 * ```ts
 * import { FeedbackItemSchema, openFeedback } from "@ops/feedback";
 * const { item } = openFeedback({ type: "open", id: "ev_1", itemId: "fb_1", at: 0, source: { kind: "dm", interactionId: "dm_1" }, actor: null });
 * FeedbackItemSchema.safeParse(item).success;
 * // => true
 * ```
 */
export const FeedbackItemSchema = /* @__PURE__ */ (() =>
  z.object({
    id: FeedbackIdSchema,
    status: FeedbackStatusSchema,
    /** When the first event (`open`) happened. */
    openedAt: InstantSchema,
    /** When the last applied event happened; events earlier than this are out of order. */
    updatedAt: InstantSchema,
    /** Interactions the feedback came from, in order: the opening one, then later user messages. */
    sources: z.array(FeedbackSourceSchema),
    actor: z.nullable(ActorRefSchema),
    channel: z.nullable(ChannelRefSchema),
    /** The user's words from the opening interaction. */
    text: z.nullable(z.string()),
    /** The closed item this one continues (a new message on a closed matter opens a linked item). */
    linkedTo: z.nullable(FeedbackIdSchema),
    category: z.nullable(z.string()),
    priority: PrioritySchema,
    /** Needs the user expressed that product teams should hear of (e.g. "cleanser for sensitive skin"). */
    latentNeeds: z.array(z.string()),
    department: z.nullable(z.string()),
    assignee: z.nullable(z.string()),
    /** Resolution deadline (from an `@ops/sla` policy or the events); `null` when there is none. */
    dueAt: z.nullable(InstantSchema),
    remedy: z.nullable(RemedySchema),
    /** When the item was last resolved; cleared by a reopen. */
    resolvedAt: z.nullable(InstantSchema),
    /** The reply-back record: when and how the user was told. */
    replyBack: z.nullable(
      z.object({
        at: InstantSchema,
        via: z.enum(["dm", "comment", "phone", "email", "sms", "other"]),
        interactionId: z.nullable(InteractionIdSchema),
      }),
    ),
    /** When a `reported` item may be closed by `auto_close`. */
    autoCloseAt: z.nullable(InstantSchema),
    followUp: z.nullable(z.object({ dueAt: InstantSchema, doneAt: z.nullable(InstantSchema) })),
    csat: z.nullable(z.object({ score: z.int(), scale: z.int(), at: InstantSchema })),
    duplicateOf: z.nullable(FeedbackIdSchema),
    closedAt: z.nullable(InstantSchema),
    /** How many times a customer message or staff reopened the item after work had stopped. */
    reopenCount: z.int().check(z.nonnegative()),
    /** When personal data were erased; `null` if never. */
    redactedAt: z.nullable(InstantSchema),
    /** Every applied event, in order (duplicates are not repeated). */
    history: z.array(FeedbackEventSchema),
  }))();

/** The state of one feedback item (deeply read-only; returned items are frozen). */
export type FeedbackItem = ReadonlyDeep<z.output<typeof FeedbackItemSchema>>;
