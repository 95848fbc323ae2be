import { OpsError } from "../error/OpsError";
import type { Instant } from "../instant/Instant";
import { monthLength } from "../_lib/civil";
import { readOptions } from "../_lib/readOptions";
import { checkDisambiguation, resolveWith, wallClockMs } from "./_lib/zoneMath";
import { type CompiledTimeZone, offsetsOf } from "./_lib/zoneArg";
import type { FromLocalPartsOptions } from "./fromLocalParts";
import type { TimeZone } from "./timeZone";

/** Options of {@link parseLocalDateTime}: how a DST gap or overlap resolves, as in {@link fromLocalParts}. */
export type ParseLocalDateTimeOptions = FromLocalPartsOptions;

/**
 * A local date-time as platform exports write it: year-month-day with `-` or `/` (one kind
 * in a text), month and day of one or two digits, then optionally a space or `T`, hour of
 * one or two digits, minutes, and optionally seconds and up to three fraction digits.
 */
const LOCAL = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

const FORMAT =
  "must be a local date-time without offset: YYYY-MM-DD, YYYY-MM-DD HH:mm or YYYY-MM-DD HH:mm:ss(.SSS) (`/` instead of `-`, `T` instead of the space, and one-digit month, day and hour allowed)";

/**
 * The instant at which the wall clock in `zone` reads `text`, a local date-time as
 * platform exports and spreadsheets write it — `"2026-11-03 21:15:07"`, `"2026/11/3 9:05"`,
 * `"2026-11-03"` (midnight) — with no UTC offset: the zone says where it was read. The
 * inverse of {@link formatLocalDateTime}; DST gaps and overlaps resolve by
 * `disambiguation` (Temporal's semantics, default `"compatible"`), as {@link fromLocalParts}.
 *
 * Text that carries an offset or `Z` is refused (it names an instant already: use
 * {@link parseInstant}), as are impossible dates (`2026-02-30`) and times (`24:00`).
 *
 * @param text - the local date-time (surrounding spaces allowed)
 * @param zone - an IANA time-zone name, e.g. `"Asia/Shanghai"`, or a zone compiled by {@link compileTimeZone}
 *   (faster when reading a column of a file)
 * @param options - `disambiguation`, default `"compatible"`
 * @returns epoch milliseconds
 * @throws {OpsError} `invalid_argument` naming `text` for a text of another shape, an impossible date or time, or a
 *   rejected gap/overlap; `invalid_time_zone`; `out_of_range` for an instant outside ±8.64e15
 * @example
 * ```ts
 * import { formatInstant, parseLocalDateTime } from "@ops/core";
 * formatInstant(parseLocalDateTime("2026-11-03 21:15:07", "Asia/Shanghai"));
 * // => "2026-11-03T13:15:07.000Z"
 * formatInstant(parseLocalDateTime("2026/3/8 2:30", "America/New_York")); // a DST gap: moved forward
 * // => "2026-03-08T07:30:00.000Z"
 * ```
 */
export function parseLocalDateTime(
  text: string,
  zone: TimeZone | CompiledTimeZone,
  options: ParseLocalDateTimeOptions = {},
): Instant {
  const fn = "parseLocalDateTime";
  if (typeof text !== "string") {
    throw new OpsError({ code: "invalid_argument", fn, path: ["text"], rule: "must be a string", received: text });
  }
  const offsets = offsetsOf(zone, fn);
  const disambiguation = checkDisambiguation(readOptions(options, fn).disambiguation ?? "compatible", fn, [
    "options",
    "disambiguation",
  ]);
  const m = text.length <= 64 ? LOCAL.exec(text.trim()) : null;
  if (!m) throw new OpsError({ code: "invalid_argument", fn, path: ["text"], rule: FORMAT, received: text });
  const [year, month, day, hour, minute, second] = [1, 3, 4, 5, 6, 7].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millisecond = m[8] === undefined ? 0 : Number(m[8].padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["text"],
      rule: "must name a date and time that exist (month 1–12, a day of that month, hour 0–23, minute and second 0–59)",
      received: text,
    });
  }
  return resolveWith(
    wallClockMs({ year, month, day, hour, minute, second, millisecond }),
    offsets,
    disambiguation,
    fn,
    {
      path: ["text"],
      what: "names a local time",
      received: text,
    },
  );
}
