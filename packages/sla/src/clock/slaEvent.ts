import { InstantSchema, type Instant } from "@ops/core";
import {
  DirectionSchema,
  ThreadStatusSchema,
  VisibilitySchema,
  type Direction,
  type ThreadStatus,
  type Visibility,
} from "@ops/interaction";
import * as z from "zod/mini";
import { SlaSubjectSchema, type SlaSubject } from "../policy/slaPolicy";

/**
 * Schema of an {@link SlaEvent}, one entry of an item's timeline:
 * - `created`: the item exists (its first customer message); `subject` picks the policy;
 *   `status` defaults to `open`;
 * - `message`: a message `in` (from the customer) or `out` (from the team); an outbound
 *   message is a reply unless it is an `internal_note` or `automated` (a bot, an
 *   auto-acknowledgement), as Zendesk counts only agent replies; `activity` is ignored;
 *   an inbound message reopens a pending, snoozed or resolved item;
 * - `status`: the item's thread status changes;
 * - `update`: the item's attributes change (priority, tags, …); the policy is selected again.
 *
 * @example
 * ```ts
 * import { SlaEventSchema } from "@ops/sla";
 * SlaEventSchema.safeParse({ type: "message", at: 1772933400000, direction: "out", visibility: "public" }).success;
 * // => true
 * SlaEventSchema.safeParse({ type: "status", at: 1772933400000, status: "on-hold" }).success;
 * // => false
 * ```
 */
export const SlaEventSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("created"),
      at: InstantSchema,
      subject: SlaSubjectSchema,
      status: z.optional(ThreadStatusSchema),
    }),
    z.object({
      type: z.literal("message"),
      at: InstantSchema,
      direction: DirectionSchema,
      visibility: z.optional(VisibilitySchema),
      automated: z.optional(z.boolean()),
      id: z.optional(z.string().check(z.maxLength(512))),
    }),
    z.object({ type: z.literal("status"), at: InstantSchema, status: ThreadStatusSchema }),
    z.object({ type: z.literal("update"), at: InstantSchema, subject: SlaSubjectSchema }),
  ]))();

/** One entry of an item's timeline; see {@link SlaEventSchema}. */
export type SlaEvent =
  | {
      readonly type: "created";
      readonly at: Instant;
      readonly subject: SlaSubject;
      readonly status?: ThreadStatus | undefined;
    }
  | {
      readonly type: "message";
      readonly at: Instant;
      readonly direction: Direction;
      readonly visibility?: Visibility | undefined;
      readonly automated?: boolean | undefined;
      readonly id?: string | undefined;
    }
  | { readonly type: "status"; readonly at: Instant; readonly status: ThreadStatus }
  | { readonly type: "update"; readonly at: Instant; readonly subject: SlaSubject };

/**
 * Schema of an item timeline, the input of `computeSlaClocks` and `whatIf`: a list of
 * {@link SlaEvent}s with at least one event (the `created` event).
 */
export const SlaTimelineSchema = /* @__PURE__ */ (() =>
  z.array(SlaEventSchema).check(z.minLength(1, { error: "must contain at least the created event" })))();
