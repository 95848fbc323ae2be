import { parseOrThrow } from "@ops/core";
import { zForConfidence } from "../_lib/normalDist";
import {
  IntervalOptionsSchema,
  ProportionSchema,
  type IntervalOptions,
  type Proportion,
  type ProportionInterval,
} from "./Proportion";

/**
 * The Agresti–Coull ("add z²/2 successes and z²/2 failures") confidence interval for a rate.
 *
 * With ñ = n + z² and p̃ = (x + z²/2)/ñ, the interval is p̃ ± z·√(p̃(1 − p̃)/ñ), clipped to
 * [0, 1]. At 95 % this is close to "add two successes and two failures". It is a little
 * wider than {@link wilsonInterval} and shares its centre. The point estimate reported is
 * still the observed x/n.
 * Source: A. Agresti and B. A. Coull, "Approximate is better than 'exact' for interval
 * estimation of binomial proportions", The American Statistician 52(2), 1998, 119–126.
 * Matches statsmodels `proportion_confint(method="agresti_coull")`.
 *
 * @param rate - `{ successes, trials }`
 * @param options - `confidence`, default 0.95
 * @returns `{ estimate, lower, upper, confidence }`; with 0 trials, `estimate: null`, bounds [0, 1] and `reason: "no_trials"`
 * @throws {OpsError} `invalid_argument` for negative or fractional counts, successes above trials, or a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { agrestiCoullInterval } from "@ops/metrics";
 * const ci = agrestiCoullInterval({ successes: 0, trials: 20 });
 * [ci.lower, Math.round(ci.upper * 10000) / 10000];
 * // => [0, 0.1898]
 * ```
 */
export function agrestiCoullInterval(rate: Proportion, options: IntervalOptions = {}): ProportionInterval {
  const fn = "agrestiCoullInterval";
  const { successes: x, trials: n } = parseOrThrow(ProportionSchema, rate, { fn, path: ["rate"] });
  const confidence = parseOrThrow(IntervalOptionsSchema, options, { fn, path: ["options"] }).confidence ?? 0.95;
  if (n === 0) return { estimate: null, lower: 0, upper: 1, confidence, reason: "no_trials" };
  const z = zForConfidence(confidence);
  const nTilde = n + z * z;
  const pTilde = (x + (z * z) / 2) / nTilde;
  const half = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
  return { estimate: x / n, lower: Math.max(0, pTilde - half), upper: Math.min(1, pTilde + half), confidence };
}
