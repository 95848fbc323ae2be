// The argument check of the quantile functions of continuous distributions (normalQuantile,
// studentTQuantile), written once.
import { OpsError } from "@ops/core";

/**
 * Refuses a `p` outside [0, 1] (`invalid_argument`) and the end points 0 and 1, whose quantile
 * is ∓Infinity (`out_of_range`): no \@ops output is ever ±Infinity.
 */
export function checkOpenProbability(p: unknown, fn: string): asserts p is number {
  if (typeof p !== "number" || !(p >= 0 && p <= 1))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["p"],
      rule: "must be a probability in [0, 1]",
      received: p,
    });
  if (p === 0 || p === 1)
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["p"],
      rule: "must be inside (0, 1): the quantile of 0 is −Infinity and of 1 is +Infinity",
      received: p,
    });
}
