import * as z from "zod/mini";
import { OpsError } from "../error/OpsError";
import { daysInMonth } from "./daysInMonth";

/**
 * A point in time as integer milliseconds since the Unix epoch (UTC), the unit of
 * `Date.prototype.getTime()`. Every \@ops function takes and returns instants in this form;
 * zones only matter where local calendar parts are asked for.
 */
export type Instant = number;

/** The largest instant ECMAScript dates can hold: ±8.64e15 ms (±100 000 000 days). */
export const MAX_INSTANT: Instant = 8.64e15;

/**
 * Schema of an {@link Instant}: an integer number of epoch milliseconds within
 * ±{@link MAX_INSTANT}.
 *
 * @example
 * ```ts
 * import { InstantSchema } from "@ops/core";
 * InstantSchema.safeParse(1_700_000_000_000).success;
 * // => true
 * InstantSchema.safeParse(Number.NaN).success;
 * // => false
 * ```
 */
export const InstantSchema = /* @__PURE__ */ (() =>
  z
    .int({ error: "must be an integer number of epoch milliseconds" })
    .check(
      z.minimum(-MAX_INSTANT, { error: "must be ≥ -8.64e15 epoch milliseconds" }),
      z.maximum(MAX_INSTANT, { error: "must be ≤ 8.64e15 epoch milliseconds" }),
    ))();

/**
 * ISO-8601 / RFC 3339 date-time with a mandatory offset: `2026-03-08T09:30:00Z`,
 * `2026-03-08T17:30:00.250+08:00`. Without an offset a date-time is ambiguous, so it is
 * refused (use {@link fromLocalParts} with a zone instead).
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO-8601 date-time with an offset into an {@link Instant}. Fractions beyond
 * milliseconds are truncated; a leap second (`:60`) is refused.
 *
 * @param text - e.g. `"2026-03-08T09:30:00+08:00"`
 * @param options - `fn` names the caller in error messages
 * @returns epoch milliseconds
 * @throws {OpsError} `invalid_argument` if the text is not such a date-time or names an impossible date
 *
 * @example
 * ```ts
 * import { parseInstant } from "@ops/core";
 * parseInstant("2026-03-08T09:30:00+08:00");
 * // => 1772933400000
 * parseInstant("2026-03-08T01:30:00.5Z");
 * // => 1772933400500
 * ```
 */
export function parseInstant(text: string, options: { fn?: string } = {}): Instant {
  const fn = options.fn ?? "parseInstant";
  const m = typeof text === "string" ? ISO_DATE_TIME.exec(text) : null;
  if (!m) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      rule: "must be an ISO-8601 date-time with an offset (e.g. 2026-03-08T09:30:00+08:00)",
      received: text,
    });
  }
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  const ms = frac ? Number(frac.padEnd(3, "0").slice(0, 3)) : 0;
  const offsetMinutes = zulu ? 0 : (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const dim = daysInMonth(year, month);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > dim ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    Math.abs(offsetMinutes) > 18 * 60
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      rule: "must name a real calendar date, time and offset",
      received: text,
    });
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/**
 * Formats an {@link Instant} as an ISO-8601 UTC string with milliseconds
 * (`Date.prototype.toISOString`).
 *
 * @throws {OpsError} `invalid_argument` if the value is not a valid instant
 *
 * @example
 * ```ts
 * import { formatInstant } from "@ops/core";
 * formatInstant(1772933400000);
 * // => "2026-03-08T01:30:00.000Z"
 * ```
 */
export function formatInstant(instant: Instant): string {
  assertInstant(instant, "formatInstant");
  return new Date(instant).toISOString();
}

/**
 * Throws unless `value` is a valid {@link Instant}. For hot paths that cannot afford a
 * zod parse per value.
 *
 * @throws {OpsError} `invalid_argument` naming `fn` and `path`
 *
 * @example
 * ```ts
 * import { assertInstant } from "@ops/core";
 * assertInstant(0, "demo");
 * // => undefined
 * ```
 */
export function assertInstant(
  value: unknown,
  fn: string,
  path: readonly (string | number)[] = [],
): asserts value is Instant {
  if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > MAX_INSTANT) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be an integer number of epoch milliseconds within ±8.64e15",
      received: value,
    });
  }
}

/**
 * Schema accepting the forms in which instants arrive at a boundary — epoch milliseconds,
 * an ISO-8601 string with offset, or a valid `Date` — and producing an {@link Instant}.
 *
 * @example
 * ```ts
 * import { InstantInputSchema } from "@ops/core";
 * InstantInputSchema.parse("1970-01-01T00:00:01Z");
 * // => 1000
 * InstantInputSchema.parse(new Date(5));
 * // => 5
 * ```
 */
export const InstantInputSchema = /* @__PURE__ */ (() =>
  z.union([
    InstantSchema,
    z.pipe(
      z.string(),
      z.transform((text: string, ctx) => {
        try {
          return parseInstant(text);
        } catch (error) {
          ctx.issues.push({ code: "custom", input: text, message: (error as OpsError).rule });
          return z.NEVER;
        }
      }),
    ),
    z.pipe(
      z.date({ error: "must be a valid Date" }),
      z.pipe(
        z.transform((d: Date) => d.getTime()),
        InstantSchema,
      ),
    ),
  ]))();
