import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { phi, phiUpper } from "../_lib/normalDist";
import { AlternativeSchema, type Alternative } from "./Alternative";
import { ProportionSchema, type Proportion } from "./Proportion";

/** Options of {@link twoProportionZTest}. */
export interface TwoProportionZTestOptions {
  /** Default `"two-sided"`; `"greater"` tests pB > pA. */
  readonly alternative?: Alternative;
}

/** Schema of {@link TwoProportionZTestOptions}. */
export const TwoProportionZTestOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ alternative: z.optional(AlternativeSchema) }))();

/** The outcome of {@link twoProportionZTest}. */
export type TwoProportionZTestResult =
  | {
      /** The standardised difference (pB − pA)/SE₀. */
      readonly z: number;
      readonly pValue: number;
      /** z², the uncorrected Pearson chi-square of the 2×2 table (1 degree of freedom). */
      readonly chiSquare: number;
      /** pB − pA. */
      readonly difference: number;
      /** The pooled rate (xA + xB)/(nA + nB) under the null hypothesis. */
      readonly pooledRate: number;
      readonly alternative: Alternative;
    }
  | {
      readonly z: null;
      readonly pValue: null;
      readonly chiSquare: null;
      readonly difference: number | null;
      readonly pooledRate: number | null;
      readonly alternative: Alternative;
      /** `no_trials`: an arm is empty; `no_variance`: every trial succeeded or every one failed. */
      readonly reason: "no_trials" | "no_variance";
    };

/**
 * The pooled two-proportion z-test of H₀: pA = pB — equal to the uncorrected chi-square
 * test of the 2×2 table (z² = χ²).
 *
 * z = (p̂B − p̂A) / √(p̂(1 − p̂)(1/nA + 1/nB)) with the pooled p̂ = (xA + xB)/(nA + nB);
 * the two-sided p-value is 2·(1 − Φ(|z|)). Use it when every expected cell count of the
 * 2×2 table is at least about 5; below that use {@link fisherExactTest}. Source: e.g.
 * A. Agresti, "Categorical Data Analysis" (3rd ed., 2013), §3.1; equals R's
 * `prop.test(c(xB, xA), c(nB, nA), correct = FALSE)` and scipy's
 * `chi2_contingency(table, correction=False)`.
 *
 * @param a - the control `{ successes, trials }`
 * @param b - the variant `{ successes, trials }`
 * @param options - `alternative`, default `"two-sided"`
 * @returns `{ z, pValue, chiSquare, difference, pooledRate, alternative }`, or nulls with a `reason` when the test is undefined
 * @throws {OpsError} `invalid_argument` for negative or fractional counts, successes above trials, or an unknown alternative
 *
 * @example
 * ```ts
 * import { twoProportionZTest } from "@ops/metrics";
 * // 120/1000 vs 150/1000: z ≈ 1.963, p ≈ 0.0496 (scipy.stats.chi2_contingency(..., correction=False))
 * const t = twoProportionZTest({ successes: 120, trials: 1000 }, { successes: 150, trials: 1000 });
 * [Math.round((t.z ?? 0) * 1000) / 1000, Math.round((t.pValue ?? 0) * 10000) / 10000];
 * // => [1.963, 0.0496]
 * ```
 */
export function twoProportionZTest(
  a: Proportion,
  b: Proportion,
  options: TwoProportionZTestOptions = {},
): TwoProportionZTestResult {
  const fn = "twoProportionZTest";
  const ra = parseOrThrow(ProportionSchema, a, { fn, path: ["a"] });
  const rb = parseOrThrow(ProportionSchema, b, { fn, path: ["b"] });
  const alternative =
    parseOrThrow(TwoProportionZTestOptionsSchema, options, { fn, path: ["options"] }).alternative ?? "two-sided";
  if (ra.trials === 0 || rb.trials === 0) {
    return {
      z: null,
      pValue: null,
      chiSquare: null,
      difference: null,
      pooledRate: null,
      alternative,
      reason: "no_trials",
    };
  }
  const difference = rb.successes / rb.trials - ra.successes / ra.trials;
  const pooledRate = (ra.successes + rb.successes) / (ra.trials + rb.trials);
  const variance = pooledRate * (1 - pooledRate) * (1 / ra.trials + 1 / rb.trials);
  if (variance === 0)
    return { z: null, pValue: null, chiSquare: null, difference, pooledRate, alternative, reason: "no_variance" };
  const z = difference / Math.sqrt(variance);
  const pValue =
    alternative === "greater" ? phiUpper(z) : alternative === "less" ? phi(z) : Math.min(1, 2 * phiUpper(Math.abs(z)));
  return { z, pValue, chiSquare: z * z, difference, pooledRate, alternative };
}
