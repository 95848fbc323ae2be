// The edges of business calendars found by outside checks (issue 20): instants at the ends
// of the range, holiday data that runs out, overlapping shifts, going back in business
// time, and the horizon's last instant.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatInstant, parseInstant } from "@ops/core";
import {
  addBusinessTime,
  alwaysOpen,
  businessTimeBetween,
  CN_PUBLIC_HOLIDAYS,
  compileCalendar,
  isOpen,
  nextOpen,
  openIntervals,
  WEEKDAYS,
  type BusinessCalendar,
  type CalendarSpec,
  type HoursRange,
  type StatutoryDays,
  type WeeklyHours,
} from "@ops/sla";

const MIN = 60_000;
const H = 3_600_000;
const DAY = 86_400_000;
const MAX = 8.64e15;
const t = (iso: string) => parseInstant(iso);
const iso = (ms: number) => formatInstant(ms);
const every = (hours: HoursRange[]): WeeklyHours => Object.fromEntries(WEEKDAYS.map((d) => [d, hours]));
const weekdays = (hours: HoursRange[]): WeeklyHours => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });
const nineToSix = weekdays([{ open: "09:00", close: "18:00" }]);

describe("compileCalendar at the ends of the instant range", () => {
  // tzdb: Pacific/Kiritimati is UTC+14 (since 1995), Pacific/Pago_Pago UTC−11, so their local
  // days at ±8.64e15 ms lie beyond the last (first) date a JavaScript Date can hold
  it("gives a 24×7 calendar over the last 3 days before 8.64e15 its 72 hours in Pacific/Kiritimati (was 58)", () => {
    const c = compileCalendar(alwaysOpen("Pacific/Kiritimati"), { from: MAX - 3 * DAY, to: MAX });
    expect(c.openTime).toBe(72 * H);
    expect(c.intervalCount).toBe(1);
    expect(addBusinessTime(c, MAX - 3 * DAY, 72 * H)).toBe(MAX);
    expect(businessTimeBetween(c, MAX - DAY, MAX)).toBe(24 * H);
    expect(isOpen(c, MAX - 1)).toBe(true);
  });

  it("compiles the first 3 days from -8.64e15 (was a RangeError), in zones east and west of UTC", () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Asia/Shanghai"]) {
      const c = compileCalendar(alwaysOpen(zone), { from: -MAX, to: -MAX + 3 * DAY });
      expect([zone, c.openTime]).toEqual([zone, 72 * H]);
      expect(nextOpen(c, -MAX)).toBe(-MAX);
    }
  });

  it("reads weekday hours correctly on the last days (+275760-09-13 is a Saturday)", () => {
    // 8.64e15 ms = +275760-09-13T00:00:00Z; 8.64e15 / 86 400 000 = 1e8 days, and
    // (1e8 + 3) mod 7 = 5 → Saturday (1970-01-01, day 0, was a Thursday)
    const c = compileCalendar({ timeZone: "UTC", weekly: nineToSix }, { from: MAX - 7 * DAY, to: MAX });
    expect(c.openTime).toBe(5 * 9 * H);
    // from Thursday 09-11 23:59:59.999 to Friday 09-12 09:00
    expect(iso(nextOpen(c, MAX - DAY - 1))).toBe("+275760-09-12T09:00:00.000Z");
  });

  it("refuses an integer instant beyond ±8.64e15 as out of horizon, not with a formatting error", () => {
    const c = compileCalendar(alwaysOpen("UTC"), { from: MAX - DAY, to: MAX });
    expect(() => isOpen(c, 1e20)).toThrowOpsError("out_of_horizon", {
      path: ["instant"],
      message: /got 100000000000000000000$/,
    });
    expect(() => businessTimeBetween(c, MAX - DAY, MAX + 1)).toThrowOpsError("out_of_horizon", { path: ["b"] });
  });
});

describe("the horizon's last instant", () => {
  const c = compileCalendar(alwaysOpen("UTC"), { from: "2026-03-02T00:00:00Z", to: "2026-03-09T00:00:00Z" });

  it("refuses isOpen and nextOpen at c.to alike: the calendar is read in [from, to)", () => {
    // issue 20: isOpen(c, c.to) was false on a 24×7 calendar, and nextOpen(c, c.to) threw
    expect(() => isOpen(c, c.to)).toThrowOpsError("out_of_horizon", {
      path: ["instant"],
      message: "horizon [2026-03-02T00:00:00.000Z, 2026-03-09T00:00:00.000Z)",
    });
    expect(() => nextOpen(c, c.to)).toThrowOpsError("out_of_horizon", {
      path: ["instant"],
      message: "horizon [2026-03-02T00:00:00.000Z, 2026-03-09T00:00:00.000Z)",
    });
    expect(isOpen(c, c.to - 1)).toBe(true);
    expect(nextOpen(c, c.to - 1)).toBe(c.to - 1);
  });

  it("lets spans end at c.to: a measure, a deadline, an interval query", () => {
    expect(businessTimeBetween(c, c.from, c.to)).toBe(7 * 24 * H);
    expect(addBusinessTime(c, c.from, 7 * 24 * H)).toBe(c.to);
    expect(addBusinessTime(c, c.to, 0)).toBe(c.to);
    expect(addBusinessTime(c, c.to, -H)).toBe(c.to - H);
    expect(openIntervals(c, c.to - H, c.to)).toEqual([{ start: c.to - H, end: c.to }]);
  });

  it("refuses nextOpen when the only opening left is at c.to", () => {
    const d = compileCalendar(
      { timeZone: "UTC", weekly: { mon: [{ open: "00:00", close: "01:00" }] } },
      { from: "2026-03-03T00:00:00Z", to: "2026-03-09T00:00:00Z" }, // Tuesday → Monday 00:00
    );
    expect(() => nextOpen(d, t("2026-03-08T12:00:00Z"))).toThrowOpsError("out_of_horizon", {
      message: /must be followed by an opening inside/,
    });
  });
});

describe("openIntervals", () => {
  it("returns no interval for an empty range [t, t), even while open (was one of zero length)", () => {
    const c = compileCalendar(alwaysOpen("UTC"), { from: "2026-03-02T00:00:00Z", to: "2026-03-09T00:00:00Z" });
    const at = t("2026-03-04T12:00:00Z");
    expect(openIntervals(c, at, at)).toEqual([]);
    expect(openIntervals(c, c.from, c.from)).toEqual([]);
    expect(openIntervals(c, c.to, c.to)).toEqual([]);
  });
});

describe("overlapping intervals are read as their union", () => {
  const horizon = { from: "2026-03-02T00:00:00+08:00", to: "2026-03-09T00:00:00+08:00" }; // Mon → Mon, Shanghai
  const compile = (weekly: WeeklyHours) => compileCalendar({ timeZone: "Asia/Shanghai", weekly }, horizon);
  const night: HoursRange = { open: "22:00", close: "06:00", overnight: true };

  // issue 20: calendars as support teams write them, refused before for overlapping intervals;
  // the totals are worked out by hand from the staffed hours
  it.each([
    {
      // a night shift handing over to an early shift at 05:00: staffed 22:00 → 13:00
      name: "night shift 22:00–06:00 + early shift 05:00–13:00, every day",
      weekly: every([{ open: "05:00", close: "13:00" }, night]),
      // each day 00:00–13:00 and 22:00–24:00 = 15 h (the first Monday morning is the end of
      // Sunday 03-01's night shift, which the horizon starts inside)
      hours: 7 * 15,
    },
    {
      name: "night shift 22:00–06:00 + early shift from 00:00 to 08:00, every day",
      weekly: every([{ open: "00:00", close: "08:00" }, night]),
      hours: 7 * (8 + 2),
    },
    {
      name: "two day shifts that share a handover hour, Mon–Fri",
      weekly: weekdays([
        { open: "08:00", close: "16:30" },
        { open: "15:30", close: "23:00" },
      ]),
      hours: 5 * 15,
    },
    {
      name: "a shift listed twice and one inside another, Mon–Fri",
      weekly: weekdays([
        { open: "13:00", close: "18:00" },
        { open: "09:00", close: "18:00" },
        { open: "13:00", close: "18:00" },
        { open: "10:00", close: "11:00" },
      ]),
      hours: 5 * 9,
    },
  ])("$name", ({ weekly, hours }) => {
    const c = compile(weekly);
    expect(c.openTime).toBe(hours * H);
  });

  it("makes one interval of a night shift and the early shift it hands over to", () => {
    const c = compile({ mon: [night], tue: [{ open: "05:00", close: "13:00" }] });
    expect(openIntervals(c, c.from, c.to)).toEqual([
      { start: t("2026-03-02T22:00:00+08:00"), end: t("2026-03-03T13:00:00+08:00") },
    ]);
    expect(c.intervalCount).toBe(1);
  });

  it("equals the staffed hours: open exactly when some shift is on (fast-check, against a slot-by-slot count)", () => {
    // shifts on a 30-minute grid in Asia/Shanghai (no DST since 1991), so each half hour is
    // wholly open or closed; the reference checks every half hour against every shift
    const slot = fc.integer({ min: 0, max: 47 });
    const shift = fc
      .tuple(slot, fc.integer({ min: 1, max: 48 }))
      .map(([open, length]) => ({ open: open * 30, close: open * 30 + length * 30 }));
    const week = fc.array(fc.array(shift, { maxLength: 4 }), { minLength: 7, maxLength: 7 });
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    const range = (s: { open: number; close: number }): HoursRange =>
      s.close > 1440
        ? { open: hhmm(s.open), close: hhmm(s.close - 1440), overnight: true }
        : { open: hhmm(s.open), close: hhmm(s.close) };
    const from = t("2026-03-02T00:00:00+08:00");
    fc.assert(
      fc.property(week, (days) => {
        const weekly = Object.fromEntries(WEEKDAYS.map((d, i) => [d, (days[i] ?? []).map(range)]));
        const c = compileCalendar({ timeZone: "Asia/Shanghai", weekly }, { from, to: from + 7 * DAY });
        let staffed = 0;
        for (let k = 0; k < 7 * 48; k++) {
          const day = Math.floor(k / 48);
          const minute = (k % 48) * 30;
          // on today's shifts, or on yesterday's running past midnight (Sunday 03-01 before Monday)
          const on =
            (days[day] ?? []).some((s) => s.open <= minute && minute < s.close) ||
            (days[(day + 6) % 7] ?? []).some((s) => minute + 1440 < s.close);
          if (on) staffed++;
          expect(isOpen(c, from + k * 30 * MIN)).toBe(on);
        }
        expect(c.openTime).toBe(staffed * 30 * MIN);
      }),
      { numRuns: 200 },
    );
  });
});

/** addBusinessTime, or +∞ for a deadline beyond the horizon. */
function deadline(c: BusinessCalendar, at: number, d: number): number {
  try {
    return addBusinessTime(c, at, d);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

describe("addBusinessTime with a negative duration", () => {
  const lunch: HoursRange[] = [
    { open: "09:00", close: "12:00" },
    { open: "13:00", close: "18:00" },
  ];
  const c = compileCalendar(
    { timeZone: "Asia/Shanghai", weekly: weekdays(lunch) },
    { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
  );

  it("finds the latest arrival still inside the SLA (issue 20: it was refused)", () => {
    // answered within 2 business hours by Monday 10:00: 09:00–10:00 Monday + 17:00–18:00 Friday
    expect(iso(addBusinessTime(c, t("2026-03-09T10:00:00+08:00"), -2 * H))).toBe("2026-03-06T09:00:00.000Z");
    // across lunch: 14:00 − 2 h = 11:00
    expect(iso(addBusinessTime(c, t("2026-03-09T14:00:00+08:00"), -2 * H))).toBe("2026-03-09T03:00:00.000Z");
  });

  it("takes the opening after a closed stretch, not its start (the latest instant)", () => {
    // 10:00 − 1 h = 09:00 that morning, not 18:00 the evening before
    expect(iso(addBusinessTime(c, t("2026-03-10T10:00:00+08:00"), -H))).toBe("2026-03-10T01:00:00.000Z");
    // 13:00 − 1 h = 11:00 (the closed lunch hour counts nothing)
    expect(iso(addBusinessTime(c, t("2026-03-10T13:00:00+08:00"), -H))).toBe("2026-03-10T03:00:00.000Z");
    // from a closed instant: Saturday 12:00 − 1 h = Friday 17:00
    expect(iso(addBusinessTime(c, t("2026-03-07T12:00:00+08:00"), -H))).toBe("2026-03-06T09:00:00.000Z");
  });

  it("throws out_of_horizon when the start would lie before the horizon", () => {
    // Sunday 2026-03-01 is closed: Monday 10:00 has 1 h of open time behind it in the horizon
    expect(() => addBusinessTime(c, t("2026-03-02T10:00:00+08:00"), -2 * H)).toThrowOpsError("out_of_horizon", {
      path: ["duration"],
      message: /must start inside the calendar's horizon/,
    });
    expect(addBusinessTime(c, t("2026-03-02T10:00:00+08:00"), -H)).toBe(t("2026-03-02T09:00:00+08:00"));
  });

  it("obeys its laws (fast-check): it measures back d, it is the latest such instant, it is the latest arrival in time", () => {
    const calendars = [
      c,
      compileCalendar(
        {
          timeZone: "America/New_York",
          weekly: { ...weekdays(lunch), sat: [{ open: "22:00", close: "03:00", overnight: true }] },
          holidays: [{ date: "2026-07-03" }],
        },
        { from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" },
      ),
    ];
    for (const cal of calendars) {
      const instant = fc.integer({ min: cal.from, max: cal.to });
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 60 * H }), (end, d) => {
          if (businessTimeBetween(cal, cal.from, end) < d) {
            expect(() => addBusinessTime(cal, end, -d)).toThrowOpsError("out_of_horizon");
            return;
          }
          const start = addBusinessTime(cal, end, -d);
          expect(start).toBeLessThanOrEqual(end);
          expect(businessTimeBetween(cal, start, end)).toBe(d);
          if (start < end) expect(businessTimeBetween(cal, start + 1, end)).toBeLessThan(d);
          // a message at `start` with a goal of d is due by `end`; one a millisecond later is not
          if (d > 0) {
            expect(addBusinessTime(cal, start, d)).toBeLessThanOrEqual(end);
            if (start < end) expect(deadline(cal, start + 1, d)).toBeGreaterThan(end);
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe("holiday data that runs out", () => {
  const spec: CalendarSpec = { timeZone: "Asia/Shanghai", weekly: nineToSix, ...CN_PUBLIC_HOLIDAYS };

  it("refuses a 2027 calendar built on the 2024–2026 data, naming the years (issue 20: 2027-10-01 was a working day)", () => {
    expect(() =>
      compileCalendar(spec, { from: "2027-01-01T00:00:00+08:00", to: "2028-01-01T00:00:00+08:00" }),
    ).toThrowOpsError("out_of_range", {
      path: ["options", "to"],
      message:
        /options\.to must lie in 2024–2026, the years the spec's holiday data covers \(spec\.years\), but the horizon reaches 2027/,
    });
    // a horizon across New Year 2027: deadlines there would treat 元旦 2027 as a working day
    expect(() =>
      compileCalendar(spec, { from: "2026-12-01T00:00:00+08:00", to: "2027-02-01T00:00:00+08:00" }),
    ).toThrowOpsError("out_of_range", { path: ["options", "to"], message: /2024–2026.*reaches 2027/ });
  });

  it("reads the years at the horizon's ends in the calendar's zone, the end exclusive", () => {
    // 2027-01-01T00:00+08:00 is 2026-12-31T16:00Z: the horizon [.., to) holds no 2027 date in Shanghai
    const ok = compileCalendar(spec, { from: "2024-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00" });
    expect(ok.openTime).toBeGreaterThan(0);
    expect(() =>
      compileCalendar(spec, { from: "2026-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00.001+08:00" }),
    ).toThrowOpsError("out_of_range", { path: ["options", "to"] });
    expect(() =>
      compileCalendar(spec, { from: "2023-12-31T23:59:59.999+08:00", to: "2024-02-01T00:00:00+08:00" }),
    ).toThrowOpsError("out_of_range", { path: ["options", "from"], message: /reaches 2023/ });
  });

  it("compiles beyond the data only when told, with the weekly hours there", () => {
    const c = compileCalendar(spec, {
      from: "2027-09-27T00:00:00+08:00",
      to: "2027-10-04T00:00:00+08:00",
      allowOutsideHolidayYears: true,
    });
    expect(c.openTime).toBe(5 * 9 * H); // Mon 09-27 … Fri 10-01, 2027-10-01 open: nobody knows better
    expect(() =>
      compileCalendar(spec, {
        from: "2027-09-27T00:00:00+08:00",
        to: "2027-10-04T00:00:00+08:00",
        allowOutsideHolidayYears: "yes",
      } as never),
    ).toThrowOpsError("invalid_argument", {
      path: ["options", "allowOutsideHolidayYears"],
      message: /must be a boolean/,
    });
  });

  it("takes next year's notice as data, without a release", () => {
    // a 2027 set written by the user in the shape of CN_PUBLIC_HOLIDAYS (illustrative dates:
    // National Day is 10-01 … 10-03 by the 2024 regulations; the break around it is set by
    // each year's notice, published each November)
    const cn2027: StatutoryDays = {
      holidays: ["2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"].map(
        (date) => ({ date, name: "国庆节" }),
      ),
      workdays: [{ date: "2027-09-26", name: "国庆节调休上班" }],
      years: [2027, 2027],
      sources: ["国务院办公厅关于2027年部分节假日安排的通知 (as published)"],
    };
    const extended: CalendarSpec = {
      timeZone: "Asia/Shanghai",
      weekly: nineToSix,
      holidays: [...CN_PUBLIC_HOLIDAYS.holidays, ...cn2027.holidays],
      workdays: [...CN_PUBLIC_HOLIDAYS.workdays, ...cn2027.workdays],
      years: [CN_PUBLIC_HOLIDAYS.years[0], cn2027.years[1]],
    };
    const c = compileCalendar(extended, { from: "2027-01-01T00:00:00+08:00", to: "2028-01-01T00:00:00+08:00" });
    expect(isOpen(c, t("2027-10-01T10:00:00+08:00"))).toBe(false);
    expect(isOpen(c, t("2027-09-26T10:00:00+08:00"))).toBe(true); // the make-up Sunday
    // Thursday 09-30 17:00 + 2 business hours: 1 h on Thursday, then Friday 10-08 09:00 → 10:00
    expect(iso(addBusinessTime(c, t("2027-09-30T17:00:00+08:00"), 2 * H))).toBe("2027-10-08T02:00:00.000Z");
  });

  it("lets a calendar without years (no data set) compile any horizon", () => {
    const c = compileCalendar(
      { timeZone: "Asia/Shanghai", weekly: nineToSix, holidays: [{ date: "2030-01-01" }] },
      { from: "2030-01-01T00:00:00+08:00", to: "2030-01-08T00:00:00+08:00" },
    );
    expect(c.openTime).toBe(4 * 9 * H);
  });
});
