// Every compiled metric, run on DuckDB and on ClickHouse (chdb) over generated event sets,
// equals @ops/metrics on the same rows (see _compare.ts for the tolerance).
import {
  activeFollowerRate,
  comparePeriods,
  distinctActors,
  engagementRate,
  followerGrowth,
  funnel,
  readRate,
  replyRate,
  responseTimeSummary,
  retentionTable,
  rollupByChannel,
  timeBuckets,
} from "@ops/metrics";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  compileActiveFollowerRate,
  compileComparePeriods,
  compileDistinctActors,
  compileEngagementRate,
  compileFollowerGrowth,
  compileFunnel,
  compileReadRate,
  compileReplyRate,
  compileResponseTimeSummary,
  compileRetentionTable,
  compileRollupByChannel,
  compileTimeBuckets,
} from "../src/index";
import { byLabelAndChannel, expectSame } from "./_compare";
import { cleanupFiles, createClickhouseEngine, createDuckEngine, type Engine } from "./_engines";
import { ACTORS, ANCHORS, FUNNEL_BASE, FUNNEL_KINDS, funnelWorld, KINDS, world, ZONES } from "./_world";

const H = 3_600_000;
let engines: Engine[] = [];
beforeAll(async () => {
  engines = [await createDuckEngine(), await createClickhouseEngine()];
});
afterAll(() => {
  for (const e of engines) e.close();
  cleanupFiles();
});

const range = fc.option(
  fc
    .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -3 * 24, max: 3 * 24 }), fc.integer({ min: 1, max: 10 * 24 }))
    .map(([a, s, len]) => ({ start: a + s * H, end: a + (s + len) * H })),
  { nil: undefined },
);
const bucketOptions = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  unit: fc.constantFrom("day" as const, "week" as const, "month" as const),
  weekStartsOn: fc.constantFrom(0 as const, 1 as const, 3 as const, 6 as const),
  range,
  kinds: fc.option(fc.subarray(KINDS), { nil: undefined }),
});
type Strip<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};
/** The options without the keys fast-check left undefined (exactOptionalPropertyTypes). */
const strip = <T extends object>(o: T): Strip<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Strip<T>;
const runs = { numRuns: 25, seed: 20261202 };

describe("compiled metrics on DuckDB and ClickHouse equal @ops/metrics on generated events", () => {
  it("timeBuckets, rollupByChannel, distinctActors (DST days in New York, Shanghai midnights)", async () => {
    await fc.assert(
      fc.asyncProperty(world, bucketOptions, fc.boolean(), async (w, raw, fill) => {
        const o = strip(raw);
        const expectedBuckets = timeBuckets(w.events, { ...o, fill });
        const expectedRollup = byLabelAndChannel(rollupByChannel(w.events, o));
        // rollupByChannel computes only what is asked: the same counts and sums, no distinct count
        const expectedSums = byLabelAndChannel(rollupByChannel(w.events, { ...o, distinctActors: false }));
        expectSame(
          expectedSums,
          expectedRollup.map((r) => ({ ...r, distinctActors: null })),
          "rollupByChannel distinctActors: false",
        );
        const expectedDistinct = distinctActors(w.events, strip({ range: o.range, kinds: o.kinds }));
        for (const e of engines) {
          await e.load(w.rows);
          const t = { dialect: e.name };
          expectSame(await e.run(compileTimeBuckets(t, { ...o, fill })), expectedBuckets, `${e.name} timeBuckets`);
          expectSame(byLabelAndChannel(await e.run(compileRollupByChannel(t, o))), expectedRollup, `${e.name} rollup`);
          expectSame(
            byLabelAndChannel(await e.run(compileRollupByChannel(t, { ...o, distinctActors: false }))),
            expectedSums,
            `${e.name} rollup without distinct`,
          );
          const d = strip({ range: o.range, kinds: o.kinds });
          expectSame(await e.run(compileDistinctActors(t, d)), expectedDistinct, `${e.name} distinct`);
          // small sets: uniqCombined is exact below its array/hash-set threshold
          expectSame(
            await e.run(compileDistinctActors(t, { ...d, approximate: true })),
            expectedDistinct,
            `${e.name} approx`,
          );
        }
      }),
      runs,
    );
  });

  it("comparePeriods: previous period, month, YoY calendar and 364 days", async () => {
    const opts = fc.record({
      period: range.filter((r) => r !== undefined),
      against: fc.constantFrom("wow" as const, "mom" as const, "yoy" as const),
      yoyAlignment: fc.option(fc.constantFrom("calendar" as const, "weekday" as const), { nil: undefined }),
      timeZone: fc.constantFrom(...ZONES),
      measure: fc.constantFrom("count" as const, "sum" as const, "distinctActors" as const),
      kinds: fc.option(fc.subarray(KINDS), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(world, opts, async (w, raw) => {
        const o = strip(raw);
        // a year earlier too: shift a copy of the events back a year so YoY has data
        const rows = [...w.rows, ...w.rows.map((r) => ({ ...r, occurred_at: r.occurred_at - 364 * 24 * H }))];
        const events = rows.map((r) => ({
          at: r.occurred_at,
          actor: r.actor,
          channel: r.channel,
          kind: r.kind,
          value: r.value,
        }));
        const expected = comparePeriods(events, o);
        for (const e of engines) {
          await e.load(rows);
          expectSame(await e.run(compileComparePeriods({ dialect: e.name }, o)), expected, `${e.name} comparePeriods`);
        }
      }),
      runs,
    );
  });

  it("funnel: ordered, strict, unordered; repeated steps, ties, window edges, ranges", async () => {
    const stepKinds = FUNNEL_KINDS.slice(0, 3);
    const opts = fc.oneof(
      fc.record({
        order: fc.constantFrom("ordered" as const, "strict" as const),
        steps: fc.array(fc.constantFrom(...stepKinds), { minLength: 2, maxLength: 4 }),
      }),
      fc.record({
        order: fc.constant("unordered" as const),
        steps: fc.shuffledSubarray([...stepKinds], { minLength: 2 }),
      }),
    );
    const extra = fc.record({
      // windows on the half-hour grid (a step exactly at the window's end counts), or off it
      windowMs: fc.option(fc.constantFrom(0, H / 2, H, 2 * H, 3 * H + 1, 1.5), { nil: undefined }),
      range: fc.option(
        fc
          .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 12 }))
          .map(([a, n]) => ({ start: FUNNEL_BASE + (a * H) / 2, end: FUNNEL_BASE + ((a + n) * H) / 2 })),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(funnelWorld, opts, extra, async (w, o, x) => {
        const options = { ...o, ...strip(x) };
        const expected = funnel(w.events, options);
        for (const e of engines) {
          await e.load(w.rows);
          expectSame(await e.run(compileFunnel({ dialect: e.name }, options)), expected, `${e.name} funnel`);
        }
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it("retentionTable: first-time, first-ever, recurring, cumulative, ranges inside intervals", async () => {
    const opts = fc.record({
      timeZone: fc.constantFrom(...ZONES),
      interval: fc.constantFrom("day" as const, "week" as const, "month" as const),
      weekStartsOn: fc.constantFrom(0 as const, 1 as const),
      type: fc.constantFrom("firstTime" as const, "firstEver" as const, "recurring" as const),
      startEvent: fc.option(fc.constantFrom("join", "comment"), { nil: undefined }),
      returnEvent: fc.option(fc.constantFrom("comment", "like"), { nil: undefined }),
      periods: fc.integer({ min: 1, max: 6 }),
      cumulative: fc.boolean(),
      range,
    });
    await fc.assert(
      fc.asyncProperty(world, opts, async (w, raw) => {
        const o = strip(raw);
        const expected = retentionTable(w.events, o);
        for (const e of engines) {
          await e.load(w.rows);
          expectSame(await e.run(compileRetentionTable({ dialect: e.name }, o)), expected, `${e.name} retention`);
        }
      }),
      runs,
    );
  });

  it("engagement, reply, response time, read, active follower rates and follower growth", async () => {
    const opts = fc.record({
      engagements: fc.option(
        fc.subarray(["comments", "likes", "shares", "saves", "replies"] as const, { minLength: 1 }),
        { nil: undefined },
      ),
      denominator: fc.constantFrom("reach" as const, "impressions" as const, "views" as const, "followers" as const),
      aggregation: fc.constantFrom("ratioOfSums" as const, "meanOfRatios" as const),
      attribution: fc.constantFrom("publishDate" as const, "activityDate" as const),
      period: range,
      within: fc.option(fc.integer({ min: 0, max: 4 * H }), { nil: undefined }),
      now: fc.option(
        fc.constantFrom(...ANCHORS).chain((a) => fc.integer({ min: -2 * 24, max: 4 * 24 }).map((h) => a + h * H)),
        { nil: undefined },
      ),
      followers: fc.subarray([...ACTORS, "nobody"]),
      minInteractions: fc.integer({ min: 1, max: 3 }),
      base: fc.integer({ min: 0, max: 50 }),
    });
    await fc.assert(
      fc.asyncProperty(world, opts, async (w, o) => {
        const er = strip({
          engagements: o.engagements,
          denominator: o.denominator,
          aggregation: o.aggregation,
          attribution: o.attribution,
          period: o.period,
        });
        const rr = strip({ within: o.within, now: o.within === undefined ? undefined : o.now });
        const window = o.period ?? {
          start: (ANCHORS[0] as number) - 5 * 24 * H,
          end: (ANCHORS[0] as number) + 10 * 24 * H,
        };
        const inWindow = w.events.filter((ev) => ev.at >= window.start && ev.at < window.end);
        const durations = w.items.flatMap((i) => (i.firstReplyAt == null ? [] : [i.firstReplyAt - i.receivedAt]));
        const follows = w.events
          .filter((ev) => ev.kind === "follow" || ev.kind === "unfollow")
          .map((ev) => ({ at: ev.at, type: ev.kind as "follow" | "unfollow" }));
        const growth = (() => {
          try {
            return followerGrowth(follows, { period: window, baseFollowers: o.base + 100 });
          } catch {
            return "error";
          }
        })();
        const readers = distinctActors(w.events, { kinds: ["read"], range: window });
        for (const e of engines) {
          await e.load(w.rows);
          const t = { dialect: e.name };
          expectSame(
            await e.run(compileEngagementRate(t, er)),
            engagementRate(w.posts, er),
            `${e.name} engagementRate ${JSON.stringify(er)}`,
          );
          expectSame(await e.run(compileReplyRate(t, rr)), replyRate(w.items, rr), `${e.name} replyRate`);
          expectSame(
            await e.run(compileReplyRate(t, { ...rr, kinds: ["dm"] })),
            replyRate(
              w.inbound.filter((i) => i.kind === "dm"),
              rr,
            ),
            `${e.name} replyRate dm`,
          );
          expectSame(
            await e.run(compileResponseTimeSummary(t)),
            responseTimeSummary(durations),
            `${e.name} responseTimeSummary`,
          );
          expectSame(
            await e.run(
              compileActiveFollowerRate(t, { followers: o.followers, window, minInteractions: o.minInteractions }),
            ),
            activeFollowerRate(inWindow, { followers: o.followers, window, minInteractions: o.minInteractions }),
            `${e.name} activeFollowerRate`,
          );
          expectSame(
            await e.run(compileReadRate(t, { targetUsers: o.base, range: window })),
            readRate({ readers, targetUsers: o.base }),
            `${e.name} readRate`,
          );
          const q = compileFollowerGrowth(t, { period: window, baseFollowers: o.base + 100 });
          const got = await e.run(q).catch(() => "error");
          expectSame(got, growth, `${e.name} followerGrowth`);
        }
      }),
      runs,
    );
  });
});
