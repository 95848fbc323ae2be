import type { Holiday, Workday } from "../calendar/calendarSpec";

/** Holidays and make-up workdays of one jurisdiction, in the shape of a calendar spec. */
export interface StatutoryDays {
  /** Days off (放假), each date of every break, weekends included. */
  readonly holidays: readonly Holiday[];
  /** Make-up workdays (调休上班): weekend dates worked with Monday's hours. */
  readonly workdays: readonly Workday[];
  /**
   * The first and last year the data covers. Spread into a calendar spec, it becomes the
   * spec's `years`: `compileCalendar` refuses a horizon outside them unless told
   * `allowOutsideHolidayYears: true`, so that data which has run out is never read as
   * "no holidays".
   */
  readonly years: readonly [number, number];
  /** Where the dates come from. */
  readonly sources: readonly string[];
}

/**
 * Mainland China's public holidays and make-up workdays (调休) for 2024–2026, as the
 * State Council General Office announced them (国务院办公厅关于…年部分节假日安排的通知):
 * - 2024: 国办发明电〔2023〕7号, 2023-10-25;
 * - 2025: 国办发明电〔2024〕12号, 2024-11-12 (the first year of the 2024 revision of the
 *   national holiday regulations: New Year's Eve and 1 May 2 added);
 * - 2026: notice of 2025-11-04.
 * Every date of each break is listed (weekend days included), so that a calendar open at
 * weekends closes for the whole break. The 2024 New Year break began on 2023-12-30; only
 * its 2024 date is listed. Shipped as data, with no network access: spread it into a
 * calendar spec (which brings `years: [2024, 2026]` along, so a horizon reaching 2027 is
 * refused rather than read without holidays). When the next notice is published (each
 * November), add it as data, without waiting for a release: concatenate its `holidays`
 * and `workdays` and widen `years`
 * (`{ ...spec, holidays: [...CN_PUBLIC_HOLIDAYS.holidays, ...next.holidays], workdays: […], years: [2024, 2027] }`).
 * Cross-checked in the tests against the `chinese-days` package.
 *
 * @example
 * ```ts
 * import { CN_PUBLIC_HOLIDAYS, compileCalendar, businessTimeBetween } from "@ops/sla";
 * import { parseInstant } from "@ops/core";
 * const day = [{ open: "09:00", close: "18:00" }];
 * const calendar = compileCalendar(
 *   { timeZone: "Asia/Shanghai", weekly: { mon: day, tue: day, wed: day, thu: day, fri: day }, ...CN_PUBLIC_HOLIDAYS },
 *   { from: "2026-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00" },
 * );
 * // Saturday 2026-02-14 is a make-up workday before the Spring Festival break
 * businessTimeBetween(calendar, parseInstant("2026-02-14T00:00:00+08:00"), parseInstant("2026-02-15T00:00:00+08:00")) / 3_600_000;
 * // => 9
 * CN_PUBLIC_HOLIDAYS.holidays.filter((h) => h.date.startsWith("2026")).length;
 * // => 33
 * ```
 */
export const CN_PUBLIC_HOLIDAYS: StatutoryDays = {
  holidays: [
    { date: "2024-01-01", name: "元旦" },
    { date: "2024-02-10", name: "春节" },
    { date: "2024-02-11", name: "春节" },
    { date: "2024-02-12", name: "春节" },
    { date: "2024-02-13", name: "春节" },
    { date: "2024-02-14", name: "春节" },
    { date: "2024-02-15", name: "春节" },
    { date: "2024-02-16", name: "春节" },
    { date: "2024-02-17", name: "春节" },
    { date: "2024-04-04", name: "清明节" },
    { date: "2024-04-05", name: "清明节" },
    { date: "2024-04-06", name: "清明节" },
    { date: "2024-05-01", name: "劳动节" },
    { date: "2024-05-02", name: "劳动节" },
    { date: "2024-05-03", name: "劳动节" },
    { date: "2024-05-04", name: "劳动节" },
    { date: "2024-05-05", name: "劳动节" },
    { date: "2024-06-10", name: "端午节" },
    { date: "2024-09-15", name: "中秋节" },
    { date: "2024-09-16", name: "中秋节" },
    { date: "2024-09-17", name: "中秋节" },
    { date: "2024-10-01", name: "国庆节" },
    { date: "2024-10-02", name: "国庆节" },
    { date: "2024-10-03", name: "国庆节" },
    { date: "2024-10-04", name: "国庆节" },
    { date: "2024-10-05", name: "国庆节" },
    { date: "2024-10-06", name: "国庆节" },
    { date: "2024-10-07", name: "国庆节" },
    { date: "2025-01-01", name: "元旦" },
    { date: "2025-01-28", name: "春节" },
    { date: "2025-01-29", name: "春节" },
    { date: "2025-01-30", name: "春节" },
    { date: "2025-01-31", name: "春节" },
    { date: "2025-02-01", name: "春节" },
    { date: "2025-02-02", name: "春节" },
    { date: "2025-02-03", name: "春节" },
    { date: "2025-02-04", name: "春节" },
    { date: "2025-04-04", name: "清明节" },
    { date: "2025-04-05", name: "清明节" },
    { date: "2025-04-06", name: "清明节" },
    { date: "2025-05-01", name: "劳动节" },
    { date: "2025-05-02", name: "劳动节" },
    { date: "2025-05-03", name: "劳动节" },
    { date: "2025-05-04", name: "劳动节" },
    { date: "2025-05-05", name: "劳动节" },
    { date: "2025-05-31", name: "端午节" },
    { date: "2025-06-01", name: "端午节" },
    { date: "2025-06-02", name: "端午节" },
    { date: "2025-10-01", name: "国庆节、中秋节" },
    { date: "2025-10-02", name: "国庆节、中秋节" },
    { date: "2025-10-03", name: "国庆节、中秋节" },
    { date: "2025-10-04", name: "国庆节、中秋节" },
    { date: "2025-10-05", name: "国庆节、中秋节" },
    { date: "2025-10-06", name: "国庆节、中秋节" },
    { date: "2025-10-07", name: "国庆节、中秋节" },
    { date: "2025-10-08", name: "国庆节、中秋节" },
    { date: "2026-01-01", name: "元旦" },
    { date: "2026-01-02", name: "元旦" },
    { date: "2026-01-03", name: "元旦" },
    { date: "2026-02-15", name: "春节" },
    { date: "2026-02-16", name: "春节" },
    { date: "2026-02-17", name: "春节" },
    { date: "2026-02-18", name: "春节" },
    { date: "2026-02-19", name: "春节" },
    { date: "2026-02-20", name: "春节" },
    { date: "2026-02-21", name: "春节" },
    { date: "2026-02-22", name: "春节" },
    { date: "2026-02-23", name: "春节" },
    { date: "2026-04-04", name: "清明节" },
    { date: "2026-04-05", name: "清明节" },
    { date: "2026-04-06", name: "清明节" },
    { date: "2026-05-01", name: "劳动节" },
    { date: "2026-05-02", name: "劳动节" },
    { date: "2026-05-03", name: "劳动节" },
    { date: "2026-05-04", name: "劳动节" },
    { date: "2026-05-05", name: "劳动节" },
    { date: "2026-06-19", name: "端午节" },
    { date: "2026-06-20", name: "端午节" },
    { date: "2026-06-21", name: "端午节" },
    { date: "2026-09-25", name: "中秋节" },
    { date: "2026-09-26", name: "中秋节" },
    { date: "2026-09-27", name: "中秋节" },
    { date: "2026-10-01", name: "国庆节" },
    { date: "2026-10-02", name: "国庆节" },
    { date: "2026-10-03", name: "国庆节" },
    { date: "2026-10-04", name: "国庆节" },
    { date: "2026-10-05", name: "国庆节" },
    { date: "2026-10-06", name: "国庆节" },
    { date: "2026-10-07", name: "国庆节" },
  ],
  workdays: [
    { date: "2024-02-04", name: "春节调休上班" },
    { date: "2024-02-18", name: "春节调休上班" },
    { date: "2024-04-07", name: "清明节调休上班" },
    { date: "2024-04-28", name: "劳动节调休上班" },
    { date: "2024-05-11", name: "劳动节调休上班" },
    { date: "2024-09-14", name: "中秋节调休上班" },
    { date: "2024-09-29", name: "国庆节调休上班" },
    { date: "2024-10-12", name: "国庆节调休上班" },
    { date: "2025-01-26", name: "春节调休上班" },
    { date: "2025-02-08", name: "春节调休上班" },
    { date: "2025-04-27", name: "劳动节调休上班" },
    { date: "2025-09-28", name: "国庆节、中秋节调休上班" },
    { date: "2025-10-11", name: "国庆节、中秋节调休上班" },
    { date: "2026-01-04", name: "元旦调休上班" },
    { date: "2026-02-14", name: "春节调休上班" },
    { date: "2026-02-28", name: "春节调休上班" },
    { date: "2026-05-09", name: "劳动节调休上班" },
    { date: "2026-09-20", name: "国庆节调休上班" },
    { date: "2026-10-10", name: "国庆节调休上班" },
  ],
  years: [2024, 2026],
  sources: [
    "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号），2023-10-25",
    "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号），2024-11-12",
    "国务院办公厅关于2026年部分节假日安排的通知，2025-11-04",
  ],
};
