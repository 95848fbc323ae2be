// Numbers that must stay finite (issue 20): every numeric output of @ops/community — slot
// statistics, cadence counts, participation and retention rates with their intervals, strike
// points — is a finite number (or a documented null), and every instant it returns is a
// valid instant (±8.64e15 ms), for every input inside the documented ranges.
import { MAX_INSTANT, OpsError } from "@ops/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendeeRetention,
  bestPublishingHours,
  checkCadence,
  escalationAt,
  eventParticipation,
  expandEventSeries,
  issueStrike,
  type CommunityEvent,
} from "./helpers";

const MAX = Number.MAX_VALUE;
const DAY = 86_400_000;

/** The paths of the numbers in `value` (through arrays and objects) that are not finite. */
function nonFinite(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

/** Its result holds finite numbers only; if it throws, an OpsError with a documented code. */
function expectFinite<T>(f: () => T, refusals: readonly string[] = []): T | undefined {
  let result: T;
  try {
    result = f();
  } catch (e) {
    if (!(e instanceof OpsError) || !refusals.includes(e.code)) throw e;
    return undefined;
  }
  expect(nonFinite(result)).toEqual([]);
  return result;
}

const isInstant = (t: number) => Number.isInteger(t) && Math.abs(t) <= MAX_INSTANT;
/** A finite number ≥ 0 of any magnitude, with the edges of the double range mixed in often. */
const amount = fc.oneof(
  fc.constantFrom(0, Number.MIN_VALUE, 1e-300, 1, 2 ** 53 - 1, MAX / 2, MAX),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
);
const instant = fc.oneof(
  fc.constantFrom(-MAX_INSTANT, MAX_INSTANT, 0),
  fc.integer({ min: -MAX_INSTANT, max: MAX_INSTANT }),
);
const openUnit = fc.oneof(
  fc.constantFrom(Number.MIN_VALUE, 0.5, 1 - 2 ** -53),
  fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }),
);
const zones = fc.constantFrom("UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kathmandu");
const runs = { numRuns: 200 };

describe("bestPublishingHours", () => {
  it("keeps the mean engagement finite when the engagements sum past Number.MAX_VALUE", () => {
    // the mean of three equal engagements is that engagement (the plain sum was Infinity)
    const posts = ["a", "b", "c"].map((id, i) => ({
      id,
      form: "article" as const,
      publishedAt: i * DAY,
      engagement: 1e308,
    }));
    const [slot] = bestPublishingHours(posts, { timeZone: "UTC" }).slots;
    expect(slot?.medianEngagement).toBe(1e308);
    expect(slot?.meanEngagement).toBeCloseTo(1e308, -293);
  });
  it("finds the local hour and weekday of posts at the last instants, past the range of Date", () => {
    // 8.64e15 ms is +275760-09-13T00:00:00Z, day 10^8 after a Thursday: a Saturday
    // (new Date(8.64e15).getUTCDay() → 6), and 08:00 in Shanghai (UTC+8, no DST since 1991);
    // new Date(8.64e15 + 8 h) is an Invalid Date, whose getters gave NaN
    const post = { id: "last", form: "article" as const, publishedAt: MAX_INSTANT, engagement: 1 };
    const [slot] = bestPublishingHours([post], { timeZone: "Asia/Shanghai", by: "weekday_hour" }).slots;
    expect([slot?.hour, slot?.weekday]).toEqual([8, 6]);
  });
  it("gives finite slot figures for any engagements and instants (property)", () => {
    const item = fc.record({
      id: fc.uuid(),
      form: fc.constantFrom("article" as const, "image" as const),
      publishedAt: instant,
      engagement: amount,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 8 }),
        zones,
        fc.boolean(),
        (items, timeZone, weekly) => {
          const r = expectFinite(() => bestPublishingHours(items, { timeZone, by: weekly ? "weekday_hour" : "hour" }));
          for (const s of r?.slots ?? []) {
            expect(s.hour >= 0 && s.hour <= 23).toBe(true);
            if (weekly) expect(s.weekday !== null && s.weekday >= 1 && s.weekday <= 7).toBe(true);
            expect(s.meanEngagement).toBeLessThanOrEqual(MAX);
          }
        },
      ),
      runs,
    );
  });
});

describe("expandEventSeries", () => {
  it("refuses a duration that takes an occurrence's end past the last instant", () => {
    const series = {
      id: "s",
      group: "g",
      kind: "talk" as const,
      title: "Weekly",
      timeZone: "UTC",
      weekday: 1,
      time: { hour: 20, minute: 0 },
      durationMs: 2 ** 53 - 1,
      startsOn: { year: 2026, month: 3, day: 2 },
    };
    expect(() => expandEventSeries(series, { start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 3, 1) })).toThrowOpsError(
      "invalid_argument",
      { path: ["series", "durationMs"] },
    );
  });
  it("returns valid instants for any duration it accepts (property)", () => {
    const duration = fc.oneof(fc.constantFrom(1, 2 ** 53 - 1), fc.integer({ min: 1, max: 2 ** 53 - 1 }));
    fc.assert(
      fc.property(duration, fc.integer({ min: 1970, max: 9999 }), zones, (durationMs, year, timeZone) => {
        const series = {
          ...{ id: "s", group: "g", kind: "talk" as const, title: "Weekly", timeZone, weekday: 3 },
          ...{ time: { hour: 23, minute: 59 }, durationMs, startsOn: { year, month: 1, day: 1 } },
        };
        const start = Date.UTC(year, 0, 1);
        const events = expectFinite(
          () => expandEventSeries(series, { start, end: start + 30 * DAY }),
          ["invalid_argument"],
        );
        for (const e of events ?? []) expect(isInstant(e.startsAt) && isInstant(e.endsAt)).toBe(true);
      }),
      runs,
    );
  });
});

describe("every numeric output is finite inside the documented ranges (property)", () => {
  const event = (startsAt: number): CommunityEvent => ({
    ...{ id: "e", group: "g", kind: "talk", title: "Talk", startsAt, endsAt: startsAt + 1 },
  });
  const members: fc.Arbitrary<string[]> = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e"), { maxLength: 5 });

  it("participation and retention", () => {
    fc.assert(
      fc.property(
        members,
        members,
        fc.option(fc.integer({ min: 5, max: 2 ** 53 - 1 })),
        (registered, attended, memberCount) => {
          const e = event(0);
          const regs = registered.map((member) => ({ eventId: "e", member, at: 0 }));
          const att = attended.map((member) => ({ eventId: "e", member }));
          expectFinite(() => eventParticipation(e, regs, att, memberCount === null ? {} : { memberCount }));
        },
      ),
      runs,
    );
    const horizon = fc.oneof(fc.constantFrom(1, 2 ** 53 - 1), fc.integer({ min: 1, max: 2 ** 53 - 1 }));
    fc.assert(
      fc.property(members, members, horizon, openUnit, (stayed, attended, horizonMs, confidence) => {
        const startsAt = 0;
        const memberships = ["a", "b", "c", "d", "e"].map((member) => ({
          ...{ group: "g", member, joinedAt: -DAY },
          leftAt: stayed.includes(member) ? null : DAY,
        }));
        const att = attended.map((member) => ({ eventId: "e", member }));
        // a horizon past the last instant is refused (invalid_argument), like any out-of-range instant
        expectFinite(
          () => attendeeRetention(event(startsAt), att, memberships, { horizonMs, now: MAX_INSTANT, confidence }),
          ["invalid_argument"],
        );
      }),
      runs,
    );
  });

  it("cadence and strikes", () => {
    const plan = { timeZone: "Asia/Shanghai", targets: [{ form: "article" as const, min: 3, max: 5 }] };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 21 * DAY - 1 }), { maxLength: 12 }), (times) => {
        const published = times.map((publishedAt, i) => ({ id: `p${i}`, form: "article" as const, publishedAt }));
        expectFinite(() => checkCadence(plan, published, { start: 0, end: 21 * DAY }));
      }),
      runs,
    );
    const policy = fc.record({
      weight: fc.oneof(
        fc.constantFrom(Number.MIN_VALUE, 1000),
        fc.double({ min: 0, max: 1000, minExcluded: true, noNaN: true }),
      ),
      ttlMs: fc.option(fc.oneof(fc.constantFrom(1, 2 ** 53 - 1), fc.integer({ min: 1, max: 2 ** 53 - 1 }))),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(policy, instant), { maxLength: 8 }), instant, (issued, now) => {
        const log = issued.flatMap(([p, at], i) => {
          const strike = expectFinite(
            () => issueStrike(p, { id: `s${i}`, actor: "a", ruleId: "r", at }),
            ["invalid_argument"],
          );
          if (strike === undefined) return [];
          expect(strike.expiresAt === null || isInstant(strike.expiresAt)).toBe(true);
          return [strike];
        });
        const r = expectFinite(() => escalationAt(log, "a", now));
        expect(r?.points).toBeLessThanOrEqual(1000 * log.length);
      }),
      runs,
    );
  });
});
