import { OpsError, parseOrThrow } from "@ops/core";
import { rate, type Rate } from "@ops/metrics";
import * as z from "zod/mini";
import {
  AttendanceSchema,
  CommunityEventSchema,
  RegistrationSchema,
  type Attendance,
  type CommunityEvent,
  type Registration,
} from "./CommunityEvent";

/** Options of {@link eventParticipation}. */
export interface EventParticipationOptions {
  /** Members of the group when the event started, the denominator of the participation rate. */
  readonly memberCount?: number;
}

/** Schema of {@link EventParticipationOptions}. */
export const EventParticipationOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    memberCount: z.optional(z.int().check(z.nonnegative())),
  }))();

/** Registration and attendance figures of one event. */
export interface EventParticipation {
  readonly eventId: string;
  /** Distinct members registered. */
  readonly registered: number;
  /** Distinct members who attended. */
  readonly attended: number;
  /** Registered members who attended. */
  readonly registeredAttended: number;
  /** Attendees who had not registered. */
  readonly walkIns: number;
  /** Registered members who did not attend. */
  readonly noShows: number;
  /** Whether registrations exceeded the event's capacity. */
  readonly overCapacity: boolean;
  /** registeredAttended / registered (the show-up rate). */
  readonly showRate: Rate;
  /** attended / memberCount, or null when `memberCount` was not given. */
  readonly participationRate: Rate | null;
}

/**
 * Counts an event's registrations and attendance, de-duplicated by member, and derives the
 * show-up rate (registered attendees ÷ registrations) and the participation rate
 * (attendees ÷ members of the group at the start — the "activity participation" indicator
 * of operations reporting). Rates are `@ops/metrics` {@link Rate} values: a zero
 * denominator gives `value: null` with a reason, never NaN. Records of other events are
 * ignored.
 *
 * @param event - the event
 * @param registrations - registrations (any events)
 * @param attendance - attendance records (any events)
 * @param options - `memberCount` for the participation rate
 * @returns the figures
 * @throws {OpsError} `invalid_argument` for malformed input; `conflict` when `memberCount` is below the number of attendees
 *
 * @example
 * ```ts
 * import { eventParticipation } from "@ops/community";
 * const event = { id: "e1", group: "g", kind: "talk", title: "Baby sleep", startsAt: 0, endsAt: 1 } as const;
 * const p = eventParticipation(event,
 *   [{ eventId: "e1", member: "a", at: 0 }, { eventId: "e1", member: "b", at: 0 }],
 *   [{ eventId: "e1", member: "a" }, { eventId: "e1", member: "c" }],
 *   { memberCount: 40 });
 * [p.registered, p.attended, p.walkIns, p.showRate.value, p.participationRate?.value];
 * // => [2, 2, 1, 0.5, 0.05]
 * ```
 */
export function eventParticipation(
  event: CommunityEvent,
  registrations: readonly Registration[],
  attendance: readonly Attendance[],
  options: EventParticipationOptions = {},
): EventParticipation {
  const fn = "eventParticipation";
  const e = parseOrThrow(CommunityEventSchema, event, { fn, path: ["event"] });
  const regs = parseOrThrow(z.array(RegistrationSchema), registrations, { fn, path: ["registrations"] });
  const att = parseOrThrow(z.array(AttendanceSchema), attendance, { fn, path: ["attendance"] });
  const { memberCount } = parseOrThrow(EventParticipationOptionsSchema, options, { fn, path: ["options"] });
  const registered = new Set(regs.filter((r) => r.eventId === e.id).map((r) => r.member));
  const attended = new Set(att.filter((a) => a.eventId === e.id).map((a) => a.member));
  if (memberCount !== undefined && attended.size > memberCount) {
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["options", "memberCount"],
      rule: `must be at least the number of distinct attendees (${attended.size})`,
      received: memberCount,
    });
  }
  let registeredAttended = 0;
  for (const m of attended) if (registered.has(m)) registeredAttended++;
  return {
    eventId: e.id,
    registered: registered.size,
    attended: attended.size,
    registeredAttended,
    walkIns: attended.size - registeredAttended,
    noShows: registered.size - registeredAttended,
    overCapacity: e.capacity !== undefined && registered.size > e.capacity,
    showRate: rate(registeredAttended, registered.size),
    participationRate: memberCount === undefined ? null : rate(attended.size, memberCount),
  };
}
