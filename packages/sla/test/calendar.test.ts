import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatInstant, isOpsError, type OpsError, parseInstant, parseOrThrow } from "@ops/core";
import {
  addBusinessTime,
  alwaysOpen,
  businessTimeBetween,
  compileCalendar,
  isOpen,
  nextOpen,
  openIntervals,
  type BusinessCalendar,
  type CalendarSpec,
  type CompileCalendarOptions,
  type HoursRange,
} from "@ops/sla";
import { CompileCalendarOptionsSchema } from "@ops/sla/schemas";

const H = 3_600_000;
const MIN = 60_000;
const t = (iso: string) => parseInstant(iso);
const iso = (ms: number) => formatInstant(ms);
const every = (hours: HoursRange[]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
  sat: hours,
  sun: hours,
});
const weekdays = (hours: HoursRange[]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });
const lunch: HoursRange[] = [
  { open: "09:00", close: "12:00" },
  { open: "13:00", close: "18:00" },
];

function compile(spec: CalendarSpec, from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z"): BusinessCalendar {
  return compileCalendar(spec, { from, to });
}

/** Open time of the local day [a, b) given as ISO instants. */
function openBetween(c: BusinessCalendar, a: string, b: string): number {
  return businessTimeBetween(c, t(a), t(b)) / H;
}

describe("compileCalendar", () => {
  describe("DST nights (tzdb transition times)", () => {
    // America/New_York 2026: EST→EDT Sun 03-08 02:00 (07:00Z); EDT→EST Sun 11-01 02:00 (06:00Z)
    const ny = compile({
      timeZone: "America/New_York",
      weekly: every([
        { open: "00:00", close: "06:00" },
        { open: "09:00", close: "18:00" },
      ]),
    });
    it("keeps a 09:00–18:00 shift at 9 real hours on the New York spring-forward day", () => {
      expect(openBetween(ny, "2026-03-08T12:00:00Z", "2026-03-08T23:00:00Z")).toBe(9);
      expect(isOpen(ny, t("2026-03-08T13:00:00Z"))).toBe(true); // 09:00 EDT
      expect(isOpen(ny, t("2026-03-08T12:59:59.999Z"))).toBe(false);
    });
    it("counts 5 real hours for 00:00–06:00 across the skipped hour in New York", () => {
      expect(openBetween(ny, "2026-03-08T05:00:00Z", "2026-03-08T11:00:00Z")).toBe(5);
    });
    it("counts 7 real hours for 00:00–06:00 across the repeated hour in New York", () => {
      expect(openBetween(ny, "2026-11-01T04:00:00Z", "2026-11-01T11:00:00Z")).toBe(7);
      expect(openBetween(ny, "2026-11-01T12:00:00Z", "2026-11-02T00:00:00Z")).toBe(9);
    });
    // Europe/London 2026: GMT→BST Sun 03-29 01:00Z; BST→GMT Sun 10-25 01:00Z
    const london = compile({
      timeZone: "Europe/London",
      weekly: every([
        { open: "00:00", close: "04:00" },
        { open: "09:00", close: "17:30" },
      ]),
    });
    it("counts the London spring-forward and fall-back nights in real hours", () => {
      expect(openBetween(london, "2026-03-29T00:00:00Z", "2026-03-29T06:00:00Z")).toBe(3);
      expect(openBetween(london, "2026-10-24T23:00:00Z", "2026-10-25T06:00:00Z")).toBe(5);
      // 09:00 BST on spring-forward day is 08:00Z
      expect(isOpen(london, t("2026-03-29T08:00:00Z"))).toBe(true);
      expect(openBetween(london, "2026-03-29T06:00:00Z", "2026-03-29T23:00:00Z")).toBe(8.5);
    });
    // Australia/Sydney 2026: AEDT→AEST Sun 04-05 03:00 (16:00Z 04-04); AEST→AEDT Sun 10-04 02:00 (16:00Z 10-03)
    const sydney = compile({ timeZone: "Australia/Sydney", weekly: every([{ open: "00:00", close: "06:00" }]) });
    it("counts the Sydney fall-back (April) and spring-forward (October) nights in real hours", () => {
      expect(openBetween(sydney, "2026-04-04T12:00:00Z", "2026-04-05T12:00:00Z")).toBe(7);
      expect(openBetween(sydney, "2026-10-03T12:00:00Z", "2026-10-04T12:00:00Z")).toBe(5);
    });
    it("runs an overnight shift across a DST change for the real elapsed time", () => {
      const night = compile({
        timeZone: "America/New_York",
        weekly: { sat: [{ open: "22:00", close: "06:00", overnight: true }] },
      });
      // Sat 2026-03-07 22:00 EST (03:00Z) → Sun 06:00 EDT (10:00Z): 7 h
      expect(openBetween(night, "2026-03-07T00:00:00Z", "2026-03-09T00:00:00Z")).toBe(7);
      // Sat 2026-10-31 22:00 EDT (02:00Z) → Sun 06:00 EST (11:00Z): 9 h
      expect(openBetween(night, "2026-10-31T00:00:00Z", "2026-11-02T00:00:00Z")).toBe(9);
      expect(iso(addBusinessTime(night, t("2026-03-07T12:00:00Z"), 6 * H))).toBe("2026-03-08T09:00:00.000Z");
    });
    it("opens at the moment of the jump when the opening time is skipped", () => {
      const c = compile({ timeZone: "America/New_York", weekly: { sun: [{ open: "02:30", close: "10:00" }] } });
      expect(iso(nextOpen(c, t("2026-03-08T00:00:00Z")))).toBe("2026-03-08T07:00:00.000Z");
      expect(openBetween(c, "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z")).toBe(7);
    });
    it("closes at the first occurrence of a repeated closing time", () => {
      const c = compile({ timeZone: "America/New_York", weekly: { sun: [{ open: "00:00", close: "01:30" }] } });
      // 00:00 EDT = 04:00Z; the first 01:30 is EDT = 05:30Z
      expect(openIntervals(c, t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"))).toEqual([
        { start: t("2026-11-01T04:00:00Z"), end: t("2026-11-01T05:30:00Z") },
      ]);
    });
    it("drops an interval that lies wholly inside a skipped hour", () => {
      const c = compile({ timeZone: "America/New_York", weekly: { sun: [{ open: "02:10", close: "02:50" }] } });
      expect(openBetween(c, "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z")).toBe(0);
      expect(openBetween(c, "2026-03-15T00:00:00Z", "2026-03-16T00:00:00Z")).toBeCloseTo(40 / 60, 12);
    });
  });

  it("closes a holiday that falls on an open weekend day and leaves other weekends alone", () => {
    const c = compile({
      timeZone: "Asia/Shanghai",
      weekly: { ...weekdays(lunch), sat: [{ open: "10:00", close: "16:00" }] },
      holidays: [{ date: "2026-10-03", name: "国庆节" }], // a Saturday
    });
    expect(openBetween(c, "2026-10-02T16:00:00Z", "2026-10-03T16:00:00Z")).toBe(0);
    expect(openBetween(c, "2026-10-09T16:00:00Z", "2026-10-10T16:00:00Z")).toBe(6);
    // the weekday after is untouched (no substitute day is invented)
    expect(openBetween(c, "2026-10-04T16:00:00Z", "2026-10-05T16:00:00Z")).toBe(8);
  });

  it("treats a holiday on an already-closed weekend as a no-op", () => {
    const spec = { timeZone: "Asia/Shanghai", weekly: weekdays(lunch) };
    const a = compile(spec);
    const b = compile({ ...spec, holidays: [{ date: "2026-10-04", name: "Sunday holiday" }] });
    expect(b.openTime).toBe(a.openTime);
  });

  it("opens a make-up workday with the hours of the named weekday", () => {
    const c = compile({
      timeZone: "Asia/Shanghai",
      weekly: { ...weekdays(lunch), fri: [{ open: "09:00", close: "15:00" }] },
      workdays: [
        { date: "2026-02-14", name: "春节调休" },
        { date: "2026-02-28", hoursOf: "fri" },
      ],
    });
    expect(openBetween(c, "2026-02-13T16:00:00Z", "2026-02-14T16:00:00Z")).toBe(8);
    expect(openBetween(c, "2026-02-27T16:00:00Z", "2026-02-28T16:00:00Z")).toBe(6);
  });

  it("uses the override's hours on its date, over both the weekly hours and a holiday", () => {
    const c = compile({
      timeZone: "Europe/London",
      weekly: weekdays([{ open: "09:00", close: "17:00" }]),
      holidays: [{ date: "2026-12-25" }],
      overrides: [
        { date: "2026-12-24", hours: [{ open: "09:00", close: "12:00" }], name: "Christmas Eve" },
        { date: "2026-12-25", hours: [{ open: "10:00", close: "11:00" }] },
        { date: "2026-12-28", hours: [] },
      ],
    });
    expect(openBetween(c, "2026-12-24T00:00:00Z", "2026-12-25T00:00:00Z")).toBe(3);
    expect(openBetween(c, "2026-12-25T00:00:00Z", "2026-12-26T00:00:00Z")).toBe(1);
    expect(openBetween(c, "2026-12-28T00:00:00Z", "2026-12-29T00:00:00Z")).toBe(0);
    expect(openBetween(c, "2026-12-29T00:00:00Z", "2026-12-30T00:00:00Z")).toBe(8);
  });

  it("keeps an overnight shift whose next morning is a holiday (it belongs to the day it opens)", () => {
    const c = compile({
      timeZone: "Asia/Shanghai",
      weekly: { thu: [{ open: "22:00", close: "06:00", overnight: true }] },
      holidays: [{ date: "2026-01-02" }],
    });
    expect(openBetween(c, "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z")).toBe(8);
  });

  it("merges touching intervals, so that a 24×7 calendar is one interval with elapsed time as business time", () => {
    const c = compile(alwaysOpen("America/New_York"));
    expect(c.intervalCount).toBe(1);
    const a = t("2026-03-07T12:00:00Z");
    const b = t("2026-11-02T12:00:00Z");
    expect(businessTimeBetween(c, a, b)).toBe(b - a);
    expect(addBusinessTime(c, a, 30 * H)).toBe(a + 30 * H);
    const chained = compile({
      timeZone: "UTC",
      weekly: { mon: [{ open: "22:00", close: "24:00" }], tue: [{ open: "00:00", close: "06:00" }] },
    });
    expect(openIntervals(chained, t("2026-03-02T00:00:00Z"), t("2026-03-04T00:00:00Z"))).toEqual([
      { start: t("2026-03-02T22:00:00Z"), end: t("2026-03-03T06:00:00Z") },
    ]);
  });

  it("compiles an empty week to a calendar with no open time", () => {
    const c = compile({ timeZone: "UTC", weekly: {} });
    expect(c.intervalCount).toBe(0);
    expect(c.openTime).toBe(0);
    expect(businessTimeBetween(c, t("2026-02-01T00:00:00Z"), t("2026-03-01T00:00:00Z"))).toBe(0);
    expect(isOpen(c, t("2026-02-01T00:00:00Z"))).toBe(false);
    expect(() => nextOpen(c, t("2026-02-01T00:00:00Z"))).toThrowOpsError("out_of_horizon");
  });

  it("clips the intervals to the horizon", () => {
    const c = compileCalendar(
      { timeZone: "UTC", weekly: every([{ open: "09:00", close: "17:00" }]) },
      { from: "2026-03-02T12:00:00Z", to: "2026-03-03T10:00:00Z" },
    );
    expect(c.openTime).toBe(6 * H);
    expect(c.from).toBe(t("2026-03-02T12:00:00Z"));
  });

  it("does not mutate the spec and returns a frozen calendar", () => {
    const spec = {
      timeZone: "Asia/Shanghai",
      weekly: weekdays(lunch),
      holidays: [{ date: "2026-05-01", name: "劳动节" }],
      overrides: [{ date: "2026-05-06", hours: [{ open: "10:00", close: "11:00" }] }],
    };
    const copy = structuredClone(spec);
    const c = compile(spec);
    expect(spec).toEqual(copy);
    expect(Object.isFrozen(c)).toBe(true);
  });

  describe("bad input", () => {
    it("refuses an inverted interval without overnight: true, naming the field", () => {
      expect(() => compile({ timeZone: "UTC", weekly: { mon: [{ open: "18:00", close: "09:00" }] } })).toThrowOpsError(
        "invalid_argument",
        {
          path: ["spec", "weekly", "mon", 0, "close"],
          message: /^compileCalendar: spec\.weekly\.mon\[0\]\.close must be after open/,
        },
      );
    });
    it("refuses an unknown zone, a bad time, an impossible date and a holiday that is also a workday", () => {
      expect(() => compile({ timeZone: "Asia/Beijing", weekly: {} })).toThrowOpsError("invalid_argument", {
        message: /spec\.timeZone must be an IANA/,
      });
      expect(() => compile({ timeZone: "UTC", weekly: { mon: [{ open: "9:00", close: "18:00" }] } })).toThrowOpsError(
        "invalid_argument",
        { message: /weekly\.mon\[0\]\.open/ },
      );
      expect(() => compile({ timeZone: "UTC", weekly: {}, holidays: [{ date: "2026-02-30" }] })).toThrowOpsError(
        "invalid_argument",
        { message: /holidays\[0\]\.date must be a date that exists/ },
      );
      expect(() =>
        compile({
          timeZone: "UTC",
          weekly: {},
          holidays: [{ date: "2026-02-14" }],
          workdays: [{ date: "2026-02-14" }],
        }),
      ).toThrowOpsError("invalid_argument", { message: /workdays\[0\]\.date must not also be a holiday/ });
      expect(() =>
        compile({
          timeZone: "UTC",
          weekly: {},
          overrides: [
            { date: "2026-02-14", hours: [] },
            { date: "2026-02-14", hours: [] },
          ],
        }),
      ).toThrowOpsError("invalid_argument", { message: /overrides\[1\]\.date must be unique/ });
    });
    it("refuses an empty or over-long horizon", () => {
      expect(() =>
        compileCalendar({ timeZone: "UTC", weekly: {} }, { from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }),
      ).toThrowOpsError("invalid_argument", { message: /options\.to must be after from/ });
      expect(() =>
        compileCalendar({ timeZone: "UTC", weekly: {} }, { from: 0, to: 30 * 366 * 86_400_000 }),
      ).toThrowOpsError("invalid_argument", { message: /at most 20 years after from/ });
    });
    it("refuses a horizon with no end, with a typed error (was a RangeError)", () => {
      // issue 20: compileCalendar(spec, { from: -8.64e15 }) threw a RangeError
      expect(() =>
        compileCalendar({ timeZone: "UTC", weekly: {} }, { from: -8.64e15 } as CompileCalendarOptions),
      ).toThrowOpsError("invalid_argument", {
        path: ["options", "to"],
        message: /^compileCalendar: options\.to matches none of the allowed forms/,
      });
    });
    it("reads the horizon exactly as CompileCalendarOptionsSchema does (same instants, same errors)", () => {
      const spec = { timeZone: "UTC", weekly: {} };
      // compileCalendar checks the horizon without the schema (to keep zod's union out of its
      // bundle); both must accept, convert and refuse the same values with the same messages
      const agrees = (options: unknown) => {
        let expected: OpsError | { from: number; to: number };
        try {
          expected = parseOrThrow(CompileCalendarOptionsSchema, options, { fn: "compileCalendar", path: ["options"] });
        } catch (error) {
          expected = error as OpsError;
        }
        const run = () => compileCalendar(spec, options as CompileCalendarOptions);
        if (isOpsError(expected)) {
          const escaped = expected.message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          const message = new RegExp(`^${escaped}$`);
          expect(run).toThrowOpsError(expected.code, { fn: "compileCalendar", path: [...expected.path], message });
        } else {
          const c = run();
          expect([Object.is(c.from, expected.from), Object.is(c.to, expected.to)]).toEqual([true, true]);
        }
      };
      const MAX = 8.64e15;
      const edges: unknown[] = [
        ...[0, -0, 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
        ...[MAX, MAX + 1, -MAX, -MAX - 1, 9e15, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e16, -1e300, Number.MAX_VALUE],
        ...["", "x", "2026-01-01T00:00:00Z", "2026-01-01", "2026-02-30T00:00:00Z", "2026-03-08T09:30:00+08:00"],
        ...[new Date(0), new Date(Number.NaN), new Date(MAX), new Date(-MAX), null, undefined, true, {}, [], 5n],
      ];
      for (const from of edges) for (const to of edges) agrees({ from, to });
      for (const options of [[], [1, 2], {}, new Date(0), { from: 0, to: 20 * 366 * 86_400_000 + 1 }]) agrees(options);
      for (const allow of [true, false, undefined, null, 0, "yes", {}]) {
        agrees({ from: 0, to: 1, allowOutsideHolidayYears: allow });
        agrees({ from: 1, to: 0, allowOutsideHolidayYears: allow });
        agrees({ from: "x", to: 1, allowOutsideHolidayYears: allow });
      }
      agrees({ from: 0, to: 20 * 366 * 86_400_000 });
      const instant = fc.oneof(
        fc.integer({ min: -MAX - 2, max: MAX + 2 }),
        fc.double(),
        fc.date({ noInvalidDate: false }),
        fc
          .date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
          .map((d) => d.toISOString()),
        fc.string(),
        fc.anything(),
      );
      fc.assert(
        fc.property(instant, fc.integer({ min: -1, max: 21 * 366 * 86_400_000 }), (from, span) => {
          agrees({ from, to: typeof from === "number" ? from + span : from });
          agrees({ from: 0, to: from });
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe("addBusinessTime", () => {
  const c = compile({ timeZone: "Asia/Shanghai", weekly: weekdays(lunch) });
  it("waits for the next opening when a message arrives outside hours", () => {
    // Saturday 2026-03-07 23:00 → Monday 09:00 + 1 h = 10:00 (02:00Z)
    expect(iso(addBusinessTime(c, t("2026-03-07T23:00:00+08:00"), H))).toBe("2026-03-09T02:00:00.000Z");
    // during lunch: the clock starts at 13:00
    expect(iso(addBusinessTime(c, t("2026-03-09T12:20:00+08:00"), 30 * MIN))).toBe("2026-03-09T05:30:00.000Z");
  });
  it("ends a deadline that lands on a closing time at that closing time", () => {
    expect(iso(addBusinessTime(c, t("2026-03-09T09:00:00+08:00"), 3 * H))).toBe("2026-03-09T04:00:00.000Z");
    expect(iso(addBusinessTime(c, t("2026-03-09T09:00:00+08:00"), 8 * H))).toBe("2026-03-09T10:00:00.000Z");
  });
  it("returns the instant itself for a zero duration, even while closed", () => {
    const sat = t("2026-03-07T23:00:00+08:00");
    expect(addBusinessTime(c, sat, 0)).toBe(sat);
  });
  it("adds across a spring-forward weekend in New York without losing or gaining an hour", () => {
    const ny = compile({ timeZone: "America/New_York", weekly: every([{ open: "09:00", close: "17:00" }]) });
    // Sat 16:00 EST (21:00Z) + 2 h → Sun 10:00 EDT (14:00Z)
    expect(iso(addBusinessTime(ny, t("2026-03-07T21:00:00Z"), 2 * H))).toBe("2026-03-08T14:00:00.000Z");
  });
  it("throws out_of_horizon naming the horizon for an instant or a deadline beyond it", () => {
    expect(() => addBusinessTime(c, t("2027-06-01T00:00:00Z"), H)).toThrowOpsError("out_of_horizon", {
      message: "horizon [2026-01-01T00:00:00.000Z, 2027-01-01T00:00:00.000Z]",
    });
    expect(() => addBusinessTime(c, t("2026-12-31T09:00:00+08:00"), 100 * H)).toThrowOpsError("out_of_horizon");
  });
  it("refuses fractional and non-number durations, and non-calendars", () => {
    expect(() => addBusinessTime(c, t("2026-03-09T09:00:00+08:00"), 0.5)).toThrowOpsError("invalid_argument", {
      message: /^addBusinessTime: duration must be an integer number of milliseconds, got 0\.5$/,
    });
    expect(() => addBusinessTime(c, t("2026-03-09T09:00:00+08:00"), -0.5)).toThrowOpsError("invalid_argument");
    expect(() => addBusinessTime(c, t("2026-03-09T09:00:00+08:00"), Number.NEGATIVE_INFINITY)).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => addBusinessTime(c, t("2026-03-09T09:00:00+08:00"), Number.NaN)).toThrowOpsError("invalid_argument");
    expect(() => addBusinessTime({} as BusinessCalendar, 0, 1)).toThrowOpsError("invalid_argument", {
      message: /calendar must be the result of compileCalendar/,
    });
    // a look-alike with every enumerable field and the intervals symbol, but no brand
    const symbols = Object.getOwnPropertySymbols(c).filter((k) => k !== Symbol.for("@ops/compiled"));
    const lookAlike = { ...c, ...Object.fromEntries(symbols.map((k) => [k, (c as never)[k]])) } as BusinessCalendar;
    expect(() => addBusinessTime(lookAlike, t("2026-03-09T09:00:00+08:00"), H)).toThrowOpsError("invalid_argument", {
      path: ["calendar"],
      message: /calendar must be the result of compileCalendar/,
    });
  });
});

describe("businessTimeBetween", () => {
  const c = compile({ timeZone: "Asia/Shanghai", weekly: weekdays(lunch) });
  it("skips lunch, nights and weekends", () => {
    expect(openBetween(c, "2026-03-06T11:00:00+08:00", "2026-03-09T14:00:00+08:00")).toBe(6 + 4);
  });
  it("is signed: swapping the arguments negates it", () => {
    expect(openBetween(c, "2026-03-09T14:00:00+08:00", "2026-03-06T11:00:00+08:00")).toBe(-10);
  });
  it("is zero between an instant and itself and across a closed stretch", () => {
    expect(openBetween(c, "2026-03-07T10:00:00+08:00", "2026-03-08T10:00:00+08:00")).toBe(0);
  });
  it("throws out_of_horizon for either end outside the horizon", () => {
    expect(() => businessTimeBetween(c, t("2025-12-31T00:00:00Z"), t("2026-02-01T00:00:00Z"))).toThrowOpsError(
      "out_of_horizon",
      { path: ["a"], message: /^businessTimeBetween: a must lie inside/ },
    );
    expect(() => businessTimeBetween(c, t("2026-02-01T00:00:00Z"), 1.5)).toThrowOpsError("invalid_argument");
  });
});

describe("nextOpen", () => {
  const c = compile({ timeZone: "Asia/Shanghai", weekly: weekdays(lunch) });
  it("returns the instant while open, the next opening while closed", () => {
    const open = t("2026-03-09T10:00:00+08:00");
    expect(nextOpen(c, open)).toBe(open);
    expect(iso(nextOpen(c, t("2026-03-09T12:00:00+08:00")))).toBe("2026-03-09T05:00:00.000Z");
    expect(iso(nextOpen(c, t("2026-03-09T18:00:00+08:00")))).toBe("2026-03-10T01:00:00.000Z");
  });
});

describe("openIntervals", () => {
  it("refuses an inverted range", () => {
    const c = compile({ timeZone: "UTC", weekly: {} });
    expect(() => openIntervals(c, t("2026-03-02T00:00:00Z"), t("2026-03-01T00:00:00Z"))).toThrowOpsError(
      "invalid_argument",
    );
  });
});

describe("business-time laws (fast-check)", () => {
  const calendars = [
    compile({
      timeZone: "America/New_York",
      weekly: { ...weekdays(lunch), sat: [{ open: "22:00", close: "03:00", overnight: true }] },
      holidays: [{ date: "2026-07-03" }, { date: "2026-11-26" }, { date: "2026-12-25" }],
      workdays: [{ date: "2026-03-08" }],
    }),
    compile({
      timeZone: "Australia/Sydney",
      weekly: every([
        { open: "01:30", close: "02:45" },
        { open: "08:00", close: "20:00" },
      ]),
    }),
  ];
  const from = t("2026-01-01T00:00:00Z");
  const instant = fc.integer({ min: from, max: t("2026-10-01T00:00:00Z") });
  const duration = fc.integer({ min: 0, max: 150 * H });
  it("round-trips: businessTimeBetween(c, a, addBusinessTime(c, a, d)) === d", () => {
    for (const c of calendars) {
      fc.assert(fc.property(instant, duration, (a, d) => businessTimeBetween(c, a, addBusinessTime(c, a, d)) === d));
    }
  });
  it("addBusinessTime is monotonic in the start and in the duration, and never goes back", () => {
    for (const c of calendars) {
      fc.assert(
        fc.property(instant, instant, duration, duration, (a, b, d, e) => {
          const [s, l] = a <= b ? [a, b] : [b, a];
          const [x, y] = d <= e ? [d, e] : [e, d];
          return (
            addBusinessTime(c, s, x) <= addBusinessTime(c, l, x) &&
            addBusinessTime(c, s, x) <= addBusinessTime(c, s, y) &&
            addBusinessTime(c, s, x) >= s
          );
        }),
      );
    }
  });
  it("businessTimeBetween is monotonic in its end, antitone in its start, and additive", () => {
    for (const c of calendars) {
      fc.assert(
        fc.property(instant, instant, instant, (a, b, m) => {
          const [s, l] = a <= b ? [a, b] : [b, a];
          return (
            businessTimeBetween(c, m, s) <= businessTimeBetween(c, m, l) &&
            businessTimeBetween(c, s, m) >= businessTimeBetween(c, l, m) &&
            businessTimeBetween(c, s, l) === businessTimeBetween(c, s, m) + businessTimeBetween(c, m, l) &&
            businessTimeBetween(c, s, l) <= l - s
          );
        }),
      );
    }
  });
  it("agrees with a minute-by-minute count on random short ranges", () => {
    const c = calendars[0] as BusinessCalendar;
    fc.assert(
      fc.property(
        fc.integer({ min: from / MIN, max: t("2026-12-01T00:00:00Z") / MIN }),
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        (m, len) => {
          let count = 0;
          for (let k = 0; k < len; k++) if (isOpen(c, (m + k) * MIN)) count++;
          return businessTimeBetween(c, m * MIN, (m + len) * MIN) === count * MIN;
        },
      ),
      { numRuns: 60 },
    );
  });
});
