import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantile, type QuantileMethod } from "@ops/metrics";

const x = [3.5, 1, 9, 4, 4, 12.25, 7, 2];
// numpy 2.4.6: np.quantile(x, p, method=m) with methods inverted_cdf … normal_unbiased
// (numpy's names for Hyndman–Fan types 1–9; identical to R's quantile(x, p, type = t))
const ps = [0, 0.1, 0.25, 0.5, 0.9, 1];
const expected: Record<QuantileMethod, number[]> = {
  1: [1.0, 1.0, 2.0, 4.0, 12.25, 12.25],
  2: [1.0, 1.0, 2.75, 4.0, 12.25, 12.25],
  3: [1.0, 1.0, 2.0, 4.0, 9.0, 12.25],
  4: [1.0, 1.0, 2.0, 4.0, 9.65, 12.25],
  5: [1.0, 1.3, 2.75, 4.0, 11.275, 12.25],
  6: [1.0, 1.0, 2.375, 4.0, 12.25, 12.25],
  7: [1.0, 1.7, 3.125, 4.0, 9.975, 12.25],
  8: [1.0, 1.1666666666666667, 2.625, 4.0, 11.708333333333336, 12.25],
  9: [1.0, 1.2, 2.65625, 4.0, 11.6, 12.25],
};
const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
// numpy 2.4.6: np.quantile(np.arange(1, 11), [0.05, 0.5, 0.9, 0.95], method=m)
const expectedTen: Record<QuantileMethod, number[]> = {
  1: [1, 5, 9, 10],
  2: [1, 5.5, 9.5, 10],
  3: [1, 5, 9, 10],
  4: [1, 5, 9, 9.5],
  5: [1, 5.5, 9.5, 10],
  6: [1, 5.5, 9.9, 10],
  7: [1.45, 5.5, 9.1, 9.55],
  8: [1, 5.5, 9.633333333333333, 10],
  9: [1, 5.5, 9.6, 10],
};

describe("quantile", () => {
  for (const method of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) {
    it(`matches numpy/R for Hyndman–Fan type ${method} on an unsorted sample with ties`, () => {
      for (const [i, p] of ps.entries()) {
        expect(quantile(x, p, { method })).toBeCloseTo(expected[method][i] as number, 12);
      }
    });
    it(`matches numpy/R for type ${method} on 1..10`, () => {
      for (const [i, p] of [0.05, 0.5, 0.9, 0.95].entries()) {
        expect(quantile(oneToTen, p, { method })).toBeCloseTo(expectedTen[method][i] as number, 12);
      }
    });
  }

  it("uses R type 7 by default", () => {
    expect(quantile(x, 0.25)).toBe(quantile(x, 0.25, { method: 7 }));
    expect(quantile(x, 0.25)).toBeCloseTo(3.125, 12);
  });

  it("returns the only value of a one-item sample for every p and type", () => {
    for (const method of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) {
      for (const p of [0, 0.3, 0.5, 1]) expect(quantile([42], p, { method })).toBe(42);
    }
  });

  it("accepts a Float64Array and a sorted promise", () => {
    const sorted = Float64Array.from(x).sort();
    expect(quantile(sorted, 0.9, { sorted: true })).toBeCloseTo(9.975, 12);
  });

  it("does not mutate its input", () => {
    const input = [...x];
    quantile(input, 0.5);
    expect(input).toEqual(x);
  });

  it("refuses an empty sample, non-finite values, p outside [0, 1] and unknown methods", () => {
    expect(() => quantile([], 0.5)).toThrowOpsError("invalid_argument");
    expect(() => quantile([1, Number.NaN], 0.5)).toThrowOpsError("invalid_argument", {
      message: /^quantile: values\[1\] must be a finite number, got NaN$/,
    });
    expect(() => quantile([1, Infinity], 0.5)).toThrowOpsError("invalid_argument");
    expect(() => quantile([1], 1.5)).toThrowOpsError("invalid_argument", {
      message: /^quantile: p must be a probability in \[0, 1\], got 1\.5$/,
    });
    expect(() => quantile([1], Number.NaN)).toThrowOpsError("invalid_argument");
    expect(() => quantile([1], 0.5, { method: 10 as QuantileMethod })).toThrowOpsError("invalid_argument");
  });

  it("refuses an unsorted input promised as sorted", () => {
    expect(() => quantile([2, 1], 0.5, { sorted: true })).toThrowOpsError("out_of_order");
  });

  it("lies between min and max and is monotone in p (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<QuantileMethod>(1, 2, 3, 4, 5, 6, 7, 8, 9),
        (values, p1, p2, method) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qlo = quantile(values, lo, { method });
          const qhi = quantile(values, hi, { method });
          expect(qlo).toBeGreaterThanOrEqual(Math.min(...values));
          expect(qhi).toBeLessThanOrEqual(Math.max(...values));
          expect(qlo).toBeLessThanOrEqual(qhi + 1e-9 * Math.max(1, Math.abs(qhi)));
        },
      ),
    );
  });
});
