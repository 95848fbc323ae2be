import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestPublishingHours, checkCadence, type ContentPlan, type PublishedItem } from "./helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2026-11-02 00:00 in Shanghai
const W0 = Date.UTC(2026, 10, 1, 16);
const plan: ContentPlan = {
  timeZone: "Asia/Shanghai",
  targets: [
    { form: "article", min: 3, max: 5 },
    { form: "short_video", min: 2, max: 3 },
  ],
};
let n = 0;
const item = (form: PublishedItem["form"], at: number, engagement?: number): PublishedItem => ({
  id: `p${n++}`,
  form,
  publishedAt: at,
  ...(engagement === undefined ? {} : { engagement }),
});
const week = (w: number, articles: number, videos: number): PublishedItem[] => [
  ...Array.from({ length: articles }, (_, k) => item("article", W0 + w * 7 * DAY + k * DAY + 10 * HOUR)),
  ...Array.from({ length: videos }, (_, k) => item("short_video", W0 + w * 7 * DAY + k * DAY + 20 * HOUR)),
];

describe("checkCadence", () => {
  it("flags a week that misses its video target, and counts per form", () => {
    const report = checkCadence(plan, [...week(0, 4, 2), ...week(1, 3, 1)], { start: W0, end: W0 + 14 * DAY });
    expect(report.weeks.map((w) => [w.week, w.met])).toEqual([
      ["2026-11-02", true],
      ["2026-11-09", false],
    ]);
    expect(report.weeks[1]?.gaps).toEqual([{ form: "short_video", bound: 2, published: 1, by: 1 }]);
    expect(report.weeks[1]?.counts).toEqual({ article: 3, short_video: 1 });
    expect(report.weeksMet).toBe(1);
  });

  it("reports excesses without failing the week", () => {
    const report = checkCadence(plan, week(0, 7, 2), { start: W0, end: W0 + 7 * DAY });
    expect(report.weeks[0]?.excesses).toEqual([{ form: "article", bound: 5, published: 7, by: 2 }]);
    expect(report.weeks[0]?.met).toBe(true);
  });

  it("computes current and longest streaks per form and overall", () => {
    const items = [...week(0, 3, 2), ...week(1, 3, 2), ...week(2, 1, 2), ...week(3, 3, 2), ...week(4, 3, 2)];
    const report = checkCadence(plan, items, { start: W0, end: W0 + 35 * DAY });
    expect(report.streaks).toEqual([
      { form: "article", current: 2, longest: 2 },
      { form: "short_video", current: 5, longest: 5 },
      { form: "all", current: 2, longest: 2 },
    ]);
  });

  it("marks a running week incomplete and keeps it out of streaks", () => {
    const report = checkCadence(plan, [...week(0, 3, 2), ...week(1, 1, 0)], { start: W0, end: W0 + 9 * DAY });
    expect(report.weeks.map((w) => w.complete)).toEqual([true, false]);
    expect(report.weeks[1]?.gaps.map((g) => g.by)).toEqual([2, 2]); // still needed this week
    expect(report.streaks.at(-1)).toEqual({ form: "all", current: 1, longest: 1 });
    expect(report.weeksComplete).toBe(1);
  });

  it("uses local weeks: a Sunday-night post in Shanghai belongs to the week before in UTC terms", () => {
    // Sunday 2026-11-08 23:30 Shanghai = 15:30 UTC Sunday; Monday 00:30 Shanghai = Sunday 16:30 UTC
    const sunday = item("article", Date.UTC(2026, 10, 8, 15, 30));
    const monday = item("article", Date.UTC(2026, 10, 8, 16, 30));
    const report = checkCadence(plan, [sunday, monday], { start: W0, end: W0 + 14 * DAY });
    expect(report.weeks.map((w) => w.counts.article)).toEqual([1, 1]);
  });

  it("has 169-hour weeks across a DST fall-back, and honours weekStartsOn", () => {
    const ny: ContentPlan = { timeZone: "America/New_York", weekStartsOn: 0, targets: [{ form: "live", min: 1 }] };
    // Sunday 2026-11-01 is the fall-back day in New York
    const start = Date.UTC(2026, 10, 1, 4);
    const report = checkCadence(ny, [], { start, end: start + 14 * DAY });
    expect(report.weeks[0]?.week).toBe("2026-11-01");
    expect((report.weeks[0]?.endsAt ?? 0) - (report.weeks[0]?.startsAt ?? 0)).toBe(169 * HOUR);
    expect(report.weeks.every((w) => !w.met)).toBe(true);
  });

  it("handles no items: every week is a gap", () => {
    const report = checkCadence(plan, [], { start: W0, end: W0 + 7 * DAY });
    expect(report.weeks[0]?.gaps.map((g) => g.by)).toEqual([3, 2]);
  });

  it("refuses malformed plans, duplicate ids, an empty period and one over 5 years", () => {
    expect(() =>
      checkCadence({ ...plan, targets: [{ form: "article", min: 3, max: 2 }] }, [], { start: W0, end: W0 + DAY }),
    ).toThrowOpsError("invalid_argument", {
      fn: "checkCadence",
      path: ["plan", "targets", 0, "max"],
      message: /must be ≥ min/,
    });
    expect(() =>
      checkCadence(
        {
          ...plan,
          targets: [
            { form: "article", min: 1 },
            { form: "article", min: 2 },
          ],
        },
        [],
        { start: W0, end: W0 + DAY },
      ),
    ).toThrowOpsError("invalid_argument", {
      fn: "checkCadence",
      path: ["plan", "targets"],
      message: /must name each form at most once/,
    });
    const a = item("article", W0);
    expect(() => checkCadence(plan, [a, a], { start: W0, end: W0 + DAY })).toThrowOpsError("duplicate", {
      fn: "checkCadence",
      path: ["published", 1, "id"],
      message: /must be unique/,
    });
    // a core Period: half-open, so an empty one is refused
    expect(() => checkCadence(plan, [], { start: W0, end: W0 })).toThrowOpsError("invalid_argument", {
      fn: "checkCadence",
      path: ["period", "end"],
      message: /must be after start/,
    });
    expect(() => checkCadence(plan, [], { start: W0, end: W0 + 5 * 366 * DAY })).not.toThrow();
    expect(() => checkCadence(plan, [], { start: W0, end: W0 + 5 * 366 * DAY + 1 })).toThrowOpsError(
      "invalid_argument",
      { fn: "checkCadence", path: ["period", "end"], message: /must be at most 5 years after start/ },
    );
  });

  it("puts every item inside the reported weeks into exactly one week (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3 * DAY, max: 30 * DAY }), { maxLength: 40 }),
        fc.constantFrom("Asia/Shanghai", "America/New_York", "Europe/London"),
        (offsets, timeZone) => {
          const items = offsets.map((o, k) => ({ id: `x${k}`, form: "article" as const, publishedAt: W0 + o }));
          const report = checkCadence({ timeZone, targets: [{ form: "article", min: 1 }] }, items, {
            start: W0,
            end: W0 + 21 * DAY,
          });
          const first = report.weeks[0]?.startsAt ?? 0;
          const last = report.weeks.at(-1)?.endsAt ?? 0;
          const inside = items.filter((it) => it.publishedAt >= first && it.publishedAt < last).length;
          expect(report.weeks.reduce((a, w) => a + (w.counts.article ?? 0), 0)).toBe(inside);
          for (const [i, w] of report.weeks.entries()) if (i > 0) expect(w.startsAt).toBe(report.weeks[i - 1]?.endsAt);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("does not mutate its inputs", () => {
    const items = week(0, 3, 2);
    const before = structuredClone({ plan, items });
    checkCadence(plan, items, { start: W0, end: W0 + 7 * DAY });
    expect({ plan, items }).toEqual(before);
  });
});

describe("bestPublishingHours", () => {
  const at = (localHour: number, day: number) => Date.UTC(2026, 10, day, localHour - 8); // Shanghai is UTC+8

  it("ranks hours by median engagement in the audience's zone, with the sample size", () => {
    const posts = [
      ...[2, 3, 4, 5, 6].map((d) => item("article", at(20, d), 0.05)),
      ...[2, 3, 4, 5, 6].map((d) => item("article", at(8, d), 0.02)),
      item("article", at(8, 9), 0.9), // one viral morning post moves the mean, not the median
    ];
    const r = bestPublishingHours(posts, { timeZone: "Asia/Shanghai" });
    expect(r.slots.map((s) => [s.hour, s.posts, s.medianEngagement])).toEqual([
      [20, 5, 0.05],
      [8, 6, 0.02],
    ]);
    expect(r.slots[1]?.meanEngagement).toBeCloseTo((0.02 * 5 + 0.9) / 6, 12);
  });

  it("ranks thin samples after well-sampled slots", () => {
    const posts = [...[2, 3, 4].map((d) => item("image", at(9, d), 0.01)), item("image", at(23, 2), 0.5)];
    const r = bestPublishingHours(posts, { timeZone: "Asia/Shanghai", minSample: 3 });
    expect(r.slots.map((s) => [s.hour, s.sufficient])).toEqual([
      [9, true],
      [23, false],
    ]);
  });

  it("splits by ISO weekday and hour, and filters by form", () => {
    const posts = [
      item("short_video", at(20, 2), 0.1),
      item("short_video", at(20, 8), 0.3),
      item("article", at(20, 8), 0.9),
    ];
    const r = bestPublishingHours(posts, {
      timeZone: "Asia/Shanghai",
      by: "weekday_hour",
      forms: ["short_video"],
      minSample: 1,
    });
    // 2026-11-08 is a Sunday (7), 2026-11-02 a Monday (1)
    expect(r.slots.map((s) => [s.weekday, s.hour, s.posts])).toEqual([
      [7, 20, 1],
      [1, 20, 1],
    ]);
  });

  it("reads the local hour across a DST change (New York fall-back night)", () => {
    // 2026-11-01 05:30 UTC is 01:30 EDT, 06:30 UTC is 01:30 EST: the same wall-clock hour
    const r = bestPublishingHours(
      [item("live", Date.UTC(2026, 10, 1, 5, 30), 1), item("live", Date.UTC(2026, 10, 1, 6, 30), 3)],
      {
        timeZone: "America/New_York",
        minSample: 1,
      },
    );
    expect(r.slots.map((s) => [s.hour, s.posts, s.medianEngagement])).toEqual([[1, 2, 2]]);
  });

  it("handles no items and counts items without engagement", () => {
    expect(bestPublishingHours([], { timeZone: "UTC" })).toEqual({ slots: [], withoutEngagement: 0 });
    expect(bestPublishingHours([item("article", 0)], { timeZone: "UTC" }).withoutEngagement).toBe(1);
  });

  it("refuses negative engagement and a bad zone", () => {
    expect(() => bestPublishingHours([item("article", 0, -1)], { timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
      { fn: "bestPublishingHours", path: ["published", 0, "engagement"], message: /must be ≥ 0/ },
    );
    expect(() => bestPublishingHours([], { timeZone: "Asia/Beijing" })).toThrowOpsError("invalid_time_zone", {
      fn: "bestPublishingHours",
      path: ["options", "timeZone"],
    });
  });
});
