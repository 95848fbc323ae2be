import { describe, expect, it } from "vitest";
import { parseInstant } from "@ops/core";
import { compileCalendar, compileSlaPolicies } from "@ops/sla";
import {
  openFeedback,
  replay,
  slaDeadline,
  transition,
  type FeedbackEventInput,
  type FeedbackItem,
} from "@ops/feedback";

const HOUR = 3_600_000;
const lunch = [
  { open: "09:00", close: "12:00" },
  { open: "13:00", close: "18:00" },
];
const calendar = compileCalendar(
  { timeZone: "Asia/Shanghai", weekly: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch } },
  { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
);
const policies = compileSlaPolicies([
  {
    id: "weibo-urgent",
    match: { platforms: ["weibo"], priorities: ["urgent"] },
    targets: { resolution: { goal: 2 * HOUR, hours: "calendar" } },
  },
  {
    id: "dm-quality",
    match: { kinds: ["dm"], tagsAny: ["quality"] },
    calendar,
    targets: { resolution: { goal: 8 * HOUR, hours: "business" } },
  },
  { id: "reply-only", match: { tagsAny: ["praise"] }, targets: { first_reply: { goal: HOUR, hours: "calendar" } } },
]);

function opened(at: string, kind: "dm" | "comment", platform = "wechat_oa"): FeedbackItem {
  return openFeedback({
    type: "open",
    id: "e1",
    itemId: "fb_1",
    at: parseInstant(at),
    source: { kind, interactionId: null },
    actor: null,
    channel: { platform, account: "acc" },
  }).item;
}

describe("slaDeadline", () => {
  const deadline = slaDeadline(policies);

  it("counts a business-hours resolution target from when the user wrote, skipping lunch and the weekend", () => {
    const item = opened("2026-03-06T16:00:00+08:00", "dm"); // Friday 16:00: 2 h on Friday, 3 h + 3 h on Monday
    const r = transition(
      item,
      { type: "triage", id: "e2", itemId: "fb_1", at: item.openedAt + HOUR, category: "quality" },
      { deadline },
    );
    expect(r.ok && r.value.item.dueAt).toBe(parseInstant("2026-03-09T16:00:00+08:00"));
  });

  it("uses elapsed time for a calendar-hours target, and re-evaluates when routing raises the priority", () => {
    const item = opened("2026-03-06T16:00:00+08:00", "comment", "weibo");
    const triaged = transition(
      item,
      { type: "triage", id: "e2", itemId: "fb_1", at: item.openedAt, category: "delivery" },
      { deadline },
    );
    expect(triaged.ok && triaged.value.item.dueAt).toBeNull();
    if (!triaged.ok) return;
    const routed = transition(
      triaged.value.item,
      { type: "route", id: "e3", itemId: "fb_1", at: item.openedAt, department: "pr", priority: "urgent" },
      { deadline },
    );
    expect(routed.ok && [routed.value.item.dueAt, routed.value.effects.at(-1)]).toEqual([
      item.openedAt + 2 * HOUR,
      { type: "schedule_timer", itemId: "fb_1", timer: "deadline", at: item.openedAt + 2 * HOUR },
    ]);
  });

  it("gives replay the same deadlines as step-by-step transitions", () => {
    const item = opened("2026-03-06T16:00:00+08:00", "comment", "weibo");
    const events: FeedbackEventInput[] = [
      item.history[0] as FeedbackEventInput,
      { type: "triage", id: "e2", itemId: "fb_1", at: item.openedAt, category: "quality" },
      { type: "route", id: "e3", itemId: "fb_1", at: item.openedAt + 1, department: "pr", priority: "urgent" },
    ];
    let stepwise = item;
    for (const e of events.slice(1)) {
      const r = transition(stepwise, e, { deadline });
      if (!r.ok) throw new Error(r.error.message);
      stepwise = r.value.item;
    }
    expect(stepwise.dueAt).toBe(item.openedAt + 2 * HOUR);
    expect(replay(events, { deadline })).toEqual(stepwise);
  });

  it("gives no deadline when the matching policy has no resolution target", () => {
    const item = opened("2026-03-06T16:00:00+08:00", "dm");
    expect(deadline({ ...item, category: "praise" } as FeedbackItem, item.openedAt)).toBeNull();
  });

  it("refuses something that is not a compiled policy set", () => {
    expect(() => slaDeadline([] as never)).toThrow(/^slaDeadline: policies must be the result of compileSlaPolicies/);
    // sla's set is recognised by its brand, not its shape: a frozen copy with the same
    // `policies` array is refused
    expect(() => slaDeadline(Object.freeze({ ...policies }))).toThrow(
      /^slaDeadline: policies must be the result of compileSlaPolicies/,
    );
  });
});
