import { readOptions } from "../_lib/readOptions";
import * as z from "zod/mini";
import { OpsError } from "../error/OpsError";
import { daysFromCivil, monthLength } from "../_lib/civil";
import { outOfRange } from "../_lib/outOfRange";

/**
 * A point in time as integer milliseconds since the Unix epoch (UTC), the unit of
 * `Date.prototype.getTime()`. Every \@ops function takes and returns instants in this form;
 * zones only matter where local calendar parts are asked for.
 */
export type Instant = number;

/**
 * The largest instant ECMAScript dates can hold: ±8.64e15 ms (±100 000 000 days), i.e.
 * `-271821-04-20T00:00:00.000Z` to `+275760-09-13T00:00:00.000Z` (ECMA-262 §21.4.1.1, "Time
 * Values and Time Range"). Every \@ops function takes instants in this range, and one whose
 * result would leave it throws `OpsError` `out_of_range` rather than returning NaN.
 */
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
 * `2026-03-08T17:30:00.250+08:00`, and the expanded years `±YYYYYY` that
 * `Date.prototype.toISOString` prints outside 0000–9999 (`+275760-09-13T00:00:00.000Z`,
 * `-000001-01-01T00:00:00.000Z`; `-000000` is refused, as ECMA-262 §21.4.1.32 does). Without
 * an offset a date-time is ambiguous, so it is refused (use {@link fromLocalParts} with a zone).
 */
const ISO_DATE_TIME =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO-8601 date-time with an offset into an {@link Instant}. Fractions beyond
 * milliseconds are truncated; a leap second (`:60`) is refused. Years are read as written:
 * `0050` is the year 50 (proleptic Gregorian, year 0 = 1 BC), not 1950 as `Date.UTC(50, …)`
 * would have it, so `parseInstant(formatInstant(t)) === t` for every instant `t`.
 *
 * @param text - e.g. `"2026-03-08T09:30:00+08:00"`
 * @param options - `fn` names the caller in error messages
 * @returns epoch milliseconds
 * @throws {OpsError} `invalid_argument` for options that are not an object (`null` included) or a non-string `fn`,
 *   and if the text is not such a date-time or names an impossible
 *   date; `out_of_range` if it is a real date-time outside ±{@link MAX_INSTANT}
 *   (`+275760-09-13T00:00:00.001Z`): the text is well formed, only no instant can hold it
 *
 * @example
 * ```ts
 * import { parseInstant } from "@ops/core";
 * parseInstant("2026-03-08T09:30:00+08:00");
 * // => 1772933400000
 * parseInstant("2026-03-08T01:30:00.5Z");
 * // => 1772933400500
 * parseInstant("+275760-09-13T00:00:00.000Z");
 * // => 8640000000000000
 * ```
 */
export function parseInstant(text: string, options: { fn?: string } = {}): Instant {
  const fn = readOptions(options, "parseInstant").fn ?? "parseInstant";
  if (typeof fn !== "string") {
    throw new OpsError({
      code: "invalid_argument",
      fn: "parseInstant",
      path: ["options", "fn"],
      rule: "must be a string",
      received: fn,
    });
  }
  const m = typeof text === "string" ? ISO_DATE_TIME.exec(text) : null;
  if (!m) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      rule: "must be an ISO-8601 date-time with an offset (e.g. 2026-03-08T09:30:00+08:00)",
      received: text,
    });
  }
  const [, y = "", mo, d, h, mi, s, frac, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  const ms = frac ? Number(frac.padEnd(3, "0").slice(0, 3)) : 0;
  const offsetMinutes = zulu ? 0 : (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (
    y === "-000000" ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > monthLength(year, month) ||
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
  const instant =
    (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60) * 1000 + ms;
  if (!(Math.abs(instant) <= MAX_INSTANT)) {
    throw outOfRange(fn, [], "names an instant", text);
  }
  return instant;
}

/**
 * Formats an {@link Instant} as an ISO-8601 UTC string with milliseconds
 * (`Date.prototype.toISOString`): four-digit years for 0000–9999, six digits with a sign
 * (`-000001`, `+010000`) outside them. {@link parseInstant} reads every such string back.
 *
 * @throws {OpsError} `invalid_argument` if the value is not a valid instant
 *
 * @example
 * ```ts
 * import { formatInstant } from "@ops/core";
 * formatInstant(1772933400000);
 * // => "2026-03-08T01:30:00.000Z"
 * formatInstant(-8.64e15);
 * // => "-271821-04-20T00:00:00.000Z"
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
