import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "@ops/core";
import { buildEventColumns, comparePeriods, periodChange, previousPeriod } from "@ops/metrics";
import { DAY } from "./_helpers";

const at = (iso: string): number => parseInstant(iso);
const fmt = (p: { start: number; end: number }): [string, string] => [formatInstant(p.start), formatInstant(p.end)];

describe("periodChange", () => {
  it.each([
    [110, 100, 10, 0.1, "up"],
    [90, 100, -10, -0.1, "down"],
    [100, 100, 0, 0, "flat"],
    // negative base (net follower loss): from −50 to −25 is an improvement of 50 %
    [-25, -50, 25, 0.5, "up"],
  ] as const)("compares %d with %d", (current, previous, absolute, relative, direction) => {
    const c = periodChange(current, previous);
    expect([c.absolute, c.direction, c.reason]).toEqual([absolute, direction, null]);
    expect(c.relative).toBeCloseTo(relative, 12);
  });
  it("has no relative change from a base of 0 or with a missing value", () => {
    expect(periodChange(0, 0)).toMatchObject({ absolute: 0, relative: null, direction: "flat", reason: "zero_base" });
    expect(periodChange(null, 3)).toMatchObject({
      absolute: null,
      relative: null,
      direction: null,
      reason: "missing_value",
    });
  });
  it("refuses NaN and Infinity", () => {
    expect(() => periodChange(Number.NaN, 1)).toThrowOpsError("invalid_argument", {
      message: /^periodChange: current must be a finite number or null, got NaN$/,
    });
    expect(() => periodChange(1, Infinity)).toThrowOpsError("invalid_argument");
  });
});

describe("previousPeriod", () => {
  const zone = "America/New_York";
  it("shifts a week by 7 local days across a DST change, keeping local midnight", () => {
    // the week of 2026-03-09 (EDT) against the week of 2026-03-02 (EST)
    const week = { start: at("2026-03-09T00:00:00-04:00"), end: at("2026-03-16T00:00:00-04:00") };
    expect(fmt(previousPeriod(week, { against: "wow", timeZone: zone }))).toEqual([
      "2026-03-02T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
    ]);
  });
  it("clamps a month-end day to the shorter month", () => {
    const day = { start: at("2026-03-31T00:00:00Z"), end: at("2026-04-01T00:00:00Z") };
    expect(fmt(previousPeriod(day, { against: "mom", timeZone: "UTC" }))).toEqual([
      "2026-02-28T00:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
    ]);
  });
  it("aligns YoY by calendar date or by weekday with a 364-day lag", () => {
    // 2026-03-02 is a Monday; 364 days earlier, 2025-03-03, is a Monday too
    const week = { start: at("2026-03-02T00:00:00Z"), end: at("2026-03-09T00:00:00Z") };
    expect(fmt(previousPeriod(week, { against: "yoy", timeZone: "UTC" }))[0]).toBe("2025-03-02T00:00:00.000Z");
    const aligned = previousPeriod(week, { against: "yoy", timeZone: "UTC", yoyAlignment: "weekday" });
    expect(fmt(aligned)[0]).toBe("2025-03-03T00:00:00.000Z");
    expect(new Date(aligned.start).getUTCDay()).toBe(1);
    // a leap day maps to 28 February
    expect(
      fmt(
        previousPeriod(
          { start: at("2028-02-29T00:00:00Z"), end: at("2028-03-01T00:00:00Z") },
          { against: "yoy", timeZone: "UTC" },
        ),
      )[0],
    ).toBe("2027-02-28T00:00:00.000Z");
  });
  it("refuses bad periods, comparisons and zones", () => {
    expect(() => previousPeriod({ start: 2, end: 1 }, { against: "wow", timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => previousPeriod({ start: 1, end: 2 }, { against: "dod" as "wow", timeZone: "UTC" })).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => previousPeriod({ start: 1, end: 2 }, { against: "wow", timeZone: "Nowhere/City" })).toThrowOpsError(
      "invalid_argument",
    );
  });
});

describe("comparePeriods", () => {
  const events = [
    { at: 0 * DAY, actor: "a", kind: "comment", value: 1 },
    { at: 1 * DAY, actor: "b", kind: "like", value: 2 },
    { at: 7 * DAY, actor: "a", kind: "comment", value: 3 },
    { at: 8 * DAY, actor: "a", kind: "comment", value: 4 },
    { at: 13 * DAY, actor: "甲", kind: "like", value: 5 },
    { at: 14 * DAY, actor: "c", kind: "like", value: 6 }, // outside: end is exclusive
  ];
  const base = { period: { start: 7 * DAY, end: 14 * DAY }, against: "wow" as const, timeZone: "UTC" };
  it("compares counts, sums and distinct actors week over week", () => {
    expect(comparePeriods(events, base).change).toMatchObject({
      current: 3,
      previous: 2,
      absolute: 1,
      relative: 0.5,
      direction: "up",
    });
    expect(comparePeriods(events, { ...base, measure: "sum" }).change).toMatchObject({
      current: 12,
      previous: 3,
      relative: 3,
    });
    expect(comparePeriods(events, { ...base, measure: "distinctActors" }).change).toMatchObject({
      current: 2,
      previous: 2,
      direction: "flat",
    });
    expect(comparePeriods(events, { ...base, kinds: ["like"] }).change).toMatchObject({ current: 1, previous: 1 });
  });
  it("gives a null relative change when the previous period is empty", () => {
    const c = comparePeriods([{ at: 8 * DAY, actor: "a" }], base);
    expect(c.change).toMatchObject({ current: 1, previous: 0, relative: null, reason: "zero_base" });
    expect(c.previous.period).toEqual({ start: 0, end: 7 * DAY });
  });
  it("accepts columns with the same result and does not mutate its input", () => {
    const copy = structuredClone(events);
    expect(comparePeriods(buildEventColumns(events), base)).toEqual(comparePeriods(events, base));
    expect(events).toEqual(copy);
  });
  it("counts an event in both periods when they overlap", () => {
    const month = { period: { start: 0, end: 10 * DAY }, against: "wow" as const, timeZone: "UTC" };
    const c = comparePeriods(events, month);
    expect([c.current.value, c.previous.value]).toEqual([4, 2]);
  });
  it("refuses a bad period", () => {
    expect(() => comparePeriods(events, { ...base, period: { start: 5, end: 5 } })).toThrowOpsError(
      "invalid_argument",
      { message: /^comparePeriods: options\.period\.end must be after start, got 5$/ },
    );
  });
});
