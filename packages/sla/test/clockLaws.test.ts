import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  businessTimeBetween,
  compileCalendar,
  compileSlaPolicies,
  computeSlaClocks,
  SLA_METRICS,
  type HoursRange,
  type SlaEvent,
} from "@ops/sla";

const M = 60_000;
const H = 60 * M;
const t0 = Date.UTC(2026, 2, 6, 8, 0); // Friday 16:00 in Shanghai
const lunch: HoursRange[] = [
  { open: "09:00", close: "12:00" },
  { open: "13:00", close: "18:00" },
];
const calendar = compileCalendar(
  {
    timeZone: "Asia/Shanghai",
    weekly: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch },
    holidays: [{ date: "2026-03-10" }],
  },
  { from: "2026-03-01T00:00:00Z", to: "2026-06-01T00:00:00Z" },
);
const goals = { goal: 2 * H, hours: "business" as const };
const policies = compileSlaPolicies([
  {
    id: "urgent",
    match: { priorities: ["urgent"] },
    calendar,
    targets: Object.fromEntries(SLA_METRICS.map((m) => [m, { goal: H, hours: "calendar" as const }])),
  },
  { id: "default", match: {}, calendar, targets: Object.fromEntries(SLA_METRICS.map((m) => [m, goals])) },
]);

const step = fc.record({
  gap: fc.integer({ min: 0, max: 6 * 60 }),
  event: fc.oneof(
    fc.constantFrom("in", "out").map((direction) => ({ type: "message" as const, direction })),
    fc.constantFrom("open", "pending", "snoozed", "resolved").map((status) => ({ type: "status" as const, status })),
    fc.constantFrom("normal", "urgent").map((priority) => ({ type: "update" as const, subject: { priority } })),
  ),
});
const timelines = fc.array(step, { maxLength: 25 }).map((steps) => {
  let at = t0;
  const events: SlaEvent[] = [{ type: "created", at, subject: { priority: "normal" } }];
  for (const s of steps) {
    at += s.gap * M;
    events.push({ ...s.event, at } as SlaEvent);
  }
  return { events, end: at };
});

describe("computeSlaClocks laws (fast-check)", () => {
  it("keeps every cycle consistent: elapsed + remaining = goal unless breached, pauses inside the cycle, breach inside the cycle", () => {
    fc.assert(
      fc.property(timelines, fc.integer({ min: 0, max: 48 * 60 }), ({ events, end }, extra) => {
        const now = end + extra * M;
        const clocks = computeSlaClocks(events, policies, { now });
        for (const m of SLA_METRICS) {
          for (const c of clocks.cycles[m]) {
            const stop = c.stoppedAt ?? now;
            const span = c.hours === "business" ? businessTimeBetween(calendar, c.startedAt, stop) : stop - c.startedAt;
            expect(c.elapsed).toBeGreaterThanOrEqual(0);
            expect(c.elapsed).toBeLessThanOrEqual(span);
            if (c.status !== "breached") expect(c.elapsed + c.remaining).toBe(c.goal);
            if (c.breachedAt !== undefined) {
              expect(c.breachedAt).toBeGreaterThanOrEqual(c.startedAt);
              expect(c.breachedAt).toBeLessThanOrEqual(stop);
            }
            let last = c.startedAt;
            for (const p of c.pausedIntervals) {
              expect(p.start).toBeGreaterThanOrEqual(last);
              last = p.end ?? now;
              expect(last).toBeLessThanOrEqual(stop);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
  it("leaves stopped reply cycles unchanged when read later, and is deterministic", () => {
    fc.assert(
      fc.property(timelines, fc.integer({ min: 1, max: 72 * 60 }), ({ events, end }, later) => {
        const a = computeSlaClocks(events, policies, { now: end });
        const b = computeSlaClocks(events, policies, { now: end + later * M });
        expect(computeSlaClocks(events, policies, { now: end })).toEqual(a);
        for (const m of ["first_reply", "next_reply", "periodic_update", "pausable_update"] as const) {
          const stopped = a.cycles[m].filter((c) => c.stoppedAt !== undefined);
          expect(b.cycles[m].slice(0, stopped.length).filter((c) => c.stoppedAt !== undefined)).toEqual(stopped);
        }
      }),
      { numRuns: 100 },
    );
  });
  it("reads an event at exactly `now` as a millisecond later does: same status, due instant, pauses and next due", () => {
    // issue 20 (an independent Zendesk-semantics implementation agreed on 1 882 of 1 898
    // cases; the 16 others were a status change or reopening message at `now`, ignored)
    const view = (clocks: ReturnType<typeof computeSlaClocks>) => ({
      status: clocks.status,
      nextDue: clocks.nextDue,
      cycles: SLA_METRICS.flatMap((m) =>
        clocks.cycles[m].map((c) => [m, c.status, c.dueAt, c.breachedAt, c.pausedIntervals, c.stoppedAt]),
      ),
    });
    fc.assert(
      fc.property(timelines, ({ events, end }) => {
        const atNow = computeSlaClocks(events, policies, { now: end });
        const after = computeSlaClocks(events, policies, { now: end + 1 });
        expect(view(atNow)).toEqual(view(after));
        for (const m of SLA_METRICS) {
          atNow.cycles[m].forEach((c, i) => {
            const elapsed = (after.cycles[m][i]?.elapsed ?? 0) - c.elapsed;
            expect(elapsed === 0 || elapsed === 1).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
