import { IdSchema, InstantSchema, OpsError, parseOrThrow, PlatformSchema, type Instant } from "@ops/core";
import {
  InteractionKindSchema,
  ThreadStatusSchema,
  ThreadTypeSchema,
  type Interaction,
  type ThreadStatus,
  type ThreadType,
} from "@ops/interaction";
import * as z from "zod/mini";
import { SlaSubjectSchema, type SlaSubject } from "../policy/slaPolicy";
import type { SlaEvent } from "./slaEvent";

/** Options of {@link toSlaTimeline}. */
export interface ToSlaTimelineOptions {
  /** The thread type, for policies that match on it. */
  readonly threadType?: ThreadType | undefined;
  /** Extra attributes of the item at creation (priority, tags). */
  readonly subject?: SlaSubject | undefined;
  /** Status changes of the thread, e.g. from your helpdesk's audit log. */
  readonly statusChanges?: readonly { readonly at: Instant; readonly status: ThreadStatus }[] | undefined;
  /** Later changes of attributes (priority raised, tag added): the policy is selected again. */
  readonly updates?: readonly { readonly at: Instant; readonly subject: SlaSubject }[] | undefined;
  /** Which outbound interactions come from a bot or an auto-reply (they stop no reply clock). Default: none. */
  readonly isAutomated?: ((interaction: Interaction) => boolean) | undefined;
}

/** Schema of {@link ToSlaTimelineOptions}. */
export const ToSlaTimelineOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    threadType: z.optional(ThreadTypeSchema),
    subject: z.optional(SlaSubjectSchema),
    statusChanges: z.optional(z.array(z.object({ at: InstantSchema, status: ThreadStatusSchema }))),
    updates: z.optional(z.array(z.object({ at: InstantSchema, subject: SlaSubjectSchema }))),
    isAutomated: z.optional(z.function()),
  }))();

/**
 * Builds an SLA timeline for one thread from its `@ops/interaction` interactions and its
 * status changes: the first inbound message creates the item (its platform, channel and
 * kind become the policy subject), inbound and outbound messages follow in
 * `platformCreatedAt` order, activity (likes, follows) is dropped, and status changes and
 * attribute updates are merged in time order (at equal instants: messages, then status
 * changes, then updates). Items before the first inbound message are dropped: the item
 * does not exist yet.
 *
 * @param interactions - the thread's interactions, any order (not mutated)
 * @param options - `threadType`, extra `subject`, `statusChanges`, `updates`, `isAutomated`
 * @returns the events for `computeSlaClocks`
 * @throws {OpsError} `invalid_argument` when there is no inbound message, the first one lacks a valid
 *   `actor.platform`, `channelId` or `kind`, or an option is malformed
 *
 * @example
 * ```ts
 * import { toSlaTimeline } from "@ops/sla";
 * import { InteractionSchema } from "@ops/interaction";
 * const at = Date.UTC(2026, 2, 9, 1, 0);
 * const actor = { platform: "douyin", userId: "u1" };
 * const dm = (id: string, direction: "in" | "out", t: number) =>
 *   InteractionSchema.parse({ id, channelId: "ch_dy", kind: "dm", direction, visibility: "private", actor, platformCreatedAt: t, receivedAt: t });
 * const events = toSlaTimeline([dm("m2", "out", at + 60_000), dm("m1", "in", at)], { threadType: "dm", statusChanges: [{ at: at + 120_000, status: "resolved" }] });
 * events.map((e) => e.type);
 * // => ["created", "message", "status"]
 * events[0];
 * // => { type: "created", at: 1773018000000, subject: { platform: "douyin", channelId: "ch_dy", kind: "dm", threadType: "dm" } }
 * ```
 */
export function toSlaTimeline(interactions: readonly Interaction[], options: ToSlaTimelineOptions = {}): SlaEvent[] {
  const fn = "toSlaTimeline";
  parseOrThrow(ToSlaTimelineOptionsSchema, options, { fn, path: ["options"] });
  if (!Array.isArray(interactions))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["interactions"],
      rule: "must be an array of interactions",
    });
  const messages = interactions
    .map((x, i) => {
      if (x === null || typeof x !== "object" || !Number.isInteger(x.platformCreatedAt)) {
        throw new OpsError({
          code: "invalid_argument",
          fn,
          path: ["interactions", i],
          rule: "must be an interaction with platformCreatedAt",
        });
      }
      return { x, i };
    })
    .filter(({ x }) => x.direction !== "activity")
    .sort((a, b) => a.x.platformCreatedAt - b.x.platformCreatedAt || a.i - b.i);
  const first = messages.findIndex(({ x }) => x.direction === "in");
  if (first < 0)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["interactions"],
      rule: "must contain an inbound message (the item starts with one)",
    });
  const { x: root, i: rootIndex } = messages[first] as (typeof messages)[number];
  // the root's attributes become the subject policies match on: checked here, never passed on as NaN
  const at = ["interactions", rootIndex] as const;
  parseOrThrow(PlatformSchema, (root.actor as Interaction["actor"] | undefined)?.platform, {
    fn,
    path: [...at, "actor", "platform"],
  });
  parseOrThrow(IdSchema, root.channelId, { fn, path: [...at, "channelId"] });
  parseOrThrow(InteractionKindSchema, root.kind, { fn, path: [...at, "kind"] });
  const subject: SlaSubject = {
    platform: root.actor.platform,
    channelId: root.channelId,
    kind: root.kind,
    ...(options.threadType === undefined ? {} : { threadType: options.threadType }),
    ...options.subject,
  };
  const rank = { message: 0, status: 1, update: 2, created: -1 } as const;
  const events: SlaEvent[] = [
    ...messages.slice(first + 1).map(
      ({ x }): SlaEvent => ({
        type: "message",
        at: x.platformCreatedAt,
        direction: x.direction,
        visibility: x.visibility,
        ...(options.isAutomated?.(x) === true ? { automated: true } : {}),
      }),
    ),
    ...(options.statusChanges ?? [])
      .filter((s) => s.at >= root.platformCreatedAt)
      .map((s): SlaEvent => ({ type: "status", at: s.at, status: s.status })),
    ...(options.updates ?? [])
      .filter((u) => u.at >= root.platformCreatedAt)
      .map((u): SlaEvent => ({ type: "update", at: u.at, subject: u.subject })),
  ];
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || rank[a.e.type] - rank[b.e.type] || a.i - b.i);
  return [{ type: "created", at: root.platformCreatedAt, subject }, ...ordered.map(({ e }) => e)];
}
