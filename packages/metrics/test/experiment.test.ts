import { createRandom } from "@ops/core";
import {
  agrestiCoullInterval,
  fisherExactTest,
  newcombeInterval,
  normalCdf,
  normalQuantile,
  probabilityBBeatsA,
  sampleSizeTwoProportions,
  sequentialTwoProportionTest,
  twoProportionZTest,
  wilsonInterval,
  type ExperimentLook,
  type Proportion,
} from "@ops/metrics";
import { describe, expect, it } from "vitest";

describe("normalCdf", () => {
  it.each([
    [-1.96, 0.024997895148220435], // scipy.stats.norm.cdf(-1.96)
    [2.5, 0.9937903346742238], // scipy.stats.norm.cdf(2.5)
    [-8, 6.22096057427174e-16], // scipy.stats.norm.cdf(-8)
    [0, 0.5],
  ])("Φ(%d) matches scipy to 13 significant digits", (x, expected) => {
    expect(normalCdf(x) / expected).toBeCloseTo(1, 12);
  });
  it("keeps the upper tail accurate", () => {
    // scipy.stats.norm.sf(5) = 2.866515718791933e-07
    expect(1 - normalCdf(-5) === normalCdf(5)).toBe(true);
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 12);
  });
  it("matches scipy.stats.norm.cdf to 1e-12 relative across the whole range, tails included", () => {
    // scipy.stats.norm.cdf(x) for each x (scipy 1.17.1)
    const table: [number, number][] = [
      [-37, 5.7255712225239266e-300],
      [-20, 2.7536241186061556e-89],
      [-10, 7.61985302416047e-24],
      [-6, 9.865876450376946e-10],
      [-4, 3.167124183311986e-5],
      [-3.0001, 0.0013494549132607172],
      [-3, 0.0013498980316300933],
      [-2.9999, 0.001350341282954925],
      [-1, 0.15865525393145707],
      [-0.3, 0.3820885778110474],
      [0.3, 0.6179114221889526],
      [1, 0.8413447460685429],
      [2.9999, 0.998649658717045],
      [3, 0.9986501019683699],
      [3.0001, 0.9986505450867392],
      [4, 0.9999683287581669],
      [6, 0.9999999990134123],
      [8, 0.9999999999999993],
    ];
    for (const [x, expected] of table) expect(Math.abs(normalCdf(x) / expected - 1)).toBeLessThan(1e-12);
  });
  it("rejects NaN", () =>
    expect(() => normalCdf(Number.NaN)).toThrowOpsError("invalid_argument", {
      message: /normalCdf: x must be a number/,
    }));
});

describe("normalQuantile", () => {
  it.each([
    [0.995, 2.5758293035489004], // scipy.stats.norm.ppf(0.995)
    [1e-10, -6.361340902404056], // scipy.stats.norm.ppf(1e-10)
    [0.8, 0.8416212335729143], // scipy.stats.norm.ppf(0.8)
    [0.025, -1.9599639845400545], // scipy.stats.norm.ppf(0.025)
  ])("Φ⁻¹(%d) matches scipy", (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12);
  });
  it("matches scipy.stats.norm.ppf to 1e-12 relative from 1e-300 to 1 − 1e-14", () => {
    // scipy.stats.norm.ppf(p) for each p (scipy 1.17.1)
    const table: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-100, -21.273453560965322],
      [1e-20, -9.262340089798409],
      [1e-8, -5.612001244174789],
      [0.001, -3.090232306167813],
      [0.02425, -1.972961051311885],
      [0.03, -1.880793608151251],
      [0.3, -0.5244005127080409],
      [0.7, 0.5244005127080407],
      [0.97, 1.8807936081512509],
      [0.97575, 1.972961051311885],
      [0.999, 3.090232306167813],
      [0.99999999, 5.612001243305505],
      [0.99999999999999, 7.650730905155642],
    ];
    for (const [p, expected] of table) expect(Math.abs(normalQuantile(p) / expected - 1)).toBeLessThan(1e-12);
  });
  it("is the inverse of normalCdf", () => {
    for (const p of [0.001, 0.2, 0.5, 0.77, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
  });
  it("refuses 0 and 1, whose quantiles are infinite, and rejects other values", () => {
    expect(() => normalQuantile(0)).toThrowOpsError("out_of_range", { path: ["p"] });
    expect(() => normalQuantile(-0)).toThrowOpsError("out_of_range", { path: ["p"] });
    expect(() => normalQuantile(1)).toThrowOpsError("out_of_range", { path: ["p"] });
    expect(() => normalQuantile(1.5)).toThrowOpsError("invalid_argument", {
      message: /normalQuantile: p must be a probability in \[0, 1\], got 1.5/,
    });
  });
});

describe("wilsonInterval", () => {
  it.each([
    // scipy.stats.binomtest(x, n).proportion_ci(method="wilson")
    [0, 20, 0, 0.16112515805281935],
    [20, 20, 0.8388748419471808, 1],
    [3, 10, 0.10779126740630102, 0.6032218525388546],
    [120, 1000, 0.10129926060130914, 0.14160907584771276],
    [1, 1, 0.20654931437723745, 1],
  ])("%i/%i matches scipy", (x, n, lower, upper) => {
    const ci = wilsonInterval({ successes: x, trials: n });
    expect(ci.lower).toBeCloseTo(lower, 12);
    expect(ci.upper).toBeCloseTo(upper, 12);
    expect(ci.estimate).toBe(x / n);
  });
  it("reproduces the issue's reference 0/20 → [0, 0.161]", () => {
    const ci = wilsonInterval({ successes: 0, trials: 20 });
    expect([ci.lower, Number(ci.upper.toFixed(3))]).toEqual([0, 0.161]);
  });
  it("uses the confidence level", () => {
    // scipy binomtest(3, 10).proportion_ci(confidence_level=0.9, method="wilson")
    const ci = wilsonInterval({ successes: 3, trials: 10 }, { confidence: 0.9 });
    expect(ci.lower).toBeCloseTo(0.1268765839031979, 12);
    expect(ci.upper).toBeCloseTo(0.5583002041301649, 12);
  });
  it("returns a null estimate with a reason for zero trials", () => {
    expect(wilsonInterval({ successes: 0, trials: 0 })).toEqual({
      estimate: null,
      lower: 0,
      upper: 1,
      confidence: 0.95,
      reason: "no_trials",
    });
  });
  it("rejects counts above trials, negative and fractional counts and a bad confidence", () => {
    expect(() => wilsonInterval({ successes: 21, trials: 20 })).toThrowOpsError("invalid_argument", {
      message: /wilsonInterval: rate\.successes must be ≤ trials, got 21/,
    });
    expect(() => wilsonInterval({ successes: -1, trials: 20 })).toThrowOpsError("invalid_argument", {
      message: /rate\.successes/,
    });
    expect(() => wilsonInterval({ successes: 1.5, trials: 20 })).toThrowOpsError("invalid_argument", {
      message: /rate\.successes must be a whole number/,
    });
    expect(() => wilsonInterval({ successes: 1, trials: 20 }, { confidence: 1 })).toThrowOpsError("invalid_argument", {
      message: /options\.confidence must be < 1/,
    });
  });
  it("does not mutate its input", () => {
    const input = Object.freeze({ successes: 3, trials: 10 });
    wilsonInterval(input);
    expect(input).toEqual({ successes: 3, trials: 10 });
  });
});

describe("agrestiCoullInterval", () => {
  it.each([
    // hand-computed in python3 with statsmodels' formula: ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z√(p̃(1−p̃)/ñ), clipped
    [3, 10, 0.10333841792242532, 0.6076747020227304],
    [120, 1000, 0.10124707010425908, 0.14166126634476284],
    [20, 20, 0.8101904394575112, 1],
    [0, 20, 0, 0.18980956054248885],
  ])("%i/%i matches the closed form", (x, n, lower, upper) => {
    const ci = agrestiCoullInterval({ successes: x, trials: n });
    expect(ci.lower).toBeCloseTo(lower, 12);
    expect(ci.upper).toBeCloseTo(upper, 12);
  });
  it("is at least as wide as Wilson's", () => {
    const w = wilsonInterval({ successes: 3, trials: 10 });
    const a = agrestiCoullInterval({ successes: 3, trials: 10 });
    expect(a.lower).toBeLessThanOrEqual(w.lower);
    expect(a.upper).toBeGreaterThanOrEqual(w.upper);
  });
  it("handles zero trials and rejects bad counts", () => {
    expect(agrestiCoullInterval({ successes: 0, trials: 0 }).estimate).toBeNull();
    expect(() => agrestiCoullInterval({ successes: 5, trials: 4 })).toThrowOpsError("invalid_argument", {
      message: /agrestiCoullInterval: rate\.successes must be ≤ trials/,
    });
  });
});

describe("newcombeInterval", () => {
  // R. G. Newcombe, Statistics in Medicine 17 (1998), Table II, method 10; arguments are (control, variant) = (second, first)
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
  ])("%i/%i − %i/%i matches Newcombe's published interval", (x1, n1, x2, n2, lower, upper) => {
    const ci = newcombeInterval({ successes: x2, trials: n2 }, { successes: x1, trials: n1 });
    expect(Number(ci.lower.toFixed(4))).toBe(lower);
    expect(Number(ci.upper.toFixed(4))).toBe(upper);
  });
  it("is antisymmetric when the arms are swapped", () => {
    const a = { successes: 12, trials: 40 };
    const b = { successes: 20, trials: 45 };
    const ab = newcombeInterval(a, b);
    const ba = newcombeInterval(b, a);
    expect(ab.lower).toBeCloseTo(-ba.upper, 14);
    expect(ab.upper).toBeCloseTo(-ba.lower, 14);
  });
  it("returns null with a reason when an arm is empty", () => {
    expect(newcombeInterval({ successes: 0, trials: 0 }, { successes: 1, trials: 2 })).toMatchObject({
      estimate: null,
      reason: "no_trials",
    });
  });
  it("names the arm of a bad count", () => {
    expect(() => newcombeInterval({ successes: 1, trials: 2 }, { successes: 3, trials: 2 })).toThrowOpsError(
      "invalid_argument",
      { message: /newcombeInterval: b\.successes/ },
    );
  });
});

describe("twoProportionZTest", () => {
  it("reproduces the issue's reference 120/1000 vs 150/1000 → z ≈ 1.963", () => {
    const t = twoProportionZTest({ successes: 120, trials: 1000 }, { successes: 150, trials: 1000 });
    // scipy.stats.chi2_contingency([[150, 850], [120, 880]], correction=False): √χ² = 1.9630498076223553, p = 0.049640386865368834
    expect(t.z).toBeCloseTo(1.9630498076223553, 12);
    expect(t.pValue).toBeCloseTo(0.049640386865368834, 12);
    expect(t.chiSquare).toBeCloseTo(1.9630498076223553 ** 2, 11);
    expect(t.difference).toBeCloseTo(0.03, 15);
  });
  it("equals the uncorrected chi-square test on a small table", () => {
    // scipy.stats.chi2_contingency([[7, 3], [2, 8]], correction=False) → χ² = 5.05050505050505, p = 0.024618761380815174
    const t = twoProportionZTest({ successes: 2, trials: 10 }, { successes: 7, trials: 10 });
    expect(t.chiSquare).toBeCloseTo(5.05050505050505, 12);
    expect(t.pValue).toBeCloseTo(0.024618761380815174, 12);
  });
  it("gives one-sided p-values that add up to 1", () => {
    const a = { successes: 120, trials: 1000 };
    const b = { successes: 150, trials: 1000 };
    const g = twoProportionZTest(a, b, { alternative: "greater" }).pValue ?? NaN;
    const l = twoProportionZTest(a, b, { alternative: "less" }).pValue ?? NaN;
    expect(g + l).toBeCloseTo(1, 14);
    expect(g).toBeCloseTo(0.049640386865368834 / 2, 12);
  });
  it("returns nulls with a reason when the test is undefined", () => {
    expect(twoProportionZTest({ successes: 0, trials: 10 }, { successes: 0, trials: 10 })).toMatchObject({
      z: null,
      pValue: null,
      reason: "no_variance",
    });
    expect(twoProportionZTest({ successes: 0, trials: 0 }, { successes: 0, trials: 10 })).toMatchObject({
      z: null,
      reason: "no_trials",
    });
  });
  it("rejects an unknown alternative", () => {
    expect(() =>
      twoProportionZTest({ successes: 1, trials: 2 }, { successes: 1, trials: 2 }, { alternative: "bigger" as never }),
    ).toThrowOpsError("invalid_argument", { message: /options\.alternative/ });
  });
});

describe("fisherExactTest", () => {
  it.each([
    // scipy.stats.fisher_exact([[xB, nB − xB], [xA, nA − xA]], alternative=…)
    [1, 10, 6, 10, "two-sided", 0.057275541795665644],
    [1, 10, 6, 10, "greater", 0.028637770897832815],
    [1, 3, 3, 3, "two-sided", 0.48571428571428565], // [[3,1],[1,3]] — Fisher's tea-tasting table with nA = nB = 4
    [5, 10, 0, 10, "two-sided", 0.032507739938080496],
    [5, 10, 0, 10, "less", 0.016253869969040248],
  ] as const)("%i/%i vs %i/%i (%s) matches scipy", (xA, nA, xB, nB, alternative, p) => {
    const fixA = alternative === "two-sided" && nA === 3 ? { successes: 1, trials: 4 } : { successes: xA, trials: nA };
    const fixB = alternative === "two-sided" && nA === 3 ? { successes: 3, trials: 4 } : { successes: xB, trials: nB };
    expect(fisherExactTest(fixA, fixB, { alternative }).pValue).toBeCloseTo(p, 12);
  });
  it.each([
    // scipy.stats.fisher_exact(table) with table = [[xB, nB − xB], [xA, nA − xA]]; [two-sided, greater, less]
    [12, 50, 25, 50, 0.012432691111315234, 0.006216345555657617, 0.998270809687819],
    [0, 5, 5, 5, 0.007936507936507938, 0.003968253968253969, 1],
    [9, 100, 2, 100, 0.058220717580287525, 0.9951709420282409, 0.029110358790143762],
    [60, 500, 40, 500, 0.04476150274501575, 0.9867738661204395, 0.022380751372507876],
  ])("%i/%i vs %i/%i matches scipy for all three alternatives", (xA, nA, xB, nB, two, greater, less) => {
    const a = { successes: xA, trials: nA };
    const b = { successes: xB, trials: nB };
    expect(fisherExactTest(a, b).pValue).toBeCloseTo(two, 12);
    expect(fisherExactTest(a, b, { alternative: "greater" }).pValue).toBeCloseTo(greater, 12);
    expect(fisherExactTest(a, b, { alternative: "less" }).pValue).toBeCloseTo(less, 12);
  });
  it("reports the sample odds ratio, null when a cell is empty", () => {
    // scipy fisher_exact([[6, 4], [1, 9]]).statistic = 13.5
    expect(fisherExactTest({ successes: 1, trials: 10 }, { successes: 6, trials: 10 }).oddsRatio).toBe(13.5);
    expect(fisherExactTest({ successes: 5, trials: 10 }, { successes: 0, trials: 10 }).oddsRatio).toBe(0);
    expect(fisherExactTest({ successes: 0, trials: 10 }, { successes: 5, trials: 10 }).oddsRatio).toBeNull();
  });
  it("gives p = 1 when an arm is empty", () => {
    expect(fisherExactTest({ successes: 0, trials: 0 }, { successes: 3, trials: 5 }).pValue).toBeCloseTo(1, 14);
  });
  it("rejects counts above trials", () => {
    expect(() => fisherExactTest({ successes: 4, trials: 3 }, { successes: 1, trials: 3 })).toThrowOpsError(
      "invalid_argument",
      { message: /fisherExactTest: a\.successes must be ≤ trials/ },
    );
  });
});

describe("probabilityBBeatsA", () => {
  it("reproduces the issue's reference 120/1000 vs 150/1000 → 0.975", () => {
    // scipy.integrate.quad(lambda x: beta(121, 881).pdf(x) * beta(151, 851).sf(x), 0, 1) = 0.9750678368121442
    expect(probabilityBBeatsA({ successes: 120, trials: 1000 }, { successes: 150, trials: 1000 })).toBeCloseTo(
      0.9750678368121442,
      10,
    );
  });
  it("matches numerical integration on a small case and is symmetric", () => {
    // scipy.integrate.quad with Beta(2, 20) and Beta(7, 5): 0.9993254613388095
    const a = { successes: 1, trials: 20 };
    const b = { successes: 6, trials: 10 };
    expect(probabilityBBeatsA(a, b)).toBeCloseTo(0.9993254613388095, 11);
    expect(probabilityBBeatsA(b, a)).toBeCloseTo(1 - 0.9993254613388095, 11);
  });
  it("gives 0.5 for identical arms and for two empty arms", () => {
    expect(probabilityBBeatsA({ successes: 7, trials: 50 }, { successes: 7, trials: 50 })).toBeCloseTo(0.5, 12);
    expect(probabilityBBeatsA({ successes: 0, trials: 0 }, { successes: 0, trials: 0 })).toBeCloseTo(0.5, 12);
  });
  it("agrees with a Monte Carlo estimate under an informative prior", () => {
    const rnd = createRandom(7);
    const gamma = (k: number): number => {
      let s = 0;
      for (let i = 0; i < k; i++) s -= Math.log(1 - rnd.next());
      return s;
    };
    const beta = (a: number, b: number): number => {
      const x = gamma(a);
      return x / (x + gamma(b));
    };
    let wins = 0;
    const draws = 20_000;
    for (let i = 0; i < draws; i++) if (beta(3 + 4, 3 + 16) > beta(3 + 2, 3 + 18)) wins++;
    const exact = probabilityBBeatsA(
      { successes: 2, trials: 20 },
      { successes: 4, trials: 20 },
      { prior: { alpha: 3, beta: 3 } },
    );
    // 4 standard errors of a proportion from 20 000 draws ≈ 0.013
    expect(Math.abs(wins / draws - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / draws));
  });
  it("rejects a fractional prior alpha", () => {
    expect(() =>
      probabilityBBeatsA({ successes: 1, trials: 2 }, { successes: 1, trials: 2 }, { prior: { alpha: 0.5, beta: 1 } }),
    ).toThrowOpsError("invalid_argument", { message: /options\.prior\.alpha/ });
  });
});

describe("sampleSizeTwoProportions", () => {
  it.each([
    // n from R's power.prop.test formula solved with scipy.optimize.brentq, rounded up
    [0.12, 0.15, 0.8, "two-sided", 2036], // 2035.604956586954
    [0.1, 0.12, 0.8, "two-sided", 3841], // 3840.8474824362766
    [0.5, 0.6, 0.8, "two-sided", 388], // 387.33851669903584
    [0.12, 0.15, 0.9, "two-sided", 2725], // 2724.5985942361126
    [0.12, 0.15, 0.8, "one-sided", 1604], // 1603.3269329517295
  ] as const)("%d → %d at power %d (%s)", (baseline, expected, power, sides, n) => {
    expect(sampleSizeTwoProportions({ baseline, expected }, { power, sides })).toEqual({
      control: n,
      variant: n,
      total: 2 * n,
    });
  });

  it.each([
    // statsmodels 0.13.5: samplesize_proportions_2indep_onetail(diff=baseline - expected, prop2=expected,
    // power, ratio, alpha=0.05, alternative) → nobs1 (control); variant = ratio · nobs1
    [0.12, 0.15, 2, 0.8, "two-sided", 1546, 3091], // 1545.2035979766003, 3090.4071959532007
    [0.1, 0.12, 0.5, 0.9, "two-sided", 7668, 3834], // 7667.290538909143, 3833.6452694545715
    [0.12, 0.15, 3, 0.8, "one-sided", 1085, 3253], // alternative="larger": 1084.1999042992713, 3252.5997128978142
    [0, 0.05, 1, 0.8, "two-sided", 152, 152], // 151.86886211727617
    [1, 0.9, 1, 0.8, "two-sided", 74, 74], // 73.37427304669808
    [0, 1, 1, 0.8, "two-sided", 2, 2], // 1.9207294103470636
  ] as const)(
    "pooled: %d → %d with ratio %d at power %d (%s) is %d + %d, as statsmodels",
    (baseline, expected, ratio, power, sides, control, variant) => {
      expect(sampleSizeTwoProportions({ baseline, expected }, { ratio, power, sides })).toEqual({
        control,
        variant,
        total: control + variant,
      });
    },
  );

  it.each([
    // statsmodels 0.13.5: h = proportion_effectsize(expected, baseline);
    // NormalIndPower().solve_power(effect_size=abs(h), alpha, power, ratio, alternative) → nobs1;
    // to 1e-9 relative the same as scipy.optimize.brentq on norm.sf(z − x) + norm.cdf(−z − x) = power,
    // n = (x/h)²·(1 + 1/ratio) — the exact value is in the comment
    // 2030.9748051287713; NormalIndPower().power(h, 2030, 0.05) = 0.7998116982377945, with 2031: 0.8000048648474593
    [0.12, 0.15, 1, 0.8, 0.05, "two-sided", 2031, 2031],
    [0.12, 0.15, 2, 0.8, 0.05, "two-sided", 1524, 3047], // 1523.2311038465784
    [0, 0.05, 1, 0.8, 0.05, "two-sided", 78, 78], // 77.16704803197523
    [0.12, 0.15, 1, 0.8, 0.05, "one-sided", 1600, 1600], // alternative="larger": 1599.8013921356821
    // the far rejection region matters here: 287.85 if it is neglected
    [0.3, 0.35, 1, 0.5, 0.2, "two-sided", 282, 282], // 281.80752177702783
    [1, 0.9, 0.5, 0.9, 0.01, "two-sided", 108, 54], // 107.79725452689524, 53.89862726344762
  ] as const)(
    "arcsine (Cohen's h): %d → %d with ratio %d at power %d, α %d (%s) is %d + %d",
    (baseline, expected, ratio, power, alpha, sides, control, variant) => {
      expect(
        sampleSizeTwoProportions({ baseline, expected }, { method: "arcsine", ratio, power, alpha, sides }),
      ).toEqual({
        control,
        variant,
        total: control + variant,
      });
    },
  );

  it("is symmetric in the two rates with equal arms", () => {
    for (const method of ["pooled", "arcsine"] as const) {
      expect(sampleSizeTwoProportions({ baseline: 0.15, expected: 0.12 }, { method })).toEqual(
        sampleSizeTwoProportions({ baseline: 0.12, expected: 0.15 }, { method }),
      );
    }
  });

  it("rejects equal rates, rates outside [0, 1], a power below 0.5 and a ratio outside [0.01, 100]", () => {
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, expected: 0.1 })).toThrowOpsError("invalid_argument", {
      path: ["rates", "expected"],
      message: /rates\.expected must differ from baseline/,
    });
    expect(() => sampleSizeTwoProportions({ baseline: 0, expected: 0 })).toThrowOpsError("invalid_argument", {
      path: ["rates", "expected"],
    });
    expect(() => sampleSizeTwoProportions({ baseline: -0.1, expected: 0.1 })).toThrowOpsError("invalid_argument", {
      path: ["rates", "baseline"],
      message: /rates\.baseline must be a probability in \[0, 1\]/,
    });
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, expected: 1.2 })).toThrowOpsError("invalid_argument", {
      path: ["rates", "expected"],
    });
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, expected: 0.2 }, { power: 0.3 })).toThrowOpsError(
      "invalid_argument",
      { message: /options\.power must be ≥ 0.5/ },
    );
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, expected: 0.2 }, { ratio: 0 })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "ratio"], message: /must be a number from 0.01 to 100/ },
    );
    expect(() =>
      sampleSizeTwoProportions({ baseline: 0.1, expected: 0.2 }, { method: "cohen" as "arcsine" }),
    ).toThrowOpsError("invalid_argument", { path: ["options", "method"] });
  });

  it("refuses an effect too small for any practical sample", () => {
    expect(() => sampleSizeTwoProportions({ baseline: 0.5, expected: 0.5 + 1e-9 })).toThrowOpsError("out_of_range", {
      path: ["rates"],
    });
  });

  it("does not mutate its input", () => {
    const rates = { baseline: 0.1, expected: 0.12 };
    const options = { method: "arcsine" as const, ratio: 2 };
    sampleSizeTwoProportions(rates, options);
    expect(rates).toEqual({ baseline: 0.1, expected: 0.12 });
    expect(options).toEqual({ method: "arcsine", ratio: 2 });
  });
});

/** Cumulative looks at an A/A or A/B test: `batches` batches of `batch` users per arm. */
function simulateLooks(seed: number, pA: number, pB: number, batches: number, batch: number): ExperimentLook[] {
  const rnd = createRandom(seed);
  const looks: ExperimentLook[] = [];
  let a: Proportion = { successes: 0, trials: 0 };
  let b: Proportion = { successes: 0, trials: 0 };
  for (let k = 0; k < batches; k++) {
    let xa = 0;
    let xb = 0;
    for (let i = 0; i < batch; i++) {
      if (rnd.next() < pA) xa++;
      if (rnd.next() < pB) xb++;
    }
    a = { successes: a.successes + xa, trials: a.trials + batch };
    b = { successes: b.successes + xb, trials: b.trials + batch };
    looks.push({ a, b });
  }
  return looks;
}

describe("sequentialTwoProportionTest", () => {
  it("holds the false-positive rate under peeking where the naive repeated z-test does not", () => {
    const runs = 400;
    const alpha = 0.05;
    let naive = 0;
    let once = 0;
    let sequential = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const looks = simulateLooks(seed, 0.1, 0.1, 20, 100);
      const pValues = looks.map((l) => twoProportionZTest(l.a, l.b).pValue ?? 1);
      if (pValues.some((p) => p < alpha)) naive++;
      if ((pValues.at(-1) ?? 1) < alpha) once++;
      if (sequentialTwoProportionTest(looks, { alpha }).decision === "significant") sequential++;
    }
    // Peeking at 20 looks: Armitage, McPherson & Rowe (1969) give ≈ 0.25 for a normal test; far above 0.05
    expect(naive / runs).toBeGreaterThan(0.15);
    // one look at the planned horizon holds alpha (binomial 95 % band around 0.05 with 400 runs ≈ ±0.022)
    expect(once / runs).toBeLessThan(0.075);
    // the mSPRT holds alpha however often one looks
    expect(sequential / runs).toBeLessThanOrEqual(alpha);
  });
  it("detects a real lift", () => {
    let detected = 0;
    for (let seed = 1; seed <= 50; seed++) {
      if (sequentialTwoProportionTest(simulateLooks(1000 + seed, 0.1, 0.15, 20, 200)).decision === "significant")
        detected++;
    }
    expect(detected / 50).toBeGreaterThan(0.8);
  });
  it("keeps the p-value non-increasing and the decision final", () => {
    const r = sequentialTwoProportionTest(simulateLooks(3, 0.1, 0.2, 10, 200));
    for (let i = 1; i < r.looks.length; i++) expect(r.looks[i]!.pValue).toBeLessThanOrEqual(r.looks[i - 1]!.pValue);
    expect(r.stoppedAt).not.toBeNull();
    expect(r.looks.slice(r.stoppedAt ?? 0).every((l) => l.significant)).toBe(true);
  });
  it("treats empty arms and no looks as no evidence", () => {
    expect(sequentialTwoProportionTest([])).toEqual({ looks: [], decision: "continue", stoppedAt: null });
    const r = sequentialTwoProportionTest([{ a: { successes: 0, trials: 0 }, b: { successes: 0, trials: 0 } }]);
    expect(r.looks[0]).toEqual({ difference: null, likelihoodRatio: 1, pValue: 1, significant: false });
  });
  it("rejects counts that go down between looks", () => {
    expect(() =>
      sequentialTwoProportionTest([
        { a: { successes: 5, trials: 100 }, b: { successes: 5, trials: 100 } },
        { a: { successes: 4, trials: 200 }, b: { successes: 9, trials: 200 } },
      ]),
    ).toThrowOpsError("out_of_order", {
      message: /sequentialTwoProportionTest: looks\[1\]\.a must have cumulative counts/,
    });
  });
  it("does not mutate the looks", () => {
    const looks = simulateLooks(5, 0.1, 0.1, 3, 50);
    const copy = structuredClone(looks);
    sequentialTwoProportionTest(looks);
    expect(looks).toEqual(copy);
  });
});
