// Issue 20, hostile inputs: an item field of the wrong type, NaN or ±Infinity is an OpsError
// naming it (never a TypeError from inside, never NaN passed on into a result).
import { describe, expect, it } from "vitest";
import { compileSlaPolicies } from "@ops/sla";
import {
  allowedEvents,
  compileRoutingRules,
  csatByCategory,
  followUpsDue,
  latentNeedsRanking,
  overdueItems,
  routeFeedback,
  slaDeadline,
  transition,
  type FeedbackItem,
} from "@ops/feedback";
import { HOUR, reach, T0, validEvent } from "./_helpers";

const damaged = (patch: Record<string, unknown>): FeedbackItem =>
  ({ ...reach("triaged").item, ...patch }) as unknown as FeedbackItem;
const window = { start: T0, end: T0 + 1000 * HOUR };

describe("the queries", () => {
  it("refuse an item field that is NaN, ±Infinity or of the wrong type, naming it", () => {
    expect(() => followUpsDue([damaged({ openedAt: Number.NaN })], window)).toThrowOpsError("invalid_argument", {
      path: ["items", 0, "openedAt"],
    });
    expect(() => followUpsDue([damaged({ followUp: undefined })], window)).toThrowOpsError("invalid_argument", {
      path: ["items", 0, "followUp"],
    });
    expect(() => overdueItems([damaged({ dueAt: Symbol() })], T0)).toThrowOpsError("invalid_argument", {
      path: ["items", 0, "dueAt"],
    });
    expect(() => latentNeedsRanking([damaged({ latentNeeds: [5] })], window)).toThrowOpsError("invalid_argument", {
      path: ["items", 0, "latentNeeds", 0],
    });
    expect(() => csatByCategory([damaged({ category: Number.POSITIVE_INFINITY })])).toThrowOpsError(
      "invalid_argument",
      { path: ["items", 0, "category"] },
    );
    expect(() => csatByCategory([damaged({ csat: undefined })])).toThrowOpsError("invalid_argument", {
      path: ["items", 0, "csat"],
    });
  });
  it("still accept items made by the library", () => {
    expect(followUpsDue([reach("triaged").item], window)).toEqual([]);
  });
});

describe("transition", () => {
  it("refuses an unknown status, a bad updatedAt and a history entry that is not an event object", () => {
    const { item } = reach("triaged");
    const event = validEvent("assign", item, item.updatedAt + HOUR, "ev_x");
    expect(() => transition(damaged({ status: "x" }), event)).toThrowOpsError("invalid_argument", {
      path: ["item", "status"],
    });
    expect(() => transition(damaged({ updatedAt: Object.create(null) }), event)).toThrowOpsError("invalid_argument", {
      path: ["item", "updatedAt"],
    });
    expect(() => transition(damaged({ history: [null] }), event)).toThrowOpsError("invalid_argument", {
      path: ["item", "history", 0],
    });
    expect(() => transition(damaged({ openedAt: Number.NaN }), event)).toThrowOpsError("invalid_argument", {
      path: ["item", "openedAt"],
    });
  });
  it("refuses a history entry that is an array, lacks its id or instant, or holds NaN at any depth (long hostile run)", () => {
    const { item } = reach("triaged");
    const event = validEvent("assign", item, item.updatedAt + HOUR, "ev_x");
    const first = item.history[0]!;
    const withEntry = (entry: unknown) => damaged({ history: [entry, ...item.history.slice(1)] });
    expect(() => transition(withEntry([Number.NaN]), event)).toThrowOpsError("invalid_argument", {
      path: ["item", "history", 0],
    });
    expect(() => transition(withEntry({ ...first, at: Number.NaN }), event)).toThrowOpsError("invalid_argument", {
      path: ["item", "history", 0, "at"],
    });
    expect(() => transition(withEntry({ ...first, id: 7 }), event)).toThrowOpsError("invalid_argument", {
      path: ["item", "history", 0, "id"],
    });
    expect(() => transition(withEntry({ ...first, note: Number.POSITIVE_INFINITY }), event)).toThrowOpsError(
      "invalid_argument",
      { path: ["item", "history", 0, "note"] },
    );
    expect(() =>
      followUpsDue([withEntry({ ...first, source: { kind: "comment", interactionId: Number.NaN } })], window),
    ).toThrowOpsError("invalid_argument", { path: ["items", 0, "history", 0, "source", "interactionId"] });
    expect(() => followUpsDue([withEntry({ ...first, actor: { a: { b: { c: {} } } } })], window)).toThrowOpsError(
      "invalid_argument",
      { path: ["items", 0, "history", 0, "actor", "a", "b", "c"] },
    );
  });
});

describe("allowedEvents", () => {
  it("refuses a status that is not a string", () => {
    expect(() => allowedEvents(Object.create(null))).toThrowOpsError("invalid_argument", { path: ["status"] });
  });
});

describe("routeFeedback", () => {
  const rules = compileRoutingRules([{ id: "all", then: { department: "care" } }]);
  it("refuses a missing input and a text that is not a string", () => {
    expect(() => routeFeedback(rules, undefined as never)).toThrowOpsError("invalid_argument", { path: ["input"] });
    expect(() => routeFeedback(rules, { text: 5 as never })).toThrowOpsError("invalid_argument", {
      path: ["input", "text"],
    });
    expect(routeFeedback(rules, { text: "hi" })?.department).toBe("care");
  });
});

describe("slaDeadline()", () => {
  const deadline = slaDeadline(compileSlaPolicies([]));
  it("refuses what is not an item and an item without sources", () => {
    expect(() => deadline(undefined as never, T0)).toThrowOpsError("invalid_argument", { path: ["item"] });
    expect(() => deadline(damaged({ sources: undefined }), T0)).toThrowOpsError("invalid_argument", {
      path: ["item", "sources"],
    });
    expect(deadline(reach("triaged").item, T0)).toBeNull();
  });
});
