import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { logChoose } from "../_lib/gammaFn";
import { AlternativeSchema, type Alternative } from "./Alternative";
import { ProportionSchema, type Proportion } from "./Proportion";

/** Options of {@link fisherExactTest}. */
export interface FisherExactTestOptions {
  /** Default `"two-sided"`; `"greater"` tests pB > pA (odds ratio > 1). */
  readonly alternative?: Alternative;
}

/** Schema of {@link FisherExactTestOptions}. */
export const FisherExactTestOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ alternative: z.optional(AlternativeSchema) }))();

/** The outcome of {@link fisherExactTest}. */
export interface FisherExactTestResult {
  readonly pValue: number;
  /** The sample odds ratio xB(nA − xA) / ((nB − xB)xA); `null` when a cell is 0. */
  readonly oddsRatio: number | null;
  readonly alternative: Alternative;
}

/**
 * Fisher's exact test of H₀: pA = pB for small counts, conditioning on the margins of the
 * 2×2 table.
 *
 * Under H₀ and fixed margins, the successes of B follow the hypergeometric distribution
 * P(X = k) = C(K, k)·C(N − K, nB − k) / C(N, nB), with K = xA + xB and N = nA + nB.
 * `"greater"` sums P(X ≥ xB), `"less"` sums P(X ≤ xB), and `"two-sided"` sums every
 * table no more likely than the observed one (with R's relative tolerance 1 + 10⁻⁷).
 * Source: R. A. Fisher, "Statistical Methods for Research Workers" (1925); R's
 * `fisher.test` and scipy's `fisher_exact` (same two-sided rule).
 *
 * @param a - the control `{ successes, trials }`
 * @param b - the variant `{ successes, trials }`
 * @param options - `alternative`, default `"two-sided"`
 * @returns `{ pValue, oddsRatio, alternative }` (an empty arm gives p = 1)
 * @throws {OpsError} `invalid_argument` for negative or fractional counts, successes above trials, or an unknown alternative
 *
 * @example
 * ```ts
 * import { fisherExactTest } from "@ops/metrics";
 * // 1/10 vs 6/10 entrants after a prize change: scipy.stats.fisher_exact([[6, 4], [1, 9]]) → p = 0.0572755
 * const t = fisherExactTest({ successes: 1, trials: 10 }, { successes: 6, trials: 10 });
 * Math.round(t.pValue * 1e5) / 1e5;
 * // => 0.05728
 * ```
 */
export function fisherExactTest(
  a: Proportion,
  b: Proportion,
  options: FisherExactTestOptions = {},
): FisherExactTestResult {
  const fn = "fisherExactTest";
  const ra = parseOrThrow(ProportionSchema, a, { fn, path: ["a"] });
  const rb = parseOrThrow(ProportionSchema, b, { fn, path: ["b"] });
  const alternative =
    parseOrThrow(FisherExactTestOptionsSchema, options, { fn, path: ["options"] }).alternative ?? "two-sided";
  const xA = ra.successes;
  const xB = rb.successes;
  const fA = ra.trials - xA;
  const fB = rb.trials - xB;
  const oddsRatio = xA === 0 || fB === 0 ? null : (xB * fA) / (fB * xA);
  const N = ra.trials + rb.trials;
  const K = xA + xB;
  const nB = rb.trials;
  const lo = Math.max(0, nB - (N - K));
  const hi = Math.min(K, nB);
  const logDenom = logChoose(N, nB);
  const prob = (k: number): number => Math.exp(logChoose(K, k) + logChoose(N - K, nB - k) - logDenom);
  let pValue = 0;
  if (alternative === "greater") for (let k = xB; k <= hi; k++) pValue += prob(k);
  else if (alternative === "less") for (let k = lo; k <= xB; k++) pValue += prob(k);
  else {
    const observed = prob(xB) * (1 + 1e-7);
    for (let k = lo; k <= hi; k++) {
      const pk = prob(k);
      if (pk <= observed) pValue += pk;
    }
  }
  return { pValue: Math.min(1, pValue), oddsRatio, alternative };
}
