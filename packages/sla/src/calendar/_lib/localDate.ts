// Local calendar dates as day numbers (days since 1970-01-01), independent of any zone.
// Plain arithmetic, no `Date`: the days around the ends of the instant range (a local day
// past +275760-09-13 in a zone east of UTC) and years 0000–0099 (which `Date.UTC` would
// read as 1900–1999) are days like any other. Algorithms `days_from_civil` /
// `civil_from_days` of Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (http://howardhinnant.github.io/date_algorithms.html).
export const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" → day number; the day may run past the month (`"2026-02-30"` is 2026-03-02). */
export function dayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Day number → "YYYY-MM-DD" (a year beyond 0000–9999 is written with its sign and six digits, as ISO 8601 extends it). */
export function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const yyyy =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, "0")
      : `${year < 0 ? "-" : "+"}${String(Math.abs(year)).padStart(6, "0")}`;
  return `${yyyy}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The year of a day number. */
export function yearOfDay(day: number): number {
  const date = dateOfDay(day);
  return Number(date.slice(0, date.length - 6));
}

/** ISO weekday index 0 = Monday … 6 = Sunday of a day number (1970-01-01 was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Whether "YYYY-MM-DD" (already matching the pattern) names a date that exists. */
export function isRealDate(date: string): boolean {
  return dateOfDay(dayNumber(date)) === date;
}

/** "HH:mm" → minutes after midnight ("24:00" → 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
