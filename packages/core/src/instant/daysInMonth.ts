import { OpsError } from "../error/OpsError";
import { monthLength } from "../_lib/civil";

/**
 * The number of days in a month of the proleptic Gregorian calendar (ISO 8601): February
 * has 29 days in years divisible by 4, except centuries not divisible by 400 (1900: 28,
 * 2000: 29). Year 0 is 1 BC, a leap year.
 *
 * @param year - full year, e.g. 2028 (a safe integer; 50 means the year 50, not 1950)
 * @param month - 1 (January) – 12 (December)
 * @returns 28–31
 * @throws {OpsError} `invalid_argument` for a year that is not a safe integer or a month outside 1–12
 *   (`daysInMonth(2026, 13)` does not roll over into the next January)
 *
 * @example
 * ```ts
 * import { daysInMonth } from "@ops/core";
 * daysInMonth(2028, 2);
 * // => 29
 * daysInMonth(2026, 2);
 * // => 28
 * daysInMonth(1900, 2);
 * // => 28
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isSafeInteger(year)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "daysInMonth",
      path: ["year"],
      rule: "must be a safe integer",
      received: year,
    });
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "daysInMonth",
      path: ["month"],
      rule: "must be an integer from 1 (January) to 12 (December)",
      received: month,
    });
  }
  return monthLength(year, month);
}
