import { InstantSchema, parseOrThrow, type Instant } from "@ops/core";
import { newcombeInterval, rate, type ProportionInterval, type Rate } from "@ops/metrics";
import * as z from "zod/mini";
import {
  AttendanceSchema,
  CommunityEventSchema,
  MembershipSchema,
  type Attendance,
  type CommunityEvent,
  type Membership,
} from "./CommunityEvent";

/** Options of {@link attendeeRetention}. */
export interface AttendeeRetentionOptions {
  /** How long after the event start a member must still be in the group to count as retained (e.g. 30 days). */
  readonly horizonMs: number;
  /** The evaluation time: membership data is complete up to it, and retention is only known once `startsAt + horizonMs ≤ now`. */
  readonly now: Instant;
  /** Confidence of the interval of the difference; default 0.95. */
  readonly confidence?: number;
}

/** Schema of {@link AttendeeRetentionOptions}. */
export const AttendeeRetentionOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    horizonMs: z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" })),
    now: InstantSchema,
    confidence: z.optional(z.number().check(z.gt(0), z.lt(1))),
  }))();

/** Retention of one cohort. */
export interface CohortRetention {
  /** Members in the cohort (in the group when the event started). */
  readonly members: number;
  /** Of those, members still in the group at `startsAt + horizonMs`. */
  readonly retained: number;
  readonly rate: Rate;
}

/** The outcome of {@link attendeeRetention}. */
export type AttendeeRetention =
  | {
      readonly ready: true;
      readonly eventId: string;
      /** The instant membership was checked at: `startsAt + horizonMs`. */
      readonly checkedAt: Instant;
      readonly attendees: CohortRetention;
      readonly nonAttendees: CohortRetention;
      /** Newcombe interval of attendees' rate − non-attendees' rate (from @ops/metrics). */
      readonly difference: ProportionInterval;
      /** Attendance records of people who were not members at the start (guests), left out of both cohorts. */
      readonly nonMemberAttendees: number;
    }
  | {
      readonly ready: false;
      readonly eventId: string;
      readonly checkedAt: Instant;
      readonly reason: "horizon_not_reached";
    };

/**
 * Compares the retention of members who attended an event with that of members who did
 * not: both cohorts are the group's members at the event start (a membership interval
 * [joinedAt, leftAt) containing `startsAt`), and a member is retained when a membership
 * interval contains `startsAt + horizonMs`. The gap is reported with the Newcombe hybrid
 * score interval (R. G. Newcombe, Statistics in Medicine 17, 1998), computed by
 * `@ops/metrics`. This is an observational comparison: attendees self-select, so a
 * difference is an association, not the effect of the event.
 *
 * @param event - the event
 * @param attendance - attendance records (other events are ignored)
 * @param memberships - membership intervals of the event's group (other groups ignored)
 * @param options - `horizonMs`, `now`, `confidence`
 * @returns the two cohorts and their difference, or `ready: false` before the horizon is reached
 * @throws {OpsError} `invalid_argument` for malformed input
 *
 * @example
 * ```ts
 * import { attendeeRetention } from "@ops/community";
 * const day = 86_400_000;
 * const event = { id: "e1", group: "g", kind: "qa", title: "Ask the coach", startsAt: 10 * day, endsAt: 10 * day + 3_600_000 } as const;
 * const memberships = ["a", "b", "c", "d"].map((m, i) => ({ group: "g", member: m, joinedAt: 0, leftAt: i % 2 === 0 ? null : 20 * day }));
 * const r = attendeeRetention(event, [{ eventId: "e1", member: "a" }, { eventId: "e1", member: "b" }, { eventId: "e1", member: "c" }], memberships, { horizonMs: 30 * day, now: 60 * day });
 * r.ready && [r.attendees.retained, r.attendees.members, r.nonAttendees.retained, r.nonAttendees.members];
 * // => [2, 3, 0, 1]
 * ```
 */
export function attendeeRetention(
  event: CommunityEvent,
  attendance: readonly Attendance[],
  memberships: readonly Membership[],
  options: AttendeeRetentionOptions,
): AttendeeRetention {
  const fn = "attendeeRetention";
  const e = parseOrThrow(CommunityEventSchema, event, { fn, path: ["event"] });
  const att = parseOrThrow(z.array(AttendanceSchema), attendance, { fn, path: ["attendance"] });
  const ms = parseOrThrow(z.array(MembershipSchema), memberships, { fn, path: ["memberships"] });
  const opts = parseOrThrow(AttendeeRetentionOptionsSchema, options, { fn, path: ["options"] });
  const checkedAt = parseOrThrow(InstantSchema, e.startsAt + opts.horizonMs, { fn, path: ["options", "horizonMs"] });
  if (checkedAt > opts.now) return { ready: false, eventId: e.id, checkedAt, reason: "horizon_not_reached" };
  const inGroup = ms.filter((m) => m.group === e.group);
  const memberAt = (t: Instant): Set<string> =>
    new Set(inGroup.filter((m) => m.joinedAt <= t && (m.leftAt === null || t < m.leftAt)).map((m) => m.member));
  const atStart = memberAt(e.startsAt);
  const atCheck = memberAt(checkedAt);
  const attendees = new Set(att.filter((a) => a.eventId === e.id).map((a) => a.member));
  let aMembers = 0;
  let aRetained = 0;
  let nMembers = 0;
  let nRetained = 0;
  for (const m of atStart) {
    const kept = atCheck.has(m) ? 1 : 0;
    if (attendees.has(m)) {
      aMembers++;
      aRetained += kept;
    } else {
      nMembers++;
      nRetained += kept;
    }
  }
  let guests = 0;
  for (const a of attendees) if (!atStart.has(a)) guests++;
  return {
    ready: true,
    eventId: e.id,
    checkedAt,
    attendees: { members: aMembers, retained: aRetained, rate: rate(aRetained, aMembers) },
    nonAttendees: { members: nMembers, retained: nRetained, rate: rate(nRetained, nMembers) },
    difference: newcombeInterval(
      { successes: nRetained, trials: nMembers },
      { successes: aRetained, trials: aMembers },
      opts.confidence === undefined ? {} : { confidence: opts.confidence },
    ),
    nonMemberAttendees: guests,
  };
}
