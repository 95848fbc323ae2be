import * as z from "zod/mini";
import { InstantSchema } from "@ops/core";
import { InteractionIdSchema } from "@ops/interaction";

/**
 * Schema of a {@link FeedbackSource}: an interaction the item was collected from or that
 * the user added later — a public `comment`, a private message (`dm`), a `survey` answer,
 * or `other` (phone, e-mail, store). `interactionId` refers to an `@ops/interaction`
 * interaction; it is `null` when there is none (a phone call) and after erasure.
 *
 * @example
 * ```ts
 * import { FeedbackSourceSchema } from "@ops/feedback";
 * FeedbackSourceSchema.parse({ kind: "dm", interactionId: "wechat_oa:gh_3a8f:msg:1", at: 0 });
 * // => { kind: "dm", interactionId: "wechat_oa:gh_3a8f:msg:1", at: 0 }
 * ```
 */
export const FeedbackSourceSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.enum(["comment", "dm", "survey", "other"]),
    interactionId: z.nullable(InteractionIdSchema),
    at: InstantSchema,
  }))();

/** Where a piece of feedback came from; see {@link FeedbackSourceSchema}. */
export type FeedbackSource = z.output<typeof FeedbackSourceSchema>;
