import { describe, expect, it } from "vitest";
import {
  attendeeRetention,
  eventCalendar,
  eventParticipation,
  expandEventSeries,
  type CommunityEvent,
  type Membership,
} from "./helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 2, 12); // Monday 2026-11-02, 20:00 in Shanghai
const talk: CommunityEvent = {
  id: "e1",
  group: "mums",
  kind: "talk",
  title: "睡眠训练讲座",
  startsAt: T0,
  endsAt: T0 + HOUR,
  capacity: 2,
};

describe("eventParticipation", () => {
  const regs = [
    { eventId: "e1", member: "a", at: T0 - DAY },
    { eventId: "e1", member: "a", at: T0 - HOUR }, // registered twice: counted once
    { eventId: "e1", member: "b", at: T0 - DAY },
    { eventId: "e1", member: "c", at: T0 - DAY },
    { eventId: "other", member: "z", at: T0 },
  ];
  const att = [
    { eventId: "e1", member: "a" },
    { eventId: "e1", member: "d" },
    { eventId: "other", member: "b" },
  ];

  it("counts distinct registrations, attendance, walk-ins and no-shows", () => {
    const p = eventParticipation(talk, regs, att, { memberCount: 50 });
    expect(p).toMatchObject({
      registered: 3,
      attended: 2,
      registeredAttended: 1,
      walkIns: 1,
      noShows: 2,
      overCapacity: true,
    });
    expect(p.showRate).toEqual({ value: 1 / 3, numerator: 1, denominator: 3, reason: null });
    expect(p.participationRate).toEqual({ value: 0.04, numerator: 2, denominator: 50, reason: null });
  });

  it("gives null rates with a reason when nobody registered or the group is empty", () => {
    const p = eventParticipation(talk, [], [], { memberCount: 0 });
    expect(p.showRate).toEqual({ value: null, numerator: 0, denominator: 0, reason: "zero_denominator" });
    expect(p.participationRate?.value).toBeNull();
    expect(eventParticipation(talk, [], []).participationRate).toBeNull();
  });

  it("refuses a member count below the attendance and a malformed event", () => {
    expect(() => eventParticipation(talk, regs, att, { memberCount: 1 })).toThrowOpsError("conflict", {
      fn: "eventParticipation",
      path: ["options", "memberCount"],
      message: "must be at least the number of distinct attendees (2)",
    });
    expect(() => eventParticipation({ ...talk, endsAt: T0 }, [], [])).toThrowOpsError("invalid_argument", {
      fn: "eventParticipation",
      path: ["event", "endsAt"],
      message: /must be after startsAt/,
    });
    expect(() => eventParticipation({ ...talk, kind: "party" as "talk" }, [], [])).toThrowOpsError("invalid_argument", {
      fn: "eventParticipation",
      path: ["event", "kind"],
      message: /must be one of "talk", "sharing_session"/,
    });
  });

  it("does not mutate its inputs", () => {
    const before = structuredClone({ regs, att });
    eventParticipation(talk, regs, att);
    expect({ regs, att }).toEqual(before);
  });
});

describe("attendeeRetention", () => {
  const m = (member: string, joinedAt: number, leftAt: number | null): Membership => ({
    group: "mums",
    member,
    joinedAt,
    leftAt,
  });
  const memberships = [
    m("a", 0, null),
    m("b", 0, T0 + 10 * DAY), // attendee who left
    m("c", 0, null),
    m("d", 0, T0 + 5 * DAY), // non-attendee who left
    m("e", 0, T0 + 5 * DAY),
    m("e", T0 + 20 * DAY, null), // … and came back before the check
    m("late", T0 + DAY, null), // joined after the event: in no cohort
    { group: "other", member: "x", joinedAt: 0, leftAt: null },
  ];
  const attendance = ["a", "b", "guest"].map((member) => ({ eventId: "e1", member }));

  it("compares attendees with non-attendees at the horizon", () => {
    const r = attendeeRetention(talk, attendance, memberships, { horizonMs: 30 * DAY, now: T0 + 40 * DAY });
    if (!r.ready) throw new Error("expected ready");
    expect(r.attendees).toEqual({
      members: 2,
      retained: 1,
      rate: { value: 0.5, numerator: 1, denominator: 2, reason: null },
    });
    expect(r.nonAttendees).toEqual({
      members: 3,
      retained: 2,
      rate: { value: 2 / 3, numerator: 2, denominator: 3, reason: null },
    });
    expect(r.nonMemberAttendees).toBe(1);
    expect(r.checkedAt).toBe(T0 + 30 * DAY);
    expect(r.difference.estimate).toBeCloseTo(0.5 - 2 / 3, 12);
  });

  it("treats the end of a membership as exclusive", () => {
    // b left at exactly T0 + 10 days: retained at a 10-day horizon? no — [joinedAt, leftAt)
    const r = attendeeRetention(talk, attendance, memberships, { horizonMs: 10 * DAY, now: T0 + 40 * DAY });
    expect(r.ready && r.attendees.retained).toBe(1);
    const before = attendeeRetention(talk, attendance, memberships, { horizonMs: 10 * DAY - 1, now: T0 + 40 * DAY });
    expect(before.ready && before.attendees.retained).toBe(2);
  });

  it("says the horizon is not reached yet instead of guessing", () => {
    expect(attendeeRetention(talk, attendance, memberships, { horizonMs: 30 * DAY, now: T0 + 29 * DAY })).toEqual({
      ready: false,
      eventId: "e1",
      checkedAt: T0 + 30 * DAY,
      reason: "horizon_not_reached",
    });
  });

  it("gives null rates for an empty cohort", () => {
    const r = attendeeRetention(talk, [], memberships, { horizonMs: DAY, now: T0 + DAY });
    expect(r.ready && r.attendees.rate).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: "zero_denominator",
    });
    expect(r.ready && r.difference.estimate).toBeNull();
  });

  it("refuses a bad horizon", () => {
    expect(() => attendeeRetention(talk, [], memberships, { horizonMs: 0, now: T0 })).toThrowOpsError(
      "invalid_argument",
      {
        fn: "attendeeRetention",
        path: ["options", "horizonMs"],
        message: /must be a positive integer number of milliseconds/,
      },
    );
  });
});

describe("eventCalendar", () => {
  const zone = "Asia/Shanghai";
  it("lists an event on every local day it touches, in the zone", () => {
    const late: CommunityEvent = {
      ...talk,
      id: "late",
      startsAt: Date.UTC(2026, 10, 3, 15),
      endsAt: Date.UTC(2026, 10, 3, 17),
    }; // 23:00–01:00 local
    const days = eventCalendar(
      [late, talk],
      { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 8) },
      { timeZone: zone },
    );
    expect(days.map((d) => [d.date, d.events.map((e) => e.id)])).toEqual([
      ["2026-11-02", ["e1"]],
      ["2026-11-03", ["late"]],
      ["2026-11-04", ["late"]],
    ]);
    expect(days[0]?.startsAt).toBe(Date.UTC(2026, 10, 1, 16));
  });

  it("uses 23-hour days on a DST night", () => {
    // America/New_York springs forward on 2026-03-08: that local day is 23 h long
    const ev: CommunityEvent = { ...talk, startsAt: Date.UTC(2026, 2, 8, 4), endsAt: Date.UTC(2026, 2, 9, 4, 30) };
    const days = eventCalendar(
      [ev],
      { start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 2, 15) },
      { timeZone: "America/New_York" },
    );
    expect(days.map((d) => d.date)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect((days[2]?.startsAt ?? 0) - (days[1]?.startsAt ?? 0)).toBe(23 * HOUR);
  });

  it("does not mutate the events", () => {
    const events = [{ ...talk, id: "b", startsAt: T0 + DAY, endsAt: T0 + DAY + HOUR }, talk];
    const before = structuredClone(events);
    eventCalendar(events, { start: T0 - DAY, end: T0 + 3 * DAY }, { timeZone: zone });
    expect(events).toEqual(before);
  });

  it("returns no days for no events and refuses duplicates and bad zones", () => {
    expect(eventCalendar([], { start: 0, end: DAY }, { timeZone: zone })).toEqual([]);
    expect(() => eventCalendar([talk, talk], { start: 0, end: DAY }, { timeZone: zone })).toThrowOpsError("duplicate", {
      fn: "eventCalendar",
      path: ["events", 1, "id"],
      message: /must be unique/,
    });
    expect(() => eventCalendar([], { start: 0, end: DAY }, { timeZone: "Mars/Base" })).toThrowOpsError(
      "invalid_time_zone",
      { fn: "eventCalendar", path: ["options", "timeZone"] },
    );
  });

  it("takes a half-open core Period of at most 400 days", () => {
    // an event ending exactly at the period start is outside [start, end); one starting at the end too
    const before: CommunityEvent = { ...talk, id: "before", startsAt: T0 - HOUR, endsAt: T0 };
    const after: CommunityEvent = { ...talk, id: "after", startsAt: T0 + DAY, endsAt: T0 + DAY + HOUR };
    expect(
      eventCalendar([before, talk, after], { start: T0, end: T0 + DAY }, { timeZone: zone }).map((d) =>
        d.events.map((e) => e.id),
      ),
    ).toEqual([["e1"]]);
    expect(() => eventCalendar([], { start: T0, end: T0 }, { timeZone: zone })).toThrowOpsError("invalid_argument", {
      fn: "eventCalendar",
      path: ["period", "end"],
      message: /must be after start/,
    });
    expect(() => eventCalendar([], { start: 0, end: 400 * DAY + 1 }, { timeZone: zone })).toThrowOpsError(
      "invalid_argument",
      { fn: "eventCalendar", path: ["period", "end"], message: /must be at most 400 days after start/ },
    );
  });
});

describe("expandEventSeries", () => {
  const series = {
    id: "buy",
    group: "mums",
    kind: "group_buy" as const,
    title: "双周团购",
    timeZone: "America/New_York",
    weekday: 7,
    time: { hour: 2, minute: 30 },
    durationMs: HOUR,
    startsOn: { year: 2026, month: 3, day: 2 }, // a Monday: the first Sunday is 2026-03-08
    until: { year: 2026, month: 4, day: 5 },
    intervalWeeks: 2,
  };

  it("steps every intervalWeeks from the first matching weekday, until the last date inclusive", () => {
    const out = expandEventSeries(series, { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) });
    expect(out.map((e) => e.id)).toEqual(["buy@2026-03-08", "buy@2026-03-22", "buy@2026-04-05"]);
  });

  it("moves a time that the DST gap skips forward (02:30 on spring-forward night is 03:30 EDT)", () => {
    const [first] = expandEventSeries(series, { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) });
    expect(new Date(first?.startsAt ?? 0).toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("keeps only occurrences that start inside the window", () => {
    const out = expandEventSeries(series, { start: Date.UTC(2026, 2, 22, 6, 30), end: Date.UTC(2026, 2, 22, 6, 31) });
    expect(out.map((e) => e.id)).toEqual(["buy@2026-03-22"]);
    expect(expandEventSeries(series, { start: Date.UTC(2026, 2, 22, 6, 31), end: Date.UTC(2026, 2, 23) })).toEqual([]);
  });

  it("refuses an impossible start date and a bad zone", () => {
    expect(() =>
      expandEventSeries({ ...series, startsOn: { year: 2026, month: 2, day: 30 } }, { start: 0, end: DAY }),
    ).toThrowOpsError("invalid_argument", {
      fn: "expandEventSeries",
      path: ["series", "startsOn", "day"],
      message: /must exist in that month/,
    });
    expect(() => expandEventSeries({ ...series, timeZone: "+08:00" }, { start: 0, end: DAY })).toThrowOpsError(
      "invalid_time_zone",
      { fn: "expandEventSeries", path: ["series", "timeZone"] },
    );
  });

  it("refuses an empty period and one over 3 years", () => {
    expect(() => expandEventSeries(series, { start: DAY, end: DAY })).toThrowOpsError("invalid_argument", {
      fn: "expandEventSeries",
      path: ["period", "end"],
      message: /must be after start/,
    });
    expect(() => expandEventSeries(series, { start: 0, end: 3 * 366 * DAY + 1 })).toThrowOpsError("invalid_argument", {
      fn: "expandEventSeries",
      path: ["period", "end"],
      message: /must be at most 3 years after start/,
    });
  });
});
