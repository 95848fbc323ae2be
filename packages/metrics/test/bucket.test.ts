import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localParts, parseInstant } from "@ops/core";
import {
  buildEventColumns,
  distinctActors,
  rollupByChannel,
  timeBuckets,
  type EventColumns,
  type MetricEvent,
} from "@ops/metrics";
import { aggregate } from "../src/bucket/_lib/aggregate";
import { planBuckets } from "../src/_lib/bucketPlan";
import { DAY, HOUR } from "./_helpers";

const at = (iso: string): number => parseInstant(iso);

/** Reference: group by the local date string from core's localParts, one event at a time. */
function naiveDaily(
  events: readonly MetricEvent[],
  zone: string,
): Map<string, { count: number; sum: number; actors: Set<string> }> {
  const out = new Map<string, { count: number; sum: number; actors: Set<string> }>();
  for (const e of events) {
    const p = localParts(e.at, zone);
    const key = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}|${e.channel ?? ""}`;
    const g = out.get(key) ?? { count: 0, sum: 0, actors: new Set<string>() };
    g.count++;
    g.sum += e.value ?? 0;
    g.actors.add(e.actor);
    out.set(key, g);
  }
  return out;
}

describe("timeBuckets", () => {
  it("makes the spring-forward day 23 hours and the fall-back day 25 hours, each one day", () => {
    const events = [
      { at: at("2026-03-08T00:30:00-05:00"), actor: "a" },
      { at: at("2026-03-08T23:30:00-04:00"), actor: "b" },
      { at: at("2026-11-01T01:30:00-04:00"), actor: "a" }, // first 01:30
      { at: at("2026-11-01T01:30:00-05:00"), actor: "a" }, // repeated 01:30
    ];
    const spring = timeBuckets(events.slice(0, 2), { timeZone: "America/New_York" });
    expect(spring.map((b) => [b.label, b.count, (b.end - b.start) / HOUR])).toEqual([["2026-03-08", 2, 23]]);
    const fall = timeBuckets(events.slice(2), { timeZone: "America/New_York" });
    expect(fall.map((b) => [b.label, b.count, b.distinctActors, (b.end - b.start) / HOUR])).toEqual([
      ["2026-11-01", 2, 1, 25],
    ]);
  });

  it("starts a day whose midnight is skipped at the first instant that exists, and drops a day a zone skipped", () => {
    // Chile springs forward at 24:00 on 2025-09-06: 2025-09-07 starts at 01:00 -03 (tzdb)
    const chile = timeBuckets([{ at: at("2025-09-07T12:00:00-03:00"), actor: "a" }], { timeZone: "America/Santiago" });
    expect(chile.map((b) => [b.label, b.start, (b.end - b.start) / HOUR])).toEqual([
      ["2025-09-07", at("2025-09-07T01:00:00-03:00"), 23],
    ]);
    // Samoa skipped 2011-12-30 when it crossed the date line (tzdb Pacific/Apia)
    const samoa = timeBuckets(
      [
        { at: at("2011-12-29T12:00:00-10:00"), actor: "a" },
        { at: at("2011-12-31T12:00:00+14:00"), actor: "a" },
      ],
      { timeZone: "Pacific/Apia" },
    );
    expect(samoa.map((b) => [b.label, b.count, (b.end - b.start) / HOUR])).toEqual([
      ["2011-12-29", 1, 24],
      ["2011-12-31", 1, 24],
    ]);
  });

  it("buckets by ISO week, by a week starting on Sunday, and by month", () => {
    const events = [
      { at: at("2026-03-07T12:00:00+08:00"), actor: "a" }, // Saturday
      { at: at("2026-03-08T12:00:00+08:00"), actor: "a" }, // Sunday
      { at: at("2026-03-09T12:00:00+08:00"), actor: "b" }, // Monday
      { at: at("2026-04-01T00:00:00+08:00"), actor: "c" },
    ];
    const zone = "Asia/Shanghai";
    const iso = timeBuckets(events.slice(0, 3), { timeZone: zone, unit: "week" });
    expect(iso.map((b) => [b.label, b.count])).toEqual([
      ["2026-03-02", 2],
      ["2026-03-09", 1],
    ]);
    const sunday = timeBuckets(events.slice(0, 3), { timeZone: zone, unit: "week", weekStartsOn: 0 });
    expect(sunday.map((b) => [b.label, b.count])).toEqual([
      ["2026-03-01", 1],
      ["2026-03-08", 2],
    ]);
    const months = timeBuckets(events, { timeZone: zone, unit: "month" });
    expect(months.map((b) => [b.label, b.count, b.distinctActors, (b.end - b.start) / DAY])).toEqual([
      ["2026-03", 3, 2, 31],
      ["2026-04", 1, 1, 30],
    ]);
  });

  it("fills missing buckets with zeros over a range, drops events outside it, and can skip empty buckets", () => {
    const range = { start: at("2026-01-01T00:00:00Z"), end: at("2026-01-04T00:00:00Z") };
    const events = [
      { at: at("2025-12-31T23:59:59Z"), actor: "early" },
      { at: at("2026-01-02T10:00:00Z"), actor: "a", value: 2.5 },
      { at: at("2026-01-04T00:00:00Z"), actor: "late" },
    ];
    const filled = timeBuckets(events, { timeZone: "UTC", range });
    expect(filled.map((b) => [b.label, b.count, b.sum])).toEqual([
      ["2026-01-01", 0, 0],
      ["2026-01-02", 1, 2.5],
      ["2026-01-03", 0, 0],
    ]);
    expect(timeBuckets(events, { timeZone: "UTC", range, fill: false }).map((b) => b.label)).toEqual(["2026-01-02"]);
  });

  it("filters by kind", () => {
    const events = [
      { at: 0, actor: "a", kind: "comment" },
      { at: 1, actor: "b", kind: "like" },
    ];
    expect(timeBuckets(events, { timeZone: "UTC", kinds: ["like"] })[0]).toMatchObject({ count: 1, distinctActors: 1 });
    expect(timeBuckets(events, { timeZone: "UTC", kinds: ["share"] })).toEqual([]);
  });

  it("returns nothing for no events and one bucket for one event", () => {
    expect(timeBuckets([], { timeZone: "UTC" })).toEqual([]);
    expect(timeBuckets([{ at: 5, actor: "小红" }], { timeZone: "UTC" })).toEqual([
      { start: 0, end: DAY, label: "1970-01-01", count: 1, sum: 0, distinctActors: 1 },
    ]);
  });

  it("agrees with a one-event-at-a-time reference on random events across DST nights (property)", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Shanghai", "Pacific/Chatham"];
    const base = at("2026-03-01T00:00:00Z");
    const arb = fc.array(
      fc.record({
        at: fc.integer({ min: base, max: base + 70 * DAY }),
        actor: fc.constantFrom("a", "b", "c", "粉丝"),
        channel: fc.constantFrom("weibo", "douyin"),
        value: fc.integer({ min: 0, max: 100 }),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom(...zones), (events, zone) => {
        const ref = naiveDaily(events, zone);
        const rows = rollupByChannel(events, { timeZone: zone });
        expect(rows.length).toBe(ref.size);
        for (const r of rows) {
          const g = ref.get(`${r.label}|${r.channel}`);
          expect(g).toBeDefined();
          expect([r.count, r.sum, r.distinctActors]).toEqual([g?.count, g?.sum, g?.actors.size]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same result for objects and for columns, and does not mutate either", () => {
    const events: MetricEvent[] = [
      { at: at("2026-03-08T09:00:00+08:00"), actor: "u1", channel: "weibo", value: 1 },
      { at: at("2026-03-09T09:00:00+08:00"), actor: "u2", channel: "weibo", value: 2 },
    ];
    const copy = structuredClone(events);
    const cols = buildEventColumns(events);
    const colsCopy = Float64Array.from(cols.at);
    const options = { timeZone: "Asia/Shanghai" };
    expect(timeBuckets(cols, options)).toEqual(timeBuckets(events, options));
    expect(events).toEqual(copy);
    expect(cols.at).toEqual(colsCopy);
  });

  it("refuses bad events, bad columns and bad options, naming field and rule", () => {
    expect(() => timeBuckets([{ at: Number.NaN, actor: "a" }], { timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
      {
        message:
          /^timeBuckets: events\[0\]\.at must be an integer number of epoch milliseconds within ±8\.64e15, got NaN$/,
      },
    );
    expect(() => timeBuckets([{ at: 1e16, actor: "a" }], { timeZone: "UTC" })).toThrowOpsError("invalid_argument");
    expect(() => timeBuckets([{ at: 0, actor: "" }], { timeZone: "UTC" })).toThrowOpsError("invalid_argument");
    expect(() => timeBuckets([{ at: 0, actor: "a", value: Infinity }], { timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => timeBuckets([], { timeZone: "Mars/Olympus" })).toThrowOpsError("invalid_argument");
    expect(() => timeBuckets([], { timeZone: "UTC", unit: "hour" as "day" })).toThrowOpsError("invalid_argument");
    expect(() => timeBuckets([], { timeZone: "UTC", weekStartsOn: 7 as 0 })).toThrowOpsError("invalid_argument");
    const cols = buildEventColumns([{ at: 0, actor: "a" }]);
    const badCode: EventColumns = { ...cols, actor: Int32Array.of(3) };
    expect(() => timeBuckets(badCode, { timeZone: "UTC" })).toThrowOpsError("invalid_argument", {
      message: /^timeBuckets: events\.actor\[0\] must be a code into actors \(0 … 0\), got 3$/,
    });
    expect(() => timeBuckets({ ...cols, value: new Float64Array(2) }, { timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => timeBuckets({ ...cols, at: Float64Array.of(0.5) }, { timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() =>
      timeBuckets(
        [
          { at: 0, actor: "a" },
          { at: 3000 * 365 * DAY, actor: "a" },
        ],
        { timeZone: "UTC" },
      ),
    ).toThrowOpsError("out_of_range");
  });
});

describe("rollupByChannel", () => {
  it("fills every (bucket, channel) pair when asked", () => {
    const events = [
      { at: 0, actor: "a", channel: "weibo" },
      { at: 2 * DAY, actor: "a", channel: "douyin" },
    ];
    const rows = rollupByChannel(events, { timeZone: "UTC", fill: true });
    expect(rows.map((r) => [r.label, r.channel, r.count])).toEqual([
      ["1970-01-01", "weibo", 1],
      ["1970-01-01", "douyin", 0],
      ["1970-01-02", "weibo", 0],
      ["1970-01-02", "douyin", 0],
      ["1970-01-03", "weibo", 0],
      ["1970-01-03", "douyin", 1],
    ]);
  });

  it("computes only what is asked: distinctActors: false gives the same counts and sums, and null distinct (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 10 * DAY }),
            actor: fc.constantFrom("a", "b", "c", "d"),
            channel: fc.constantFrom("x", "y", "z"),
            value: fc.integer({ min: -5, max: 5 }),
          }),
          { maxLength: 80 },
        ),
        fc.boolean(),
        (events, fill) => {
          const full = rollupByChannel(events, { timeZone: "Asia/Shanghai", fill });
          const lean = rollupByChannel(events, { timeZone: "Asia/Shanghai", fill, distinctActors: false });
          expect(lean.map((r) => r.distinctActors)).toEqual(full.map(() => null));
          expect(lean.map(({ distinctActors: _, ...r }) => r)).toEqual(full.map(({ distinctActors: _, ...r }) => r));
        },
      ),
    );
    expect(() => rollupByChannel([], { timeZone: "UTC", distinctActors: "no" as never })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "distinctActors"] },
    );
  });

  it("counts distinct actors the same way with the bitset and with the sort-based fallback (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 10 * DAY }),
            actor: fc.constantFrom("a", "b", "c", "d"),
            channel: fc.constantFrom("x", "y", "z"),
          }),
          { maxLength: 80 },
        ),
        (events) => {
          const cols = buildEventColumns(events);
          const plan = planBuckets("day", "Europe/Berlin", 1, 0, 10 * DAY, "test");
          const common = { byChannel: true, mask: null, lo: -Infinity, hi: Infinity, fn: "test" };
          expect(aggregate(cols, plan, { ...common, forceSortedDistinct: true })).toEqual(
            aggregate(cols, plan, common),
          );
        },
      ),
    );
  });
});

describe("distinctActors", () => {
  it("counts each actor once within a range", () => {
    const events = [
      { at: 0, actor: "a" },
      { at: 10, actor: "a" },
      { at: 20, actor: "b" },
      { at: 30, actor: "c" },
    ];
    expect(distinctActors(events, { range: { start: 0, end: 30 } })).toBe(2);
    expect(distinctActors([])).toBe(0);
  });
  it("refuses a bad range", () => {
    expect(() => distinctActors([], { range: { start: 1, end: 1 } })).toThrowOpsError("invalid_argument");
  });
});
