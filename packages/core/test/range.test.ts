// Instants at both ends of their range (±8.64e15 ms, ECMA-262 §21.4.1.1) and the calendar
// edges of issue 20: an instant in or out, a result in or out — a value or a typed
// OpsError, never NaN.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  assertTimeZone,
  compileTimeZone,
  daysInMonth,
  formatInstant,
  fromLocalParts,
  fromWallClock,
  isValidTimeZone,
  localParts,
  MAX_INSTANT,
  parseInstant,
  startOfLocalDay,
  startOfLocalMonth,
  startOfLocalWeek,
  TimeZoneSchema,
  type WeekStartsOn,
  zoneOffset,
} from "@ops/core";

const DAY = 86_400_000;
const MAX = MAX_INSTANT;

describe("parseInstant / formatInstant", () => {
  it('reads "0050-06-15T12:00:00Z" as the year 50, not 1950 (Date.UTC maps years 0–99 to 1900–1999) (issue 20)', () => {
    // Date.parse reads ISO text without the two-digit-year rule of Date.UTC
    expect(parseInstant("0050-06-15T12:00:00Z")).toBe(Date.parse("0050-06-15T12:00:00Z"));
    expect(parseInstant("0050-06-15T12:00:00Z")).not.toBe(Date.UTC(50, 5, 15, 12)); // 1950-06-15T12:00:00Z
    expect(formatInstant(parseInstant("0050-06-15T12:00:00Z"))).toBe("0050-06-15T12:00:00.000Z");
    expect(formatInstant(parseInstant("0000-01-01T00:00:00Z"))).toBe("0000-01-01T00:00:00.000Z");
    expect(parseInstant("0000-01-01T00:00:00Z")).toBe(-62_167_219_200_000); // the year-0 epoch offset of ISO 8601
  });

  it("accepts Feb 29 of the year 0 (1 BC, a leap year) and refuses it in the year 100", () => {
    expect(formatInstant(parseInstant("0000-02-29T00:00:00Z"))).toBe("0000-02-29T00:00:00.000Z");
    expect(() => parseInstant("0100-02-29T00:00:00Z")).toThrowOpsError("invalid_argument", { fn: "parseInstant" });
  });

  it("reads the expanded years ±YYYYYY that toISOString prints, up to both ends of the range", () => {
    expect(formatInstant(MAX)).toBe("+275760-09-13T00:00:00.000Z");
    expect(formatInstant(-MAX)).toBe("-271821-04-20T00:00:00.000Z");
    expect(parseInstant("+275760-09-13T00:00:00.000Z")).toBe(MAX);
    expect(parseInstant("-271821-04-20T00:00:00.000Z")).toBe(-MAX);
    expect(parseInstant("+275760-09-13T09:00:00+09:00")).toBe(MAX);
    expect(parseInstant("-000001-01-01T00:00:00Z")).toBe(Date.parse("-000001-01-01T00:00:00Z"));
    expect(parseInstant("+002026-03-08T01:30:00Z")).toBe(parseInstant("2026-03-08T01:30:00Z"));
  });

  it("refuses a well-formed date-time past either end as out_of_range, and -000000 as invalid", () => {
    for (const text of [
      "+275760-09-13T00:00:00.001Z",
      "+275760-09-13T09:00:00.001+09:00",
      "-271821-04-19T23:59:59.999Z",
      "-271821-04-20T00:30:00+01:00",
      "+999999-12-31T23:59:59.999Z",
    ]) {
      // Date.parse agrees these are no instant: NaN
      expect(Date.parse(text)).toBeNaN();
      expect(() => parseInstant(text)).toThrowOpsError("out_of_range", {
        fn: "parseInstant",
        path: [],
        message: "names an instant outside ±8.64e15 epoch milliseconds",
      });
    }
    // ECMA-262 §21.4.1.32: "-000000" is not a valid expanded year
    expect(Date.parse("-000000-01-01T00:00:00Z")).toBeNaN();
    expect(() => parseInstant("-000000-01-01T00:00:00Z")).toThrowOpsError("invalid_argument");
    expect(() => parseInstant("+27576-09-13T00:00:00Z")).toThrowOpsError("invalid_argument"); // five digits
  });

  it("round-trips every instant of the range, and agrees with Date.parse (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -MAX, max: MAX }),
          fc.integer({ min: -62_167_219_200_000, max: -59_011_459_200_001 }), // the years 0000–0099
          fc.integer({ min: -MAX, max: -MAX + 400 * DAY }),
          fc.integer({ min: MAX - 400 * DAY, max: MAX }),
        ),
        (t) => {
          const text = formatInstant(t);
          expect(parseInstant(text)).toBe(t);
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("daysInMonth", () => {
  it.each([
    [2028, 2, 29],
    [2026, 2, 28],
    [1900, 2, 28], // a century not divisible by 400
    [2000, 2, 29],
    [0, 2, 29], // 1 BC, proleptic Gregorian
    [-4, 2, 29],
    [-1, 2, 28],
    [50, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("daysInMonth(%i, %i) is %i", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it("refuses daysInMonth(NaN, 2) and daysInMonth(2026, 13) instead of NaN and 31 (issue 20)", () => {
    expect(() => daysInMonth(Number.NaN, 2)).toThrowOpsError("invalid_argument", {
      fn: "daysInMonth",
      path: ["year"],
      message: "daysInMonth: year must be a safe integer, got NaN",
    });
    expect(() => daysInMonth(2026, 13)).toThrowOpsError("invalid_argument", {
      fn: "daysInMonth",
      path: ["month"],
      message: "month must be an integer from 1 (January) to 12 (December), got 13",
    });
    for (const [year, month] of [
      [2026, 0],
      [2026, 1.5],
      [2026, Number.NaN],
      [1.5, 2],
      [Number.POSITIVE_INFINITY, 2],
    ] as const) {
      expect(() => daysInMonth(year, month)).toThrowOpsError("invalid_argument", { fn: "daysInMonth" });
    }
  });

  it("agrees with Date's setUTCFullYear over every year an instant can have (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -271_820, max: 275_759 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const d = new Date(0);
        d.setUTCFullYear(year, month, 0); // day 0 of the next month: the last day of this one
        expect(daysInMonth(year, month)).toBe(d.getUTCDate());
      }),
    );
  });
});

// Offsets at the ends of the range, in seconds, from the tz database (tzdata "asia",
// "australasia", "northamerica"): the local mean time (LMT) each zone starts with, and the
// rules in force in year 275760 (St John's keeps Canadian DST, -2:30 in September).
const ENDS: Record<string, readonly [lmt: number, last: number]> = {
  UTC: [0, 0],
  "Asia/Shanghai": [8 * 3600 + 5 * 60 + 43, 8 * 3600], // Zone Asia/Shanghai 8:05:43 - LMT 1901
  "Asia/Tokyo": [9 * 3600 + 18 * 60 + 59, 9 * 3600], // Zone Asia/Tokyo 9:18:59 - LMT 1887
  "Pacific/Kiritimati": [-(10 * 3600 + 29 * 60 + 20), 14 * 3600], // Zone Pacific/Kiritimati -10:29:20 - LMT 1901
  "America/St_Johns": [-(3 * 3600 + 30 * 60 + 52), -(2 * 3600 + 30 * 60)], // -3:30:52 LMT 1884; NDT
};
const ZONES = Object.keys(ENDS);
const WINDOW = 45 * DAY;
const nearEnd = fc.oneof(
  fc.integer({ min: -MAX, max: -MAX + WINDOW }),
  fc.integer({ min: MAX - WINDOW, max: MAX }),
  fc.constantFrom(-MAX, -MAX + 1, MAX - 1, MAX),
);
const CYCLE = 146_097 * DAY; // 400 Gregorian years: a whole number of weeks, the calendar repeats
const mod = (a: number, b: number) => ((a % b) + b) % b;

/** The calendar of a local reading (ms, as if UTC) beyond Date's range, read by Date 400 years nearer. */
function dateOf(local: number): { date: Date; years: number } {
  const cycles = local > 0 ? -1 : 1;
  return { date: new Date(local + cycles * CYCLE), years: -cycles * 400 };
}

/** `expected`, if it is an instant; else the call must throw out_of_range. */
function expectInstantOrOutOfRange(call: () => number, expected: number): void {
  if (Math.abs(expected) <= MAX) expect(call()).toBe(expected);
  else expect(call).toThrowOpsError("out_of_range", { message: "outside ±8.64e15 epoch milliseconds" });
}

describe("zone functions at both ends of the range", () => {
  it("give the tz database's offsets at both ends, in every zone (property)", () => {
    for (const zone of ZONES) {
      const compiled = compileTimeZone(zone);
      fc.assert(
        fc.property(nearEnd, (t) => {
          const seconds = (ENDS[zone] as readonly [number, number])[t < 0 ? 0 : 1];
          expect(zoneOffset(t, zone) * 60).toBeCloseTo(seconds, 6);
          expect(zoneOffset(t, compiled)).toBe(zoneOffset(t, zone));
        }),
        { numRuns: 100 },
      );
    }
  });

  it("read every field of localParts, and fromLocalParts inverts it (property)", () => {
    for (const zone of ZONES) {
      const compiled = compileTimeZone(zone);
      fc.assert(
        fc.property(nearEnd, (t) => {
          const offsetMs = Math.round(zoneOffset(t, zone) * 60_000);
          const { date, years } = dateOf(t + offsetMs);
          const p = localParts(t, zone);
          expect(p).toEqual({
            year: date.getUTCFullYear() + years,
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
            hour: date.getUTCHours(),
            minute: date.getUTCMinutes(),
            second: date.getUTCSeconds(),
            millisecond: date.getUTCMilliseconds(),
            weekday: date.getUTCDay() === 0 ? 7 : date.getUTCDay(),
            offsetMinutes: zoneOffset(t, zone),
          });
          expect(localParts(t, compiled)).toEqual(p);
          expect(fromLocalParts(p, zone)).toBe(t);
          expect(fromLocalParts(p, compiled)).toBe(t);
          expect(fromWallClock(t + offsetMs, compiled)).toBe(t);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("start a local day, week or month at the instant the calendar says, or throw out_of_range (property)", () => {
    for (const zone of ZONES) {
      const compiled = compileTimeZone(zone);
      fc.assert(
        fc.property(nearEnd, fc.integer({ min: 0, max: 6 }), (t, weekStartsOn) => {
          const offsetMs = Math.round(zoneOffset(t, zone) * 60_000); // constant near either end
          const local = t + offsetMs;
          const { date } = dateOf(local);
          const midnight = local - mod(local, DAY) - offsetMs;
          const back = mod(date.getUTCDay() - weekStartsOn, 7);
          const wso = weekStartsOn as WeekStartsOn;
          expectInstantOrOutOfRange(() => startOfLocalDay(t, zone), midnight);
          expectInstantOrOutOfRange(() => startOfLocalDay(t, compiled), midnight);
          expectInstantOrOutOfRange(() => startOfLocalWeek(t, zone, { weekStartsOn: wso }), midnight - back * DAY);
          expectInstantOrOutOfRange(() => startOfLocalWeek(t, compiled, { weekStartsOn: wso }), midnight - back * DAY);
          const firstOfMonth = midnight - (date.getUTCDate() - 1) * DAY;
          expectInstantOrOutOfRange(() => startOfLocalMonth(t, zone), firstOfMonth);
          expectInstantOrOutOfRange(() => startOfLocalMonth(t, compiled), firstOfMonth);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("add local days up to the end of the range, and throw out_of_range past it (property)", () => {
    for (const zone of ZONES) {
      const compiled = compileTimeZone(zone);
      fc.assert(
        fc.property(nearEnd, fc.integer({ min: -60, max: 60 }), (t, days) => {
          // the offset is constant for 100 days from either end (LMT; Tokyo, Shanghai, Kiritimati
          // have no DST; St John's is on daylight time from March to November), so a day is 24 h
          expectInstantOrOutOfRange(() => addLocalDays(t, zone, days), t + days * DAY);
          expectInstantOrOutOfRange(() => addLocalDays(t, compiled, days), t + days * DAY);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("give the regression inputs of issue 20 a value or out_of_range, never NaN", () => {
    expect(() => startOfLocalDay(-8.64e15, "Asia/Shanghai")).toThrowOpsError("out_of_range", {
      fn: "startOfLocalDay",
      path: ["instant"],
      message:
        "startOfLocalDay: instant lies in a local day that starts outside ±8.64e15 epoch milliseconds (-271821-04-20T00:00:00.000Z to +275760-09-13T00:00:00.000Z), got -8640000000000000",
    });
    // -8.64e15 is Tuesday 20 April -271821 in UTC: its week began on Monday 19 April, its month on 1 April
    expect(() => startOfLocalWeek(-8.64e15, "UTC")).toThrowOpsError("out_of_range", { fn: "startOfLocalWeek" });
    expect(() => startOfLocalMonth(-8.64e15, "UTC")).toThrowOpsError("out_of_range", { fn: "startOfLocalMonth" });
    expect(formatInstant(startOfLocalWeek(-8.64e15 + 6 * DAY, "UTC"))).toBe("-271821-04-26T00:00:00.000Z");
    expect(formatInstant(startOfLocalMonth(-8.64e15 + 11 * DAY, "UTC"))).toBe("-271821-05-01T00:00:00.000Z");
    // 8.64e15 is 09:00 on 13 September 275760 in Tokyo; that month began on 1 September, 00:00 JST
    expect(formatInstant(startOfLocalMonth(8.64e15, "Asia/Tokyo"))).toBe("+275760-08-31T15:00:00.000Z");
    expect(localParts(8.64e15, "Asia/Tokyo")).toEqual({
      year: 275_760,
      month: 9,
      day: 13,
      hour: 9,
      minute: 0,
      second: 0,
      millisecond: 0,
      weekday: 6, // a Saturday, as 13 September 2160 (275760 − 2160 is a multiple of 400: the calendar repeats)
      offsetMinutes: 540,
    });
    expect(() => addLocalDays(0, "UTC", 1e8 + 1)).toThrowOpsError("out_of_range", {
      fn: "addLocalDays",
      path: ["days"],
      message: "got 100000001",
    });
    expect(addLocalDays(0, "UTC", 1e8)).toBe(MAX);
    expect(() => addLocalDays(0, "UTC", 1e300)).toThrowOpsError("out_of_range");
    expect(() => addLocalDays(0, "UTC", -1e308)).toThrowOpsError("out_of_range");
  });

  it("refuses instants that are not instants as invalid_argument, beside results out of range", () => {
    for (const bad of [MAX + 1, -MAX - 1, Number.NaN, Number.POSITIVE_INFINITY, 0.5]) {
      expect(() => zoneOffset(bad, "Asia/Tokyo")).toThrowOpsError("invalid_argument", { path: ["instant"] });
      // a compiled zone spares the zone's check, not the instant's: the same error, from the same function
      expect(() => zoneOffset(bad, compileTimeZone("Asia/Tokyo"))).toThrowOpsError("invalid_argument", {
        fn: "zoneOffset",
        path: ["instant"],
      });
      expect(() => startOfLocalDay(bad, compileTimeZone("Asia/Tokyo"))).toThrowOpsError("invalid_argument", {
        fn: "startOfLocalDay",
        path: ["instant"],
      });
      expect(() => localParts(bad, "Asia/Tokyo")).toThrowOpsError("invalid_argument", { path: ["instant"] });
    }
  });

  it("resolves local parts up to the last instant and refuses the hour after it as out_of_range", () => {
    expect(fromLocalParts({ year: 275_760, month: 9, day: 13, hour: 9 }, "Asia/Tokyo")).toBe(MAX);
    expect(() => fromLocalParts({ year: 275_760, month: 9, day: 13, hour: 10 }, "Asia/Tokyo")).toThrowOpsError(
      "out_of_range",
      { fn: "fromLocalParts", path: ["parts"] },
    );
    const tokyo = compileTimeZone("Asia/Tokyo");
    expect(fromLocalParts({ year: 275_760, month: 9, day: 13, hour: 9 }, tokyo)).toBe(MAX);
    expect(() => fromLocalParts({ year: 275_760, month: 9, day: 13, hour: 10 }, tokyo)).toThrowOpsError(
      "out_of_range",
      {
        fn: "fromLocalParts",
        path: ["parts"],
      },
    );
    // a wall-clock reading may lie past the range; the instant may not
    expect(fromWallClock(MAX + 9 * 3_600_000, tokyo)).toBe(MAX);
    expect(() => fromWallClock(MAX + 10 * 3_600_000, tokyo)).toThrowOpsError("out_of_range", {
      fn: "fromWallClock",
      path: ["wallClock"],
    });
    expect(() => fromWallClock(1e300, "UTC")).toThrowOpsError("out_of_range", { path: ["wallClock"] });
    expect(() => fromLocalParts({ year: 275_761, month: 1, day: 1 }, "UTC")).toThrowOpsError("invalid_argument", {
      path: ["parts", "year"],
    });
  });
});

describe("time-zone names", () => {
  // Each of these is accepted by the runtime's Intl (checked below), with one meaning that is
  // often not the writer's: ICU reads CST as America/Chicago, IST as Asia/Calcutta, BST as
  // Asia/Dhaka, EST as America/Panama.
  const legacy = [
    "CST",
    "IST",
    "BST",
    "EST",
    "MST",
    "HST",
    "PST",
    "JST",
    "CTT",
    "EST5EDT",
    "CST6CDT",
    "MST7MDT",
    "PST8PDT",
    "PRC",
    "ROC",
    "Japan",
    "US/Eastern",
    "Canada/Newfoundland",
    "GMT",
    "UCT",
    "Zulu",
    "SystemV/AST4",
    "asia/shanghai",
    "Asia/SHANGHAI",
  ];

  it.each(legacy)("refuses %s although the runtime accepts it", (name) => {
    expect(() => new Intl.DateTimeFormat("en-US", { timeZone: name })).not.toThrow();
    expect(isValidTimeZone(name)).toBe(false);
    expect(TimeZoneSchema.safeParse(name).success).toBe(false);
  });

  it('refuses "CST" naming China Standard Time and US Central as what it might mean (issue 20)', () => {
    // before: zoneOffset(0, "CST") was -360 (America/Chicago)
    expect(() => zoneOffset(0, "CST")).toThrowOpsError("invalid_time_zone", {
      fn: "zoneOffset",
      path: ["zone"],
      message: /CST might mean Asia\/Shanghai, America\/Chicago, Asia\/Taipei or America\/Havana\), got "CST"$/,
    });
    expect(() => assertTimeZone("IST", "f", ["zone"])).toThrowOpsError("invalid_time_zone", {
      message: "IST might mean Asia/Kolkata, Europe/Dublin or Asia/Jerusalem",
    });
    expect(() => assertTimeZone("BST", "f")).toThrowOpsError("invalid_time_zone", {
      message: "BST might mean Europe/London or Asia/Dhaka",
    });
    expect(TimeZoneSchema.safeParse("CST").error?.issues[0]?.message).toMatch(/CST might mean Asia\/Shanghai/);
  });

  it("names the zone a legacy or miscased name links to", () => {
    expect(() => assertTimeZone("CST6CDT", "f")).toThrowOpsError("invalid_time_zone", {
      message: "CST6CDT might mean America/Chicago",
    });
    expect(() => assertTimeZone("US/Eastern", "f")).toThrowOpsError("invalid_time_zone", {
      message: "US/Eastern might mean America/New_York",
    });
    expect(() => assertTimeZone("asia/shanghai", "f")).toThrowOpsError("invalid_time_zone", {
      message: "asia/shanghai might mean Asia/Shanghai",
    });
    expect(() => assertTimeZone("Mars/Olympus_Mons", "f")).toThrowOpsError("invalid_time_zone", {
      message: /UTC or Etc\/…, got "Mars\/Olympus_Mons"$/,
    });
  });

  it("accepts every zone the runtime lists, UTC, Etc/… and Area/Location links", () => {
    const listed = Intl.supportedValuesOf("timeZone");
    expect(listed.length).toBeGreaterThan(300);
    expect(listed.filter((z) => !isValidTimeZone(z))).toEqual([]);
    for (const z of ["UTC", "Etc/UTC", "Etc/GMT-8", "Asia/Calcutta", "Asia/Kolkata", "America/Argentina/Salta"])
      expect(isValidTimeZone(z)).toBe(true);
    expect(isValidTimeZone("Etc/Nowhere")).toBe(false);
  });
});
