import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleFanPerks, type FanProfile, type PerkPlan } from "./helpers";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1); // 2026-11-01 00:00 UTC
// ten fans; the higher the index, the more recent, frequent and engaged (f6–f9 are loyal: RFM ≥ 4 on all three)
const base = (i: number): FanProfile => ({
  id: `f${i}`,
  lastActiveAt: NOW - (10 - i) * DAY,
  interactions: i * 3,
  engagement: i * 10,
});
const fans: FanProfile[] = Array.from({ length: 10 }, (_, i) => base(i));
fans[9] = { ...base(9), timeZone: "America/New_York", birthday: { month: 11, day: 20 } };
fans[8] = { ...base(8), birthday: { month: 11, day: 1 } }; // Shanghai by default; 1 Nov starts at 31 Oct 16:00 UTC
fans[7] = { ...base(7), birthday: { month: 12, day: 25 } }; // outside November
fans[0] = { ...base(0), birthday: { month: 11, day: 5 } }; // not loyal: gets nothing

const plan: PerkPlan = {
  campaign: "nov-2026",
  window: { start: NOW, end: Date.UTC(2026, 11, 1) },
  defaultTimeZone: "Asia/Shanghai",
  coupon: { template: "loyal-coupon-500", sendAt: { hour: 10, minute: 0 } },
  birthday: { template: "birthday-gift", sendAt: { hour: 9, minute: 0 } },
};

describe("scheduleFanPerks", () => {
  it("selects loyal fans with metrics' loyalFans and sends perks at local times in each fan's zone", () => {
    const s = scheduleFanPerks(fans, plan, { now: NOW });
    expect(s.selected).toEqual(["f9", "f8", "f7", "f6"]);
    const byKey = Object.fromEntries(s.grants.map((g) => [g.key, [new Date(g.sendAt).toISOString(), g.localDate]]));
    expect(byKey).toEqual({
      // New York on 2026-11-01 is EST (UTC−5) after the fall-back: 10:00 local = 15:00 UTC
      "coupon:nov-2026:f9": ["2026-11-01T15:00:00.000Z", "2026-11-01"],
      "birthday:f9:2026": ["2026-11-20T14:00:00.000Z", "2026-11-20"],
      "coupon:nov-2026:f8": ["2026-11-01T02:00:00.000Z", "2026-11-01"],
      // f8's birthday (1 Nov in Shanghai) started before the window: 09:00 local is 01:00 UTC, inside
      "birthday:f8:2026": ["2026-11-01T01:00:00.000Z", "2026-11-01"],
      "coupon:nov-2026:f7": ["2026-11-01T02:00:00.000Z", "2026-11-01"],
      "coupon:nov-2026:f6": ["2026-11-01T02:00:00.000Z", "2026-11-01"],
    });
    expect(s.skipped).toEqual([
      { fanId: "f7", kind: "birthday", reason: "birthday_not_in_window" },
      { fanId: "f6", kind: "birthday", reason: "no_birthday" },
    ]);
    expect(s.grants.every((g, i) => i === 0 || (s.grants[i - 1]?.sendAt ?? 0) <= g.sendAt)).toBe(true);
  });

  it("never grants a perk twice when re-run with the keys already issued", () => {
    const first = scheduleFanPerks(fans, plan, { now: NOW });
    const again = scheduleFanPerks(fans, plan, { now: NOW, issued: first.grants.map((g) => g.key) });
    expect(again.grants).toEqual([]);
    expect(again.skipped.filter((k) => k.reason === "already_issued")).toHaveLength(first.grants.length);
    // an overlapping window of another campaign: new coupons, but the same birthday perks are not repeated
    const other = scheduleFanPerks(
      fans,
      { ...plan, campaign: "late-nov", window: { start: Date.UTC(2026, 10, 15), end: Date.UTC(2026, 11, 1) } },
      {
        now: NOW,
        issued: first.grants.map((g) => g.key),
      },
    );
    expect(other.grants.map((g) => g.key)).toEqual([
      "coupon:late-nov:f6",
      "coupon:late-nov:f7",
      "coupon:late-nov:f8",
      "coupon:late-nov:f9",
    ]);
  });

  it("celebrates 29 February on 1 March in a common year when asked", () => {
    const leap = fans.map((f) => (f.id === "f9" ? { ...f, birthday: { month: 2, day: 29 } } : f));
    const march: PerkPlan = {
      ...plan,
      coupon: undefined,
      window: { start: Date.UTC(2027, 2, 1, 5), end: Date.UTC(2027, 3, 1, 4) },
      birthday: { template: "b", sendAt: { hour: 9, minute: 0 }, leapDayIn: "mar1" },
    };
    delete (march as { coupon?: unknown }).coupon;
    const s = scheduleFanPerks(leap, march, { now: NOW });
    expect(s.grants.map((g) => [g.key, g.localDate])).toEqual([["birthday:f9:2027", "2027-03-01"]]);
  });

  it("gives the same schedule whatever the order of the fans (property)", () => {
    const expected = scheduleFanPerks(fans, plan, { now: NOW });
    fc.assert(
      fc.property(fc.shuffledSubarray(fans, { minLength: fans.length, maxLength: fans.length }), (shuffled) => {
        expect(scheduleFanPerks(shuffled, plan, { now: NOW }).grants).toEqual(expected.grants);
      }),
      { numRuns: 30 },
    );
  });

  it("handles no fans", () => {
    expect(scheduleFanPerks([], plan, { now: NOW })).toEqual({ selected: [], grants: [], skipped: [] });
  });

  it("does not mutate its inputs", () => {
    const before = structuredClone({ fans, plan });
    scheduleFanPerks(fans, plan, { now: NOW });
    expect({ fans, plan }).toEqual(before);
  });

  it("refuses a bad fan zone, an impossible birthday, duplicate fans and a plan without perks", () => {
    const withZone = fans.map((f, i) => (i === 3 ? { ...f, timeZone: "Asia/Peking" } : f));
    expect(() => scheduleFanPerks(withZone, plan, { now: NOW })).toThrowOpsError("invalid_time_zone", {
      fn: "scheduleFanPerks",
      path: ["fans", 3, "timeZone"],
    });
    expect(() =>
      scheduleFanPerks([{ ...base(1), birthday: { month: 2, day: 30 } }], plan, { now: NOW }),
    ).toThrowOpsError("invalid_argument", { fn: "scheduleFanPerks", path: ["fans", 0, "birthday", "day"] });
    expect(() => scheduleFanPerks([base(1), base(1)], plan, { now: NOW })).toThrowOpsError("duplicate", {
      message: /unique/,
    });
    const { coupon: _c, birthday: _b, ...bare } = plan;
    expect(() => scheduleFanPerks(fans, bare, { now: NOW })).toThrowOpsError("invalid_argument", {
      fn: "scheduleFanPerks",
      path: ["plan", "coupon"],
      message: /needs a coupon or a birthday perk/,
    });
    // the window is a core Period: half-open, so an empty one is refused
    expect(() => scheduleFanPerks(fans, { ...plan, window: { start: NOW, end: NOW } }, { now: NOW })).toThrowOpsError(
      "invalid_argument",
      {
        fn: "scheduleFanPerks",
        path: ["plan", "window", "end"],
        message: /must be after start/,
      },
    );
  });
});
