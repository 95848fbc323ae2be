import { z } from "zod";
import type { Instant } from "../instant/Instant";
import { daysInMonth } from "../instant/daysInMonth";
import { parseOrThrow } from "../validate/parseOrThrow";
import { assertTimeZone, type TimeZone } from "./timeZone";
import { resolveLocal, wallClockMs } from "../_lib/zoneMath";

/** A local date and wall-clock time; omitted time fields are 0. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/**
 * How to resolve a wall-clock time that a DST change skips (a gap) or repeats (an
 * overlap), with the semantics of Temporal's `disambiguation` option:
 * - `compatible` (default): a gap moves forward by its length, an overlap takes the earlier instant;
 * - `earlier` / `later`: the earlier or later of the two candidate instants;
 * - `reject`: throw an {@link OpsError} (`invalid_argument`).
 */
export type Disambiguation = "compatible" | "earlier" | "later" | "reject";

/** Options of {@link fromLocalParts}. */
export interface FromLocalPartsOptions {
  readonly disambiguation?: Disambiguation;
}

/** Schema of a {@link LocalDateTime}. */
export const LocalDateTimeSchema = z
  .object({
    year: z.number().int().min(-271_820).max(275_759),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    hour: z.number().int().min(0).max(23).optional(),
    minute: z.number().int().min(0).max(59).optional(),
    second: z.number().int().min(0).max(59).optional(),
    millisecond: z.number().int().min(0).max(999).optional(),
  })
  .refine((p) => p.day <= daysInMonth(p.year, p.month), { error: "day must exist in that month", path: ["day"] });

/**
 * The instant at which the wall clock in `zone` reads `parts`. Inverse of
 * {@link localParts}, with DST gaps and overlaps resolved by `disambiguation`
 * (Temporal's algorithm: the two candidate offsets are those in force a day before and a
 * day after).
 *
 * @param parts - local date and time; omitted time fields are 0
 * @param zone - an IANA time-zone name
 * @param options - `disambiguation`, default `"compatible"`
 * @returns epoch milliseconds
 * @throws {OpsError} `invalid_argument` for impossible parts (Feb 30) or a rejected gap/overlap; `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { fromLocalParts, formatInstant } from "@ops/core";
 * formatInstant(fromLocalParts({ year: 2026, month: 3, day: 8, hour: 9 }, "Asia/Shanghai"));
 * // => "2026-03-08T01:00:00.000Z"
 * // 02:30 does not exist in New York on 2026-03-08: "compatible" moves it to 03:30 EDT
 * formatInstant(fromLocalParts({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York"));
 * // => "2026-03-08T07:30:00.000Z"
 * ```
 */
export function fromLocalParts(parts: LocalDateTime, zone: TimeZone, options: FromLocalPartsOptions = {}): Instant {
  parseOrThrow(LocalDateTimeSchema, parts, { fn: "fromLocalParts", path: ["parts"] });
  assertTimeZone(zone, "fromLocalParts", ["zone"]);
  return resolveLocal(wallClockMs(parts), zone, options.disambiguation ?? "compatible");
}
