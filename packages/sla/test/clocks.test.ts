import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "@ops/core";
import {
  CN_PUBLIC_HOLIDAYS,
  compileCalendar,
  compileSlaPolicies,
  computeSlaClocks,
  selectSlaPolicy,
  whatIf,
  type HoursRange,
  type SlaEvent,
  type SlaPolicy,
} from "@ops/sla";

const H = 3_600_000;
const MIN = 60_000;
const t = (s: string) => parseInstant(s);
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? ms : formatInstant(ms));
const lunch: HoursRange[] = [
  { open: "09:00", close: "12:00" },
  { open: "13:00", close: "18:00" },
];
const shanghai = compileCalendar(
  {
    timeZone: "Asia/Shanghai",
    weekly: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch },
    ...CN_PUBLIC_HOLIDAYS,
  },
  { from: "2026-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00" },
);
const T0 = t("2026-03-09T10:00:00+08:00"); // Monday, open

const calendarPolicy = (targets: SlaPolicy["targets"], id = "p"): SlaPolicy => ({ id, match: {}, targets });
const created = (at = T0, subject = {}): SlaEvent => ({ type: "created", at, subject });
const inbound = (at: number): SlaEvent => ({ type: "message", at, direction: "in", visibility: "private" });
const reply = (at: number): SlaEvent => ({ type: "message", at, direction: "out", visibility: "private" });
const status = (at: number, s: "open" | "pending" | "snoozed" | "resolved"): SlaEvent => ({
  type: "status",
  at,
  status: s,
});

describe("computeSlaClocks", () => {
  it("achieves first reply when the agent answers in time, and a reply exactly at the due instant is in time", () => {
    const set = compileSlaPolicies([calendarPolicy({ first_reply: { goal: H, hours: "calendar" } })]);
    const c = computeSlaClocks([created(), reply(T0 + H)], set, { now: T0 + 2 * H });
    expect(c.cycles.first_reply).toEqual([
      {
        metric: "first_reply",
        policyId: "p",
        startedAt: T0,
        pausedIntervals: [],
        stoppedAt: T0 + H,
        stoppedBy: "reply",
        goal: H,
        hours: "calendar",
        elapsed: H,
        remaining: 0,
        dueAt: null,
        status: "achieved",
      },
    ]);
    expect(c.status).toBe("achieved");
  });

  it("does not count internal notes or automated replies as a first reply", () => {
    const set = compileSlaPolicies([calendarPolicy({ first_reply: { goal: H, hours: "calendar" } })]);
    const events: SlaEvent[] = [
      created(),
      { type: "message", at: T0 + MIN, direction: "out", visibility: "internal_note" },
      { type: "message", at: T0 + 2 * MIN, direction: "out", visibility: "private", automated: true },
    ];
    const c = computeSlaClocks(events, set, { now: T0 + 30 * MIN });
    expect(c.cycles.first_reply[0]?.status).toBe("active");
    expect(c.cycles.first_reply[0]?.remaining).toBe(30 * MIN);
    expect(c.nextDue).toEqual({ metric: "first_reply", dueAt: T0 + H });
  });

  it("starts the business clock of a message outside hours at the next opening", () => {
    const set = compileSlaPolicies([
      { id: "biz", match: {}, calendar: shanghai, targets: { first_reply: { goal: H, hours: "business" } } },
    ]);
    const sat = t("2026-03-07T23:00:00+08:00");
    const c = computeSlaClocks([created(sat)], set, { now: t("2026-03-08T12:00:00+08:00") });
    const cycle = c.cycles.first_reply[0];
    expect(cycle?.elapsed).toBe(0);
    expect(cycle?.status).toBe("active");
    expect(iso(cycle?.dueAt)).toBe("2026-03-09T02:00:00.000Z"); // Monday 10:00 in Shanghai
  });

  it("starts each next-reply cycle at the oldest unanswered customer message", () => {
    const set = compileSlaPolicies([
      calendarPolicy({ first_reply: { goal: H, hours: "calendar" }, next_reply: { goal: H, hours: "calendar" } }),
    ]);
    const events = [
      created(),
      reply(T0 + 10 * MIN),
      inbound(T0 + 20 * MIN),
      inbound(T0 + 50 * MIN),
      reply(T0 + 90 * MIN),
      inbound(T0 + 100 * MIN),
    ];
    const c = computeSlaClocks(events, set, { now: T0 + 110 * MIN });
    expect(
      c.cycles.next_reply.map((x) => [x.startedAt - T0, x.stoppedAt === undefined ? null : x.stoppedAt - T0, x.status]),
    ).toEqual([
      [20 * MIN, 90 * MIN, "breached"],
      [100 * MIN, null, "active"],
    ]);
    expect(c.cycles.next_reply[0]?.breachedAt).toBe(T0 + 80 * MIN);
    expect(c.status).toBe("active_with_misses");
  });

  it("pauses agent work in pending and snoozed, requester wait only in pending, and never resolution", () => {
    const set = compileSlaPolicies([
      calendarPolicy({
        agent_work: { goal: 10 * H, hours: "calendar" },
        requester_wait: { goal: 10 * H, hours: "calendar" },
        resolution: { goal: 10 * H, hours: "calendar" },
      }),
    ]);
    const events = [
      created(),
      status(T0 + H, "pending"),
      inbound(T0 + 2 * H),
      status(T0 + 3 * H, "snoozed"),
      status(T0 + 5 * H, "open"),
    ];
    const c = computeSlaClocks(events, set, { now: T0 + 6 * H });
    // Zendesk: agent work counts new+open; requester wait counts new+open+on-hold; total resolution counts all
    expect(
      [c.cycles.agent_work[0]?.elapsed, c.cycles.requester_wait[0]?.elapsed, c.cycles.resolution[0]?.elapsed].map(
        (x) => (x ?? 0) / H,
      ),
    ).toEqual([3, 5, 6]);
    expect(c.cycles.agent_work[0]?.pausedIntervals).toEqual([
      { start: T0 + H, end: T0 + 2 * H },
      { start: T0 + 3 * H, end: T0 + 5 * H },
    ]);
  });

  it("reports a running pause with an open end, no due time and status paused", () => {
    const set = compileSlaPolicies([calendarPolicy({ requester_wait: { goal: 10 * H, hours: "calendar" } })]);
    const c = computeSlaClocks([created(), status(T0 + H, "pending")], set, { now: T0 + 3 * H });
    expect(c.cycles.requester_wait[0]).toMatchObject({
      status: "paused",
      dueAt: null,
      elapsed: H,
      remaining: 9 * H,
      pausedIntervals: [{ start: T0 + H, end: null }],
    });
  });

  describe("an event at exactly now (issue 20: it was ignored in status, dueAt, pausedIntervals and nextDue)", () => {
    const set = compileSlaPolicies([
      calendarPolicy({
        first_reply: { goal: 8 * H, hours: "calendar" },
        requester_wait: { goal: 4 * H, hours: "calendar" },
      }),
    ]);
    it("pauses requester wait on a status change to pending at now, as at now + 1 ms (was active, due T0 + 4 h)", () => {
      const events = [created(), status(T0 + H, "pending")];
      for (const now of [T0 + H, T0 + H + 1]) {
        const c = computeSlaClocks(events, set, { now });
        expect(c.cycles.requester_wait[0]).toMatchObject({
          status: "paused",
          dueAt: null,
          elapsed: H,
          remaining: 3 * H,
          pausedIntervals: [{ start: T0 + H, end: null }],
        });
        // first reply does not pause in pending (Zendesk): it is now the next due
        expect(c.nextDue).toEqual({ metric: "first_reply", dueAt: T0 + 8 * H });
      }
    });
    it("resumes requester wait on a reopening customer message at now, as at now + 1 ms", () => {
      const events = [created(), status(T0 + H, "pending"), inbound(T0 + 2 * H)];
      for (const now of [T0 + 2 * H, T0 + 2 * H + 1]) {
        const c = computeSlaClocks(events, set, { now });
        expect(c.cycles.requester_wait[0]).toMatchObject({
          status: "active",
          dueAt: T0 + 5 * H, // 1 h counted before the pause, 3 h left from T0 + 2 h
          pausedIntervals: [{ start: T0 + H, end: T0 + 2 * H }],
        });
        expect(c.nextDue).toEqual({ metric: "requester_wait", dueAt: T0 + 5 * H });
      }
    });
    it("takes a resolution at now as a stop and an update at now as the goal in force", () => {
      const resolved = computeSlaClocks([created(), status(T0 + H, "resolved")], set, { now: T0 + H });
      expect([resolved.status, resolved.nextDue]).toEqual(["achieved", null]);
      const set2 = compileSlaPolicies([
        {
          id: "urgent",
          match: { priorities: ["urgent"] },
          targets: { requester_wait: { goal: 30 * MIN, hours: "calendar" } },
        },
        calendarPolicy({ requester_wait: { goal: 4 * H, hours: "calendar" } }),
      ]);
      const events: SlaEvent[] = [created(), { type: "update", at: T0 + H, subject: { priority: "urgent" } }];
      const c = computeSlaClocks(events, set2, { now: T0 + H });
      // the 30-minute goal applied at T0 + 1 h is already used up: breached then, never back-dated
      expect(c.cycles.requester_wait[0]).toMatchObject({ status: "breached", breachedAt: T0 + H, goal: 30 * MIN });
    });
    it("does the same in whatIf", () => {
      const events = [created(), status(T0 + H, "pending")];
      const r = whatIf(events, { current: set, proposed: set }, { now: T0 + H });
      expect(r.current.cycles.requester_wait[0]).toMatchObject({ status: "paused", dueAt: null });
      expect(r.proposed.cycles.requester_wait[0]).toMatchObject({ status: "paused", dueAt: null });
      expect(r.changes).toEqual([]);
    });
  });

  it("does not count a pause that spans a holiday, nor the holiday itself", () => {
    const set = compileSlaPolicies([
      { id: "biz", match: {}, calendar: shanghai, targets: { requester_wait: { goal: 20 * H, hours: "business" } } },
    ]);
    // Thursday 2026-04-02 16:00 created; pending at 17:00; Qingming 04-04…04-06; back to open Tue 04-07 10:00
    const events = [
      created(t("2026-04-02T16:00:00+08:00")),
      status(t("2026-04-02T17:00:00+08:00"), "pending"),
      inbound(t("2026-04-07T10:00:00+08:00")),
    ];
    const c = computeSlaClocks(events, set, { now: t("2026-04-07T11:00:00+08:00") });
    const cycle = c.cycles.requester_wait[0];
    expect(cycle?.elapsed).toBe(2 * H); // 16:00–17:00 Thursday, 10:00–11:00 Tuesday
    expect(cycle?.pausedIntervals).toEqual([
      { start: t("2026-04-02T17:00:00+08:00"), end: t("2026-04-07T10:00:00+08:00") },
    ]);
    // 18 h left from Tue 11:00: Tue 6 h, Wed 8 h, then Thu 09:00–12:00 and 13:00–14:00 → Thursday 14:00
    expect(iso(cycle?.dueAt)).toBe("2026-04-09T06:00:00.000Z");
  });

  it("switches an active cycle to the new policy's goal on a mid-item change without back-dating the breach", () => {
    const set = compileSlaPolicies([
      {
        id: "urgent",
        match: { priorities: ["urgent"] },
        targets: { first_reply: { goal: H, hours: "calendar" }, next_reply: { goal: H, hours: "calendar" } },
      },
      {
        id: "normal",
        match: {},
        targets: { first_reply: { goal: 4 * H, hours: "calendar" }, next_reply: { goal: 4 * H, hours: "calendar" } },
      },
    ]);
    const events: SlaEvent[] = [
      created(T0, { priority: "normal" }),
      { type: "update", at: T0 + 2 * H, subject: { priority: "urgent" } },
    ];
    const c = computeSlaClocks(events, set, { now: T0 + 3 * H });
    expect(c.policyId).toBe("urgent");
    // the urgent goal (1 h) was used up before it applied: the breach is the change, not T0 + 1 h
    expect(c.cycles.first_reply[0]).toMatchObject({
      policyId: "urgent",
      goal: H,
      breachedAt: T0 + 2 * H,
      status: "breached",
    });
  });

  it("keeps the goal of a cycle completed before the policy changed", () => {
    const set = compileSlaPolicies([
      { id: "urgent", match: { priorities: ["urgent"] }, targets: { first_reply: { goal: H, hours: "calendar" } } },
      { id: "normal", match: {}, targets: { first_reply: { goal: 4 * H, hours: "calendar" } } },
    ]);
    const events: SlaEvent[] = [
      created(T0, { priority: "normal" }),
      reply(T0 + 3 * H),
      { type: "update", at: T0 + 4 * H, subject: { priority: "urgent" } },
    ];
    const c = computeSlaClocks(events, set, { now: T0 + 5 * H });
    expect(c.cycles.first_reply[0]).toMatchObject({ policyId: "normal", goal: 4 * H, status: "achieved" });
    expect(c.status).toBe("achieved");
  });

  it("stops reply cycles at resolution and resumes single-cycle metrics on reopen", () => {
    const set = compileSlaPolicies([
      calendarPolicy({
        first_reply: { goal: 10 * H, hours: "calendar" },
        resolution: { goal: 10 * H, hours: "calendar" },
      }),
    ]);
    const events = [created(), status(T0 + H, "resolved"), inbound(T0 + 3 * H)];
    const c = computeSlaClocks(events, set, { now: T0 + 4 * H });
    expect(c.cycles.first_reply[0]).toMatchObject({ stoppedAt: T0 + H, status: "achieved" });
    expect(c.cycles.resolution[0]).toMatchObject({
      elapsed: 2 * H,
      status: "active",
      pausedIntervals: [{ start: T0 + H, end: T0 + 3 * H }],
    });
    expect(c.cycles.resolution[0]?.stoppedAt).toBeUndefined();
  });

  it("opens a periodic-update cycle at each agent reply", () => {
    const set = compileSlaPolicies([
      calendarPolicy({
        periodic_update: { goal: 2 * H, hours: "calendar" },
        pausable_update: { goal: 2 * H, hours: "calendar" },
      }),
    ]);
    const events = [created(), reply(T0 + H), status(T0 + H, "pending"), reply(T0 + 4 * H)];
    const c = computeSlaClocks(events, set, { now: T0 + 5 * H });
    expect(c.cycles.periodic_update.map((x) => x.status)).toEqual(["breached", "active"]);
    // pausable update does not count pending (Zendesk: counts new, open, on-hold)
    expect(c.cycles.pausable_update.map((x) => x.status)).toEqual(["achieved", "paused"]);
  });

  it("keeps the policy version in force when the SLA was applied, even after the policies are edited", () => {
    const v1 = compileSlaPolicies([calendarPolicy({ first_reply: { goal: 4 * H, hours: "calendar" } }, "v1")]);
    const v2 = compileSlaPolicies([calendarPolicy({ first_reply: { goal: H, hours: "calendar" } }, "v2")]);
    const history = [
      { since: T0 - 24 * H, policies: v1 },
      { since: T0 + 30 * MIN, policies: v2 },
    ];
    const old = computeSlaClocks([created(T0)], history, { now: T0 + 2 * H });
    expect(old.cycles.first_reply[0]).toMatchObject({ policyId: "v1", goal: 4 * H, status: "active" });
    const fresh = computeSlaClocks([created(T0 + H)], history, { now: T0 + 3 * H });
    expect(fresh.cycles.first_reply[0]).toMatchObject({ policyId: "v2", goal: H, status: "breached" });
    expect(computeSlaClocks([created(T0 - 48 * H)], history, { now: T0 }).status).toBe("none");
    expect(() => computeSlaClocks([created(T0)], [...history].reverse(), { now: T0 })).toThrowOpsError("out_of_order", {
      path: ["policies", 1, "since"],
    });
  });

  it("has status none and no policy when no policy matches", () => {
    const set = compileSlaPolicies([
      { id: "weibo", match: { platforms: ["weibo"] }, targets: { first_reply: { goal: H, hours: "calendar" } } },
    ]);
    const c = computeSlaClocks([created(T0, { platform: "douyin" })], set, { now: T0 });
    expect([c.status, c.policyId, c.nextDue]).toEqual(["none", null, null]);
  });

  it("does not mutate the timeline", () => {
    const set = compileSlaPolicies([calendarPolicy({ first_reply: { goal: H, hours: "calendar" } })]);
    const events = [created(T0, { tags: ["投诉"] }), inbound(T0 + MIN), reply(T0 + 2 * MIN)];
    const copy = structuredClone(events);
    computeSlaClocks(events, set, { now: T0 + H });
    expect(events).toEqual(copy);
  });

  describe("bad input", () => {
    const set = compileSlaPolicies([calendarPolicy({ first_reply: { goal: H, hours: "calendar" } })]);
    it("refuses events before the item exists", () => {
      expect(() => computeSlaClocks([inbound(T0), created(T0)], set, { now: T0 })).toThrowOpsError("invalid_argument", {
        message: /^computeSlaClocks: events\[0\]\.type must be "created": no event may come before the item exists/,
      });
    });
    it("refuses a timeline out of order", () => {
      expect(() =>
        computeSlaClocks([created(), reply(T0 + H), inbound(T0 + 30 * MIN)], set, { now: T0 + H }),
      ).toThrowOpsError("out_of_order", { message: /events\[2\]\.at must not be before the previous event's at/ });
    });
    it("refuses a second created event, an unknown status, an empty timeline and now before the last event", () => {
      expect(() => computeSlaClocks([created(), created(T0 + 1)], set, { now: T0 + 1 })).toThrowOpsError(
        "invalid_argument",
        { message: /events\[1\]\.type must not be "created" again/ },
      );
      expect(() =>
        computeSlaClocks([created(), { type: "status", at: T0, status: "on-hold" } as unknown as SlaEvent], set, {
          now: T0,
        }),
      ).toThrowOpsError("invalid_argument", { message: /events\[1\]\.status/ });
      expect(() => computeSlaClocks([], set, { now: T0 })).toThrowOpsError("invalid_argument", {
        message: /events must contain at least the created event/,
      });
      expect(() => computeSlaClocks([created(), reply(T0 + H)], set, { now: T0 })).toThrowOpsError("invalid_argument", {
        message: /options\.now must not be before the last event/,
      });
    });
  });
});

describe("compileSlaPolicies", () => {
  it("refuses duplicate ids and business targets without a calendar, naming the field", () => {
    const p = calendarPolicy({ first_reply: { goal: H, hours: "calendar" } });
    expect(() => compileSlaPolicies([p, p])).toThrowOpsError("duplicate");
    expect(() => compileSlaPolicies([calendarPolicy({ first_reply: { goal: H, hours: "business" } })])).toThrowOpsError(
      "invalid_argument",
      {
        message: /policies\[0\]\.targets\.first_reply\.hours is "business", so the policy needs a calendar/,
      },
    );
    expect(() =>
      compileSlaPolicies([calendarPolicy({ first_reply: { goal: -1, hours: "calendar" } })]),
    ).toThrowOpsError("invalid_argument", { message: /goal must be a positive integer/ });
    expect(() =>
      compileSlaPolicies([
        calendarPolicy({ agent_work: { goal: H, hours: "calendar", pauseIn: ["resolved"] as never } }),
      ]),
    ).toThrowOpsError("invalid_argument", {
      path: ["policies", 0, "targets", "agent_work", "pauseIn", 0],
      message: /must be one of "open", "pending", "snoozed", got "resolved"$/,
    });
    expect(() =>
      compileSlaPolicies([
        { id: "p", match: {}, targets: { first_response: { goal: H, hours: "calendar" } } } as never,
      ]),
    ).toThrowOpsError("invalid_argument", {
      path: ["policies", 0, "targets"],
      message: /must not have the key "first_response"/,
    });
  });
});

describe("selectSlaPolicy", () => {
  it("takes the first match in list order and honours every tag rule", () => {
    const set = compileSlaPolicies([
      { id: "vip-not-spam", match: { tagsAll: ["vip"], tagsNone: ["spam"] }, targets: {} },
      { id: "dm", match: { threadTypes: ["dm"] }, targets: {} },
      { id: "all", match: {}, targets: {} },
    ]);
    expect(selectSlaPolicy(set, { tags: ["vip"], threadType: "dm" })?.id).toBe("vip-not-spam");
    expect(selectSlaPolicy(set, { tags: ["vip", "spam"], threadType: "dm" })?.id).toBe("dm");
    expect(selectSlaPolicy(set, {})?.id).toBe("all");
  });
  it("refuses a look-alike set (right shape, no brand from compileSlaPolicies) with the one rule", () => {
    const set = compileSlaPolicies([{ id: "all", match: {}, targets: {} }]);
    const lookAlike = Object.freeze({ ...set });
    const rule = /must be the result of compileSlaPolicies/;
    expect(() => selectSlaPolicy(lookAlike, {})).toThrowOpsError("invalid_argument", { path: ["set"], message: rule });
    expect(() =>
      computeSlaClocks([{ type: "created", at: T0, subject: {} }], JSON.parse(JSON.stringify(set)), { now: T0 }),
    ).toThrowOpsError("invalid_argument", { path: ["policies"], message: rule });
    expect(() =>
      computeSlaClocks([{ type: "created", at: T0, subject: {} }], [{ since: T0, policies: lookAlike }], { now: T0 }),
    ).toThrowOpsError("invalid_argument", { path: ["policies", 0, "policies"], message: rule });
  });
});
