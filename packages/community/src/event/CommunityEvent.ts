import { IdSchema, InstantSchema } from "@ops/core";
import * as z from "zod/mini";

/** The kinds of group events the upkeep practice runs. */
export const EVENT_KINDS = ["talk", "sharing_session", "group_buy", "qa"] as const;

/** A kind of {@link CommunityEvent}: an expert talk, a members' sharing session, a group buy, a Q&A. */
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Schema of a community event: a talk, sharing session, group buy or Q&A in a group, over
 * [startsAt, endsAt), with an optional capacity.
 *
 * @example
 * ```ts
 * import { CommunityEventSchema } from "@ops/community";
 * CommunityEventSchema.safeParse({ id: "e1", group: "g1", kind: "talk", title: "Sleep for babies", startsAt: 0, endsAt: 3_600_000 }).success;
 * // => true
 * ```
 */
export const CommunityEventSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      /** The group (chat group, fan group) the event is held in. */
      group: z.string().check(z.minLength(1)),
      kind: z.enum(EVENT_KINDS),
      title: z.string().check(z.minLength(1), z.maxLength(500)),
      startsAt: InstantSchema,
      endsAt: InstantSchema,
      capacity: z.optional(z.int().check(z.positive())),
    })
    .check(z.refine((e) => e.endsAt > e.startsAt, { error: "must be after startsAt", path: ["endsAt"] })))();

/** A community event; see {@link CommunityEventSchema}. */
export type CommunityEvent = z.infer<typeof CommunityEventSchema>;

/** Schema of a registration: a member signed up for an event at `at`. */
export const RegistrationSchema = /* @__PURE__ */ (() =>
  z.object({
    eventId: IdSchema,
    member: z.string().check(z.minLength(1)),
    at: InstantSchema,
  }))();

/** A registration; see {@link RegistrationSchema}. */
export type Registration = z.infer<typeof RegistrationSchema>;

/** Schema of an attendance record: a member took part in an event (checked in, spoke, joined the live room). */
export const AttendanceSchema = /* @__PURE__ */ (() =>
  z.object({
    eventId: IdSchema,
    member: z.string().check(z.minLength(1)),
    at: z.optional(InstantSchema),
  }))();

/** An attendance record; see {@link AttendanceSchema}. */
export type Attendance = z.infer<typeof AttendanceSchema>;

/**
 * Schema of a membership interval: `member` was in `group` over [joinedAt, leftAt)
 * (`leftAt: null` = still a member). A member who left and came back has two intervals.
 */
export const MembershipSchema = /* @__PURE__ */ (() =>
  z
    .object({
      group: z.string().check(z.minLength(1)),
      member: z.string().check(z.minLength(1)),
      joinedAt: InstantSchema,
      leftAt: z.nullable(InstantSchema),
    })
    .check(
      z.refine((m) => m.leftAt === null || m.leftAt > m.joinedAt, {
        error: "must be after joinedAt",
        path: ["leftAt"],
      }),
    ))();

/** A membership interval; see {@link MembershipSchema}. */
export type Membership = z.infer<typeof MembershipSchema>;
