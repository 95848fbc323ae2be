import { timingSafeEqual } from "../_lib/crypto";

/**
 * Compares two strings (a received signature and the expected one) in time that depends
 * only on their lengths: every UTF-16 unit is compared, with no early exit at the first
 * difference, so the response time does not tell an attacker how many leading characters
 * of a forged signature were right. Use it for every secret comparison in `verify`
 * (a plain `===` stops at the first difference). Not a string is never equal.
 *
 * @param a - one string (e.g. the expected `sha256=…`)
 * @param b - the other (e.g. the header value)
 * @returns whether they are equal
 *
 * @example
 * ```ts
 * import { constantTimeEqual } from "@ops/interaction/adapters";
 * [constantTimeEqual("sha256=ab", "sha256=ab"), constantTimeEqual("sha256=ab", "sha256=ac")];
 * // => [true, false]
 * ```
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (typeof a !== "string" || typeof b !== "string") return false;
  return timingSafeEqual(a, b);
}
