import { OpsError } from "../error/OpsError";
import { assertInstant, type Instant } from "../instant/Instant";
import { readOptions } from "../_lib/readOptions";
import { type CompiledTimeZone, offsetsOf } from "./_lib/zoneArg";
import { partsAt } from "./_lib/zoneMath";
import type { TimeZone } from "./timeZone";

/** Options of {@link formatLocalDateTime}. */
export interface FormatLocalDateTimeOptions {
  /** The last field written: `"minute"`, `"second"` (default) or `"millisecond"`. */
  readonly precision?: "minute" | "second" | "millisecond";
  /** Append the UTC offset in force (`+08:00`), making the text an unambiguous instant (RFC 3339 §5.6 with a space). Default `false`. */
  readonly offset?: boolean;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** ISO 8601 years: four digits for 0000–9999, else a sign and six digits (as `Date#toISOString`). */
const yearText = (y: number): string =>
  y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? "-" : "+"}${pad(Math.abs(y), 6)}`;

/**
 * The wall-clock reading of `instant` in `zone` as people read it in a report —
 * `"2026-11-03 21:15:07"` — instead of a UTC ISO string. The inverse of
 * {@link parseLocalDateTime} (without `offset`, a time repeated by a DST overlap reads the
 * same twice: add `offset: true` where the text must name one instant).
 *
 * @param instant - epoch milliseconds
 * @param zone - an IANA time-zone name, or a zone compiled by {@link compileTimeZone} (faster in loops)
 * @param options - `precision` (default `"second"`) and `offset` (default `false`)
 * @returns `YYYY-MM-DD HH:mm[:ss[.SSS]][±HH:MM]`
 * @throws {OpsError} `invalid_argument` for an invalid instant or options; `invalid_time_zone`
 * @example
 * ```ts
 * import { formatLocalDateTime, parseInstant } from "@ops/core";
 * formatLocalDateTime(parseInstant("2026-11-03T13:15:07Z"), "Asia/Shanghai");
 * // => "2026-11-03 21:15:07"
 * formatLocalDateTime(parseInstant("2026-11-01T05:30:00Z"), "America/New_York", { precision: "minute", offset: true });
 * // => "2026-11-01 01:30-04:00"
 * ```
 */
export function formatLocalDateTime(
  instant: Instant,
  zone: TimeZone | CompiledTimeZone,
  options: FormatLocalDateTimeOptions = {},
): string {
  const fn = "formatLocalDateTime";
  assertInstant(instant, fn, ["instant"]);
  const offsets = offsetsOf(zone, fn);
  const { precision = "second", offset = false } = readOptions(options, fn);
  if (precision !== "minute" && precision !== "second" && precision !== "millisecond") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "precision"],
      rule: 'must be "minute", "second" or "millisecond"',
      received: precision,
    });
  }
  if (typeof offset !== "boolean") {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "offset"],
      rule: "must be a boolean",
      received: offset,
    });
  }
  const minutes = offsets(instant);
  const p = partsAt(instant, minutes);
  let text = `${yearText(p.year)}-${pad(p.month, 2)}-${pad(p.day, 2)} ${pad(p.hour, 2)}:${pad(p.minute, 2)}`;
  if (precision !== "minute") text += `:${pad(p.second, 2)}`;
  if (precision === "millisecond") text += `.${pad(p.millisecond, 3)}`;
  if (offset) {
    // whole minutes for every zone today; local mean time before 1900 has seconds (+08:05:43), written too
    const s = Math.round(Math.abs(minutes) * 60);
    text += `${minutes < 0 ? "-" : "+"}${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}`;
    if (s % 60 !== 0) text += `:${pad(s % 60, 2)}`;
  }
  return text;
}
