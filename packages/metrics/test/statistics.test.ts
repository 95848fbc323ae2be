import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chiSquareTest,
  describe as describeSample,
  poissonCdf,
  poissonQuantile,
  quantile,
  studentTQuantile,
} from "@ops/metrics";

const relativeError = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe("describe", () => {
  it.each([
    // numpy 1.24.2: a.mean(), a.var(ddof=1), a.std(ddof=1), np.percentile(a, [25, 50, 75]);
    // scipy 1.10.1: scipy.stats.describe(a) gives the same mean and variance
    {
      x: [2, 4, 4, 4, 5, 5, 7, 9],
      mean: 5,
      variance: 4.571428571428571,
      sd: 2.138089935299395,
      quartiles: [4, 4.5, 5.5],
    },
    {
      x: [3.5, 1, 9, 4, 4, 12.25, 7, 2],
      mean: 5.34375,
      variance: 14.409598214285714,
      sd: 3.795997657307722,
      quartiles: [3.125, 4, 7.5],
    },
    // the textbook case where Σx² − n·x̄² loses every digit (Chan, Golub & LeVeque 1983)
    {
      x: [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16],
      mean: 1e9 + 10,
      variance: 30,
      sd: 5.477225575051661,
      quartiles: [1000000006.25, 1e9 + 10, 1000000013.75],
    },
  ])("matches numpy and scipy on $x", ({ x, mean, variance, sd, quartiles }) => {
    const d = describeSample(x);
    expect(d.n).toBe(x.length);
    expect(d.mean).toBe(mean);
    expect(relativeError(d.variance as number, variance)).toBeLessThan(1e-14);
    expect(relativeError(d.standardDeviation as number, sd)).toBeLessThan(1e-14);
    expect([d.q1, d.median, d.q3]).toEqual(quartiles);
    expect([d.min, d.max]).toEqual([Math.min(...x), Math.max(...x)]);
    expect(d.method).toBe(7);
  });

  it("uses the stated quartile method", () => {
    // numpy 1.24.2: np.percentile([3.5, 1, 9, 4, 4, 12.25, 7, 2], [25, 50, 75], method="weibull") = [2.375, 4, 8.5]
    const d = describeSample([3.5, 1, 9, 4, 4, 12.25, 7, 2], { method: 6 });
    expect([d.q1, d.median, d.q3, d.method]).toEqual([2.375, 4, 8.5, 6]);
  });

  it("gives a variance of exactly 0 for a constant sample", () => {
    // numpy: np.full(10, 0.1).var(ddof=1) = 0.0 (a naive running sum makes the mean 0.09999999999999999)
    expect(describeSample(Array.from({ length: 10 }, () => 0.1))).toMatchObject({
      mean: 0.1,
      variance: 0,
      standardDeviation: 0,
    });
  });

  it("returns null statistics for no value and a null variance for one", () => {
    expect(describeSample([])).toEqual({
      n: 0,
      mean: null,
      variance: null,
      standardDeviation: null,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
      method: 7,
    });
    expect(describeSample(Float64Array.of(42))).toEqual({
      n: 1,
      mean: 42,
      variance: null,
      standardDeviation: null,
      min: 42,
      q1: 42,
      median: 42,
      q3: 42,
      max: 42,
      method: 7,
    });
  });

  it("agrees with quantile and with a direct two-pass variance (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }), (x) => {
        const d = describeSample(x);
        const m = x.reduce((a, v) => a + v, 0) / x.length;
        const v = x.reduce((a, y) => a + (y - m) ** 2, 0) / (x.length - 1);
        expect(Math.abs((d.variance as number) - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, v));
        expect(d.q1).toBe(quantile(x, 0.25));
        expect(d.q3).toBe(quantile(x, 0.75));
      }),
    );
  });

  it("keeps the standard deviation of tiny values and refuses a variance beyond the largest double", () => {
    // Python 3.11 statistics.stdev([1e-200, -1e-200]) = 1.414213562373095e-200 (numpy 1.24.2's std gives 0.0:
    // the squares underflow); the variance, 2e-400, is below the smallest double
    expect(describeSample([1e-200, -1e-200])).toMatchObject({ standardDeviation: 1.414213562373095e-200, variance: 0 });
    expect(() => describeSample([1e200, -1e200])).toThrowOpsError("out_of_range", {
      path: ["values"],
      message: /^describe: values must have a variance below the largest double/,
    });
  });

  it("does not mutate its input", () => {
    const x = [3, 1, 2];
    describeSample(x);
    expect(x).toEqual([3, 1, 2]);
  });

  it("refuses non-finite values and unknown methods", () => {
    expect(() => describeSample([1, Number.NaN])).toThrowOpsError("invalid_argument", {
      path: ["values", 1],
      message: "describe: values[1] must be a finite number, got NaN",
    });
    expect(() => describeSample([1, 2], { method: 10 as 7 })).toThrowOpsError("invalid_argument", {
      path: ["options", "method"],
    });
    expect(() => describeSample(null as unknown as number[])).toThrowOpsError("invalid_argument", { path: ["values"] });
  });
});

describe("poissonCdf", () => {
  it.each([
    // [k, λ, P(X ≤ k)]: scipy 1.10.1 scipy.stats.poisson.cdf(k, λ), which agrees with
    // mpmath 1.2.1 (50 digits) mp.gammainc(k + 1, λ, mp.inf, regularized=True) to < 1e-14 here
    [3, 2.5, 0.7575761331330662],
    [0, 0.1, 0.9048374180359595],
    [0, 1, 0.36787944117144245],
    [5, 7.3, 0.26404320478110876],
    [2, 0.5, 0.9856123220330293],
    [12, 2.5, 0.9999976158015264],
    [100, 100, 0.5265621985299985],
    [1000, 1000.5, 0.5021023242230175],
    [0, 50, 1.9287498479639183e-22],
    [997_000, 1e6, 0.0013462037182411075],
    // mpmath (scipy 1.10.1 gives 0.0013496873224557327)
    [999_905_131, 1e9, 0.0013496873224557316],
  ])("P(X ≤ %d | λ = %d) = %d", (k, lambda, p) => {
    expect(relativeError(poissonCdf(k, lambda), p)).toBeLessThan(5e-13);
  });

  it("floors a fractional k and handles k < 0, k = Infinity and λ = 0 as scipy does", () => {
    expect(poissonCdf(3.9, 2.5)).toBe(poissonCdf(3, 2.5));
    expect(poissonCdf(-0.5, 2.5)).toBe(0);
    expect(poissonCdf(Number.POSITIVE_INFINITY, 2.5)).toBe(1);
    expect(poissonCdf(0, 0)).toBe(1);
  });

  it("is non-decreasing in k (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0.01, max: 200, noNaN: true }), (k, lambda) => {
        expect(poissonCdf(k + 1, lambda)).toBeGreaterThanOrEqual(poissonCdf(k, lambda));
      }),
    );
  });

  it("refuses a NaN k, a negative or infinite λ and a λ above 10⁹", () => {
    expect(() => poissonCdf(Number.NaN, 1)).toThrowOpsError("invalid_argument", { path: ["k"] });
    expect(() => poissonCdf(1, -1)).toThrowOpsError("invalid_argument", {
      path: ["lambda"],
      message: "poissonCdf: lambda must be a finite number ≥ 0, got -1",
    });
    expect(() => poissonCdf(1, Number.POSITIVE_INFINITY)).toThrowOpsError("invalid_argument", { path: ["lambda"] });
    expect(() => poissonCdf(1, 2e9)).toThrowOpsError("out_of_range", {
      path: ["lambda"],
      message: /at most 1000000000/,
    });
  });
});

describe("poissonQuantile", () => {
  it.each([
    // [p, λ, k]: scipy 1.10.1 scipy.stats.poisson.ppf(p, λ)
    [0.5, 2.5, 2],
    [0.95, 2.5, 5],
    [0.0005, 1.75, 0],
    [0.3, 0.1, 0],
    [0.99, 0.1, 1],
    [1e-12, 100, 38],
    [0.999, 1e4, 10310],
    [1 - 1e-9, 7.3, 29],
    [0.025, 1e6, 998041],
    [0.5, 1e9, 1e9],
  ])("the %d-quantile of Poisson(%d) is %d", (p, lambda, k) => {
    expect(poissonQuantile(p, lambda)).toBe(k);
  });

  it("inverts poissonCdf: the quantile of the cdf at k is k", () => {
    for (const lambda of [0.3, 2.5, 40, 1e5]) {
      for (let k = Math.max(0, Math.floor(lambda - 4 * Math.sqrt(lambda))); k < lambda + 4 * Math.sqrt(lambda); k++) {
        expect(poissonQuantile(poissonCdf(k, lambda), lambda)).toBe(k);
      }
    }
  });

  it("gives 0 for p = 0 (R's qpois; scipy says −1) and Infinity for p = 1", () => {
    expect(poissonQuantile(0, 3)).toBe(0);
    expect(poissonQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(poissonQuantile(0.7, 0)).toBe(0);
  });

  it("refuses p outside [0, 1] and a bad λ", () => {
    expect(() => poissonQuantile(1.5, 3)).toThrowOpsError("invalid_argument", {
      path: ["p"],
      message: "poissonQuantile: p must be a probability in [0, 1], got 1.5",
    });
    expect(() => poissonQuantile(0.5, Number.NaN)).toThrowOpsError("invalid_argument", { path: ["lambda"] });
  });
});

describe("chiSquareTest (moved from @ops/raffle)", () => {
  it("matches scipy's chi-square upper tail", () => {
    // scipy.stats.chi2.sf(3.841458820694124, 1) = 0.05
    expect(chiSquareTest([0, 0], [1, 1]).degreesOfFreedom).toBe(1);
    const p = (stat: number, df: number): number => {
      const k = df + 1;
      const e = new Array(k).fill(100);
      const o = [...e];
      // put the whole statistic in two cells: (o−e)²/e split evenly
      const d = Math.sqrt((stat * 100) / 2);
      o[0] = 100 + d;
      o[1] = 100 - d;
      return chiSquareTest(o, e).pValue;
    };
    expect(p(3.841458820694124, 1)).toBeCloseTo(0.05, 9); // scipy.stats.chi2.sf(3.841458820694124, 1)
    expect(p(30.14352720564616, 19)).toBeCloseTo(0.05, 9); // scipy.stats.chi2.sf(30.14352720564616, 19)
    expect(p(16.26623619623813, 3)).toBeCloseTo(0.001, 9); // scipy.stats.chi2.sf(16.26623619623813, 3)
    expect(p(123.22522145336181, 99)).toBeCloseTo(0.05, 8); // scipy.stats.chi2.sf(123.22522145336181, 99)
  });

  it("gives p = 1 for a perfect fit and refuses bad input", () => {
    expect(chiSquareTest([5, 5], [5, 5]).pValue).toBe(1);
    expect(() => chiSquareTest([1], [1])).toThrowOpsError("invalid_argument", { message: /length ≥ 2/ });
    // a statistic that overflows a double (long hostile run: Infinity at result.statistic)
    expect(() => chiSquareTest([1e308, 0], [1e-300, 1])).toThrowOpsError("out_of_range", { path: ["observed"] });
    expect(() => chiSquareTest([1.7e154, 0], [1, 1])).toThrowOpsError("out_of_range");
    expect(() => chiSquareTest([1, 2], [1, 0])).toThrowOpsError("invalid_argument", { message: /expected\[1\]/ });
    expect(() => chiSquareTest([1, -2], [1, 1])).toThrowOpsError("invalid_argument", { message: /observed\[1\]/ });
  });
});

describe("studentTQuantile", () => {
  it.each([
    // scipy.stats.t.isf(p, df)
    [0.025, 1, 12.706204736174705],
    [0.025, 2, 4.302652729749464],
    [0.025, 9, 2.2621571627982053],
    [0.005, 29, 2.7563859036706053],
    [0.05, 120, 1.6576508993552357],
    [0.0005, 4, 8.610301581379275],
    [0.25, 3, 0.7648923284043444],
  ])("t.isf(%f, %i) = %f as scipy", (p, df, expected) => {
    // t.isf(p, df) = t.ppf(1 − p, df) = −t.ppf(p, df)
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(expected, 10);
    expect(studentTQuantile(p, df)).toBeCloseTo(-expected, 10);
  });
  it("scipy's t.ppf for a non-integer df and far tails; refuses what has no finite answer", () => {
    expect(studentTQuantile(0.975, 2.5)).toBeCloseTo(3.5746548420036817, 9); // scipy 1.17.1 stats.t.ppf(0.975, 2.5)
    expect(studentTQuantile(1e-10, 5)).toBeCloseTo(-156.82559270889433, 6); // scipy 1.17.1 stats.t.ppf(1e-10, 5)
    // scipy gives t.ppf(1e-200, 1) = -3.18e199: past what the tail can be computed for here, refused
    expect(studentTQuantile(0.5, 1)).toBe(0);
    expect(() => studentTQuantile(0, 3)).toThrowOpsError("out_of_range", { path: ["p"] });
    expect(() => studentTQuantile(1e-200, 1)).toThrowOpsError("out_of_range", { path: ["p"] });
    expect(() => studentTQuantile(0.9, 0)).toThrowOpsError("invalid_argument", { path: ["df"] });
    expect(() => studentTQuantile(Number.NaN, 3)).toThrowOpsError("invalid_argument", { path: ["p"] });
  });
});
