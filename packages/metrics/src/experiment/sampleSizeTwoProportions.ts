import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { phiInverse } from "../_lib/normalDist";

/** The rates an experiment is planned around. */
export interface SampleSizeRates {
  /** The control's expected rate, in (0, 1). */
  readonly baseline: number;
  /** The variant's rate worth detecting, in (0, 1) and ≠ baseline (baseline + minimum detectable effect). */
  readonly expected: number;
}

/** Schema of {@link SampleSizeRates}. */
export const SampleSizeRatesSchema = /* @__PURE__ */ (() =>
  z
    .object({
      baseline: z
        .number()
        .check(z.gt(0, { error: "must be a probability > 0" }), z.lt(1, { error: "must be a probability < 1" })),
      expected: z
        .number()
        .check(z.gt(0, { error: "must be a probability > 0" }), z.lt(1, { error: "must be a probability < 1" })),
    })
    .check(z.refine((r) => r.baseline !== r.expected, { error: "must differ from baseline", path: ["expected"] })))();

/** Options of {@link sampleSizeTwoProportions}. */
export interface SampleSizeTwoProportionsOptions {
  /** Significance level (false-positive rate), default 0.05. */
  readonly alpha?: number;
  /** Probability of detecting the effect if it is real, in [0.5, 1); default 0.8. */
  readonly power?: number;
  /** Default `"two-sided"`; `"one-sided"` needs fewer users but cannot find a harmful change. */
  readonly sides?: "two-sided" | "one-sided";
}

/** Schema of {@link SampleSizeTwoProportionsOptions}. */
export const SampleSizeTwoProportionsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    alpha: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
    power: z.optional(z.number().check(z.minimum(0.5, { error: "must be ≥ 0.5" }), z.lt(1, { error: "must be < 1" }))),
    sides: z.optional(z.enum(["two-sided", "one-sided"])),
  }))();

/** The outcome of {@link sampleSizeTwoProportions}. */
export interface SampleSize {
  /** Users (trials) needed in each arm, rounded up. */
  readonly perArm: number;
  /** Both arms together. */
  readonly total: number;
}

/**
 * The fixed-horizon sample size per arm for comparing two rates with the pooled z-test —
 * decide it before the experiment starts and look at the result once, when it is reached.
 *
 * n = (z₁₋α·√(2·p̄(1 − p̄)) + z₁₋β·√(p₁(1 − p₁) + p₂(1 − p₂)))² / (p₁ − p₂)², with
 * p̄ = (p₁ + p₂)/2 and z₁₋α = Φ⁻¹(1 − α/2) two-sided (Φ⁻¹(1 − α) one-sided). This is
 * the closed form of R's `power.prop.test` (with `strict = FALSE`), rounded up.
 * Source: J. L. Fleiss, B. Levin, M. C. Paik, "Statistical Methods for Rates and
 * Proportions" (3rd ed., 2003), eq. 4.14 without continuity correction.
 *
 * @param rates - `baseline` and `expected` rates
 * @param options - `alpha` (0.05), `power` (0.8), `sides` (`"two-sided"`)
 * @returns `{ perArm, total }`
 * @throws {OpsError} `invalid_argument` for rates outside (0, 1), equal rates, alpha outside (0, 1), power outside [0.5, 1); `out_of_range` when the answer exceeds 2⁵³
 *
 * @example
 * ```ts
 * import { sampleSizeTwoProportions } from "@ops/metrics";
 * // R: power.prop.test(p1 = 0.12, p2 = 0.15, power = 0.8) → n = 2035.6
 * sampleSizeTwoProportions({ baseline: 0.12, expected: 0.15 });
 * // => { perArm: 2036, total: 4072 }
 * ```
 */
export function sampleSizeTwoProportions(
  rates: SampleSizeRates,
  options: SampleSizeTwoProportionsOptions = {},
): SampleSize {
  const fn = "sampleSizeTwoProportions";
  const { baseline: p1, expected: p2 } = parseOrThrow(SampleSizeRatesSchema, rates, { fn, path: ["rates"] });
  const opts = parseOrThrow(SampleSizeTwoProportionsOptionsSchema, options, { fn, path: ["options"] });
  const alpha = opts.alpha ?? 0.05;
  const power = opts.power ?? 0.8;
  const zAlpha = phiInverse(opts.sides === "one-sided" ? 1 - alpha : 1 - alpha / 2);
  const zBeta = phiInverse(power);
  const pBar = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const exact = (root * root) / ((p1 - p2) * (p1 - p2));
  const perArm = Math.ceil(exact - 1e-9);
  if (!Number.isSafeInteger(2 * perArm)) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["rates"],
      rule: "describe an effect too small to detect with any practical sample",
      received: rates,
    });
  }
  return { perArm, total: 2 * perArm };
}
