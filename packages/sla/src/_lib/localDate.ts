// Local calendar dates as day numbers (days since 1970-01-01), independent of any zone.
export const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" → day number; the string is already validated. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Day number → "YYYY-MM-DD". */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday index 0 = Monday … 6 = Sunday of a day number (1970-01-01 was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Whether "YYYY-MM-DD" names a date that exists. */
export function isRealDate(date: string): boolean {
  const day = dayNumber(date);
  return Number.isInteger(day) && dateOfDay(day) === date;
}

/** "HH:mm" → minutes after midnight ("24:00" → 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
