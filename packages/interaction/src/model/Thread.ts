import * as z from "zod/mini";
import { ActorRefSchema, InstantSchema } from "@ops/core";
import { ActorIdSchema, ChannelIdSchema, InteractionIdSchema, ThreadIdSchema } from "./IdSchemas";
import { PRIORITIES, THREAD_STATUSES, THREAD_TYPES } from "../_lib/modelValues";
import { InteractionKindSchema } from "./Interaction";
import { ReplyWindowEventSchema } from "../replyWindow/ReplyWindowPolicy";

/**
 * Schema of a {@link ThreadType}: `public` (a post's comment tree), `dm` (a one-to-one
 * private conversation), `group` (a group chat).
 *
 * @example
 * ```ts
 * import { ThreadTypeSchema } from "@ops/interaction";
 * ThreadTypeSchema.options;
 * // => ["public", "dm", "group"]
 * ```
 */
export const ThreadTypeSchema = /* @__PURE__ */ (() => z.enum(THREAD_TYPES))();

/** The kind of conversation; see {@link ThreadTypeSchema}. */
export type ThreadType = z.output<typeof ThreadTypeSchema>;

/**
 * Schema of a {@link ThreadStatus}, with Zendesk's meanings: `open` (waiting on the team),
 * `pending` (the team answered and waits on the user), `snoozed` (hidden until
 * `snoozedUntil`), `resolved` (done; a new inbound message reopens it).
 *
 * @example
 * ```ts
 * import { ThreadStatusSchema } from "@ops/interaction";
 * ThreadStatusSchema.options;
 * // => ["open", "pending", "snoozed", "resolved"]
 * ```
 */
export const ThreadStatusSchema = /* @__PURE__ */ (() => z.enum(THREAD_STATUSES))();

/** Where a thread is in its handling; see {@link ThreadStatusSchema}. */
export type ThreadStatus = z.output<typeof ThreadStatusSchema>;

/**
 * Schema of a {@link Priority}, lowest first.
 *
 * @example
 * ```ts
 * import { PrioritySchema } from "@ops/interaction";
 * PrioritySchema.options;
 * // => ["low", "normal", "high", "urgent"]
 * ```
 */
export const PrioritySchema = /* @__PURE__ */ (() => z.enum(PRIORITIES))();

/** How urgent a thread is; see {@link PrioritySchema}. */
export type Priority = z.output<typeof PrioritySchema>;

/**
 * Schema of a {@link Thread}: one conversation — a post's comment tree, a DM conversation
 * or a group chat — with the clocks an SLA reads.
 *
 * - `rootId`: the first interaction of the thread (the post's first comment, the first DM).
 * - `counterpart`: for DM threads, the user the brand talks to.
 * - `waitingSince`: when the oldest inbound message that has no answer after it arrived
 *   (platform time); `null` when nobody waits on the team.
 * - `firstReplyAt`: the first outbound answer after the first inbound message; `null` before.
 * - `lastInboundAt` / `lastInboundKind`, `lastOutboundAt`: latest messages either way.
 * - `replyWindowEvents`: per opening kind, its latest event and messages sent since — what
 *   `replyPolicy` reads.
 * - `snoozedUntil`, `assignee`, `priority` (default `normal`), `labels` (default `[]`).
 *
 * @example
 * ```ts
 * import { ThreadSchema } from "@ops/interaction";
 * const thread = ThreadSchema.parse({
 *   id: "thr_1", channelId: "ch_wechat", type: "dm", status: "open", createdAt: 1772933400000,
 *   waitingSince: 1772933400000, firstReplyAt: null, lastInboundAt: 1772933400000, lastInboundKind: "dm", lastOutboundAt: null,
 * });
 * [thread.priority, thread.labels, thread.assignee];
 * // => ["normal", [], null]
 * ```
 */
export const ThreadSchema = /* @__PURE__ */ (() =>
  z.object({
    id: ThreadIdSchema,
    channelId: ChannelIdSchema,
    type: ThreadTypeSchema,
    status: ThreadStatusSchema,
    rootId: z.optional(InteractionIdSchema),
    counterpart: z.optional(ActorRefSchema),
    createdAt: InstantSchema,
    waitingSince: z.nullable(InstantSchema),
    firstReplyAt: z.nullable(InstantSchema),
    lastInboundAt: z.nullable(InstantSchema),
    lastInboundKind: z.nullable(InteractionKindSchema),
    lastOutboundAt: z.nullable(InstantSchema),
    snoozedUntil: z._default(z.nullable(InstantSchema), null),
    assignee: z._default(z.nullable(ActorIdSchema), null),
    priority: z._default(PrioritySchema, "normal"),
    labels: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(128))).check(z.maxLength(256)), []),
    replyWindowEvents: z._default(z.array(ReplyWindowEventSchema), []),
  }))();

/** One conversation; see {@link ThreadSchema}. */
export type Thread = z.output<typeof ThreadSchema>;
/** What {@link ThreadSchema} accepts (defaults not yet applied). */
export type ThreadInput = z.input<typeof ThreadSchema>;
