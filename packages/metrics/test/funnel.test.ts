import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEventColumns, funnel, type MetricEvent } from "@ops/metrics";
import { DAY, HOUR } from "./_helpers";

const counts = (r: ReturnType<typeof funnel>): number[] => r.steps.map((s) => s.actors);
const steps = ["exposure", "click", "purchase"];

describe("funnel", () => {
  // a: in order with a detour; b: in order, no detour; c: out of order; d: too slow
  const events: MetricEvent[] = [
    { at: 0, actor: "a", kind: "exposure" },
    { at: 1 * HOUR, actor: "a", kind: "share" },
    { at: 2 * HOUR, actor: "a", kind: "click" },
    { at: 3 * HOUR, actor: "a", kind: "purchase" },
    { at: 0, actor: "b", kind: "exposure" },
    { at: 1 * HOUR, actor: "b", kind: "click" },
    { at: 5 * HOUR, actor: "b", kind: "purchase" },
    { at: 0, actor: "c", kind: "purchase" },
    { at: 1 * HOUR, actor: "c", kind: "exposure" },
    { at: 2 * HOUR, actor: "c", kind: "click" },
    { at: 0, actor: "d", kind: "exposure" },
    { at: 15 * DAY, actor: "d", kind: "click" },
  ];

  it("counts ordered steps with other events allowed in between, within 14 days by default", () => {
    const r = funnel(events, { steps });
    expect(counts(r)).toEqual([4, 3, 2]);
    expect(r.windowMs).toBe(14 * DAY);
    expect(r.steps[1]).toMatchObject({
      dropOff: 1,
      conversionFromPrevious: { value: 0.75, numerator: 3, denominator: 4, reason: null },
    });
    // R: median(c(2, 1, 1)) hours from exposure to click; median(c(1, 4)) hours from click to purchase
    expect(r.steps.map((s) => s.medianTimeToConvertMs)).toEqual([null, 1 * HOUR, 2.5 * HOUR]);
  });

  it("breaks a strict funnel on any other event in between", () => {
    // a breaks at "share", b goes through, c reaches click, d is too slow
    expect(counts(funnel(events, { steps, order: "strict" }))).toEqual([4, 2, 1]);
  });

  it("counts distinct steps in any order for an unordered funnel", () => {
    const r = funnel(events, { steps, order: "unordered" });
    expect(counts(r)).toEqual([4, 3, 3]);
    expect(r.steps.map((s) => s.kind)).toEqual([null, null, null]);
  });

  it("includes a step exactly at the end of the window and not one after", () => {
    const evs = [
      { at: 0, actor: "a", kind: "exposure" },
      { at: HOUR, actor: "a", kind: "click" },
      { at: 0, actor: "b", kind: "exposure" },
      { at: HOUR + 1, actor: "b", kind: "click" },
    ];
    expect(counts(funnel(evs, { steps: ["exposure", "click"], windowMs: HOUR }))).toEqual([2, 1]);
  });

  it("keeps the attempt that gets furthest and handles a repeated step kind", () => {
    const evs = [
      { at: 0, actor: "a", kind: "view" },
      { at: 20 * DAY, actor: "a", kind: "view" },
      { at: 20 * DAY + 1, actor: "a", kind: "view" },
      { at: 20 * DAY + 2, actor: "a", kind: "buy" },
    ];
    const r = funnel(evs, { steps: ["view", "view", "buy"] });
    expect(counts(r)).toEqual([1, 1, 1]);
    expect(r.steps[2]?.medianTimeToConvertMs).toBe(1);
  });

  it("takes events at the same instant in input order", () => {
    const evs = [
      { at: 5, actor: "a", kind: "exposure" },
      { at: 5, actor: "a", kind: "click" },
      { at: 5, actor: "b", kind: "click" },
      { at: 5, actor: "b", kind: "exposure" },
    ];
    expect(counts(funnel(evs, { steps: ["exposure", "click"] }))).toEqual([2, 1]);
  });

  it("counts only entries inside the range", () => {
    expect(counts(funnel(events, { steps, range: { start: 30 * 60_000, end: DAY } }))).toEqual([1, 1, 0]);
  });

  it("gives null rates, not NaN, when nobody enters", () => {
    const r = funnel([{ at: 0, actor: "a", kind: "click" }], { steps });
    expect(r.steps[1]?.conversionFromStart).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: "zero_denominator",
    });
    expect(funnel([], { steps }).steps.map((s) => s.actors)).toEqual([0, 0, 0]);
  });

  it("is non-increasing, and strict ≤ ordered ≤ unordered at every step (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 20 * DAY }),
            actor: fc.constantFrom("a", "b", "c", "粉丝"),
            kind: fc.constantFrom("exposure", "click", "purchase", "share"),
          }),
          { maxLength: 50 },
        ),
        (evs) => {
          const strict = counts(funnel(evs, { steps, order: "strict" }));
          const ordered = counts(funnel(evs, { steps }));
          const unordered = counts(funnel(evs, { steps, order: "unordered" }));
          for (let s = 0; s < 3; s++) {
            if (s > 0) expect(ordered[s]).toBeLessThanOrEqual(ordered[s - 1] as number);
            expect(strict[s]).toBeLessThanOrEqual(ordered[s] as number);
            expect(ordered[s]).toBeLessThanOrEqual(unordered[s] as number);
          }
          expect(funnel(buildEventColumns(evs), { steps })).toEqual(funnel(evs, { steps }));
        },
      ),
    );
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(events);
    funnel(events, { steps, order: "unordered" });
    expect(events).toEqual(copy);
  });

  it("refuses fewer than two steps, repeated unordered steps, a negative window and bad events", () => {
    expect(() => funnel(events, { steps: ["exposure"] })).toThrowOpsError("invalid_argument", {
      message: /^funnel: options\.steps must name 2 to 20 steps, got \["exposure"\]$/,
    });
    expect(() => funnel(events, { steps: ["a", "a"], order: "unordered" })).toThrowOpsError("invalid_argument");
    expect(() => funnel(events, { steps, windowMs: -1 })).toThrowOpsError("invalid_argument");
    expect(() => funnel([{ at: 0.5, actor: "a", kind: "exposure" }], { steps })).toThrowOpsError("invalid_argument");
  });
});
