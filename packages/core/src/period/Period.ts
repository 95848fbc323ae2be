import * as z from "zod/mini";
import { type Instant, InstantSchema } from "../instant/Instant";

/**
 * A half-open time range `[start, end)` in epoch milliseconds: `start` is in it, `end` is
 * not. The one range type of every \@ops package (a report period, a campaign window, the
 * span a cadence check or an event calendar covers), as in date-fns' `Interval`
 * (`{ start, end }`) but half-open, so that consecutive periods tile without overlap.
 */
export interface Period {
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * Schema of a {@link Period}: two instants with `start < end` (an empty range is refused).
 *
 * @example
 * ```ts
 * import { PeriodSchema } from "@ops/core";
 * PeriodSchema.safeParse({ start: 0, end: 86_400_000 }).success;
 * // => true
 * PeriodSchema.safeParse({ start: 5, end: 5 }).success;
 * // => false
 * ```
 */
export const PeriodSchema = /* @__PURE__ */ (() =>
  z
    .object({ start: InstantSchema, end: InstantSchema })
    // z.check rather than z.refine: the same issue (custom, at `end`, not aborting), without
    // the custom-schema classes refine brings into every bundle that parses a period
    .check(
      z.check((p) => {
        if (!(p.value.start < p.value.end))
          p.issues.push({
            code: "custom",
            message: "must be after start",
            path: ["end"],
            input: p.value,
            continue: true,
          });
      }),
    ))();
