import { IdSchema, isCompiled, PlatformSchema, type Platform } from "@ops/core";
import {
  InteractionKindSchema,
  PrioritySchema,
  ThreadTypeSchema,
  type InteractionKind,
  type Priority,
  type ThreadStatus,
  type ThreadType,
} from "@ops/interaction";
import * as z from "zod/mini";
import type { BusinessCalendar } from "../calendar/compileCalendar";
import { PauseStatusesSchema, type SlaMetric } from "./slaMetric";

/** Schema of a compiled {@link BusinessCalendar} (an object returned by `compileCalendar`). */
export const BusinessCalendarSchema = /* @__PURE__ */ (() =>
  z.custom<BusinessCalendar>((value) => isCompiled(value, "sla.calendar"), {
    error: "must be the result of compileCalendar",
  }))();

/**
 * Schema of an {@link SlaTarget}: a `goal` in milliseconds (> 0), counted in `business`
 * hours (the policy's calendar) or `calendar` hours (elapsed time), and optionally the
 * statuses that pause it (default: {@link DEFAULT_PAUSE_STATUSES} of the metric).
 */
export const SlaTargetSchema = /* @__PURE__ */ (() =>
  z.object({
    goal: z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" })),
    hours: z.enum(["business", "calendar"]),
    pauseIn: z.optional(PauseStatusesSchema),
  }))();

/** One metric's target in a policy; see {@link SlaTargetSchema}. */
export interface SlaTarget {
  readonly goal: number;
  readonly hours: "business" | "calendar";
  readonly pauseIn?: readonly Exclude<ThreadStatus, "resolved">[] | undefined;
}

/**
 * Schema of an {@link SlaPolicyMatch}: which items a policy applies to. Every criterion
 * given must hold; an absent criterion matches anything; `{}` matches every item.
 */
export const SlaPolicyMatchSchema = /* @__PURE__ */ (() =>
  z.object({
    platforms: z.optional(z.array(PlatformSchema)),
    channelIds: z.optional(z.array(IdSchema)),
    kinds: z.optional(z.array(InteractionKindSchema)),
    threadTypes: z.optional(z.array(ThreadTypeSchema)),
    priorities: z.optional(z.array(PrioritySchema)),
    tagsAll: z.optional(z.array(z.string().check(z.minLength(1)))),
    tagsAny: z.optional(z.array(z.string().check(z.minLength(1)))),
    tagsNone: z.optional(z.array(z.string().check(z.minLength(1)))),
  }))();

/** The conditions of a policy; see {@link SlaPolicyMatchSchema}. */
export interface SlaPolicyMatch {
  readonly platforms?: readonly Platform[] | undefined;
  readonly channelIds?: readonly string[] | undefined;
  readonly kinds?: readonly InteractionKind[] | undefined;
  readonly threadTypes?: readonly ThreadType[] | undefined;
  readonly priorities?: readonly Priority[] | undefined;
  /** The item must carry every one of these tags. */
  readonly tagsAll?: readonly string[] | undefined;
  /** The item must carry at least one of these tags. */
  readonly tagsAny?: readonly string[] | undefined;
  /** The item must carry none of these tags. */
  readonly tagsNone?: readonly string[] | undefined;
}

const TargetsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    first_reply: z.optional(SlaTargetSchema),
    next_reply: z.optional(SlaTargetSchema),
    periodic_update: z.optional(SlaTargetSchema),
    pausable_update: z.optional(SlaTargetSchema),
    requester_wait: z.optional(SlaTargetSchema),
    agent_work: z.optional(SlaTargetSchema),
    resolution: z.optional(SlaTargetSchema),
  }))();

/**
 * Schema of an {@link SlaPolicy}: an `id`, the items it `match`es, a `calendar` (required
 * when a target counts business hours) and `targets` per metric.
 *
 * @example
 * ```ts
 * import { SlaPolicySchema } from "@ops/sla";
 * SlaPolicySchema.safeParse({ id: "dm-urgent", match: { priorities: ["urgent"] }, targets: { first_reply: { goal: 600_000, hours: "calendar" } } }).success;
 * // => true
 * SlaPolicySchema.safeParse({ id: "bad", match: {}, targets: { first_reply: { goal: 600_000, hours: "business" } } }).success;
 * // => false
 * ```
 */
export const SlaPolicySchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      name: z.optional(z.string().check(z.maxLength(200))),
      match: SlaPolicyMatchSchema,
      calendar: z.optional(BusinessCalendarSchema),
      targets: TargetsSchema,
    })
    .check(
      z.superRefine((p, ctx) => {
        for (const [metric, target] of Object.entries(p.targets)) {
          if (target?.hours === "business" && p.calendar === undefined) {
            ctx.issues.push({
              code: "custom",
              input: p,
              path: ["targets", metric, "hours"],
              message: 'is "business", so the policy needs a calendar',
            });
          }
        }
      }),
    ))();

/** An SLA policy; see {@link SlaPolicySchema}. */
export interface SlaPolicy {
  readonly id: string;
  readonly name?: string | undefined;
  readonly match: SlaPolicyMatch;
  /** The business calendar for targets in business hours. */
  readonly calendar?: BusinessCalendar | undefined;
  readonly targets: { readonly [M in SlaMetric]?: SlaTarget | undefined };
}

/**
 * What a policy is matched against: the item's platform, channel, interaction kind,
 * thread type, priority and tags (all optional; a criterion about a missing attribute
 * does not match).
 */
export interface SlaSubject {
  readonly platform?: Platform | undefined;
  readonly channelId?: string | undefined;
  readonly kind?: InteractionKind | undefined;
  readonly threadType?: ThreadType | undefined;
  readonly priority?: Priority | undefined;
  readonly tags?: readonly string[] | undefined;
}

/** Schema of an {@link SlaSubject}. */
export const SlaSubjectSchema = /* @__PURE__ */ (() =>
  z.object({
    platform: z.optional(PlatformSchema),
    channelId: z.optional(IdSchema),
    kind: z.optional(InteractionKindSchema),
    threadType: z.optional(ThreadTypeSchema),
    priority: z.optional(PrioritySchema),
    tags: z.optional(z.array(z.string().check(z.minLength(1)))),
  }))();
