/**
 * The number of days in a month of the proleptic Gregorian calendar.
 *
 * @param year - full year, e.g. 2028
 * @param month - 1 (January) – 12 (December)
 * @returns 28–31
 *
 * @example
 * ```ts
 * import { daysInMonth } from "@ops/core";
 * daysInMonth(2028, 2);
 * // => 29
 * daysInMonth(2026, 2);
 * // => 28
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}
