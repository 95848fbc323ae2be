// Quotients that must stay finite: a ratio whose value would overflow the double range is
// refused with `out_of_range` (no finite number answers it), never returned as ±Infinity.
import { type ErrorPath, OpsError } from "@ops/core";

/**
 * Why a {@link Rate} has no value: its denominator is 0, or its numerator cannot be known
 * from the data given (e.g. gross follower gains from snapshots without daily gains).
 */
export type RateNullReason = "zero_denominator" | "unknown_numerator";

/**
 * A rate as a value with its parts, so that it can be re-aggregated and audited:
 * `value = numerator / denominator`, or `value: null` with a `reason` when the
 * denominator is 0 — never `NaN` or `Infinity`.
 */
export interface Rate {
  /** `numerator / denominator`, or `null` when it is undefined. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  /** `null` when `value` is a number, otherwise why it is not. */
  readonly reason: RateNullReason | null;
}

/**
 * `numerator / denominator` for a finite numerator and a non-zero finite denominator, or an
 * `out_of_range` OpsError at `path` when the quotient overflows (|quotient| > Number.MAX_VALUE:
 * a denominator too close to 0 for its numerator, e.g. 4 / 5e-324).
 */
export function finiteRatio(numerator: number, denominator: number, fn: string, path: ErrorPath, rule: string): number {
  const q = numerator / denominator;
  if (q === Infinity || q === -Infinity)
    throw new OpsError({ code: "out_of_range", fn, path, rule, received: denominator });
  return q;
}

/** The {@link Rate} of validated parts: `null` with a reason for a zero denominator, else a finite quotient. */
export function rateOf(numerator: number, denominator: number, fn: string, path: ErrorPath): Rate {
  return denominator === 0
    ? { value: null, numerator, denominator, reason: "zero_denominator" }
    : { value: finiteRatio(numerator, denominator, fn, path, OVERFLOW_RULE), numerator, denominator, reason: null };
}

/** The rule a denominator breaks when the rate would overflow. */
const OVERFLOW_RULE = "must be 0 or not so close to 0 that the rate exceeds Number.MAX_VALUE";
