import { InstantSchema, type Instant } from "@ops/core";
import { z } from "zod";

/** A half-open time range `[start, end)` in epoch milliseconds. */
export interface Period {
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * Schema of a {@link Period}: two instants with `start < end`.
 *
 * @example
 * ```ts
 * import { PeriodSchema } from "@ops/metrics";
 * PeriodSchema.safeParse({ start: 0, end: 86_400_000 }).success;
 * // => true
 * PeriodSchema.safeParse({ start: 5, end: 5 }).success;
 * // => false
 * ```
 */
export const PeriodSchema = z
  .object({ start: InstantSchema, end: InstantSchema })
  .refine((p) => p.start < p.end, { error: "must be after start", path: ["end"] });
