import { describe, expect, it } from "vitest";
import {
  closingTheLoop,
  csatByCategory,
  followUpsDue,
  latentNeedsRanking,
  openFeedback,
  overdueItems,
  replay,
  resolvedNotReported,
  type FeedbackEventInput,
  type FeedbackItem,
} from "@ops/feedback";
import { apply, DAY, HOUR, reach, T0 } from "./_helpers";

/** An item that went from open to resolved at `resolvedAt`, reported `reportAfter` later (or never). */
function resolved(
  itemId: string,
  resolvedAt: number,
  reportAfter: number | null,
  extra: { category?: string; score?: number; scale?: number } = {},
): FeedbackItem {
  const events: FeedbackEventInput[] = [
    { itemId, type: "open", id: "e1", at: T0, source: { kind: "dm", interactionId: null }, actor: null },
    { itemId, type: "triage", id: "e2", at: T0, category: extra.category ?? "quality" },
    { itemId, type: "route", id: "e3", at: T0, department: "qa" },
    { itemId, type: "start", id: "e4", at: T0, assignee: "agent_li" },
    { itemId, type: "resolve", id: "e5", at: resolvedAt, remedy: { kind: "exchange" } },
  ];
  if (reportAfter !== null)
    events.push({ itemId, type: "report_back", id: "e6", at: resolvedAt + reportAfter, via: "dm" });
  if (extra.score !== undefined)
    events.push({
      itemId,
      type: "record_csat",
      id: "e7",
      at: resolvedAt + (reportAfter ?? 0) + HOUR,
      score: extra.score,
      scale: extra.scale ?? 5,
    });
  return replay(events);
}

function triagedDue(itemId: string, dueAt: number): FeedbackItem {
  return replay([
    { itemId, type: "open", id: "e1", at: T0, source: { kind: "comment", interactionId: null }, actor: null },
    { itemId, type: "triage", id: "e2", at: T0, category: "quality", dueAt },
  ]);
}

describe("overdueItems", () => {
  const a = triagedDue("a", T0 + 2 * HOUR);
  const b = triagedDue("b", T0 + HOUR);
  const c = triagedDue("c", T0 + HOUR);
  const late = triagedDue("late", T0 + 10 * HOUR);
  const done = resolved("done", T0 + HOUR, null);

  it("lists open items past their deadline, most overdue first, ties by id", () => {
    expect(overdueItems([a, late, c, b, done], T0 + 3 * HOUR).map((i) => i.id)).toEqual(["b", "c", "a"]);
  });

  it("does not count an item at its deadline instant, nor resolved ones", () => {
    expect(overdueItems([b, done], T0 + HOUR)).toEqual([]);
    expect(overdueItems([done], T0 + 99 * HOUR)).toEqual([]);
  });

  it("can pause the clock while waiting on the customer", () => {
    const waiting = [
      { type: "route", id: "e3", itemId: "b", at: T0, department: "qa" },
      { type: "start", id: "e4", itemId: "b", at: T0, assignee: "agent_li" },
      { type: "wait_for_customer", id: "e5", itemId: "b", at: T0 },
    ].reduce<FeedbackItem>((item, e) => apply(item, e as FeedbackEventInput), b);
    expect(overdueItems([waiting], T0 + 2 * HOUR).map((i) => i.status)).toEqual(["waiting_customer"]);
    expect(
      overdueItems([waiting], T0 + 2 * HOUR, {
        statuses: ["new", "triaged", "routed", "in_progress", "waiting_internal"],
      }),
    ).toEqual([]);
    expect(() => overdueItems([waiting], T0, { statuses: ["open" as never] })).toThrow(
      /^overdueItems: options\.statuses\[0\]/,
    );
  });

  it("returns an empty list for no items and does not reorder its input", () => {
    const input = [a, b];
    expect(overdueItems([], T0)).toEqual([]);
    overdueItems(input, T0 + 99 * HOUR);
    expect(input.map((i) => i.id)).toEqual(["a", "b"]);
  });

  it("throws for a bad instant or item", () => {
    expect(() => overdueItems([a], Number.NaN)).toThrowOpsError("invalid_argument", {
      path: ["now"],
      message: /^overdueItems: now must be an integer number of epoch milliseconds/,
    });
    expect(() => overdueItems([{}] as never, T0)).toThrow(/^overdueItems: items\[0\]\.id must be a string/);
    expect(() => overdueItems([5] as never, T0)).toThrow(/^overdueItems: items\[0\] must be a feedback item/);
  });
});

describe("resolvedNotReported", () => {
  const older = resolved("older", T0 + HOUR, null);
  const newer = resolved("newer", T0 + 5 * HOUR, null);
  const reported = resolved("reported", T0 + HOUR, HOUR);

  it("lists resolved items not yet reported back, longest waiting first", () => {
    expect(resolvedNotReported([newer, reported, older], T0 + 6 * HOUR).map((i) => i.id)).toEqual(["older", "newer"]);
  });

  it("keeps only those resolved at least olderThanMs ago (inclusive)", () => {
    expect(resolvedNotReported([newer, older], T0 + 6 * HOUR, { olderThanMs: HOUR }).map((i) => i.id)).toEqual([
      "older",
      "newer",
    ]);
    expect(resolvedNotReported([newer, older], T0 + 6 * HOUR, { olderThanMs: HOUR + 1 }).map((i) => i.id)).toEqual([
      "older",
    ]);
  });

  it("returns nothing for no items and throws for a negative threshold", () => {
    expect(resolvedNotReported([], T0)).toEqual([]);
    expect(() => resolvedNotReported([older], T0, { olderThanMs: -1 })).toThrow(
      /^resolvedNotReported: options\.olderThanMs must be ≥ 0/,
    );
  });
});

describe("followUpsDue", () => {
  const withFollowUp = (itemId: string, dueAt: number, done: boolean): FeedbackItem => {
    let item = resolved(itemId, T0 + HOUR, HOUR);
    item = apply(item, { type: "schedule_follow_up", id: "f1", itemId, at: item.updatedAt, dueAt });
    return done ? apply(item, { type: "complete_follow_up", id: "f2", itemId, at: dueAt }) : item;
  };
  const d1 = withFollowUp("d1", T0 + 3 * DAY, false);
  const d2 = withFollowUp("d2", T0 + 2 * DAY, false);
  const d3 = withFollowUp("d3", T0 + 4 * DAY, false);
  const doneOne = withFollowUp("done", T0 + 2 * DAY, true);

  it("lists follow-ups due in a half-open window, soonest first, leaving out done ones", () => {
    expect(followUpsDue([d1, d2, d3, doneOne], { start: T0 + 2 * DAY, end: T0 + 4 * DAY }).map((i) => i.id)).toEqual([
      "d2",
      "d1",
    ]);
  });

  it("includes late follow-ups when the window starts far back", () => {
    expect(followUpsDue([d1, d2], { start: 0, end: T0 + 3 * DAY }).map((i) => i.id)).toEqual(["d2"]);
  });

  it("throws for an empty window", () => {
    expect(() => followUpsDue([d1], { start: T0, end: T0 })).toThrow(
      /^followUpsDue: window\.end .*must be after start/,
    );
  });
});

describe("closingTheLoop", () => {
  const items = [
    resolved("a", T0 + HOUR, 2 * HOUR),
    resolved("b", T0 + HOUR, 9 * HOUR),
    resolved("c", T0 + DAY, 4 * HOUR),
    resolved("d", T0 + DAY, null),
  ];

  it("divides reported by resolved and summarises resolution-to-report-back times", () => {
    const loop = closingTheLoop(items);
    expect(loop.rate).toEqual({ value: 0.75, numerator: 3, denominator: 4, reason: null });
    // numpy.percentile([2, 4, 9], [50, 90]) == [4.0, 8.0]; mean 5
    expect(loop.time).toEqual({
      count: 3,
      mean: 5 * HOUR,
      median: 4 * HOUR,
      p90: 8 * HOUR,
      min: 2 * HOUR,
      max: 9 * HOUR,
      method: 7,
    });
  });

  it("counts only items resolved in the period", () => {
    const loop = closingTheLoop(items, { period: { start: T0 + DAY, end: T0 + 2 * DAY } });
    expect([loop.rate.numerator, loop.rate.denominator, loop.time.median]).toEqual([1, 2, 4 * HOUR]);
  });

  it("leaves reopened items out until they are resolved again, and ignores rejected ones", () => {
    const reopened = apply(resolved("r", T0 + HOUR, HOUR), { type: "reopen", id: "o", itemId: "r", at: T0 + 3 * HOUR });
    const { item: rejected } = reach("rejected", "rej");
    expect(closingTheLoop([reopened, rejected]).rate).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: "zero_denominator",
    });
  });

  it("returns a null rate with its reason for no items, and throws for a bad method", () => {
    expect(closingTheLoop([]).time.median).toBeNull();
    expect(() => closingTheLoop(items, { method: 10 as never })).toThrow(/^closingTheLoop: options\.method/);
  });
});

describe("csatByCategory", () => {
  const items = [
    resolved("q1", T0, HOUR, { score: 5 }),
    resolved("q2", T0, HOUR, { score: 4 }),
    resolved("q3", T0, HOUR, { score: 2 }),
    resolved("q4", T0, HOUR, { score: 1 }),
    resolved("d1", T0, HOUR, { category: "物流", score: 3 }),
    resolved("none", T0, HOUR),
    apply(
      openFeedback({
        type: "open",
        id: "e1",
        itemId: "u",
        at: T0,
        source: { kind: "survey", interactionId: null },
        actor: null,
      }).item,
      { type: "triage", id: "e2", itemId: "u", at: T0, category: "x" },
    ),
  ];

  it("computes metrics' top-two-box CSAT per category, categories by name", () => {
    const rows = csatByCategory(items);
    expect(rows.map((r) => [r.category, r.csat.satisfied, r.csat.responses, r.csat.value])).toEqual([
      ["quality", 2, 4, 0.5],
      ["物流", 0, 1, 0],
    ]);
    // Wilson score interval for 2/4 at 95 %: statsmodels proportion_confint(2, 4, method="wilson") → (0.1500, 0.8500)
    expect(rows[0]?.csat.interval?.lower).toBeCloseTo(0.15004, 4);
    expect(rows[0]?.csat.interval?.upper).toBeCloseTo(0.84996, 4);
  });

  it("honours satisfiedFrom and the answer period", () => {
    expect(csatByCategory(items, { satisfiedFrom: 5 })[0]?.csat.value).toBe(0.25);
    expect(csatByCategory(items, { period: { start: 0, end: T0 } })).toEqual([]);
  });

  it("lists the uncategorised last", () => {
    const untriaged = replay([
      { type: "open", id: "e1", itemId: "raw", at: T0, source: { kind: "survey", interactionId: null }, actor: null },
      { type: "triage", id: "e2", itemId: "raw", at: T0, category: "zz" },
    ]);
    const fake = { ...resolved("n", T0, HOUR, { score: 4 }), category: null } as FeedbackItem;
    expect(csatByCategory([fake, untriaged, items[0] as FeedbackItem]).map((r) => r.category)).toEqual([
      "quality",
      null,
    ]);
  });

  it("refuses answers given on another scale", () => {
    expect(() => csatByCategory([...items, resolved("ten", T0, HOUR, { score: 9, scale: 10 })])).toThrowOpsError(
      "conflict",
      {
        fn: "csatByCategory",
        path: ["items", 7, "csat", "scale"],
        message:
          /^csatByCategory: items\[7\]\.csat\.scale must match options\.scale 5; compute other scales separately, got 10$/,
      },
    );
    expect(csatByCategory([resolved("ten", T0, HOUR, { score: 9, scale: 10 })], { scale: 10 })[0]?.csat.value).toBe(1);
  });
});

describe("latentNeedsRanking", () => {
  const asked = (itemId: string, at: number, latentNeeds: string[]) =>
    replay([
      { itemId, type: "open", id: "e1", at, source: { kind: "dm", interactionId: null }, actor: null },
      { itemId, type: "triage", id: "e2", at, category: "product", latentNeeds },
    ]);
  const week = 7 * DAY;
  const items = [
    asked("p1", T0, ["cleanser for sensitive skin"]),
    asked("p2", T0 + 1, ["cleanser for sensitive skin", "travel size"]),
    asked("p3", T0 + 2, ["travel size", "无香型"]),
    asked("c1", T0 + week, ["Cleanser for Sensitive Skin", "cleanser for sensitive skin"]),
    asked("c2", T0 + week + 1, ["travel size"]),
    asked("c3", T0 + week + 2, ["travel size"]),
    asked("c4", T0 + week + 3, ["travel size", "refill"]),
    asked("c5", T0 + week + 4, ["refill"]),
  ];

  it("ranks by count with the trend against the previous period of equal length", () => {
    expect(latentNeedsRanking(items, { start: T0 + week, end: T0 + 2 * week })).toEqual([
      { need: "travel size", count: 3, previousCount: 2, change: 1, growth: 0.5, trend: "up" },
      { need: "refill", count: 2, previousCount: 0, change: 2, growth: null, trend: "new" },
      { need: "cleanser for sensitive skin", count: 1, previousCount: 2, change: -1, growth: -0.5, trend: "down" },
      { need: "无香型", count: 0, previousCount: 1, change: -1, growth: -1, trend: "gone" },
    ]);
  });

  it("compares with an explicit previous period, and is empty when nothing was asked", () => {
    const ranking = latentNeedsRanking(
      items,
      { start: T0 + week, end: T0 + 2 * week },
      { previous: { start: 0, end: 1 } },
    );
    expect(ranking.every((r) => r.trend === "new")).toBe(true);
    expect(latentNeedsRanking([], { start: 0, end: 1 })).toEqual([]);
  });

  it("throws for a bad period", () => {
    expect(() => latentNeedsRanking(items, { start: 5, end: 1 })).toThrow(
      /^latentNeedsRanking: period\.end .*must be after start/,
    );
  });
});
