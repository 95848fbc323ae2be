import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  brandCompiled,
  compileTimeZone,
  formatInstant,
  formatLocalDateTime,
  fromLocalParts,
  fromWallClock,
  isCompiled,
  isOpsError,
  isValidTimeZone,
  localParts,
  parseInstant,
  parseLocalDateTime,
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

describe("zoneOffset with a compiled zone (the hourly cache)", () => {
  it("agrees with the zone's name on every minute around four DST changes", () => {
    const cases: [string, string][] = [
      ["America/New_York", "2026-03-08T07:00:00Z"],
      ["America/New_York", "2026-11-01T06:00:00Z"],
      ["Europe/London", "2026-10-25T01:00:00Z"],
      ["Australia/Sydney", "2026-04-04T16:00:00Z"],
    ];
    for (const [zone, at] of cases) {
      const compiled = compileTimeZone(zone);
      for (let t = iso(at) - 2 * HOUR; t <= iso(at) + 2 * HOUR; t += 60_000) {
        expect(zoneOffset(t, compiled)).toBe(zoneOffset(t, zone));
        expect(zoneOffset(t - 1, compiled)).toBe(zoneOffset(t - 1, zone));
      }
    }
  });
  it("is 0 everywhere for UTC", () => {
    expect(zoneOffset(iso("2026-06-01T00:00:00Z"), compileTimeZone("UTC"))).toBe(0);
    expect(zoneOffset(iso("2026-06-01T00:00:00Z"), compileTimeZone("Etc/UTC"))).toBe(0);
  });
  it("matches zoneOffset for arbitrary instants (property)", () => {
    const ny = compileTimeZone("America/New_York");
    fc.assert(
      fc.property(fc.integer({ min: iso("2020-01-01T00:00:00Z"), max: iso("2030-01-01T00:00:00Z") }), (t) => {
        expect(zoneOffset(t, ny)).toBe(zoneOffset(t, "America/New_York"));
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
    expect(
      fromWallClock(Date.UTC(2026, 2, 29, 1, 30), compileTimeZone("Europe/London"), { disambiguation: "boundary" }),
    ).toBe(Date.parse("2026-03-29T01:00:00Z"));
  });
  it("refuses an unknown disambiguation instead of reading it as the default", () => {
    const parts = { year: 2026, month: 3, day: 29, hour: 1, minute: 30 };
    expect(() => fromLocalParts(parts, "Europe/London", { disambiguation: "first" as never })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "disambiguation"] },
    );
    expect(() =>
      fromWallClock(Date.UTC(2026, 2, 29, 1, 30), compileTimeZone("Europe/London"), {
        disambiguation: "first" as never,
      }),
    ).toThrowOpsError("invalid_argument", { fn: "fromWallClock", path: ["options", "disambiguation"] });
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

describe("the zone functions given a compiled zone", () => {
  const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Shanghai", "America/Santiago"];
  it("agree with the same functions given the zone's name, on every instant (property)", () => {
    for (const zone of zones) {
      const z = compileTimeZone(zone);
      fc.assert(
        fc.property(
          fc.integer({ min: iso("2024-01-01T00:00:00Z"), max: iso("2027-12-31T00:00:00Z") }),
          fc.integer({ min: -40, max: 40 }),
          (t, days) => {
            expect(zoneOffset(t, z)).toBe(zoneOffset(t, zone));
            expect(localParts(t, z)).toEqual(localParts(t, zone));
            expect(startOfLocalDay(t, z)).toBe(startOfLocalDay(t, zone));
            expect(startOfLocalWeek(t, z)).toBe(startOfLocalWeek(t, zone));
            expect(startOfLocalWeek(t, z, { weekStartsOn: 0 })).toBe(startOfLocalWeek(t, zone, { weekStartsOn: 0 }));
            expect(startOfLocalMonth(t, z)).toBe(startOfLocalMonth(t, zone));
            expect(addLocalDays(t, z, days)).toBe(addLocalDays(t, zone, days));
            const p = localParts(t, zone);
            expect(fromLocalParts(p, z)).toBe(fromLocalParts(p, zone));
            expect(fromLocalParts(p, z, { disambiguation: "later" })).toBe(
              fromLocalParts(p, zone, { disambiguation: "later" }),
            );
            const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
            expect(fromWallClock(wall, z, { disambiguation: "boundary" })).toBe(
              fromLocalParts(p, zone, { disambiguation: "boundary" }),
            );
            const text = formatLocalDateTime(t, zone, { precision: "millisecond" });
            expect(formatLocalDateTime(t, z, { precision: "millisecond", offset: true })).toBe(
              formatLocalDateTime(t, zone, { precision: "millisecond", offset: true }),
            );
            expect(parseLocalDateTime(text, z)).toBe(parseLocalDateTime(text, zone));
          },
        ),
        { numRuns: 200 },
      );
    }
  });
  it("resolve gaps and overlaps as with the name, and reject them on request", () => {
    const ny = compileTimeZone("America/New_York");
    const overlap = Date.UTC(2026, 10, 1, 1, 30);
    const gap = Date.UTC(2026, 2, 8, 2, 30);
    expect(formatInstant(fromWallClock(overlap, ny, { disambiguation: "later" }))).toBe("2026-11-01T06:30:00.000Z");
    expect(formatInstant(fromWallClock(overlap, ny))).toBe("2026-11-01T05:30:00.000Z");
    expect(formatInstant(fromWallClock(gap, ny))).toBe("2026-03-08T07:30:00.000Z");
    expect(formatInstant(fromWallClock(gap, ny, { disambiguation: "earlier" }))).toBe("2026-03-08T06:30:00.000Z");
    expect(code(() => fromWallClock(gap, ny, { disambiguation: "reject" }))).toBe("invalid_argument");
    expect(() => fromWallClock(gap, ny, { disambiguation: "reject" })).toThrow(
      /^fromWallClock: wallClock names a wall-clock time that is skipped/,
    );
    expect(() => fromWallClock(gap, "America/New_York", { disambiguation: "reject" })).toThrow(
      /^fromWallClock: wallClock names a wall-clock time that is skipped/,
    );
  });
  it("check every argument but the zone as with a name", () => {
    const z = compileTimeZone("UTC");
    // @ts-expect-error 9 is not a WeekStartsOn
    expect(() => startOfLocalWeek(0, z, { weekStartsOn: 9 })).toThrowOpsError("invalid_argument", {
      path: ["options", "weekStartsOn"],
    });
    expect(() => addLocalDays(0, z, 0.5)).toThrowOpsError("invalid_argument", { path: ["days"] });
    expect(() => localParts(0.5, z)).toThrowOpsError("invalid_argument", { fn: "localParts", path: ["instant"] });
    expect(() => zoneOffset(Number.NaN, z)).toThrowOpsError("invalid_argument", { path: ["instant"] });
    expect(() => fromWallClock(0.5, z)).toThrowOpsError("invalid_argument", { path: ["wallClock"] });
    expect(() => fromWallClock(Number.NaN, z)).toThrowOpsError("invalid_argument", { path: ["wallClock"] });
    expect(() => fromLocalParts({ year: 2026, month: 2, day: 30 }, z)).toThrowOpsError("invalid_argument", {
      path: ["parts", "day"],
    });
    expect(() => fromLocalParts({ year: 2026, month: 2, day: 1, hour: 24 }, z)).toThrowOpsError("invalid_argument", {
      path: ["parts", "hour"],
    });
    expect(() => formatLocalDateTime(0, z, { precision: "hour" as never })).toThrowOpsError("invalid_argument", {
      path: ["options", "precision"],
    });
    expect(() => parseLocalDateTime("2026-02-30", z)).toThrowOpsError("invalid_argument", { path: ["text"] });
  });
});

describe("compileTimeZone", () => {
  it("validates the zone once, at compile time", () => {
    expect(code(() => compileTimeZone("Mars/Base"))).toBe("invalid_time_zone");
    expect(() => compileTimeZone("CST")).toThrowOpsError("invalid_time_zone", {
      fn: "compileTimeZone",
      path: ["zone"],
    });
  });
  it("is an opaque, frozen handle: its one readable field is the name", () => {
    const z = compileTimeZone("Asia/Shanghai");
    expect(Object.isFrozen(z)).toBe(true);
    expect(Object.keys(z)).toEqual(["zone"]);
    expect(z.zone).toBe("Asia/Shanghai");
    expect(JSON.stringify(z)).toBe('{"zone":"Asia/Shanghai"}');
    expect(isCompiled(z, "core.timeZone")).toBe(true);
  });
  it("keeps its cache to itself: two handles of one zone agree, and neither changes the other", () => {
    const a = compileTimeZone("Europe/London");
    const b = compileTimeZone("Europe/London");
    const t = iso("2026-03-29T01:00:00Z");
    expect([zoneOffset(t - 1, a), zoneOffset(t, a)]).toEqual([0, 60]);
    expect([zoneOffset(t, b), zoneOffset(t - 1, b)]).toEqual([60, 0]);
  });
  it("is refused when it is a copy or a look-alike, with the zone's code and path", () => {
    const z = compileTimeZone("Asia/Shanghai");
    for (const fake of [{ ...z }, JSON.parse(JSON.stringify(z)), { zone: "Asia/Shanghai" }, [], new Date(0)]) {
      expect(() => localParts(0, fake)).toThrowOpsError("invalid_time_zone", { fn: "localParts", path: ["zone"] });
    }
    // a proxy that throws when asked for a compiled zone's keys (the error message may still describe it)
    const throwing = new Proxy(
      {},
      {
        get(target, key) {
          if (typeof key === "symbol" && key !== Symbol.toStringTag) throw new Error("trap");
          return Reflect.get(target, key);
        },
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(() => zoneOffset(0, throwing as never)).toThrowOpsError("invalid_time_zone", { path: ["zone"] });
  });
  it("is this copy's own: a branded look-alike (as another copy of @ops/core would make) is refused", () => {
    // the brand says "compiled"; the cache is a private field that only this copy's compileTimeZone sets
    const foreign = Object.freeze(brandCompiled({ zone: "America/New_York" }, "core.timeZone"));
    expect(isCompiled(foreign, "core.timeZone")).toBe(true);
    expect(() => zoneOffset(0, foreign as never)).toThrowOpsError("invalid_time_zone", { path: ["zone"] });
  });
});
