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
 * The Wilson score confidence interval for a rate — the interval to use for conversion,
 * reply and participation rates, including 0 or 100 % and small samples.
 *
 * With p̂ = x/n and z = Φ⁻¹(1 − (1 − c)/2), the bounds are
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Unlike the Wald interval
 * p̂ ± z√(p̂(1 − p̂)/n) it never leaves [0, 1] and does not collapse to a point at 0/n.
 * Source: E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22 (1927) 209–212; Brown, Cai & DasGupta, "Interval Estimation for a
 * Binomial Proportion", Statistical Science 16(2), 2001. Matches R's
 * `prop.test(x, n, correct = FALSE)$conf.int` and statsmodels `proportion_confint(method="wilson")`.
 *
 * @param rate - `{ successes, trials }`
 * @param options - `confidence`, default 0.95
 * @returns `{ estimate, lower, upper, confidence }`; with 0 trials, `estimate: null`, bounds [0, 1] and `reason: "no_trials"`
 * @throws {OpsError} `invalid_argument` for negative or fractional counts, successes above trials, or a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { wilsonInterval } from "@ops/metrics";
 * // no reply among 20 DMs: still up to 16.1 % is plausible (R: prop.test(0, 20, correct = FALSE))
 * const ci = wilsonInterval({ successes: 0, trials: 20 });
 * [ci.lower, Math.round(ci.upper * 1000) / 1000];
 * // => [0, 0.161]
 * ```
 */
export function wilsonInterval(rate: Proportion, options: IntervalOptions = {}): ProportionInterval {
  const fn = "wilsonInterval";
  const { successes: x, trials: n } = parseOrThrow(ProportionSchema, rate, { fn, path: ["rate"] });
  const confidence = parseOrThrow(IntervalOptionsSchema, options, { fn, path: ["options"] }).confidence ?? 0.95;
  if (n === 0) return { estimate: null, lower: 0, upper: 1, confidence, reason: "no_trials" };
  const [lower, upper] = wilsonBounds(x, n, zForConfidence(confidence));
  return { estimate: x / n, lower, upper, confidence };
}
