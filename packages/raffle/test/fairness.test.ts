import { describe, expect, it } from "vitest";
import { runFairnessHarness, type DrawUnderTest } from "@ops/raffle";
import { rankTop } from "../src/_lib/rank";

/** Control 1: "random byte mod n" — entrants before position 256 mod n win more often. */
const moduloByte: DrawUnderTest = (seed, list) => [Number.parseInt(seed.slice(0, 2), 16) % list.size];

/** Control 2: our scoring, but every entrant scored with weight 1 (weights ignored). */
const ignoresWeights: DrawUnderTest = (seed, list, places) => {
  const flat = { ...list, weights: new Uint32Array(list.size).fill(1) };
  return rankTop(
    flat,
    Uint8Array.from(seed.match(/../g)!.map((h) => Number.parseInt(h, 16))),
    places,
    0,
    list.size,
  ).map((r) => r.index);
};

const weighted = Array.from({ length: 20 }, (_, i) => ({ id: `weibo::${i}`, weight: (i % 4) + 1 }));
const equal100 = Array.from({ length: 100 }, (_, i) => ({ id: `qq::${String(i).padStart(3, "0")}` }));

describe("runFairnessHarness", () => {
  it("passes our draw: first winner by weight, position, and winner sets", () => {
    const report = runFairnessHarness(weighted, { seeds: 3000, places: 3 });
    expect(report.failed).toEqual([]);
    expect(report.firstWinner.degreesOfFreedom).toBe(19);
    expect(report.winnerSets).toEqual({ skipped: "weights differ, so winner sets are not equally likely" });
    const sets = runFairnessHarness(
      Array.from({ length: 6 }, (_, i) => ({ id: `x::${i}` })),
      { seeds: 1500, places: 2 },
    );
    expect(sets.flagged).toBe(false);
    expect("pValue" in sets.winnerSets && sets.winnerSets.degreesOfFreedom).toBe(14);
  });

  it("flags a modulo-biased control draw", () => {
    const report = runFairnessHarness(equal100, { seeds: 3000, draw: moduloByte });
    expect(report.flagged).toBe(true);
    expect(report.failed).toContain("positions");
    expect(runFairnessHarness(equal100, { seeds: 3000 }).flagged).toBe(false);
  });

  it("flags a control draw that ignores weights", () => {
    const report = runFairnessHarness(weighted, { seeds: 3000, draw: ignoresWeights });
    expect(report.failed).toContain("firstWinner");
  });

  it("refuses bad options and a draw returning nonsense", () => {
    expect(() => runFairnessHarness([{ id: "a" }], { seeds: 10 })).toThrowOpsError("invalid_argument", {
      message: /at least 2/,
    });
    expect(() => runFairnessHarness(weighted, { seeds: 0 })).toThrowOpsError("invalid_argument", { message: /seeds/ });
    expect(() => runFairnessHarness(weighted, { seeds: 10, places: 21 })).toThrowOpsError("invalid_argument", {
      message: /places/,
    });
    expect(() => runFairnessHarness(weighted, { seeds: 10, alpha: 2 })).toThrowOpsError("invalid_argument", {
      message: /alpha/,
    });
    expect(() => runFairnessHarness(weighted, { seeds: 10, draw: () => [99] })).toThrowOpsError("invalid_argument", {
      message: /options\.draw must return/,
    });
  });
});
