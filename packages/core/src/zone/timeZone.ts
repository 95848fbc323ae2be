import * as z from "zod/mini";
import { OpsError, type ErrorPath } from "../error/OpsError";

/**
 * An IANA time-zone name such as `"Asia/Shanghai"`, `"America/New_York"` or `"UTC"`.
 * Fixed offsets (`"+08:00"`) are refused on purpose: they do not follow DST rules, so a
 * calendar built on one is wrong half the year.
 */
export type TimeZone = string;

/**
 * Zone names already checked. Building an `Intl.DateTimeFormat` costs ~80 µs, so the
 * answer is memoised, as @date-fns/tz memoises its formatters. This is a cache of a pure
 * answer of the runtime: it never changes a result, only how fast it comes.
 */
const checked = new Map<string, boolean>();
const MAX_CHECKED = 512;

/**
 * Tells whether `name` is an IANA time-zone name that this runtime's `Intl` knows.
 * Aliases (`"Asia/Calcutta"`) are accepted, fixed offsets are not.
 *
 * @example
 * ```ts
 * import { isValidTimeZone } from "@ops/core";
 * isValidTimeZone("Asia/Shanghai");
 * // => true
 * isValidTimeZone("Mars/Olympus_Mons");
 * // => false
 * isValidTimeZone("+08:00");
 * // => false
 * ```
 */
export function isValidTimeZone(name: unknown): name is TimeZone {
  if (typeof name !== "string" || name.length === 0 || /^[+\-\u2212]/.test(name)) return false;
  const known = checked.get(name);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    valid = true;
  } catch {
    valid = false;
  }
  if (checked.size >= MAX_CHECKED) checked.clear();
  checked.set(name, valid);
  return valid;
}

/**
 * Schema of a {@link TimeZone}: a string that {@link isValidTimeZone} accepts.
 *
 * @example
 * ```ts
 * import { TimeZoneSchema } from "@ops/core";
 * TimeZoneSchema.safeParse("Europe/London").success;
 * // => true
 * TimeZoneSchema.safeParse("Europe/Londn").success;
 * // => false
 * ```
 */
export const TimeZoneSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.refine(isValidTimeZone, { error: "must be an IANA time-zone name known to this runtime (e.g. Asia/Shanghai)" }),
    ))();

/**
 * Throws unless `zone` is a valid IANA time-zone name.
 *
 * @throws {OpsError} `invalid_time_zone`, naming `fn` and `path`
 *
 * @example
 * ```ts
 * import { assertTimeZone } from "@ops/core";
 * assertTimeZone("Asia/Shanghai", "demo");
 * // => undefined
 * ```
 */
export function assertTimeZone(zone: unknown, fn: string, path: ErrorPath = ["timeZone"]): asserts zone is TimeZone {
  if (!isValidTimeZone(zone)) {
    throw new OpsError({
      code: "invalid_time_zone",
      fn,
      path,
      rule: "must be an IANA time-zone name known to this runtime (e.g. Asia/Shanghai)",
      received: zone,
    });
  }
}
