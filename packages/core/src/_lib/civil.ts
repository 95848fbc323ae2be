// Proleptic Gregorian calendar arithmetic on plain numbers, for every year an instant can
// have (-271821 … 275760) and the wall-clock readings a little beyond: no `Date`, so no
// TimeClip (NaN past ±8.64e15 ms) and no two-digit-year shift (`Date.UTC(50, …)` is 1950).
// Algorithms `days_from_civil` / `civil_from_days` of Howard Hinnant, "chrono-Compatible
// Low-Level Date Algorithms" (http://howardhinnant.github.io/date_algorithms.html).

/** Milliseconds in a day. */
export const DAY = 86_400_000;

/** Days from 1970-01-01 to `year`-`month`-`day`; `day` may run past the month (linear in `day`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1; // [0, 365] within the month
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** `[year, month (1–12), day]` of the `days`-th day after 1970-01-01 (negative before). */
export function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153); // March = 0
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** Days in `month` (1–12) of `year`, unchecked. */
export function monthLength(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
