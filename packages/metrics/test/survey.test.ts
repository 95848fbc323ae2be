import { csat, nps } from "@ops/metrics";
import { describe, expect, it } from "vitest";

describe("csat", () => {
  it("counts 4 and 5 as satisfied on a 1–5 scale", () => {
    const r = csat([5, 4, 3, 5, 1, 4, 4, 2]);
    expect(r).toMatchObject({ value: 5 / 8, numerator: 5, denominator: 8, satisfied: 5, responses: 8, reason: null });
  });
  it("gives the Wilson interval of the share", () => {
    // scipy.stats.binomtest(3, 10).proportion_ci(method="wilson") = (0.10779126740630102, 0.6032218525388546)
    const r = csat([5, 5, 4, 1, 1, 2, 3, 3, 2, 1]);
    expect(r.interval?.lower).toBeCloseTo(0.10779126740630102, 12);
    expect(r.interval?.upper).toBeCloseTo(0.6032218525388546, 12);
  });
  it("supports other scales and thresholds", () => {
    expect(csat([7, 6, 5, 1], { scale: 7, satisfiedFrom: 6 }).value).toBe(0.5);
    expect(csat([5, 4], { satisfiedFrom: 5 }).value).toBe(0.5);
  });
  it("returns null with a reason for no responses", () => {
    expect(csat([])).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: "zero_denominator",
      satisfied: 0,
      responses: 0,
      interval: null,
    });
  });
  it("handles a single response", () => {
    expect(csat([4]).value).toBe(1);
    expect(csat([4]).interval?.upper).toBe(1);
  });
  it("rejects ratings off the scale and impossible options", () => {
    expect(() => csat([5, 0])).toThrowOpsError("invalid_argument", {
      message: /^csat: ratings\[1\] must be a whole number from 1 to 5, got 0$/,
    });
    expect(() => csat([4.5])).toThrowOpsError("invalid_argument", { message: /ratings\[0\] must be a whole number/ });
    expect(() => csat([6])).toThrowOpsError("invalid_argument", { message: /from 1 to 5, got 6/ });
    expect(() => csat([3], { satisfiedFrom: 6 })).toThrowOpsError("invalid_argument", {
      message: /options\.satisfiedFrom must be ≤ scale/,
    });
  });
  it("does not mutate the ratings", () => {
    const ratings = Object.freeze([5, 1, 4]);
    csat(ratings);
    expect(ratings).toEqual([5, 1, 4]);
  });
});

describe("nps", () => {
  it("is %promoters − %detractors from raw ratings", () => {
    const r = nps([10, 9, 9, 10, 9, 8, 7, 8, 3, 6]);
    expect(r).toMatchObject({ value: 30, promoters: 5, passives: 3, detractors: 2, responses: 10, reason: null });
  });
  it("gives the trinomial (Wald) interval", () => {
    // python3: 100·((p − d) ± scipy.stats.norm.ppf(0.975)·√((p + d − (p − d)²)/n)) with p = 0.5, d = 0.2, n = 10
    const small = nps({ promoters: 5, passives: 3, detractors: 2 });
    expect(small.interval?.lower).toBeCloseTo(-18.407539501852565, 10);
    expect(small.interval?.upper).toBeCloseTo(78.40753950185257, 10);
    // same formula, p = 0.3, d = 0.2, n = 1000
    const large = nps({ promoters: 300, passives: 500, detractors: 200 });
    expect(large.value).toBe(10);
    expect(large.interval?.lower).toBeCloseTo(5.661434773868066, 10);
    expect(large.interval?.upper).toBeCloseTo(14.338565226131927, 10);
  });
  it("agrees between ratings and counts", () => {
    const fromRatings = nps([0, 6, 7, 8, 9, 10, 10]);
    const fromCounts = nps({ promoters: 3, passives: 2, detractors: 2 });
    expect(fromRatings).toEqual(fromCounts);
  });
  it("covers the extremes and clips the interval", () => {
    expect(nps([10, 10, 9]).value).toBe(100);
    expect(nps([10, 10, 9]).interval).toEqual({ lower: 100, upper: 100, confidence: 0.95 });
    expect(nps([0]).value).toBe(-100);
    expect(nps([0, 10]).interval?.lower).toBe(-100);
  });
  it("returns null with a reason for no responses", () => {
    expect(nps([])).toEqual({
      value: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      responses: 0,
      interval: null,
      reason: "no_responses",
    });
  });
  it("rejects ratings outside 0–10 and bad counts", () => {
    expect(() => nps([11])).toThrowOpsError("invalid_argument", {
      message: /^nps: responses\[0\] must be a whole number from 0 to 10, got 11$/,
    });
    expect(() => nps({ promoters: -1, passives: 0, detractors: 0 })).toThrowOpsError("invalid_argument", {
      message: /nps: responses\.promoters must be ≥ 0/,
    });
    expect(() => nps([5], { confidence: 0 })).toThrowOpsError("invalid_argument", { message: /options\.confidence/ });
  });
  it("does not mutate the ratings", () => {
    const ratings = Object.freeze([3, 9, 10]);
    nps(ratings);
    expect(ratings).toEqual([3, 9, 10]);
  });
});
