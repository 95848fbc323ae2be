import { fromLocalParts, parseInstant } from "@ops/core";
import { birthdayPerkEligibility, loyalFans, scoreFans, type FanActivity } from "@ops/metrics";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 1);

const fans: FanActivity[] = Array.from({ length: 10 }, (_, i) => ({
  id: `fan${i}`,
  lastActiveAt: now - (10 - i) * DAY,
  interactions: i * 3,
  engagement: i * 10,
}));

describe("scoreFans", () => {
  it("scores quintiles 1–5 by mid-rank percentile", () => {
    // percentile (i + ½)/10 → 1 + ⌊5·p⌋: 1,1,2,2,3,3,4,4,5,5
    expect(scoreFans(fans, { now }).map((s) => s.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it("gives ties the same score, and 3 when everyone is equal", () => {
    const same = ["a", "b", "c"].map((id) => ({ id, lastActiveAt: now, interactions: 4, engagement: 1 }));
    expect(scoreFans(same, { now }).map((s) => [s.recency, s.frequency, s.engagement, s.total])).toEqual([
      [3, 3, 3, 9],
      [3, 3, 3, 9],
      [3, 3, 3, 9],
    ]);
  });
  it("scores one fan in the middle and no fans as an empty list", () => {
    expect(scoreFans([fans[0]!], { now })[0]).toMatchObject({
      recency: 3,
      frequency: 3,
      engagement: 3,
      daysSinceActive: 10,
    });
    expect(scoreFans([], { now })).toEqual([]);
  });
  it("accepts CJK ids and keeps extra fields of the caller's type", () => {
    const out = scoreFans([{ id: "微博:小红", lastActiveAt: now, interactions: 1, engagement: 1, nickname: "小红" }], {
      now,
    });
    expect(out[0]?.fan.nickname).toBe("小红");
  });
  it("is invariant to the input order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(fans, { minLength: fans.length }), (shuffled) => {
        const byId = (list: ReturnType<typeof scoreFans>) => Object.fromEntries(list.map((s) => [s.fan.id, s.total]));
        expect(byId(scoreFans(shuffled, { now }))).toEqual(byId(scoreFans(fans, { now })));
      }),
    );
  });
  it("rejects duplicates, activity after now and negative counts", () => {
    expect(() => scoreFans([fans[0]!, fans[0]!], { now })).toThrowOpsError("duplicate");
    expect(() => scoreFans([{ ...fans[0]!, lastActiveAt: now + 1 }], { now })).toThrowOpsError("invalid_argument", {
      message: /scoreFans: fans\[0\]\.lastActiveAt must be ≤ options\.now/,
    });
    expect(() => scoreFans([{ ...fans[0]!, interactions: -1 }], { now })).toThrowOpsError("invalid_argument", {
      message: /fans\[0\]\.interactions must be ≥ 0/,
    });
  });
  it("does not mutate the fans", () => {
    const copy = structuredClone(fans);
    scoreFans(fans, { now });
    expect(fans).toEqual(copy);
  });
});

describe("loyalFans", () => {
  it("keeps fans scoring at least 4 on all three dimensions, best first", () => {
    expect(loyalFans(fans, { now }).map((s) => s.fan.id)).toEqual(["fan9", "fan8", "fan7", "fan6"]);
  });
  it("needs all three: a frequent fan who went quiet is not loyal", () => {
    const quiet = fans.map((f) => (f.id === "fan9" ? { ...f, lastActiveAt: now - 400 * DAY } : f));
    expect(loyalFans(quiet, { now }).map((s) => s.fan.id)).not.toContain("fan9");
  });
  it("honours thresholds and limit", () => {
    expect(loyalFans(fans, { now, minRecency: 5, minFrequency: 5, minEngagement: 5 }).map((s) => s.fan.id)).toEqual([
      "fan9",
      "fan8",
    ]);
    expect(loyalFans(fans, { now, limit: 1 }).map((s) => s.fan.id)).toEqual(["fan9"]);
    expect(loyalFans([], { now })).toEqual([]);
  });
  it("rejects a threshold outside 1–5 and a fractional now", () => {
    expect(() => loyalFans(fans, { now, minRecency: 6 })).toThrowOpsError("invalid_argument", {
      message: /loyalFans: options\.minRecency must be ≤ 5/,
    });
    expect(() => loyalFans(fans, { now: 1.5 })).toThrowOpsError("invalid_argument", {
      message: /^loyalFans: options\.now/,
    });
  });
});

describe("birthdayPerkEligibility", () => {
  const shanghai = { timeZone: "Asia/Shanghai" };
  const monthIn = (year: number, month: number, zone: string) => ({
    start: fromLocalParts({ year, month, day: 1 }, zone),
    end: fromLocalParts({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, zone),
  });
  it("finds a birthday inside the window and reports the local date", () => {
    const r = birthdayPerkEligibility({ month: 5, day: 20 }, monthIn(2026, 5, "Asia/Shanghai"), shanghai);
    expect(r).toEqual({
      eligible: true,
      date: { year: 2026, month: 5, day: 20 },
      startsAt: parseInstant("2026-05-20T00:00:00+08:00"),
    });
    expect(birthdayPerkEligibility({ month: 6, day: 1 }, monthIn(2026, 5, "Asia/Shanghai"), shanghai)).toEqual({
      eligible: false,
    });
  });
  it("moves 29 February to 28 February or 1 March in common years", () => {
    const feb = monthIn(2027, 2, "Asia/Shanghai");
    const mar = monthIn(2027, 3, "Asia/Shanghai");
    expect(birthdayPerkEligibility({ month: 2, day: 29 }, feb, shanghai)).toMatchObject({
      eligible: true,
      date: { year: 2027, month: 2, day: 28 },
    });
    expect(birthdayPerkEligibility({ month: 2, day: 29 }, mar, shanghai).eligible).toBe(false);
    expect(birthdayPerkEligibility({ month: 2, day: 29 }, mar, { ...shanghai, leapDayIn: "mar1" })).toMatchObject({
      eligible: true,
      date: { month: 3, day: 1 },
    });
    // 2028 is a leap year: the real day
    expect(birthdayPerkEligibility({ month: 2, day: 29 }, monthIn(2028, 2, "Asia/Shanghai"), shanghai)).toMatchObject({
      date: { year: 2028, month: 2, day: 29 },
    });
  });
  it("uses the calendar of the zone", () => {
    // 2026-05-01 00:00 in Shanghai is still 30 April in New York
    const w = { start: parseInstant("2026-04-30T16:00:00Z"), end: parseInstant("2026-05-01T04:00:00Z") };
    expect(birthdayPerkEligibility({ month: 5, day: 1 }, w, shanghai).eligible).toBe(true);
    expect(birthdayPerkEligibility({ month: 5, day: 1 }, w, { timeZone: "America/New_York" }).eligible).toBe(false);
    expect(birthdayPerkEligibility({ month: 4, day: 30 }, w, { timeZone: "America/New_York" }).eligible).toBe(true);
  });
  it("handles a window across New Year", () => {
    const w = {
      start: fromLocalParts({ year: 2026, month: 12, day: 28 }, "Asia/Shanghai"),
      end: fromLocalParts({ year: 2027, month: 1, day: 4 }, "Asia/Shanghai"),
    };
    expect(birthdayPerkEligibility({ month: 1, day: 2 }, w, shanghai)).toMatchObject({
      date: { year: 2027, month: 1, day: 2 },
    });
    expect(birthdayPerkEligibility({ month: 12, day: 30 }, w, shanghai)).toMatchObject({
      date: { year: 2026, month: 12, day: 30 },
    });
  });
  it("treats the window as half-open: a window ending at the birthday's local midnight misses it", () => {
    // 20 May 2026 starts at 2026-05-19T16:00Z in Shanghai and lasts until 2026-05-20T16:00Z
    const dayStart = parseInstant("2026-05-20T00:00:00+08:00");
    const dayEnd = parseInstant("2026-05-21T00:00:00+08:00");
    const may20 = { month: 5, day: 20 };
    expect(birthdayPerkEligibility(may20, { start: dayStart - DAY, end: dayStart }, shanghai).eligible).toBe(false);
    expect(birthdayPerkEligibility(may20, { start: dayStart - DAY, end: dayStart + 1 }, shanghai).eligible).toBe(true);
    expect(birthdayPerkEligibility(may20, { start: dayEnd - 1, end: dayEnd + DAY }, shanghai).eligible).toBe(true);
    expect(birthdayPerkEligibility(may20, { start: dayEnd, end: dayEnd + DAY }, shanghai).eligible).toBe(false);
  });
  it("handles a day whose midnight is skipped by DST", () => {
    // America/Santiago springs forward at 00:00 on 2026-09-06: the day starts at 01:00 local (04:00Z)
    const w = { start: parseInstant("2026-09-06T04:30:00Z"), end: parseInstant("2026-09-06T05:00:00Z") };
    const r = birthdayPerkEligibility({ month: 9, day: 6 }, w, { timeZone: "America/Santiago" });
    expect(r).toEqual({
      eligible: true,
      date: { year: 2026, month: 9, day: 6 },
      startsAt: parseInstant("2026-09-06T04:00:00Z"),
    });
  });
  it("rejects impossible birthdays, empty windows and unknown zones", () => {
    expect(() => birthdayPerkEligibility({ month: 2, day: 30 }, monthIn(2026, 2, "UTC"), shanghai)).toThrowOpsError(
      "invalid_argument",
      { message: /birthday\.day must be a day that exists/ },
    );
    expect(() => birthdayPerkEligibility({ month: 2, day: 3 }, { start: 5, end: 5 }, shanghai)).toThrowOpsError(
      "invalid_argument",
      { path: ["window", "end"], message: /window\.end must be after start/ },
    );
    expect(() =>
      birthdayPerkEligibility({ month: 2, day: 3 }, { start: 0, end: 101 * 366 * DAY }, shanghai),
    ).toThrowOpsError("invalid_argument", {
      path: ["window", "end"],
      message: /window\.end must be at most 100 years after start/,
    });
    expect(() =>
      birthdayPerkEligibility({ month: 2, day: 3 }, { start: 0, end: 5 }, { timeZone: "Mars/Base" }),
    ).toThrowOpsError("invalid_time_zone");
  });
});
