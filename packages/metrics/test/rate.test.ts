import { MAX_INSTANT, OpsError, parseOrThrow } from "@ops/core";
import fc from "fast-check";
import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import {
  activeFollowerRate,
  engagementRate,
  PostMetricsSchema,
  rate,
  readRate,
  replyRate,
  responseTimeSummary,
  type EngagementRateOptions,
  type PostMetrics,
} from "@ops/metrics";
import { EngagementRateOptionsSchema } from "@ops/metrics/schemas";
import { DAY, HOUR, MINUTE } from "./_helpers";

describe("rate", () => {
  it("divides and keeps its parts", () => {
    expect(rate(1, 8)).toEqual({ value: 0.125, numerator: 1, denominator: 8, reason: null });
  });
  it("is null with a reason, never NaN or Infinity, when the denominator is 0", () => {
    expect(rate(5, 0)).toEqual({ value: null, numerator: 5, denominator: 0, reason: "zero_denominator" });
  });
  it("refuses negative and non-finite parts", () => {
    expect(() => rate(-1, 3)).toThrowOpsError("invalid_argument", {
      message: /^rate: numerator must be a finite number ≥ 0, got -1$/,
    });
    expect(() => rate(1, Number.NaN)).toThrowOpsError("invalid_argument");
    expect(() => rate(1, Infinity)).toThrowOpsError("invalid_argument");
  });
});

describe("engagementRate", () => {
  const big: PostMetrics = {
    id: "big",
    publishedAt: 0,
    likes: 1500,
    comments: 400,
    shares: 100,
    impressions: 200_000,
    reach: 150_000,
    followers: 50_000,
  };
  const small: PostMetrics = {
    id: "small",
    publishedAt: 0,
    likes: 6,
    comments: 2,
    impressions: 20,
    reach: 10,
    followers: 50_000,
  };

  it("pools engagements over impressions by default (ratio of sums)", () => {
    const r = engagementRate([big, small]);
    expect(r).toMatchObject({
      numerator: 2008,
      denominator: 200_020,
      aggregation: "ratioOfSums",
      denominatorKind: "impressions",
      posts: 2,
      skipped: 0,
      reason: null,
    });
    expect(r.value).toBeCloseTo(2008 / 200_020, 15);
  });

  it("differs by an order of magnitude under meanOfRatios on the documented worked example", () => {
    const pooled = engagementRate([big, small]).value ?? 0;
    const perPost = engagementRate([big, small], { aggregation: "meanOfRatios" }).value ?? 0;
    // hand computation: (2000/200000 + 8/20) / 2 = (0.01 + 0.4) / 2
    expect(perPost).toBeCloseTo(0.205, 12);
    expect(perPost / pooled).toBeGreaterThan(10);
  });

  it("sums only the configured engagement kinds and divides by the chosen denominator", () => {
    const r = engagementRate([big], { engagements: ["likes"], denominator: "reach" });
    expect([r.numerator, r.denominator, r.value]).toEqual([1500, 150_000, 0.01]);
    const f = engagementRate([big, small], { engagements: ["comments"], denominator: "followers" });
    expect([f.numerator, f.denominator]).toEqual([402, 100_000]);
  });

  it("skips posts without the denominator field and counts missing engagements as 0", () => {
    const r = engagementRate([big, { publishedAt: 0, likes: 10 }], { denominator: "views" });
    expect(r).toMatchObject({ value: null, reason: "zero_denominator", posts: 0, skipped: 2 });
    const s = engagementRate([{ publishedAt: 0, impressions: 100 }]);
    expect(s.value).toBe(0);
  });

  it("attributes by publish date or by activity date inside a period", () => {
    const week = { start: 7 * DAY, end: 14 * DAY };
    const post: PostMetrics = {
      publishedAt: 6 * DAY,
      likes: 30,
      impressions: 300,
      activity: [
        { at: 6 * DAY, likes: 20, impressions: 200 },
        { at: 7 * DAY, likes: 10, impressions: 100 },
      ],
    };
    // Rival IQ / Hootsuite: published before the week, so nothing in it
    expect(engagementRate([post], { period: week }).value).toBeNull();
    // Sprout Social: the second day's activity falls in the week
    const activity = engagementRate([post], { period: week, attribution: "activityDate" });
    expect([activity.numerator, activity.denominator, activity.value]).toEqual([10, 100, 0.1]);
    // without a breakdown, activityDate falls back to publishedAt
    expect(
      engagementRate([{ publishedAt: 8 * DAY, likes: 1, impressions: 4 }], {
        period: week,
        attribution: "activityDate",
      }).value,
    ).toBe(0.25);
  });

  it("returns null with a reason for no posts", () => {
    expect(engagementRate([])).toMatchObject({ value: null, reason: "zero_denominator", posts: 0 });
    expect(engagementRate([], { aggregation: "meanOfRatios" }).value).toBeNull();
  });

  it("names the post, field and rule of a bad figure", () => {
    const posts = [big, small, { publishedAt: 0, impressions: -3 }];
    expect(() => engagementRate(posts)).toThrowOpsError("invalid_argument", {
      message: /^engagementRate: posts\[2\]\.impressions must be a finite number ≥ 0, got -3$/,
    });
    expect(() => engagementRate([{ publishedAt: 0, likes: Number.NaN, impressions: 1 }])).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => engagementRate([{ publishedAt: 1.5, impressions: 1 }])).toThrowOpsError("invalid_argument");
    expect(() => engagementRate([big], { denominator: "clicks" as "reach" })).toThrowOpsError("invalid_argument");
    expect(() => engagementRate([big], { period: { start: 5, end: 1 } })).toThrowOpsError("invalid_argument");
  });

  it("does not mutate its input", () => {
    const posts = [structuredClone(big), structuredClone(small)];
    const copy = structuredClone(posts);
    engagementRate(posts, { aggregation: "meanOfRatios" });
    expect(posts).toEqual(copy);
  });

  it("accepts and refuses exactly what its exported schemas do, with the same first issue", () => {
    // engagementRate checks its arguments by hand (src/rate/_lib/checkEngagementArgs.ts). Here they
    // are valid posts and options in which fields, entries and lists are replaced by edge
    // values at a rate that differs from run to run (from nearly every field to almost none);
    // the verdict, the first issue's path and message and the output must be the schemas' own.
    const edge = fc.constantFrom<unknown>(
      ...[undefined, null, true, 1n, "", "1", "likes", {}, [], [1], new Date(0)],
      ...[-1, -0, 0.5, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53],
      // either side of the largest count (2^53 − 1), and a denominator that overflows a rate
      ...[2 ** 53 - 1, 2 ** 53 + 2, Number.MAX_VALUE, 5e-324],
      ...[MAX_INSTANT, MAX_INSTANT + 1, -MAX_INSTANT, -MAX_INSTANT - 1],
    );
    const junk = fc.oneof(
      { arbitrary: fc.constantFrom(undefined, null), weight: 2 },
      { arbitrary: edge, weight: 3 },
      fc.anything(),
      fc.double(),
    );
    // `weight`: how many valid values come for one edge value
    const kit = (weight: number) => {
      const maybe = <T>(valid: fc.Arbitrary<T>) =>
        fc.oneof({ arbitrary: valid, weight }, { arbitrary: junk, weight: 1 });
      const list = <T>(item: fc.Arbitrary<T>, maxLength: number) =>
        maybe(fc.oneof({ arbitrary: fc.array(item, { maxLength }), weight: 4 }, fc.sparseArray(item, { maxLength })));
      return { maybe, list };
    };
    const postsArb = (weight: number) => {
      const { maybe, list } = kit(weight);
      const count = maybe(fc.oneof(fc.nat(), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })));
      const instant = maybe(fc.integer({ min: -MAX_INSTANT, max: MAX_INSTANT }));
      const figures = {
        ...{ comments: count, likes: count, shares: count, saves: count, replies: count },
        ...{ reach: count, impressions: count, views: count },
      };
      const entry = maybe(fc.record({ at: instant, ...figures }, { requiredKeys: ["at"] }));
      const post = {
        id: maybe(fc.string()),
        publishedAt: instant,
        followers: count,
        activity: list(entry, 3),
        ...figures,
      };
      return list(maybe(fc.record(post, { requiredKeys: ["publishedAt"] })), 4);
    };
    const optionsArb = (weight: number) => {
      const { maybe, list } = kit(weight);
      const oneOf = (values: readonly string[]) => maybe(fc.constantFrom(...values));
      const period = fc
        .uniqueArray(fc.integer({ min: -MAX_INSTANT, max: MAX_INSTANT }), { minLength: 2, maxLength: 2 })
        .map(([a = 0, b = 0]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
      const options = {
        engagements: list(oneOf(["comments", "likes", "shares", "saves", "replies"]), 6),
        denominator: oneOf(["reach", "impressions", "views", "followers"]),
        aggregation: oneOf(["ratioOfSums", "meanOfRatios"]),
        attribution: oneOf(["publishDate", "activityDate"]),
        period: maybe(period),
      };
      return maybe(fc.record(options, { requiredKeys: [] }));
    };
    const weights = fc.constantFrom(2, 8, 32, 256);
    const args = fc
      .tuple(weights, weights)
      .chain(([postsWeight, optionsWeight]) => fc.tuple(postsArb(postsWeight), optionsArb(optionsWeight)));
    const fn = "engagementRate";
    const issue = (e: unknown) => {
      if (!(e instanceof OpsError)) throw e;
      return { code: e.code, fn: e.fn, path: e.path, message: e.message, received: e.received };
    };
    const verdicts = { accepted: 0, refused: 0 };
    const agree = (posts: unknown, opts: unknown) => {
      let parsed: [PostMetrics[], EngagementRateOptions] | undefined;
      let expected: ReturnType<typeof issue> | undefined;
      try {
        parsed = [
          parseOrThrow(z.array(PostMetricsSchema), posts, { fn, path: ["posts"] }) as PostMetrics[],
          // options default to {}, as in engagementRate's signature
          parseOrThrow(EngagementRateOptionsSchema, opts === undefined ? {} : opts, { fn, path: ["options"] }),
        ] as [PostMetrics[], EngagementRateOptions];
      } catch (e) {
        expected = issue(e);
      }
      const call = () => engagementRate(posts as PostMetrics[], opts as EngagementRateOptions);
      if (parsed === undefined) {
        verdicts.refused++;
        let actual: ReturnType<typeof issue> | undefined;
        try {
          call();
        } catch (e) {
          actual = issue(e);
        }
        expect(actual).toEqual(expected);
        expect(Object.is(actual?.received, expected?.received)).toBe(true);
      } else {
        verdicts.accepted++;
        // the same result as from the schemas' output (unknown keys stripped), as before the
        // hand check — or the same out_of_range refusal of a rate that would overflow
        const outcome = (f: () => unknown) => {
          try {
            return { result: f() };
          } catch (e) {
            return { refused: issue(e) };
          }
        };
        const valid = parsed;
        const [actual, expected] = [outcome(call), outcome(() => engagementRate(...valid))];
        expect(actual).toEqual(expected);
        if (actual.refused) expect(actual.refused.code).toBe("out_of_range");
      }
    };
    fc.assert(
      fc.property(args, ([posts, opts]) => {
        agree(posts, opts);
        agree([], opts); // the options alone, which bad posts would hide
      }),
      { numRuns: 2000 },
    );
    // both branches ran often enough to mean something
    expect(verdicts.accepted).toBeGreaterThan(200);
    expect(verdicts.refused).toBeGreaterThan(200);
  });
});

describe("replyRate", () => {
  const items = [
    { receivedAt: 0, firstReplyAt: 30 * MINUTE },
    { receivedAt: 0, firstReplyAt: 2 * HOUR },
    { receivedAt: 0, firstReplyAt: 5 * HOUR },
    { receivedAt: 0, firstReplyAt: null },
  ];
  it("counts items answered at all", () => {
    expect(replyRate(items)).toEqual({
      value: 0.75,
      numerator: 3,
      denominator: 4,
      within: null,
      pending: 0,
      reason: null,
    });
  });
  it("counts a reply exactly at the target as within it", () => {
    expect(replyRate(items, { within: 2 * HOUR }).numerator).toBe(2);
  });
  it("leaves items whose target is still running out of both parts", () => {
    const open = [...items, { receivedAt: 10 * HOUR }, { receivedAt: 12 * HOUR, firstReplyAt: 12 * HOUR }];
    const r = replyRate(open, { within: 2 * HOUR, now: 11 * HOUR });
    expect([r.numerator, r.denominator, r.pending]).toEqual([2, 4, 1]);
  });
  it("is null with a reason when there is no item", () => {
    expect(replyRate([])).toMatchObject({ value: null, reason: "zero_denominator" });
  });
  it("refuses a reply before its item, a negative target and now without target", () => {
    expect(() => replyRate([{ receivedAt: 10, firstReplyAt: 5 }])).toThrowOpsError("invalid_argument", {
      message: /^replyRate: items\[0\]\.firstReplyAt must not be before receivedAt, got 5$/,
    });
    expect(() => replyRate(items, { within: -1 })).toThrowOpsError("invalid_argument");
    expect(() => replyRate(items, { now: 0 })).toThrowOpsError("invalid_argument", { path: ["options", "now"] });
  });
});

describe("responseTimeSummary", () => {
  it("matches R's summary statistics with type 7 percentiles", () => {
    // R: x <- c(12, 3, 45, 7, 7, 90, 30, 1); quantile(x, c(.5, .9)) → 9.5, 58.5; mean(x) → 24.375
    // numpy 2.4.6: np.quantile(x, 0.9) → 58.49999999999999 (the same float rounding as ours)
    const s = responseTimeSummary([12, 3, 45, 7, 7, 90, 30, 1]);
    expect(s).toMatchObject({ count: 8, mean: 24.375, median: 9.5, min: 1, max: 90, method: 7 });
    expect(s.p90).toBeCloseTo(58.5, 12);
  });
  it("uses the stated method", () => {
    // numpy: np.quantile([12,3,45,7,7,90,30,1], 0.9, method="weibull") → 90.0
    expect(responseTimeSummary([12, 3, 45, 7, 7, 90, 30, 1], { method: 6 }).p90).toBe(90);
  });
  it("summarises one response", () => {
    expect(responseTimeSummary([5])).toEqual({ count: 1, mean: 5, median: 5, p90: 5, min: 5, max: 5, method: 7 });
  });
  it("refuses negative durations and does not mutate its input", () => {
    expect(() => responseTimeSummary([1, -2])).toThrowOpsError("invalid_argument", {
      message: /^responseTimeSummary: durations\[1\] must be a finite number of milliseconds ≥ 0, got -2$/,
    });
    const input = [3, 1, 2];
    responseTimeSummary(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe("readRate", () => {
  it("divides readers by target users and may exceed 1 for shared articles", () => {
    expect(readRate({ readers: 150, targetUsers: 100 }).value).toBe(1.5);
  });
  it("refuses negative counts", () => {
    expect(() => readRate({ readers: -1, targetUsers: 3 })).toThrowOpsError("invalid_argument", {
      message: /^readRate: input\.readers must be a finite number ≥ 0, got -1$/,
    });
  });
});

describe("activeFollowerRate", () => {
  const window = { start: 0, end: 7 * DAY };
  it("counts followers, once each, with at least N interactions inside the window", () => {
    const interactions = [
      { actor: "a", at: 0 },
      { actor: "a", at: 7 * DAY }, // end is exclusive
      { actor: "b", at: DAY },
      { actor: "b", at: 2 * DAY },
      { actor: "粉丝", at: 3 * DAY },
    ];
    const r = activeFollowerRate(interactions, { followers: ["a", "b", "粉丝", "b"], window, minInteractions: 2 });
    expect([r.numerator, r.denominator]).toEqual([1, 3]);
    expect(activeFollowerRate(interactions, { followers: ["a", "b", "粉丝"], window }).value).toBe(1);
  });
  it("is null with a reason without followers", () => {
    expect(activeFollowerRate([], { followers: [], window }).reason).toBe("zero_denominator");
  });
  it("refuses a bad N and empty actors", () => {
    expect(() => activeFollowerRate([], { followers: ["a"], window, minInteractions: 0 })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => activeFollowerRate([{ actor: "", at: 0 }], { followers: ["a"], window })).toThrowOpsError(
      "invalid_argument",
    );
  });
});
