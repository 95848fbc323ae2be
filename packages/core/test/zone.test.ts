import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  compileTimeZone,
  createOffsetLookup,
  formatInstant,
  fromLocalParts,
  isOpsError,
  isValidTimeZone,
  localParts,
  parseInstant,
  startOfLocalDay,
  startOfLocalMonth,
  startOfLocalWeek,
  zoneOffset,
} from "@ops/core";

const HOUR = 3_600_000;
const iso = (s: string) => parseInstant(s);
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isOpsError(error) ? error.code : `not an OpsError: ${String(error)}`;
  }
  return undefined;
};

// DST dates below are from the IANA tz database rules in force in 2026:
// US: second Sunday of March 02:00 → 03:00, first Sunday of November 02:00 → 01:00;
// EU: last Sunday of March/October at 01:00 UTC; Australia/Sydney: first Sunday of
// October 02:00 → 03:00, first Sunday of April 03:00 → 02:00.
describe("isValidTimeZone", () => {
  it.each(["UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Calcutta"])(
    "accepts %s",
    (z) => {
      expect(isValidTimeZone(z)).toBe(true);
    },
  );
  it.each(["", "Asia/Shangai", "+08:00", "-05:00", "GMT+8 ", 42, null, undefined])("refuses %s", (z) => {
    expect(isValidTimeZone(z)).toBe(false);
  });
});

describe("zoneOffset", () => {
  it("reads the offsets either side of the London spring-forward", () => {
    expect(zoneOffset(iso("2026-03-29T00:59:59Z"), "Europe/London")).toBe(0);
    expect(zoneOffset(iso("2026-03-29T01:00:00Z"), "Europe/London")).toBe(60);
  });
  it("gives Sydney +11 in January (AEDT) and +10 in July (AEST)", () => {
    expect(zoneOffset(iso("2026-01-15T00:00:00Z"), "Australia/Sydney")).toBe(660);
    expect(zoneOffset(iso("2026-07-15T00:00:00Z"), "Australia/Sydney")).toBe(600);
  });
  it("throws invalid_time_zone naming the field", () => {
    expect(code(() => zoneOffset(0, "Nowhere/Land"))).toBe("invalid_time_zone");
    expect(() => zoneOffset(0, "Nowhere/Land")).toThrow(/^zoneOffset: zone must be an IANA time-zone name/);
  });
});

describe("createOffsetLookup", () => {
  it("agrees with zoneOffset on every minute around four DST changes", () => {
    const cases: [string, string][] = [
      ["America/New_York", "2026-03-08T07:00:00Z"],
      ["America/New_York", "2026-11-01T06:00:00Z"],
      ["Europe/London", "2026-10-25T01:00:00Z"],
      ["Australia/Sydney", "2026-04-04T16:00:00Z"],
    ];
    for (const [zone, at] of cases) {
      const lookup = createOffsetLookup(zone);
      for (let t = iso(at) - 2 * HOUR; t <= iso(at) + 2 * HOUR; t += 60_000) {
        expect(lookup(t)).toBe(zoneOffset(t, zone));
        expect(lookup(t - 1)).toBe(zoneOffset(t - 1, zone));
      }
    }
  });
  it("is 0 everywhere for UTC", () => {
    expect(createOffsetLookup("UTC")(iso("2026-06-01T00:00:00Z"))).toBe(0);
  });
  it("matches zoneOffset for arbitrary instants (property)", () => {
    const lookup = createOffsetLookup("America/New_York");
    fc.assert(
      fc.property(fc.integer({ min: iso("2020-01-01T00:00:00Z"), max: iso("2030-01-01T00:00:00Z") }), (t) => {
        expect(lookup(t)).toBe(zoneOffset(t, "America/New_York"));
      }),
    );
  });
});

describe("localParts", () => {
  it("reads the repeated 01:30 in New York twice on the fall-back night, with different offsets", () => {
    const first = localParts(iso("2026-11-01T05:30:00Z"), "America/New_York");
    const second = localParts(iso("2026-11-01T06:30:00Z"), "America/New_York");
    expect([first.hour, first.minute, first.offsetMinutes]).toEqual([1, 30, -240]);
    expect([second.hour, second.minute, second.offsetMinutes]).toEqual([1, 30, -300]);
  });
  it("gives ISO weekdays (Sunday is 7)", () => {
    expect(localParts(iso("2026-03-08T12:00:00Z"), "UTC").weekday).toBe(7);
  });
  it("refuses a non-integer instant", () => {
    expect(code(() => localParts(1.5, "UTC"))).toBe("invalid_argument");
    expect(code(() => localParts(Number.NaN, "UTC"))).toBe("invalid_argument");
  });
});

describe("fromLocalParts", () => {
  it("resolves the New York fall-back overlap to the earlier instant by default, the later on request", () => {
    const parts = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    expect(formatInstant(fromLocalParts(parts, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    expect(formatInstant(fromLocalParts(parts, "America/New_York", { disambiguation: "later" }))).toBe(
      "2026-11-01T06:30:00.000Z",
    );
    expect(code(() => fromLocalParts(parts, "America/New_York", { disambiguation: "reject" }))).toBe(
      "invalid_argument",
    );
  });
  it("resolves the London spring-forward gap (01:30 does not exist) forward, or earlier on request", () => {
    const parts = { year: 2026, month: 3, day: 29, hour: 1, minute: 30 };
    expect(formatInstant(fromLocalParts(parts, "Europe/London"))).toBe("2026-03-29T01:30:00.000Z"); // 02:30 BST
    expect(formatInstant(fromLocalParts(parts, "Europe/London", { disambiguation: "earlier" }))).toBe(
      "2026-03-29T00:30:00.000Z",
    ); // 00:30 GMT
  });
  it('"boundary": a skipped time is the instant the clocks jump, a repeated one its first occurrence', () => {
    // London, 29 March 2026: 01:00 GMT → 02:00 BST at 01:00Z; 01:30 does not exist
    const gap = { year: 2026, month: 3, day: 29, hour: 1, minute: 30 };
    expect(formatInstant(fromLocalParts(gap, "Europe/London", { disambiguation: "boundary" }))).toBe(
      "2026-03-29T01:00:00.000Z",
    ); // 02:00 BST: the first instant whose reading is 01:30 or later ("compatible" gives 02:30 BST)
    // Lord Howe Island, 4 October 2026: a half-hour gap, 02:00 → 02:30 (+10:30 → +11:00) at 15:30Z on the 3rd
    const half = { year: 2026, month: 10, day: 4, hour: 2, minute: 10 };
    expect(formatInstant(fromLocalParts(half, "Australia/Lord_Howe", { disambiguation: "boundary" }))).toBe(
      "2026-10-03T15:30:00.000Z",
    );
    // New York fall-back overlap: the earlier of the two
    const overlap = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    expect(formatInstant(fromLocalParts(overlap, "America/New_York", { disambiguation: "boundary" }))).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    // a time that exists once is itself
    expect(
      fromLocalParts({ year: 2026, month: 3, day: 9, hour: 9 }, "Asia/Shanghai", { disambiguation: "boundary" }),
    ).toBe(Date.parse("2026-03-09T01:00:00Z"));
    expect(compileTimeZone("Europe/London").fromWallClock(Date.UTC(2026, 2, 29, 1, 30), "boundary")).toBe(
      Date.parse("2026-03-29T01:00:00Z"),
    );
  });
  it("refuses an unknown disambiguation instead of reading it as the default", () => {
    const parts = { year: 2026, month: 3, day: 29, hour: 1, minute: 30 };
    expect(() => fromLocalParts(parts, "Europe/London", { disambiguation: "first" as never })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "disambiguation"] },
    );
    expect(() =>
      compileTimeZone("Europe/London").fromWallClock(Date.UTC(2026, 2, 29, 1, 30), "first" as never),
    ).toThrowOpsError("invalid_argument", { path: ["disambiguation"] });
  });
  it("handles the Sydney fall-back (03:00 → 02:00 on 5 April 2026)", () => {
    const parts = { year: 2026, month: 4, day: 5, hour: 2, minute: 30 };
    expect(formatInstant(fromLocalParts(parts, "Australia/Sydney"))).toBe("2026-04-04T15:30:00.000Z"); // +11
    expect(formatInstant(fromLocalParts(parts, "Australia/Sydney", { disambiguation: "later" }))).toBe(
      "2026-04-04T16:30:00.000Z",
    ); // +10
  });
  it("refuses impossible dates naming the field", () => {
    expect(() => fromLocalParts({ year: 2026, month: 2, day: 29 }, "UTC")).toThrow(
      /fromLocalParts: parts\.day day must exist in that month/,
    );
    expect(code(() => fromLocalParts({ year: 2026, month: 13, day: 1 }, "UTC"))).toBe("invalid_argument");
    expect(code(() => fromLocalParts({ year: 2026, month: 1, day: 1, hour: 24 }, "UTC"))).toBe("invalid_argument");
  });
  it("accepts Feb 29 in a leap year", () => {
    expect(formatInstant(fromLocalParts({ year: 2028, month: 2, day: 29 }, "UTC"))).toBe("2028-02-29T00:00:00.000Z");
  });
  it("round-trips with localParts for every instant (property)", () => {
    for (const zone of ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Shanghai"]) {
      fc.assert(
        fc.property(fc.integer({ min: iso("2024-01-01T00:00:00Z"), max: iso("2027-12-31T00:00:00Z") }), (t) => {
          const p = localParts(t, zone);
          const back = fromLocalParts(p, zone, {
            disambiguation: p.offsetMinutes === zoneOffset(t - 2 * HOUR, zone) ? "earlier" : "later",
          });
          expect(back).toBe(t);
        }),
        { numRuns: 300 },
      );
    }
  });
  it("does not mutate its input", () => {
    const parts = Object.freeze({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 });
    fromLocalParts(parts, "America/New_York");
    expect(parts).toEqual({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 });
  });
});

describe("startOfLocalDay", () => {
  it("makes the New York spring-forward day 23 hours long and the fall-back day 25", () => {
    const spring = startOfLocalDay(iso("2026-03-08T12:00:00Z"), "America/New_York");
    const fall = startOfLocalDay(iso("2026-11-01T12:00:00Z"), "America/New_York");
    expect(addLocalDays(spring, "America/New_York", 1) - spring).toBe(23 * HOUR);
    expect(addLocalDays(fall, "America/New_York", 1) - fall).toBe(25 * HOUR);
  });
  it("starts at the first existing instant when midnight is skipped (America/Santiago, 2026-09-06)", () => {
    // Chile springs forward at 24:00 on the first Saturday of September: 00:00 on Sunday does not exist.
    const start = startOfLocalDay(iso("2026-09-06T15:00:00Z"), "America/Santiago");
    const p = localParts(start, "America/Santiago");
    expect([p.day, p.hour, p.minute]).toEqual([6, 1, 0]);
  });
});

describe("startOfLocalWeek", () => {
  it("honours weekStartsOn and refuses other values", () => {
    const wed = iso("2026-03-11T04:00:00Z");
    expect(localParts(startOfLocalWeek(wed, "Asia/Shanghai"), "Asia/Shanghai").weekday).toBe(1);
    expect(localParts(startOfLocalWeek(wed, "Asia/Shanghai", { weekStartsOn: 6 }), "Asia/Shanghai").weekday).toBe(6);
    // @ts-expect-error 7 is not a WeekStartsOn
    expect(code(() => startOfLocalWeek(wed, "Asia/Shanghai", { weekStartsOn: 7 }))).toBe("invalid_argument");
  });
});

describe("startOfLocalMonth", () => {
  it("starts March 2026 in London at midnight GMT, April at midnight BST", () => {
    expect(formatInstant(startOfLocalMonth(iso("2026-03-31T12:00:00Z"), "Europe/London"))).toBe(
      "2026-03-01T00:00:00.000Z",
    );
    expect(formatInstant(startOfLocalMonth(iso("2026-04-15T12:00:00Z"), "Europe/London"))).toBe(
      "2026-03-31T23:00:00.000Z",
    );
  });
});

describe("addLocalDays", () => {
  it("refuses fractional days", () => {
    expect(code(() => addLocalDays(0, "UTC", 0.5))).toBe("invalid_argument");
  });
  it("goes backwards with negative days across a DST change", () => {
    const t = iso("2026-03-09T13:00:00Z"); // 09:00 EDT Monday
    expect(formatInstant(addLocalDays(t, "America/New_York", -2))).toBe("2026-03-07T14:00:00.000Z"); // 09:00 EST
  });
});

describe("compileTimeZone", () => {
  const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Shanghai", "America/Santiago"];
  it("agrees with the validating functions on every instant (property)", () => {
    for (const zone of zones) {
      const z = compileTimeZone(zone);
      fc.assert(
        fc.property(
          fc.integer({ min: iso("2024-01-01T00:00:00Z"), max: iso("2027-12-31T00:00:00Z") }),
          fc.integer({ min: -40, max: 40 }),
          (t, days) => {
            expect(z.offset(t)).toBe(zoneOffset(t, zone));
            expect(z.localParts(t)).toEqual(localParts(t, zone));
            expect(z.startOfDay(t)).toBe(startOfLocalDay(t, zone));
            expect(z.startOfWeek(t)).toBe(startOfLocalWeek(t, zone));
            expect(z.startOfWeek(t, 0)).toBe(startOfLocalWeek(t, zone, { weekStartsOn: 0 }));
            expect(z.startOfMonth(t)).toBe(startOfLocalMonth(t, zone));
            expect(z.addDays(t, days)).toBe(addLocalDays(t, zone, days));
            const p = localParts(t, zone);
            expect(z.fromLocalParts(p)).toBe(fromLocalParts(p, zone));
          },
        ),
        { numRuns: 200 },
      );
    }
  });
  it("resolves gaps and overlaps like fromLocalParts, and rejects them on request", () => {
    const ny = compileTimeZone("America/New_York");
    expect(formatInstant(ny.fromWallClock(Date.UTC(2026, 10, 1, 1, 30), "later"))).toBe("2026-11-01T06:30:00.000Z");
    expect(code(() => ny.fromWallClock(Date.UTC(2026, 2, 8, 2, 30), "reject"))).toBe("invalid_argument");
    expect(() => ny.fromWallClock(Date.UTC(2026, 2, 8, 2, 30), "reject")).toThrow(
      /^CompiledTimeZone\.fromWallClock: wallClock names a wall-clock time that is skipped/,
    );
  });
  it("validates the zone once, at compile time", () => {
    expect(code(() => compileTimeZone("Mars/Base"))).toBe("invalid_time_zone");
    // @ts-expect-error 9 is not a WeekStartsOn
    expect(code(() => compileTimeZone("UTC").startOfWeek(0, 9))).toBe("invalid_argument");
  });
  it("is frozen", () => {
    expect(Object.isFrozen(compileTimeZone("UTC"))).toBe(true);
  });
});
