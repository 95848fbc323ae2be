// Numbers that must stay finite (issue 20): every numeric output of the rates, growth,
// comparisons, surveys, experiments and distributions is a finite number (or a documented
// null) for every input inside the function's documented range; an input beyond it, or a
// ratio whose true value overflows the double range, is refused with a typed OpsError.
import { MAX_INSTANT, OpsError } from "@ops/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activeFollowerRate,
  agrestiCoullInterval,
  comparePeriods,
  csat,
  engagementRate,
  fisherExactTest,
  followerGrowth,
  followerGrowthFromSnapshots,
  newcombeInterval,
  normalCdf,
  normalQuantile,
  nps,
  periodChange,
  previousPeriod,
  probabilityBBeatsA,
  quantile,
  rate,
  readRate,
  replyRate,
  responseTimeSummary,
  rollupByChannel,
  sampleSizeTwoProportions,
  sequentialTwoProportionTest,
  timeBuckets,
  twoProportionZTest,
  wilsonInterval,
  type Proportion,
  type QuantileMethod,
} from "@ops/metrics";
import { DAY } from "./_helpers";

const MAX = Number.MAX_VALUE;
const MAX_COUNT = 2 ** 53 - 1;

/** The paths of the numbers in `value` (through arrays and objects) that are not finite. */
function nonFinite(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

/**
 * Calls `f`: its result must hold finite numbers only (nulls allowed); if it throws, it must
 * be an OpsError with one of the documented `refusals` codes (none by default).
 */
function expectFinite(f: () => unknown, refusals: readonly string[] = []): "finite" | "refused" {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    if (!(e instanceof OpsError) || !refusals.includes(e.code)) throw e;
    return "refused";
  }
  expect(nonFinite(result)).toEqual([]);
  return "finite";
}

// Inputs inside each documented range, with the edges of the double range mixed in often.
const tinies = [Number.MIN_VALUE, 2.2250738585072014e-308, 1e-300] as const;
/** A count or amount of CountSchema: finite, 0 … 2^53 − 1, fractional allowed. */
const count = fc.oneof(
  fc.constantFrom(0, ...tinies, 0.5, 1, MAX_COUNT),
  fc.nat(),
  fc.double({ min: 0, max: MAX_COUNT, noNaN: true }),
);
/** A finite number ≥ 0 of any magnitude (durations, engagement measures). */
const amount = fc.oneof(
  fc.constantFrom(0, ...tinies, 1, MAX_COUNT, MAX / 2, MAX),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
);
/** Any finite number. */
const finite = fc.oneof(
  amount,
  amount.map((x) => -x),
);
/** A whole count of zod's `z.int()`: 0 … 2^53 − 1. */
const wholeCount = fc.oneof(fc.constantFrom(0, 1, MAX_COUNT), fc.nat(1000), fc.maxSafeNat());
/** A probability in (0, 1), down to the smallest double and up to 1 − 2^-53. */
const openUnit = fc.oneof(
  fc.constantFrom(...tinies, 1e-20, 0.5, 1 - 2 ** -53),
  fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }),
);
/** `{ successes, trials }` with trials up to `max`, often at 0, 1 or `max` and with 0 or all successes. */
const proportion = (max: number): fc.Arbitrary<Proportion> =>
  fc
    .oneof(fc.constantFrom(0, 1, max), fc.nat(Math.min(max, 1000)), fc.integer({ min: 0, max }))
    .chain((trials) =>
      fc
        .oneof(fc.constantFrom(0, trials), fc.integer({ min: 0, max: trials }))
        .map((successes) => ({ successes, trials })),
    );
const anyProportion = fc.oneof(proportion(MAX_COUNT), proportion(100));
const instant = fc.integer({ min: -MAX_INSTANT, max: MAX_INSTANT });
const method = fc.integer({ min: 1, max: 9 }).map((m) => m as QuantileMethod);
const runs = { numRuns: 300 };

describe("normalQuantile", () => {
  it("is finite down to the smallest double, to the digits of scipy's norm.ppf", () => {
    // scipy 1.17.1: scipy.stats.norm.ppf(p) for each p (5e-324 gave NaN here before, 1e-310 did not)
    const table: [number, number][] = [
      [5e-324, -38.467405617144344],
      [1e-323, -38.44939448087599],
      [4e-320, -38.23290803593184],
      [1e-315, -37.967300351067365],
      [1e-310, -37.663060331949524],
      [2.2250738585072014e-308, -37.5193793471445],
      [1e-301, -37.10915213191592],
      [1e-300, -37.0470962993612],
      [1e-250, -33.79958617269484],
    ];
    for (const [p, expected] of table) expect(Math.abs(normalQuantile(p) / expected - 1)).toBeLessThan(1e-15);
  });
  it("is finite at the largest probability below 1", () => {
    // scipy.stats.norm.ppf(1 - 2**-53) = 8.209536151601387
    expect(normalQuantile(1 - 2 ** -53)).toBeCloseTo(8.209536151601387, 10);
  });
  it("refuses exactly 0 and 1, where Φ⁻¹ is ∓Infinity (R qnorm, scipy norm.ppf return the infinities): out_of_range", () => {
    expect(() => normalQuantile(0)).toThrowOpsError("out_of_range");
    expect(() => normalQuantile(1)).toThrowOpsError("out_of_range");
  });
  it("is finite and non-decreasing over (0, 1) (property)", () => {
    fc.assert(
      fc.property(openUnit, openUnit, (p, q) => {
        const [a, b] = [normalQuantile(Math.min(p, q)), normalQuantile(Math.max(p, q))];
        expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
        expect(a).toBeLessThanOrEqual(b);
      }),
      runs,
    );
  });
});

describe("rate", () => {
  it("refuses a denominator so close to 0 that the rate would overflow", () => {
    // 4 / 5e-324 = 8e323 > Number.MAX_VALUE: no finite answer (it was Infinity)
    expect(() => rate(4, 5e-324)).toThrowOpsError("out_of_range", {
      path: ["denominator"],
      message: "rate: denominator must be 0 or not so close to 0 that the rate exceeds Number.MAX_VALUE, got 5e-324",
    });
  });
  it("keeps every finite quotient, up to Number.MAX_VALUE", () => {
    expect(rate(MAX, 1).value).toBe(MAX);
    expect(rate(4, 1e-300).value).toBeCloseTo(4e300, -290);
    expect(rate(5e-324, MAX).value).toBe(0);
  });
  it("names readRate and the field when it refuses there", () => {
    expect(() => readRate({ readers: 4, targetUsers: 5e-324 })).toThrowOpsError("out_of_range", {
      fn: "readRate",
      path: ["input", "targetUsers"],
    });
    expect(() => readRate({ readers: 1e308, targetUsers: 1 })).toThrowOpsError("invalid_argument", {
      path: ["input", "readers"],
      message: "must be at most 2^53 − 1 (9007199254740991), got 1e+308",
    });
  });
});

describe("engagementRate", () => {
  it("refuses counts above 2^53 − 1 (their sums were Infinity)", () => {
    const posts = [
      { publishedAt: 0, likes: 1e308, impressions: 1 },
      { publishedAt: 0, likes: 1e308, impressions: 1 },
    ];
    expect(() => engagementRate(posts)).toThrowOpsError("invalid_argument", {
      path: ["posts", 0, "likes"],
      message: /^engagementRate: posts\[0\]\.likes must be at most 2\^53 − 1 \(9007199254740991\), got 1e\+308$/,
    });
  });
  it("sums counts at the largest allowed value to finite totals", () => {
    const post = { publishedAt: 0, likes: MAX_COUNT, comments: MAX_COUNT, impressions: MAX_COUNT };
    const r = engagementRate(Array.from({ length: 1000 }, () => post));
    expect(r.numerator).toBe(2000 * MAX_COUNT);
    expect(r.value).toBe(2);
  });
  it("refuses a denominator so close to 0 that a rate would overflow, naming the post", () => {
    const posts = [
      { publishedAt: 0, likes: 3, impressions: 10 },
      { publishedAt: 0, likes: 4, impressions: 5e-324 },
    ];
    expect(() => engagementRate(posts, { aggregation: "meanOfRatios" })).toThrowOpsError("out_of_range", {
      path: ["posts", 1],
    });
    expect(() => engagementRate([{ publishedAt: 0, likes: 4, impressions: 5e-324 }])).toThrowOpsError("out_of_range", {
      path: ["posts"],
      message: /total denominator/,
    });
  });
  it("takes a mean of ratios whose plain sum overflows", () => {
    // each ratio is 9007199254740991 / 9.007199254740991e-293 = 1e308; two of them sum to Infinity, their mean is 1e308
    const post = { publishedAt: 0, likes: MAX_COUNT, impressions: MAX_COUNT / 1e308 };
    const r = engagementRate([post, post, post], { aggregation: "meanOfRatios" });
    expect(r.value).toBeCloseTo(1e308, -293);
  });
});

describe("periodChange", () => {
  it("refuses a base so close to 0 that the relative change would overflow", () => {
    // 100 / 5e-324 > Number.MAX_VALUE (it was Infinity)
    expect(() => periodChange(100, 5e-324)).toThrowOpsError("out_of_range", {
      path: ["previous"],
      message:
        "periodChange: previous must be 0 or not so close to 0 that the relative change exceeds Number.MAX_VALUE, got 5e-324",
    });
  });
  it("refuses values beyond ±Number.MAX_VALUE / 2, whose difference can overflow", () => {
    // 1e308 − (−1e308) = 2e308 > Number.MAX_VALUE (absolute was Infinity)
    expect(() => periodChange(1e308, -1e308)).toThrowOpsError("out_of_range", {
      path: ["current"],
      message: /must be at most Number\.MAX_VALUE \/ 2/,
    });
  });
  it("keeps the widest change inside the range finite", () => {
    expect(periodChange(MAX / 2, -MAX / 2)).toMatchObject({ absolute: MAX, relative: 2, direction: "up" });
  });
});

describe("comparePeriods", () => {
  const options = {
    period: { start: 7 * DAY, end: 14 * DAY },
    against: "wow",
    timeZone: "UTC",
    measure: "sum",
  } as const;
  it("refuses a period whose values sum past ±Number.MAX_VALUE / 2, naming itself", () => {
    const events = [
      { at: 8 * DAY, actor: "a", value: 1e308 },
      { at: 9 * DAY, actor: "a", value: 1e308 },
    ];
    expect(() => comparePeriods(events, options)).toThrowOpsError("out_of_range", {
      fn: "comparePeriods",
      path: ["events"],
    });
  });
  it("refuses a previous sum so close to 0 that the relative change would overflow", () => {
    const events = [
      { at: 1 * DAY, actor: "a", value: 5e-324 },
      { at: 8 * DAY, actor: "a", value: 100 },
    ];
    expect(() => comparePeriods(events, options)).toThrowOpsError("out_of_range", {
      fn: "comparePeriods",
      path: ["events"],
    });
  });
});

describe("followerGrowth", () => {
  it("refuses a fractional base so close to 0 that a growth rate would overflow", () => {
    const events = [{ at: 1, type: "follow" as const }];
    expect(() => followerGrowth(events, { period: { start: 0, end: DAY }, baseFollowers: 5e-324 })).toThrowOpsError(
      "out_of_range",
      { path: ["options", "baseFollowers"] },
    );
    const snapshots = [
      { at: 0, followers: 5e-324 },
      { at: DAY, followers: 10 },
    ];
    expect(() => followerGrowthFromSnapshots(snapshots, { period: { start: 0, end: DAY } })).toThrowOpsError(
      "out_of_range",
      { path: ["snapshots", 0, "followers"] },
    );
  });
});

describe("quantile", () => {
  it("interpolates between values of opposite signs beyond ±Number.MAX_VALUE / 2", () => {
    // the exact midpoint of −1e308 and 1e308 is 0; numpy 2.x np.quantile gives -inf (overflow in b − a), and so did this
    expect(quantile([-1e308, 1e308], 0.5)).toBe(0);
    expect(quantile([-1e308, 1e308], 0.75)).toBeCloseTo(5e307, -297);
  });
  it("averages two huge neighbours without overflow (type 2)", () => {
    // numpy: np.quantile([1e308, 1.5e308], 0.5, method="averaged_inverted_cdf") → 1.25e+308
    expect(quantile([1e308, 1.5e308], 0.5, { method: 2 })).toBe(1.25e308);
  });
});

describe("responseTimeSummary", () => {
  it("takes the mean of durations whose sum overflows", () => {
    // the mean of three equal values is that value (numpy's np.mean gives inf here)
    expect(responseTimeSummary([1e308, 1e308, 1e308]).mean).toBeCloseTo(1e308, -293);
  });
});

describe("sequentialTwoProportionTest", () => {
  const looks = [{ a: { successes: 120, trials: 1000 }, b: { successes: 150, trials: 1000 } }];
  it("refuses a mixing sd above 1 (its square overflowed to Infinity, every p-value was NaN)", () => {
    expect(() => sequentialTwoProportionTest(looks, { mixingSd: 1e308 })).toThrowOpsError("invalid_argument", {
      path: ["options", "mixingSd"],
      message: /must be ≤ 1/,
    });
  });
  it("stays finite at both ends of the mixing sd's range", () => {
    for (const mixingSd of [Number.MIN_VALUE, 1]) expectFinite(() => sequentialTwoProportionTest(looks, { mixingSd }));
  });
});

describe("timeBuckets and rollupByChannel", () => {
  it("refuse a bucket whose values sum past Number.MAX_VALUE (its sum was Infinity)", () => {
    const events = [
      { at: 0, actor: "a", value: 1e308 },
      { at: 1, actor: "b", value: 1e308 },
    ];
    expect(() => timeBuckets(events, { timeZone: "UTC" })).toThrowOpsError("out_of_range", {
      fn: "timeBuckets",
      path: ["events"],
    });
    expect(() => rollupByChannel(events, { timeZone: "UTC" })).toThrowOpsError("out_of_range", {
      fn: "rollupByChannel",
      path: ["events"],
    });
  });
});

describe("every numeric output is finite inside the documented ranges (property)", () => {
  it("rates", () => {
    fc.assert(
      fc.property(count, count, (n, d) => {
        expectFinite(() => rate(n, d), ["out_of_range"]);
        expectFinite(() => readRate({ readers: n, targetUsers: d }), ["out_of_range"]);
      }),
      runs,
    );
    const figures = { likes: count, comments: count, impressions: count, reach: count, followers: count };
    const post = fc.record({ publishedAt: fc.constant(0), ...figures }, { requiredKeys: ["publishedAt"] });
    const options = fc.record(
      {
        aggregation: fc.constantFrom("ratioOfSums" as const, "meanOfRatios" as const),
        denominator: fc.constantFrom("impressions" as const, "reach" as const, "followers" as const),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(post, { maxLength: 6 }), options, (posts, opts) => {
        expectFinite(() => engagementRate(posts, opts), ["out_of_range"]);
      }),
      runs,
    );
    const item = fc
      .tuple(instant, fc.option(amount))
      .map(([receivedAt, wait]) =>
        wait === null
          ? { receivedAt }
          : { receivedAt, firstReplyAt: Math.min(MAX_INSTANT, receivedAt + Math.floor(wait)) },
      );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.option(amount), instant, (items, within, now) => {
        expectFinite(() => replyRate(items, within === null ? {} : { within, now }));
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.array(fc.record({ actor: fc.constantFrom("a", "b", "c"), at: instant })), (interactions) => {
        const window = { start: -MAX_INSTANT, end: MAX_INSTANT };
        expectFinite(() => activeFollowerRate(interactions, { followers: ["a", "b"], window }));
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 8 }), method, (durations, m) => {
        expectFinite(() => responseTimeSummary(durations, { method: m }));
      }),
      runs,
    );
  });

  it("growth", () => {
    const period = { start: 0, end: 10 * DAY };
    const event = fc.record({
      at: fc.integer({ min: -DAY, max: 11 * DAY }),
      type: fc.constantFrom("follow" as const, "unfollow" as const),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), count, (events, baseFollowers) => {
        expectFinite(() => followerGrowth(events, { period, baseFollowers }), ["out_of_range"]);
      }),
      runs,
    );
    const reading = fc.record({ followers: count, gained: count, lost: count }, { requiredKeys: ["followers"] });
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 8 }), (readings) => {
        const snapshots = readings.map((r, i) => ({ ...r, at: i * DAY }));
        expectFinite(() => followerGrowthFromSnapshots(snapshots, { period }), ["out_of_range"]);
      }),
      runs,
    );
  });

  it("comparisons", () => {
    const compared = fc.oneof(
      fc.constantFrom(null, 0, ...tinies, -Number.MIN_VALUE, MAX / 2, -MAX / 2),
      fc.double({ min: -MAX / 2, max: MAX / 2, noNaN: true }),
    );
    fc.assert(
      fc.property(compared, compared, (current, previous) => {
        expectFinite(() => periodChange(current, previous), ["out_of_range"]);
      }),
      runs,
    );
    const event = fc.record({
      at: fc.integer({ min: 0, max: 14 * DAY - 1 }),
      actor: fc.constantFrom("a", "b"),
      value: finite,
    });
    const measure = fc.constantFrom("count" as const, "sum" as const, "distinctActors" as const);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 6 }), measure, (events, m) => {
        const options = {
          period: { start: 7 * DAY, end: 14 * DAY },
          against: "wow",
          timeZone: "UTC",
          measure: m,
        } as const;
        // only a sum can leave the range or overflow the relative change
        expectFinite(() => comparePeriods(events, options), m === "sum" ? ["out_of_range"] : []);
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.integer({ min: -MAX_INSTANT / 2, max: MAX_INSTANT / 2 }), fc.nat(400 * DAY), (start, length) => {
        for (const against of ["wow", "mom", "yoy"] as const) {
          const p = previousPeriod({ start, end: start + length + 1 }, { against, timeZone: "Asia/Shanghai" });
          expect(Math.abs(p.start) <= MAX_INSTANT && Math.abs(p.end) <= MAX_INSTANT).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("buckets", () => {
    const event = fc.record({
      at: fc.integer({ min: 0, max: 3 * DAY }),
      actor: fc.constantFrom("a", "b"),
      channel: fc.constantFrom("wx", "wb"),
      value: finite,
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 6 }), (events) => {
        expectFinite(() => timeBuckets(events, { timeZone: "Asia/Shanghai" }), ["out_of_range"]);
        expectFinite(() => rollupByChannel(events, { timeZone: "Asia/Shanghai" }), ["out_of_range"]);
      }),
      runs,
    );
  });

  it("surveys", () => {
    const scaled = fc
      .integer({ min: 2, max: 100 })
      .chain((scale) =>
        fc.tuple(
          fc.constant(scale),
          fc.integer({ min: 1, max: scale }),
          fc.array(fc.integer({ min: 1, max: scale }), { maxLength: 12 }),
        ),
      );
    fc.assert(
      fc.property(scaled, openUnit, ([scale, satisfiedFrom, ratings], confidence) => {
        expectFinite(() => csat(ratings, { scale, satisfiedFrom, confidence }));
      }),
      runs,
    );
    fc.assert(
      fc.property(wholeCount, wholeCount, wholeCount, openUnit, (promoters, passives, detractors, confidence) => {
        expectFinite(() => nps({ promoters, passives, detractors }, { confidence }));
      }),
      runs,
    );
  });

  it("experiments", () => {
    fc.assert(
      fc.property(anyProportion, anyProportion, openUnit, (a, b, confidence) => {
        expectFinite(() => wilsonInterval(a, { confidence }));
        expectFinite(() => agrestiCoullInterval(a, { confidence }));
        expectFinite(() => newcombeInterval(a, b, { confidence }));
        for (const alternative of ["two-sided", "greater", "less"] as const)
          expectFinite(() => twoProportionZTest(a, b, { alternative }));
      }),
      runs,
    );
    // fisherExactTest and probabilityBBeatsA loop over up to min(successes, trials) terms, so
    // counts here stay at most 10 000 (their time, not their finiteness, grows with the counts)
    fc.assert(
      fc.property(proportion(10_000), proportion(10_000), (a, b) => {
        for (const alternative of ["two-sided", "greater", "less"] as const)
          expectFinite(() => fisherExactTest(a, b, { alternative }));
        expectFinite(() => probabilityBBeatsA(a, b), ["out_of_range"]);
      }),
      { numRuns: 100 },
    );
    const look = fc.tuple(anyProportion, anyProportion).map(([a, b]) => ({ a, b }));
    const mixingSd = fc.oneof(
      fc.constantFrom(Number.MIN_VALUE, 1),
      fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true }),
    );
    fc.assert(
      fc.property(look, openUnit, mixingSd, (first, alpha, sd) => {
        // a second look with the same counts: cumulative counts never decrease
        expectFinite(() => sequentialTwoProportionTest([first, first], { alpha, mixingSd: sd }));
      }),
      runs,
    );
  });

  it("experiment sizes (sampleSizeTwoProportions)", () => {
    const power = fc.oneof(
      fc.constantFrom(0.5, 1 - 2 ** -53),
      fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }),
    );
    const ratio = fc.double({ min: 0.01, max: 100, noNaN: true });
    const unit = fc.oneof(fc.constantFrom(0, 1, ...tinies), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(unit, unit, openUnit, power, ratio, (baseline, expected, alpha, pw, r) => {
        fc.pre(baseline !== expected);
        expectFinite(
          () => sampleSizeTwoProportions({ baseline, expected }, { alpha, power: pw, ratio: r }),
          ["out_of_range"],
        );
      }),
      runs,
    );
  });

  it("distributions", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        const y = normalCdf(x);
        expect(y >= 0 && y <= 1).toBe(true);
      }),
      runs,
    );
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        method,
        (values, p, m) => {
          const q = quantile(values, p, { method: m });
          expect(Number.isFinite(q)).toBe(true);
          expect(q >= Math.min(...values) && q <= Math.max(...values)).toBe(true);
        },
      ),
      runs,
    );
  });
});
