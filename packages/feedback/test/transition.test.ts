import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  FEEDBACK_EVENT_TYPES,
  FEEDBACK_TRANSITIONS,
  FeedbackItemSchema,
  FeedbackStatusSchema,
  openFeedback,
  replay,
  replayLog,
  transition,
  type FeedbackEventInput,
  type FeedbackEventType,
  type FeedbackItem,
} from "@ops/feedback";
import { apply, DAY, HOUR, openEvent, reach, T0, validEvent } from "./_helpers";

const ARROWS = FeedbackStatusSchema.options.flatMap((from) =>
  Object.entries(FEEDBACK_TRANSITIONS[from]).map(([event, to]) => ({ from, event: event as FeedbackEventType, to })),
);

describe("FEEDBACK_TRANSITIONS", () => {
  it("has a row for every status and only names known events and states", () => {
    expect(Object.keys(FEEDBACK_TRANSITIONS).sort()).toEqual([...FeedbackStatusSchema.options].sort());
    for (const { event, to } of ARROWS) {
      expect(FEEDBACK_EVENT_TYPES).toContain(event);
      expect(FeedbackStatusSchema.options).toContain(to);
    }
  });

  it("makes every state reachable from new and lets every non-closed state reach closed", () => {
    const reachable = new Set(["new"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const { from, to } of ARROWS)
        if (reachable.has(from) && !reachable.has(to)) {
          reachable.add(to);
          changed = true;
        }
    }
    expect([...reachable].sort()).toEqual([...FeedbackStatusSchema.options].sort());
    const closes = new Set(["closed"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const { from, to } of ARROWS)
        if (closes.has(to) && !closes.has(from)) {
          closes.add(from);
          changed = true;
        }
    }
    expect(closes.size).toBe(FeedbackStatusSchema.options.length);
  });

  it("keeps closed final: nothing leaves it", () => {
    expect(Object.values(FEEDBACK_TRANSITIONS.closed)).toEqual(["closed", "closed"]);
  });
});

describe("allowedEvents", () => {
  it("lists the row of the table", () => {
    expect(allowedEvents("resolved")).toEqual(["report_back", "customer_message", "reopen", "redact"]);
  });
  it("throws an OpsError for an unknown status", () => {
    expect(() => allowedEvents("lost" as never)).toThrow(/allowedEvents: status must be a feedback status/);
  });
});

describe("transition", () => {
  it.each(ARROWS)("follows the arrow $from --$event--> $to", ({ from, event, to }) => {
    const { item, at } = reach(from);
    const e = validEvent(event, item, at + HOUR, "ev_x");
    const r = transition(item, e);
    expect(r.ok ? r.value.item.status : r.error.message).toBe(to);
  });

  const ILLEGAL = FeedbackStatusSchema.options.flatMap((from) =>
    FEEDBACK_EVENT_TYPES.filter((t) => !(t in FEEDBACK_TRANSITIONS[from])).map((event) => ({ from, event })),
  );
  it.each(ILLEGAL)("refuses $event in $from, listing the allowed events, and changes nothing", ({ from, event }) => {
    const { item, at } = reach(from);
    const snapshot = structuredClone(item);
    const r = transition(item, validEvent(event, item, at + HOUR, "ev_x"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("illegal_event");
    expect(r.error.status).toBe(from);
    expect(r.error.event).toBe(event);
    expect(r.error.allowed).toEqual(Object.keys(FEEDBACK_TRANSITIONS[from]));
    expect(r.error.message).toContain(`allowed: ${Object.keys(FEEDBACK_TRANSITIONS[from]).join(", ")}`);
    expect(item).toEqual(snapshot);
  });

  it("returns deeply frozen items and leaves the input item and event untouched", () => {
    const { item, at } = reach("in_progress");
    const snapshot = structuredClone(item);
    const event = validEvent("resolve", item, at + HOUR, "ev_r");
    const eventCopy = structuredClone(event);
    const r = transition(item, event);
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.isFrozen(r.value.item)).toBe(true);
    expect(Object.isFrozen(r.value.item.remedy)).toBe(true);
    expect(Object.isFrozen(r.value.item.history.at(-1))).toBe(true);
    expect(item).toEqual(snapshot);
    expect(event).toEqual(eventCopy);
    expect(Object.isFrozen(event)).toBe(false);
    expect(r.value.item.sources).toBe(item.sources); // what did not change is shared
  });

  it.each(ARROWS)("leaves an unfrozen input item untouched by $event in $from (copy-on-write)", ({ from, event }) => {
    const { item, at } = reach(from);
    const thawed = structuredClone(item) as FeedbackItem; // as read back from storage: nothing frozen
    const snapshot = structuredClone(thawed);
    const r = transition(thawed, validEvent(event, thawed, at + HOUR, "ev_x"));
    expect(r.ok).toBe(true);
    expect(thawed).toEqual(snapshot);
    expect(Object.isFrozen(r.ok && r.value.item.history.at(-1))).toBe(true);
  });

  describe("guards", () => {
    it("start needs an assignee on the item or in the event", () => {
      const { item, at } = reach("routed");
      const r = transition(item, { type: "start", id: "ev_s", itemId: "fb_1", at: at + 1 });
      expect(r.ok ? null : [r.error.code, r.error.guard]).toEqual(["guard_failed", "has_assignee"]);
      const assigned = apply(item, { type: "assign", id: "ev_a", itemId: "fb_1", at: at + 1, assignee: "agent_wang" });
      const started = apply(assigned, { type: "start", id: "ev_s", itemId: "fb_1", at: at + 2 });
      expect([started.status, started.assignee]).toEqual(["in_progress", "agent_wang"]);
    });

    it("resolve needs an assignee, and a remedy by schema", () => {
      const { item, at } = reach("in_progress");
      const unassigned = { ...item, assignee: null } as FeedbackItem; // not reachable by events: start needs one too
      const r = transition(unassigned, {
        type: "resolve",
        id: "ev_y",
        itemId: "fb_1",
        at: at + 1,
        remedy: { kind: "explanation" },
      });
      expect(r.ok ? null : r.error.guard).toBe("has_assignee");
      expect(() => transition(item, { type: "resolve", id: "ev_x", itemId: "fb_1", at: at + 1 } as never)).toThrow(
        /^transition: event\.remedy /,
      );
      expect(() =>
        transition(item, {
          type: "resolve",
          id: "ev_x",
          itemId: "fb_1",
          at: at + 1,
          remedy: { kind: "refund", currency: "CNY" },
        }),
      ).toThrow("transition: event.remedy.amount is required for a refund, got undefined");
      const paid = apply(item, {
        type: "resolve",
        id: "ev_x",
        itemId: "fb_1",
        at: at + 1,
        remedy: { kind: "refund", amount: 129, currency: "CNY" },
      });
      expect([paid.status, paid.remedy, paid.resolvedAt]).toEqual([
        "resolved",
        { kind: "refund", amount: 129, currency: "CNY" },
        at + 1,
      ]);
    });

    it("mark_duplicate may not name the item itself", () => {
      const { item, at } = reach("triaged");
      const r = transition(item, {
        type: "mark_duplicate",
        id: "ev_d",
        itemId: "fb_1",
        at: at + 1,
        duplicateOf: "fb_1",
      });
      expect(r.ok ? null : r.error.guard).toBe("not_self_duplicate");
    });

    it("a follow-up may not be scheduled in the past", () => {
      const { item, at } = reach("reported");
      const r = transition(item, { type: "schedule_follow_up", id: "ev_f", itemId: "fb_1", at: at + HOUR, dueAt: at });
      expect(r.ok ? null : r.error.guard).toBe("follow_up_in_future");
    });

    it("auto_close waits for the configured number of days after report-back", () => {
      const { item, at } = reach("resolved");
      const context = { autoCloseAfterDays: 3 };
      const reported = apply(item, validEvent("report_back", item, at + HOUR, "ev_rb"), context);
      expect(reported.autoCloseAt).toBe(at + HOUR + 3 * DAY);
      const early = transition(reported, {
        type: "auto_close",
        id: "ev_c",
        itemId: "fb_1",
        at: at + HOUR + 3 * DAY - 1,
      });
      expect(early.ok ? null : [early.error.code, early.error.guard]).toEqual(["guard_failed", "auto_close_due"]);
      const closed = apply(reported, { type: "auto_close", id: "ev_c", itemId: "fb_1", at: at + HOUR + 3 * DAY });
      expect([closed.status, closed.closedAt]).toEqual(["closed", at + HOUR + 3 * DAY]);
    });

    it("counts auto-close days in local days across a DST night (25-hour day)", () => {
      // America/New_York falls back on 2026-11-01 at 02:00 local: that local day has 25 hours.
      const { item } = reach("resolved");
      const reportAt = Date.UTC(2026, 10, 1, 3, 0); // 2026-10-31 23:00 EDT
      const reported = apply(item, validEvent("report_back", item, reportAt, "ev_rb"), {
        autoCloseAfterDays: 1,
        timeZone: "America/New_York",
      });
      expect(reported.autoCloseAt).toBe(reportAt + 25 * HOUR); // 2026-11-01 23:00 EST
    });

    it("refuses a damaged stored item whose autoCloseAt is not an instant, naming the field (never a skipped wait)", () => {
      const { item, at } = reach("reported");
      const damaged = { ...item, autoCloseAt: Number.NaN } as FeedbackItem;
      expect(() =>
        transition(damaged, { type: "auto_close", id: "ev_c", itemId: "fb_1", at: at + 1000 }),
      ).toThrowOpsError("invalid_argument", { path: ["item", "autoCloseAt"] });
    });
  });

  describe("instants near the end of the range (±8.64e15 ms)", () => {
    const MAX = 8.64e15; // +275760-09-13T00:00:00.000Z, the last instant (ECMA-262 §21.4.1.1)
    /** A resolved item whose every event is at `t`. */
    const resolvedAt = (t: number): FeedbackItem => {
      let item = openFeedback(openEvent("fb_1", t)).item;
      for (const [i, type] of (["triage", "route", "start", "resolve"] as const).entries())
        item = apply(item, validEvent(type, item, t, `ev_${i}`));
      return item;
    };
    const shanghai = { timeZone: "Asia/Shanghai", autoCloseAfterDays: 7 };

    it("refuses a report_back whose auto-close would pass the last instant, so auto_close cannot skip the 7-day wait (issue 20)", () => {
      // before: autoCloseAt was NaN in Asia/Shanghai, and an auto_close 1 s later was accepted
      const t = MAX - DAY;
      const item = resolvedAt(t);
      expect(() => transition(item, validEvent("report_back", item, t, "ev_rb"), shanghai)).toThrowOpsError(
        "out_of_range",
        {
          fn: "transition",
          path: ["event", "at"],
          message:
            'transition: event.at must leave room for the auto-close 7 local days later in Asia/Shanghai, within ±8.64e15 epoch milliseconds (up to +275760-09-13T00:00:00.000Z), got "+275760-09-12T00:00:00.000Z"',
        },
      );
      const autoClose = { type: "auto_close", id: "ev_c", itemId: "fb_1", at: t + 1000 } as const;
      const refused = transition(item, autoClose, shanghai);
      expect(refused.ok ? null : refused.error.code).toBe("illegal_event"); // still resolved: no report-back
      // UTC gave an autoCloseAt past the range (a number, not NaN): refused the same way
      expect(() => transition(item, validEvent("report_back", item, t, "ev_rb"))).toThrowOpsError("out_of_range", {
        path: ["event", "at"],
      });
    });

    it("accepts a report_back whose auto-close is the last instant itself, and not one millisecond later", () => {
      // Asia/Shanghai keeps UTC+8 without DST in 275760, so 7 local days are 7 × 24 h
      const t = MAX - 7 * DAY;
      const item = resolvedAt(t);
      expect(apply(item, validEvent("report_back", item, t, "ev_rb"), shanghai).autoCloseAt).toBe(MAX);
      const later = resolvedAt(t + 1);
      expect(() => transition(later, validEvent("report_back", later, t + 1, "ev_rb"), shanghai)).toThrowOpsError(
        "out_of_range",
      );
    });

    it("refuses the same log in replay and replayLog, naming the event", () => {
      const t = MAX - DAY;
      const item = resolvedAt(t);
      const log = [...item.history, validEvent("report_back", item, t, "ev_rb")] as FeedbackEventInput[];
      expect(() => replay(log, shanghai)).toThrowOpsError("out_of_range", { fn: "replay", path: ["events", 5, "at"] });
      expect(() => replayLog(log, shanghai)).toThrowOpsError("out_of_range", {
        fn: "replayLog",
        path: ["items", "fb_1", "events", 5, "at"],
      });
    });
  });

  describe("reopen", () => {
    it.each(["waiting_customer", "waiting_internal", "resolved", "follow_up"] as const)(
      "a customer message moves %s back to in_progress",
      (from) => {
        const { item, at } = reach(from);
        const r = transition(item, validEvent("customer_message", item, at + HOUR, "ev_m"));
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value.item.status).toBe("in_progress");
        expect(r.value.item.sources).toHaveLength(2);
        const stopped = from === "resolved" || from === "follow_up";
        expect(r.value.item.reopenCount).toBe(stopped ? 1 : 0);
        if (stopped)
          expect([r.value.item.resolvedAt, r.value.item.replyBack, r.value.item.followUp]).toEqual([null, null, null]);
        if (from === "follow_up")
          expect(r.value.effects).toContainEqual({ type: "cancel_timer", itemId: "fb_1", timer: "follow_up" });
      },
    );

    it("records a customer message on a reported item without stopping the auto-close clock", () => {
      const { item, at } = reach("reported");
      const next = apply(item, validEvent("customer_message", item, at + HOUR, "ev_m"));
      expect([next.status, next.autoCloseAt, next.sources.length]).toEqual(["reported", item.autoCloseAt, 2]);
    });

    it("staff reopen of a reported item cancels auto-close and counts the reopen", () => {
      const { item, at } = reach("reported");
      const r = transition(item, {
        type: "reopen",
        id: "ev_o",
        itemId: "fb_1",
        at: at + HOUR,
        note: "replacement also broken",
      });
      if (!r.ok) throw new Error(r.error.message);
      expect([r.value.item.status, r.value.item.reopenCount, r.value.item.autoCloseAt]).toEqual([
        "in_progress",
        1,
        null,
      ]);
      expect(r.value.effects).toContainEqual({ type: "cancel_timer", itemId: "fb_1", timer: "auto_close" });
    });

    it("a message on a closed item is refused with a hint to open a linked item", () => {
      const { item, at } = reach("closed");
      const r = transition(item, validEvent("customer_message", item, at + HOUR, "ev_m"));
      expect(r.ok ? null : r.error.message).toBe(
        'transition: event "customer_message" is not allowed in state "closed" (closed is final: open a new item with linkedTo); allowed: record_csat, redact',
      );
      const linked = openFeedback(openEvent("fb_2", at + HOUR, { linkedTo: "fb_1" })).item;
      expect(linked.linkedTo).toBe("fb_1");
    });
  });

  describe("effects", () => {
    it("rejection and duplicates still tell the user, and report-back closes them", () => {
      for (const kind of ["reject", "mark_duplicate"] as const) {
        const { item, at } = reach("triaged");
        const r = transition(item, validEvent(kind, item, at + 1, "ev_1"));
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value.effects).toEqual([
          { type: "notify_user", itemId: "fb_1", reason: kind === "reject" ? "rejected" : "duplicate" },
        ]);
        const closed = apply(r.value.item, validEvent("report_back", r.value.item, at + 2, "ev_2"));
        expect([closed.status, closed.closedAt, closed.replyBack?.via]).toEqual(["closed", at + 2, "dm"]);
      }
    });

    it("route asks to route to the department with the item's priority", () => {
      const { item, at } = reach("triaged");
      const r = transition(item, { type: "route", id: "ev_r", itemId: "fb_1", at: at + 1, department: "质检部" });
      expect(r.ok && r.value.effects).toEqual([
        { type: "route_to_department", itemId: "fb_1", department: "质检部", priority: "high" },
      ]);
    });

    it("resolve asks to notify the user; report-back schedules auto-close and the CSAT survey", () => {
      const { item, at } = reach("in_progress");
      const resolved = transition(item, validEvent("resolve", item, at + 1, "ev_1"));
      expect(resolved.ok && resolved.value.effects).toEqual([
        { type: "notify_user", itemId: "fb_1", reason: "resolved" },
      ]);
      if (!resolved.ok) return;
      const reported = transition(resolved.value.item, validEvent("report_back", resolved.value.item, at + 2, "ev_2"));
      expect(reported.ok && reported.value.effects).toEqual([
        { type: "schedule_timer", itemId: "fb_1", timer: "auto_close", at: at + 2 + 7 * DAY },
        { type: "send_csat_survey", itemId: "fb_1", at: at + 2 },
      ]);
      const quiet = transition(resolved.value.item, validEvent("report_back", resolved.value.item, at + 2, "ev_2"), {
        csatSurvey: false,
      });
      expect(quiet.ok && quiet.value.effects.map((e) => e.type)).toEqual(["schedule_timer"]);
    });

    it("schedule_follow_up swaps the auto-close timer for the follow-up timer", () => {
      const { item, at } = reach("reported");
      const r = transition(item, validEvent("schedule_follow_up", item, at + 1, "ev_1"));
      expect(r.ok && r.value.effects).toEqual([
        { type: "cancel_timer", itemId: "fb_1", timer: "auto_close" },
        { type: "schedule_timer", itemId: "fb_1", timer: "follow_up", at: at + 1 + 3 * DAY },
      ]);
    });
  });

  describe("deadlines", () => {
    it("takes the deadline from context.deadline when the event has none", () => {
      const { item, at } = reach("new");
      const context = { deadline: (it: FeedbackItem, t: number) => (it.priority === "high" ? t + 2 * HOUR : t + DAY) };
      const r = transition(item, validEvent("triage", item, at + 1, "ev_t"), context);
      expect(r.ok && [r.value.item.dueAt, r.value.effects]).toEqual([
        at + 1 + 2 * HOUR,
        [{ type: "schedule_timer", itemId: "fb_1", timer: "deadline", at: at + 1 + 2 * HOUR }],
      ]);
    });

    it("prefers the event's dueAt, so that a stored log replays the same without the policy", () => {
      const { item, at } = reach("new");
      const e = {
        type: "triage",
        id: "ev_t",
        itemId: "fb_1",
        at: at + 1,
        category: "quality",
        dueAt: at + 5 * HOUR,
      } as const;
      const r = transition(item, e, { deadline: () => 0 });
      expect(r.ok && r.value.item.dueAt).toBe(at + 5 * HOUR);
    });

    it("throws when the deadline function returns something that is not an instant", () => {
      const { item, at } = reach("new");
      expect(() =>
        transition(item, validEvent("triage", item, at + 1, "ev_t"), { deadline: () => Number.NaN }),
      ).toThrow("transition: context.deadline must return an integer Instant or null, got NaN");
    });
  });

  describe("event log rules", () => {
    it("ignores an event id it has already applied (idempotent)", () => {
      const { item, events } = reach("triaged");
      const r = transition(item, events[1] as FeedbackEventInput);
      expect(r.ok && r.value.item).toBe(item);
      expect(r.ok && r.value.effects).toEqual([]);
    });

    it("ignores a redelivery with the same content written differently: defaults explicit, keys reordered", () => {
      const { item } = reach("triaged");
      const { note, by, ...e } = item.history[1] as FeedbackEventInput; // note and by are the defaults, null
      const rewritten = { ...Object.fromEntries(Object.entries(e).reverse()), by, note } as FeedbackEventInput;
      expect(Object.keys(rewritten)).not.toEqual(Object.keys(item.history[1] as object));
      const r = transition(item, rewritten);
      expect(r.ok && r.value.item).toBe(item);
    });

    it("throws conflict for a known id with different content, naming both, and changes nothing (issue 20)", () => {
      const { item, events } = reach("triaged");
      const snapshot = structuredClone(item);
      const forged = { ...(events[1] as object), category: "delivery" } as FeedbackEventInput;
      expect(() => transition(item, forged)).toThrowOpsError("conflict", {
        fn: "transition",
        path: ["event"],
        message:
          'transition: event reuses the id "fb_1_0" of item.history[1] with different content (at category): one of them is forged or corrupted',
      });
      expect(item).toEqual(snapshot);
    });

    it("still ignores a redelivery after erasure, whose stored copy lost its personal fields", () => {
      const { item, events, at } = reach("reported");
      const erased = apply(item, { type: "redact", id: "ev_x", itemId: "fb_1", at, note: "request #1" });
      const reportBack = events[5] as FeedbackEventInput; // note "told 王女士", interactionId out_…
      expect(erased.history[5]).toMatchObject({ id: reportBack.id, note: null, interactionId: null });
      const r = transition(erased, reportBack);
      expect(r.ok && r.value.item).toBe(erased);
      // a difference erasure does not explain is still a conflict
      expect(() =>
        transition(erased, { ...(reportBack as object), via: "phone" } as FeedbackEventInput),
      ).toThrowOpsError("conflict", { message: "(at via)" });
    });

    it("refuses an event earlier than the last one", () => {
      const { item, at } = reach("triaged");
      const r = transition(item, validEvent("route", item, at - 1, "ev_r"));
      expect(r.ok ? null : r.error.code).toBe("out_of_order");
    });

    it("accepts an event at the same instant as the last one", () => {
      const { item, at } = reach("triaged");
      expect(transition(item, validEvent("route", item, at, "ev_r")).ok).toBe(true);
    });

    it("refuses an event addressed to another item", () => {
      const { item, at } = reach("triaged");
      const r = transition(item, { ...validEvent("route", item, at, "ev_r"), itemId: "fb_9" } as FeedbackEventInput);
      expect(r.ok ? null : r.error.code).toBe("wrong_item");
    });
  });

  describe("bad input", () => {
    it("throws an OpsError naming the field for a malformed event", () => {
      const { item } = reach("new");
      expect(() =>
        transition(item, { type: "triage", id: "ev", itemId: "fb_1", at: 1.5, category: "q" }),
      ).toThrowOpsError("invalid_argument", {
        fn: "transition",
        path: ["event", "at"],
        message: /^transition: event\.at must be an integer number of epoch milliseconds, got 1\.5$/,
      });
    });

    it("throws for a bad context and for something that is not an item", () => {
      const { item } = reach("new");
      expect(() => transition(item, validEvent("triage", item, T0, "e"), { autoCloseAfterDays: 1.5 })).toThrow(
        /transition: context\.autoCloseAfterDays must be an integer/,
      );
      expect(() => transition({} as FeedbackItem, validEvent("triage", item, T0, "e"))).toThrow(
        /transition: item\.id must be a string/,
      );
      expect(() => transition(null as never, validEvent("triage", item, T0, "e"))).toThrow(
        /transition: item must be a feedback item/,
      );
    });
  });

  it("produces items that FeedbackItemSchema accepts, at every state", () => {
    for (const status of FeedbackStatusSchema.options) {
      const { item, events } = reach(status);
      expect(FeedbackItemSchema.safeParse(item).success).toBe(true);
      expect(replay(events)).toEqual(item);
    }
  });
});

describe("openFeedback", () => {
  it("starts a new item that keeps CJK text as it is", () => {
    const { item, effects } = openFeedback(openEvent());
    expect([item.status, item.text, item.actor?.userId, effects]).toEqual([
      "new",
      "收到的口红断了，外壳也裂了",
      "oX1y2",
      [],
    ]);
  });
  it("refuses an event that is not open", () => {
    expect(() => openFeedback({ type: "triage", id: "e", itemId: "fb_1", at: 0, category: "q" })).toThrow(
      'openFeedback: event.type must be "open", got "triage"',
    );
  });
});
