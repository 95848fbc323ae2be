import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  FEEDBACK_EVENT_TYPES,
  openFeedback,
  replay,
  replayLog,
  transition,
  type FeedbackEventInput,
  type FeedbackItem,
  type TransitionContext,
} from "@ops/feedback";
import { HOUR, openEvent, reach, T0, validEvent } from "./_helpers";

/** A random valid walk through the lifecycle: each step picks one of the events the state allows. */
function walk(choices: readonly { pick: number; gap: number }[], itemId = "fb_1", context?: TransitionContext) {
  const events: FeedbackEventInput[] = [openEvent(itemId)];
  let item = openFeedback(events[0] as FeedbackEventInput).item;
  const states: FeedbackItem[] = [item];
  let at = T0;
  choices.forEach(({ pick, gap }, i) => {
    const allowed = allowedEvents(item.status);
    const type = allowed[pick % allowed.length];
    if (type === undefined) return;
    at = Math.max(at, item.updatedAt) + gap;
    const event = validEvent(type, item, at, `${itemId}_e${i}`);
    const r = transition(item, event, context);
    if (!r.ok) return; // guards (none fail for validEvent) — keep the walk valid
    events.push(event);
    item = r.value.item;
    states.push(item);
  });
  return { events, item, states };
}

const choicesArb = fc.array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 3 * 86_400_000 }) }), {
  maxLength: 30,
});

describe("replay", () => {
  it("gives the same item as applying the events step by step (property)", () => {
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const { events, item } = walk(choices);
        expect(replay(events)).toEqual(item);
        expect(replay(item.history)).toEqual(item);
      }),
    );
  });

  it("gives the same item as step by step under any context: zone, auto-close days, deadline policy (property)", () => {
    const contextArb = fc.record({
      autoCloseAfterDays: fc.integer({ min: 0, max: 10 }),
      timeZone: fc.constantFrom("UTC", "Asia/Shanghai", "America/New_York"),
      deadlineHours: fc.integer({ min: 1, max: 72 }),
    });
    fc.assert(
      fc.property(choicesArb, contextArb, (choices, { deadlineHours, ...rest }) => {
        const context: TransitionContext = {
          ...rest,
          deadline: (it, t) => (it.department === null ? null : t + deadlineHours * HOUR),
        };
        const { events, item } = walk(choices, "fb_1", context);
        expect(replay(events, context)).toEqual(item);
      }),
      { numRuns: 40 },
    );
  });

  it("never lets a refused event change the item (property)", () => {
    fc.assert(
      fc.property(choicesArb, fc.nat(), fc.integer({ min: -HOUR, max: HOUR }), (choices, pick, shift) => {
        const { item } = walk(choices);
        const snapshot = structuredClone(item);
        const illegal = FEEDBACK_EVENT_TYPES.filter((t) => !allowedEvents(item.status).includes(t as never));
        const type = illegal[pick % illegal.length] ?? "open";
        const r = transition(item, validEvent(type, item, item.updatedAt + shift, "ev_bad"));
        expect(r.ok).toBe(false);
        expect(item).toEqual(snapshot);
      }),
    );
  });

  it("ignores duplicated events wherever they are redelivered (property)", () => {
    fc.assert(
      fc.property(choicesArb, fc.array(fc.tuple(fc.nat(), fc.nat())), (choices, dups) => {
        const { events, item } = walk(choices);
        const withDups = [...events];
        for (const [which, where] of dups) {
          const original = events[which % events.length] as FeedbackEventInput;
          // A redelivery comes after the original: insert it somewhere after its first position.
          const first = withDups.indexOf(original);
          withDups.splice(first + 1 + (where % (withDups.length - first)), 0, original);
        }
        expect(replay(withDups)).toEqual(item);
      }),
    );
  });

  it("refuses an id reused with different content: a forged duplicate placed before the genuine one (issue 20)", () => {
    // before: the forged route (first) was applied and the genuine one skipped as a duplicate
    const { events } = reach("routed");
    const [open, triage, route] = events as [FeedbackEventInput, FeedbackEventInput, FeedbackEventInput];
    const forged = { ...route, department: "marketing" } as FeedbackEventInput;
    expect(() => replay([open, triage, forged, route])).toThrowOpsError("conflict", {
      fn: "replay",
      path: ["events", 3],
      message:
        'replay: events[3] reuses the id "fb_1_1" of events[2] with different content (at department): one of them is forged or corrupted',
    });
    // the genuine one first: the same conflict, the other way round
    expect(() => replay([open, triage, route, forged])).toThrowOpsError("conflict", { path: ["events", 3] });
    // and by item in a mixed log
    expect(() => replayLog([open, triage, forged, route])).toThrowOpsError("conflict", {
      fn: "replayLog",
      path: ["items", "fb_1", "events", 3],
      message: "of items.fb_1.events[2] with different content (at department)",
    });
  });

  it("keeps a redelivery idempotent when only its spelling differs: defaults explicit, keys in another order", () => {
    const { events, item } = reach("routed");
    const route = events[2] as FeedbackEventInput; // as written: no note, no by
    const respelled = {
      ...Object.fromEntries(Object.entries(route).reverse()),
      note: null,
      by: null,
    } as FeedbackEventInput;
    expect(replay([...events, respelled])).toEqual(item);
  });

  it("keeps a redelivery after erasure idempotent, and still refuses one that erasure does not explain", () => {
    const { events, at } = reach("reported");
    const redact = { type: "redact", id: "ev_x", itemId: "fb_1", at, note: "request #1" } as FeedbackEventInput;
    const erased = replay([...events, redact]);
    const reportBack = events[5] as FeedbackEventInput; // carries a note and an interaction id, both erased
    expect(replay([...events, redact, reportBack])).toEqual(erased);
    expect(replay([...erased.history, reportBack])).toEqual(erased);
    expect(() =>
      replay([...events, redact, { ...(reportBack as object), by: "agent_wang" } as FeedbackEventInput]),
    ).toThrowOpsError("conflict", { path: ["events", 7], message: "(at by)" });
  });

  it("refuses an id reused with different content wherever it is redelivered (property)", () => {
    fc.assert(
      fc.property(choicesArb, fc.nat(), fc.nat(), (choices, which, where) => {
        const { events } = walk(choices);
        const i = which % events.length;
        const original = events[i] as FeedbackEventInput;
        const forged = { ...original, by: "forger" } as FeedbackEventInput; // `by` survives erasure
        const j = i + 1 + (where % (events.length - i)); // anywhere after the original
        const log = [...events.slice(0, j), forged, ...events.slice(j)];
        expect(() => replay(log)).toThrowOpsError("conflict", { path: ["events", j], message: `of events[${i}]` });
      }),
    );
  });

  it("rejects a log with an event earlier than the one before it", () => {
    const { events } = reach("routed");
    const late = { ...(events[2] as object), at: T0 - 1 } as FeedbackEventInput;
    expect(() => replay([events[0] as FeedbackEventInput, events[1] as FeedbackEventInput, late])).toThrowOpsError(
      "out_of_order",
      {
        fn: "replay",
        path: ["events", 2],
        message:
          /^replay: events\[2\] event fb_1_1 at 2026-03-08T01:29:59.999Z is earlier than the item's last event at 2026-03-08T02:30:00.000Z/,
      },
    );
  });

  it("rejects a log whose events the lifecycle refuses, listing what was allowed", () => {
    const { events } = reach("triaged");
    const bad = validEvent("resolve", openFeedback(events[0] as FeedbackEventInput).item, T0 + 2 * HOUR, "ev_bad");
    expect(() => replay([...events, bad])).toThrow(
      'replay: events[2] event "resolve" is not allowed in state "triaged"; allowed: reject, mark_duplicate, route, assign, customer_message, redact',
    );
  });

  it("needs a non-empty log that starts with open", () => {
    expect(() => replay([])).toThrow(/replay: events\[0\]\.type must be "open"/);
    const { events } = reach("triaged");
    expect(() => replay(events.slice(1))).toThrow(/replay: events\[0\]\.type must be "open".*got "triage"/);
  });

  it("throws an OpsError naming the event for malformed input, and does not mutate the log", () => {
    const { events } = reach("routed");
    const copy = structuredClone(events);
    expect(() => replay([...events, { type: "route", id: "", itemId: "fb_1", at: T0 } as FeedbackEventInput])).toThrow(
      /^replay: events\[3\]\.id must be a non-empty string/,
    );
    replay(events);
    expect(events).toEqual(copy);
    expect(Object.isFrozen(events[1])).toBe(false);
  });

  it("replays one event (just the open)", () => {
    expect(replay([openEvent()]).status).toBe("new");
  });
});

describe("replayLog", () => {
  it("rebuilds interleaved items, each as replay would", () => {
    const a = reach("closed", "fb_a");
    const b = reach("rejected", "fb_b");
    const log: FeedbackEventInput[] = [];
    for (let i = 0; i < Math.max(a.events.length, b.events.length); i++) {
      if (a.events[i]) log.push(a.events[i] as FeedbackEventInput);
      if (b.events[i]) log.push(b.events[i] as FeedbackEventInput);
    }
    const items = replayLog(log);
    expect([...items.keys()]).toEqual(["fb_a", "fb_b"]);
    expect(items.get("fb_a" as never)).toEqual(a.item);
    expect(items.get("fb_b" as never)).toEqual(b.item);
  });

  it("returns an empty map for an empty log and names the item in errors", () => {
    expect(replayLog([]).size).toBe(0);
    const { events } = reach("triaged", "fb_z");
    expect(() => replayLog(events.slice(1))).toThrow(/^replayLog: items\.fb_z\.events\[0\]\.type must be "open"/);
  });
});
