// The weekly KPIs of the sample data (examples/sample-data/brand-8-weeks.json), exported to
// Parquet with DuckDB's COPY … TO at test time (nothing is committed: the committed JSON and
// its hash check stay the only source), read back by DuckDB and by ClickHouse (chdb), and
// compiled to SQL: every figure equals @ops/metrics on the same rows.
import {
  comparePeriods,
  distinctActors,
  engagementRate,
  followerGrowth,
  type MetricEvent,
  type PostMetrics,
  replyRate,
  responseTimeSummary,
  retentionTable,
  rollupByChannel,
  timeBuckets,
} from "@ops/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compileComparePeriods,
  compileDistinctActors,
  compileEngagementRate,
  compileFollowerGrowth,
  compileReplyRate,
  compileResponseTimeSummary,
  compileRetentionTable,
  compileRollupByChannel,
  compileTimeBuckets,
} from "../src/index";
import { byLabelAndChannel, expectSame } from "./_compare";
import { cleanupFiles, createClickhouseEngine, createDuckEngine, type Engine, tempPath } from "./_engines";
import { loadSampleRows } from "./_sample";

const sample = loadSampleRows();
const WEEK = 7 * 86_400_000;
const range = { start: sample.start, end: sample.start + sample.weeks * WEEK };
const zone = sample.timeZone;
const events: MetricEvent[] = sample.rows.map((r) => ({
  at: r.occurred_at,
  actor: r.actor,
  channel: r.channel,
  kind: r.kind,
  value: r.value,
}));
const posts: PostMetrics[] = sample.rows
  .filter((r) => r.kind === "post")
  .map((r) => ({
    publishedAt: r.occurred_at,
    impressions: r.impressions as number,
    reach: r.reach as number,
    likes: r.likes as number,
    comments: r.comments as number,
    shares: r.shares as number,
  }));
const items = (() => {
  const first = new Map<string, number>();
  for (const r of sample.rows)
    if (r.reply_to) first.set(r.reply_to, Math.min(first.get(r.reply_to) ?? Infinity, r.occurred_at));
  return sample.rows
    .filter((r) => r.direction === "inbound")
    .map((r) => {
      const f = first.get(r.id as string);
      return { receivedAt: r.occurred_at, firstReplyAt: f !== undefined && f >= r.occurred_at ? f : null };
    });
})();

let engines: Engine[] = [];
let parquet = "";
beforeAll(async () => {
  const duck = await createDuckEngine();
  await duck.load(sample.rows);
  parquet = tempPath("brand-8-weeks.parquet");
  await duck.exec(`COPY events TO '${parquet}' (FORMAT parquet)`);
  const ch = await createClickhouseEngine();
  await duck.loadParquet(parquet);
  await ch.loadParquet(parquet);
  engines = [duck, ch];
});
afterAll(() => {
  for (const e of engines) e.close();
  cleanupFiles();
});

describe("the sample data through Parquet, on both engines", () => {
  it("keeps every row through the Parquet export", async () => {
    for (const e of engines)
      expect(await e.run(compileDistinctActors({ dialect: e.name }))).toBe(distinctActors(events));
  });

  it("weekly buckets, rollup by channel, distinct actors", async () => {
    const o = { timeZone: zone, unit: "week" as const, range };
    for (const e of engines) {
      const t = { dialect: e.name };
      expectSame(await e.run(compileTimeBuckets(t, o)), timeBuckets(events, o), `${e.name} weeks`);
      expectSame(
        byLabelAndChannel(await e.run(compileRollupByChannel(t, o))),
        byLabelAndChannel(rollupByChannel(events, o)),
        `${e.name} rollup`,
      );
      const day = { timeZone: zone, kinds: ["comment", "like", "repost"] };
      expectSame(
        byLabelAndChannel(await e.run(compileRollupByChannel(t, day))),
        byLabelAndChannel(rollupByChannel(events, day)),
        `${e.name} daily`,
      );
    }
  });

  it("rates: engagement (both aggregations), reply rate within 2 h, first-reply times, follower growth", async () => {
    for (const e of engines) {
      const t = { dialect: e.name };
      for (const aggregation of ["ratioOfSums", "meanOfRatios"] as const) {
        const o = { aggregation, denominator: "reach" as const, period: range };
        expectSame(
          await e.run(compileEngagementRate(t, o)),
          engagementRate(posts, o),
          `${e.name} engagement ${aggregation}`,
        );
      }
      const within = { within: 2 * 3_600_000 };
      expectSame(await e.run(compileReplyRate(t, within)), replyRate(items, within), `${e.name} replyRate`);
      const durations = items.flatMap((i) => (i.firstReplyAt === null ? [] : [i.firstReplyAt - i.receivedAt]));
      expectSame(
        await e.run(compileResponseTimeSummary(t)),
        responseTimeSummary(durations),
        `${e.name} response times`,
      );
      const follows = events
        .filter((x) => x.channel === "weibo" && (x.kind === "follow" || x.kind === "unfollow"))
        .map((x) => ({ at: x.at, type: x.kind as "follow" | "unfollow" }));
      const g = { period: range, baseFollowers: 52_000 };
      expectSame(
        await e.run(compileFollowerGrowth(t, { ...g, channel: "weibo" })),
        followerGrowth(follows, g),
        `${e.name} growth`,
      );
    }
  });

  it("week-over-week comparison and the weekly retention table", async () => {
    const lastWeek = { start: range.end - WEEK, end: range.end };
    for (const e of engines) {
      const t = { dialect: e.name };
      for (const measure of ["count", "sum", "distinctActors"] as const) {
        const o = { period: lastWeek, against: "wow" as const, timeZone: zone, measure };
        expectSame(await e.run(compileComparePeriods(t, o)), comparePeriods(events, o), `${e.name} wow ${measure}`);
      }
      for (const cumulative of [false, true]) {
        const o = {
          timeZone: zone,
          interval: "week" as const,
          startEvent: "follow",
          returnEvent: "comment",
          periods: 8,
          range,
          cumulative,
        };
        expectSame(await e.run(compileRetentionTable(t, o)), retentionTable(events, o), `${e.name} retention`);
      }
    }
  });
});
