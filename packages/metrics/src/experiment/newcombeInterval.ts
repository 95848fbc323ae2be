import { parseOrThrow } from "@ops/core";
import { zForConfidence } from "../_lib/normalDist";
import { wilsonBounds } from "../_lib/wilsonBounds";
import {
  IntervalOptionsSchema,
  ProportionSchema,
  type IntervalOptions,
  type Proportion,
  type ProportionInterval,
} from "./Proportion";

/**
 * The Newcombe hybrid score interval for the difference of two rates, B − A (the lift in
 * percentage points of a variant over a control).
 *
 * With d = p̂B − p̂A and Wilson bounds [lA, uA], [lB, uB] at the same confidence,
 * lower = d − √((p̂B − lB)² + (uA − p̂A)²) and upper = d + √((uB − p̂B)² + (p̂A − lA)²).
 * It inherits Wilson's good coverage at small counts and at 0 % or 100 %, where the Wald
 * difference interval fails. Source: R. G. Newcombe, "Interval estimation for the
 * difference between independent proportions: comparison of eleven methods", Statistics
 * in Medicine 17 (1998) 873–890, method 10.
 *
 * @param a - the control `{ successes, trials }`
 * @param b - the variant `{ successes, trials }`
 * @param options - `confidence`, default 0.95
 * @returns the interval of pB − pA; when either arm has 0 trials, `estimate: null`, bounds [−1, 1] and `reason: "no_trials"`
 * @throws {OpsError} `invalid_argument` for negative or fractional counts, successes above trials, or a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { newcombeInterval } from "@ops/metrics";
 * // Newcombe (1998), Table II, example (a): 56/70 − 48/80 → 0.0524 to 0.3339
 * const ci = newcombeInterval({ successes: 48, trials: 80 }, { successes: 56, trials: 70 });
 * [Math.round(ci.lower * 1e4) / 1e4, Math.round(ci.upper * 1e4) / 1e4];
 * // => [0.0524, 0.3339]
 * ```
 */
export function newcombeInterval(a: Proportion, b: Proportion, options: IntervalOptions = {}): ProportionInterval {
  const fn = "newcombeInterval";
  const ra = parseOrThrow(ProportionSchema, a, { fn, path: ["a"] });
  const rb = parseOrThrow(ProportionSchema, b, { fn, path: ["b"] });
  const confidence = parseOrThrow(IntervalOptionsSchema, options, { fn, path: ["options"] }).confidence ?? 0.95;
  if (ra.trials === 0 || rb.trials === 0)
    return { estimate: null, lower: -1, upper: 1, confidence, reason: "no_trials" };
  const z = zForConfidence(confidence);
  const pa = ra.successes / ra.trials;
  const pb = rb.successes / rb.trials;
  const [la, ua] = wilsonBounds(ra.successes, ra.trials, z);
  const [lb, ub] = wilsonBounds(rb.successes, rb.trials, z);
  const d = pb - pa;
  const lower = d - Math.sqrt((pb - lb) ** 2 + (ua - pa) ** 2);
  const upper = d + Math.sqrt((ub - pb) ** 2 + (pa - la) ** 2);
  return { estimate: d, lower: Math.max(-1, lower), upper: Math.min(1, upper), confidence };
}
