import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { ActorRefSchema, ChannelRefSchema, IdSchema, InstantSchema, type FeedbackId } from "@ops/core";
import { InteractionIdSchema, PrioritySchema } from "@ops/interaction";
import { FeedbackSourceSchema } from "../item/feedbackSource";
import { RemedySchema } from "../item/remedy";

const ItemId = IdSchema as unknown as z.ZodMiniType<FeedbackId, string>;
const Label = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: "must be a non-empty label" }),
      z.maxLength(200, { error: "must be at most 200 characters" }),
    ))();
const Text = /* @__PURE__ */ (() =>
  z.string().check(z.maxLength(20_000, { error: "must be at most 20 000 characters" })))();

/**
 * Fields every event carries: its own `id` (duplicates are ignored, so a retried delivery
 * is harmless), the `itemId` it applies to, the instant `at` it happened, who did it
 * (`by`, a staff or system id, `null` if unknown) and a free-text staff `note` (removed by
 * erasure, so keep personal data out of `by`).
 */
const base = /* @__PURE__ */ (() => ({
  id: IdSchema,
  itemId: ItemId,
  at: InstantSchema,
  by: z._default(z.nullable(IdSchema), null),
  note: z._default(z.nullable(Text), null),
}))();

/** The source part of `open` and `customer_message`: kind and interaction (no `at`; the event's is used). */
const Source = /* @__PURE__ */ (() =>
  z.object({ kind: FeedbackSourceSchema.shape.kind, interactionId: FeedbackSourceSchema.shape.interactionId }))();

const open = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    type: z.literal("open"),
    source: Source,
    /** The user; `null` for anonymous survey answers and after erasure. */
    actor: z.nullable(ActorRefSchema),
    channel: z._default(z.nullable(ChannelRefSchema), null),
    /** What the user said (personal content; removed by erasure). */
    text: z._default(z.nullable(Text), null),
    /** The earlier (closed) item this one continues, if any. */
    linkedTo: z._default(z.nullable(ItemId), null),
  }))();
const triage = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    type: z.literal("triage"),
    category: Label,
    priority: z._default(PrioritySchema, "normal"),
    latentNeeds: z._default(z.array(Label).check(z.maxLength(50)), []),
    /** Resolution deadline; when omitted, `context.deadline` computes it. */
    dueAt: z.optional(z.nullable(InstantSchema)),
  }))();
const reject = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("reject") }))();
const markDuplicate = /* @__PURE__ */ (() =>
  z.object({ ...base, type: z.literal("mark_duplicate"), duplicateOf: ItemId }))();
const route = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    type: z.literal("route"),
    department: Label,
    priority: z.optional(PrioritySchema),
    dueAt: z.optional(z.nullable(InstantSchema)),
  }))();
const assign = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("assign"), assignee: IdSchema }))();
const start = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("start"), assignee: z.optional(IdSchema) }))();
const waitForCustomer = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("wait_for_customer") }))();
const waitForInternal = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("wait_for_internal") }))();
const resume = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("resume") }))();
const customerMessage = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    type: z.literal("customer_message"),
    source: Source,
    text: z._default(z.nullable(Text), null),
  }))();
const reopen = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("reopen") }))();
const resolve = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    type: z.literal("resolve"),
    remedy: RemedySchema,
    assignee: z.optional(IdSchema),
  }))();
const reportBack = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    type: z.literal("report_back"),
    /** How the user was told: a DM, a comment reply, a phone call, … */
    via: z.enum(["dm", "comment", "phone", "email", "sms", "other"]),
    /** The outbound interaction that carried the reply-back; `null` for a phone call and after erasure. */
    interactionId: z._default(z.nullable(InteractionIdSchema), null),
  }))();
const scheduleFollowUp = /* @__PURE__ */ (() =>
  z.object({ ...base, type: z.literal("schedule_follow_up"), dueAt: InstantSchema }))();
const completeFollowUp = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    type: z.literal("complete_follow_up"),
    interactionId: z._default(z.nullable(InteractionIdSchema), null),
  }))();
const autoClose = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("auto_close") }))();
const recordCsat = /* @__PURE__ */ (() =>
  z
    .object({
      ...base,
      type: z.literal("record_csat"),
      /** The answer on a 1…`scale` scale (5 = very satisfied on the usual 5-point scale). */
      score: z.int({ error: "must be an integer" }).check(z.minimum(1, { error: "must be ≥ 1" })),
      scale: z._default(z.int().check(z.minimum(2), z.maximum(10)), 5),
    })
    .check(z.refine((e) => e.score <= e.scale, { error: "must be ≤ scale", path: ["score"] })))();
const redact = /* @__PURE__ */ (() => z.object({ ...base, type: z.literal("redact") }))();

/**
 * Schema of a {@link FeedbackEvent}: one fact in an item's life, discriminated on `type`.
 * Every event has `id`, `itemId`, `at`, `by` and `note`; the types and their own fields:
 *
 * | type | fields | what happened |
 * | --- | --- | --- |
 * | `open` | `source`, `actor`, `channel`, `text`, `linkedTo` | feedback collected from a comment, DM or survey |
 * | `triage` | `category`, `priority`, `latentNeeds`, `dueAt?` | read and classified |
 * | `reject` | — (`note` is the reason) | not actionable (spam, out of scope) |
 * | `mark_duplicate` | `duplicateOf` | the same matter as another item |
 * | `route` | `department`, `priority?`, `dueAt?` | sent to a department |
 * | `assign` | `assignee` | given to a person |
 * | `start` | `assignee?` | work began (contact, investigation) |
 * | `wait_for_customer` / `wait_for_internal` / `resume` | — | paused on the user / on a colleague; resumed |
 * | `customer_message` | `source`, `text` | the user wrote again |
 * | `reopen` | — | staff reopened a resolved, reported or follow-up item |
 * | `resolve` | `remedy`, `assignee?` | remedy given (refund, exchange, compensation, explanation) |
 * | `report_back` | `via`, `interactionId` | the user was told what was done, and thanked |
 * | `schedule_follow_up` | `dueAt` | a check-in "how did it go?" was planned |
 * | `complete_follow_up` | `interactionId` | the check-in happened |
 * | `auto_close` | — | the auto-close timer fired |
 * | `record_csat` | `score`, `scale` | a satisfaction-survey answer arrived |
 * | `redact` | — | the user's personal data were erased (PIPL art. 47, GDPR art. 17) |
 *
 * @example
 * ```ts
 * import { FeedbackEventSchema } from "@ops/feedback";
 * FeedbackEventSchema.parse({ type: "assign", id: "ev_3", itemId: "fb_1", at: 0, assignee: "agent_li" });
 * // => { type: "assign", id: "ev_3", itemId: "fb_1", at: 0, by: null, note: null, assignee: "agent_li" }
 * FeedbackEventSchema.safeParse({ type: "fly", id: "ev_3", itemId: "fb_1", at: 0 }).success;
 * // => false
 * ```
 */
export const FeedbackEventSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    open,
    triage,
    reject,
    markDuplicate,
    route,
    assign,
    start,
    waitForCustomer,
    waitForInternal,
    resume,
    customerMessage,
    reopen,
    resolve,
    reportBack,
    scheduleFollowUp,
    completeFollowUp,
    autoClose,
    recordCsat,
    redact,
  ]))();

/** One fact in a feedback item's life, as stored (defaults filled in); see {@link FeedbackEventSchema}. */
export type FeedbackEvent = ReadonlyDeep<z.output<typeof FeedbackEventSchema>>;

/** A {@link FeedbackEvent} as a caller writes it (fields with defaults may be left out). */
export type FeedbackEventInput = ReadonlyDeep<z.input<typeof FeedbackEventSchema>>;

/** The `type` of a {@link FeedbackEvent}. */
export type FeedbackEventType = FeedbackEvent["type"];

/** The event of one `type`. */
export type FeedbackEventOf<T extends FeedbackEventType> = Extract<FeedbackEvent, { type: T }>;

/**
 * Every event type, in lifecycle order.
 *
 * @example
 * ```ts
 * import { FEEDBACK_EVENT_TYPES } from "@ops/feedback";
 * FEEDBACK_EVENT_TYPES[0];
 * // => "open"
 * ```
 */
export const FEEDBACK_EVENT_TYPES: readonly FeedbackEventType[] = /* @__PURE__ */ (() =>
  Object.freeze([
    "open",
    "triage",
    "reject",
    "mark_duplicate",
    "route",
    "assign",
    "start",
    "wait_for_customer",
    "wait_for_internal",
    "resume",
    "customer_message",
    "reopen",
    "resolve",
    "report_back",
    "schedule_follow_up",
    "complete_follow_up",
    "auto_close",
    "record_csat",
    "redact",
  ] as const))();
