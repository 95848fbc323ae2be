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

  describe("where PostHog's docs are silent, as its query code does", () => {
    it("takes events at the same instant in step order, not input order", () => {
      // b's click is logged before its exposure in the same millisecond: it still converts, in 0 ms
      const evs = [
        { at: 5, actor: "a", kind: "exposure" },
        { at: 5, actor: "a", kind: "click" },
        { at: 5, actor: "b", kind: "click" },
        { at: 5, actor: "b", kind: "exposure" },
      ];
      const r = funnel(evs, { steps: ["exposure", "click"] });
      expect(counts(r)).toEqual([2, 2]);
      expect(r.steps[1]?.medianTimeToConvertMs).toBeNull(); // only 0 ms conversions
    });

    it("does not let other events at the instant of a step break a strict funnel, but an event alone does", () => {
      const tie = [
        { at: 0, actor: "a", kind: "exposure" },
        { at: HOUR, actor: "a", kind: "share" },
        { at: HOUR, actor: "a", kind: "click" },
        { at: 2 * HOUR, actor: "a", kind: "purchase" },
      ];
      expect(counts(funnel(tie, { steps, order: "strict" }))).toEqual([1, 1, 1]);
      const alone = [
        { at: 0, actor: "a", kind: "exposure" },
        { at: HOUR, actor: "a", kind: "share" },
        { at: HOUR, actor: "a", kind: "like" },
        { at: 2 * HOUR, actor: "a", kind: "click" },
      ];
      expect(counts(funnel(alone, { steps, order: "strict" }))).toEqual([1, 0, 0]);
    });

    it("lets a strict funnel repeat the step just done, as PostHog clears only the steps an event does not match", () => {
      const evs = [
        { at: 0, actor: "a", kind: "exposure" },
        { at: HOUR, actor: "a", kind: "click" },
        { at: 2 * HOUR, actor: "a", kind: "click" }, // a second click: still waiting for the purchase
        { at: 3 * HOUR, actor: "a", kind: "purchase" },
        { at: 0, actor: "b", kind: "exposure" },
        { at: HOUR, actor: "b", kind: "click" },
        { at: 2 * HOUR, actor: "b", kind: "exposure" }, // a new attempt, which has not clicked yet
        { at: 3 * HOUR, actor: "b", kind: "purchase" },
      ];
      const r = funnel(evs, { steps, order: "strict" });
      expect(counts(r)).toEqual([2, 2, 1]);
      // a: times from the first click
      expect(r.steps[2]?.medianTimeToConvertMs).toBe(2 * HOUR);
    });

    it("limits every step to the range, not only step 1", () => {
      const evs = [
        { at: HOUR, actor: "a", kind: "exposure" },
        { at: DAY + HOUR, actor: "a", kind: "click" }, // after the range's end, within the window
        { at: HOUR, actor: "b", kind: "exposure" },
        { at: 2 * HOUR, actor: "b", kind: "click" },
      ];
      const range = { start: 0, end: DAY };
      expect(counts(funnel(evs, { steps: ["exposure", "click"], range }))).toEqual([2, 1]);
      for (const order of ["strict", "unordered"] as const) {
        expect(counts(funnel(evs, { steps: ["exposure", "click"], range, order }))).toEqual([2, 1]);
      }
      // an event before the range does not break a strict funnel either
      const before = [
        { at: 0, actor: "c", kind: "exposure" },
        { at: 2, actor: "c", kind: "share" },
        { at: 3, actor: "c", kind: "click" },
      ];
      expect(
        counts(funnel(before, { steps: ["exposure", "click"], order: "strict", range: { start: 1, end: DAY } })),
      ).toEqual([0, 0]);
      expect(
        counts(funnel(before, { steps: ["share", "click"], order: "strict", range: { start: 1, end: DAY } })),
      ).toEqual([1, 1]);
    });

    it("measures conversion times from the latest step-1 event of the first attempt to get furthest", () => {
      const evs = [
        // a: viewed twice before buying: 1 h from the second view, not 2 h from the first
        { at: 0, actor: "a", kind: "view" },
        { at: HOUR, actor: "a", kind: "view" },
        { at: 2 * HOUR, actor: "a", kind: "buy" },
        // b: bought 3 h after a view, then again 30 min after another: the first attempt counts
        { at: 0, actor: "b", kind: "view" },
        { at: 3 * HOUR, actor: "b", kind: "buy" },
        { at: 4 * HOUR, actor: "b", kind: "view" },
        { at: 4.5 * HOUR, actor: "b", kind: "buy" },
      ];
      const r = funnel(evs, { steps: ["view", "buy"] });
      expect(counts(r)).toEqual([2, 2]);
      // R: median(c(1, 3)) hours
      expect(r.steps[1]?.medianTimeToConvertMs).toBe(2 * HOUR);
      // the latest step 1 that still reaches the next steps within the window: 1 h from the second view
      const late = [
        { at: 0, actor: "c", kind: "view" },
        { at: 13 * DAY, actor: "c", kind: "view" },
        { at: 13 * DAY + HOUR, actor: "c", kind: "add" },
        { at: 15 * DAY, actor: "c", kind: "buy" },
      ];
      const f = funnel(late, { steps: ["view", "add", "buy"] });
      expect(counts(f)).toEqual([1, 1, 1]);
      expect(f.steps.map((s) => s.medianTimeToConvertMs)).toEqual([null, HOUR, 2 * DAY - HOUR]);
    });

    it("leaves 0 ms conversions out of the median but counts them as conversions", () => {
      const evs = [
        { at: 0, actor: "a", kind: "exposure" },
        { at: 0, actor: "a", kind: "click" },
        { at: 0, actor: "b", kind: "exposure" },
        { at: 2 * HOUR, actor: "b", kind: "click" },
        { at: 0, actor: "c", kind: "exposure" },
        { at: 4 * HOUR, actor: "c", kind: "click" },
      ];
      const r = funnel(evs, { steps: ["exposure", "click"] });
      expect(counts(r)).toEqual([3, 3]);
      // PostHog: groupArrayIf(timings[1], timings[1] > 0) → median of [2 h, 4 h], not of [0, 2 h, 4 h]
      expect(r.steps[1]?.medianTimeToConvertMs).toBe(3 * HOUR);
    });

    it("counts the furthest step any attempt reaches within the window (property, distinct instants)", () => {
      // each step list with the kinds its events are drawn from (the steps' kinds and one other)
      const stepLists = [
        [
          ["exposure", "click", "purchase"],
          ["exposure", "click", "purchase", "share"],
        ],
        [
          ["view", "view", "buy"],
          ["view", "buy", "share"],
        ],
      ] as const;
      fc.assert(
        fc.property(
          fc.uniqueArray(
            fc.record({
              at: fc.integer({ min: 0, max: 20 * DAY }),
              actor: fc.constantFrom("a", "b", "c"),
              kind: fc.integer({ min: 0, max: 3 }),
            }),
            { selector: (e) => e.at, minLength: 10, maxLength: 50, size: "max" },
          ),
          fc.constantFrom(0, 1),
          fc.constantFrom("ordered", "strict") as fc.Arbitrary<"ordered" | "strict">,
          fc.integer({ min: 0, max: 10 * DAY }),
          (drawn, which, order, start) => {
            const [stepNames, kinds] = stepLists[which] as readonly [readonly string[], readonly string[]];
            const evs = drawn.map((e) => ({ ...e, kind: kinds[e.kind % kinds.length] as string }));
            const range = { start, end: start + 12 * DAY };
            const got = counts(funnel(evs, { steps: stepNames, order, windowMs: 5 * DAY, range }));
            // a direct search: from each step-1 event in the range, match the next steps greedily
            const want = [0, 0, 0];
            for (const a of ["a", "b", "c"]) {
              const mine = evs
                .filter((e) => e.actor === a && e.at >= range.start && e.at < range.end)
                .sort((x, y) => x.at - y.at);
              let best = 0;
              mine.forEach((e, i) => {
                if (e.kind !== stepNames[0]) return;
                let k = 1;
                for (const next of mine.slice(i + 1)) {
                  if (k === 3 || next.at - e.at > 5 * DAY) break;
                  if (next.kind === stepNames[k]) k++;
                  // strict: any other event breaks the attempt, except a repeat of the step just done
                  else if (order === "strict" && next.kind !== stepNames[k - 1]) break;
                }
                best = Math.max(best, k);
              });
              for (let s = 0; s < best; s++) want[s] = (want[s] as number) + 1;
            }
            expect(got).toEqual(want);
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  it("counts only events inside the range", () => {
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
