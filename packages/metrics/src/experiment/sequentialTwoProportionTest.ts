import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { ProportionSchema, type Proportion } from "./Proportion";

/** Cumulative counts of both arms at one look at a running experiment. */
export interface ExperimentLook {
  /** The control's cumulative `{ successes, trials }` so far. */
  readonly a: Proportion;
  /** The variant's cumulative `{ successes, trials }` so far. */
  readonly b: Proportion;
}

/** Schema of an {@link ExperimentLook}. */
export const ExperimentLookSchema = /* @__PURE__ */ (() => z.object({ a: ProportionSchema, b: ProportionSchema }))();

const ExperimentLookListSchema = /* @__PURE__ */ (() => z.array(ExperimentLookSchema))();

/** Options of {@link sequentialTwoProportionTest}. */
export interface SequentialTwoProportionTestOptions {
  /** The false-positive rate to hold over all looks together, default 0.05. */
  readonly alpha?: number;
  /**
   * τ, the standard deviation of the normal mixture over the true difference pB − pA,
   * in rate units; default 0.02 (2 percentage points). Choose it near the effect you
   * expect: detection is fastest when τ matches the real effect. At most 1: the difference
   * of two rates lies in [−1, 1] (a τ of 2 is most likely "2 points" in the wrong unit, and a
   * τ past 1e154 would square to Infinity and make every p-value NaN).
   */
  readonly mixingSd?: number;
}

/** Schema of {@link SequentialTwoProportionTestOptions}. */
export const SequentialTwoProportionTestOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    alpha: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
    mixingSd: z.optional(
      z
        .number()
        .check(
          z.gt(0, { error: "must be > 0" }),
          z.maximum(1, { error: "must be ≤ 1 (a difference of rates lies in [−1, 1])" }),
        ),
    ),
  }))();

/** The state of the test at one look. */
export interface SequentialLookResult {
  /** pB − pA at this look, or `null` while an arm is empty. */
  readonly difference: number | null;
  /** The mixture likelihood ratio Λ at this look (1 while there is no information). */
  readonly likelihoodRatio: number;
  /** The always-valid p-value: min over looks so far of min(1, 1/Λ). */
  readonly pValue: number;
  /** Whether the test had stopped with a significant result at or before this look. */
  readonly significant: boolean;
}

/** The outcome of {@link sequentialTwoProportionTest}. */
export interface SequentialTestResult {
  /** One entry per look, in order. */
  readonly looks: readonly SequentialLookResult[];
  /** `"significant"` once the always-valid p-value has reached alpha, else `"continue"`. */
  readonly decision: "significant" | "continue";
  /** Index of the first look at which the result became significant, or `null`. */
  readonly stoppedAt: number | null;
}

/**
 * A sequential test of two rates that may be looked at after every batch of users —
 * the mixture sequential probability ratio test (mSPRT), the remedy for "peeking".
 *
 * Repeating a fixed-horizon z-test at every look and stopping at the first p < 0.05
 * inflates the false-positive rate (to 20–30 % over 20 looks). The mSPRT instead tracks
 * the likelihood ratio of the observed difference d = p̂B − p̂A, approximately
 * N(θ, σ²) with σ² = p̂(1 − p̂)(1/nA + 1/nB) (pooled p̂), averaged over a normal mixture
 * θ ~ N(0, τ²):  Λ = √(σ² / (σ² + τ²)) · exp(τ²d² / (2σ²(σ² + τ²))).
 * Under H₀ (θ = 0) Λ is a martingale with mean 1, so by Ville's inequality
 * P(Λ ever ≥ 1/α) ≤ α: stopping whenever the always-valid p-value min(1/Λ) ≤ α keeps
 * the false-positive rate at α however often one looks. Source: R. Johari, P. Koomen,
 * L. Pekelis, D. Walsh, "Peeking at A/B Tests: Why It Matters, and What to Do About It",
 * KDD 2017 (and "Always Valid Inference", Operations Research 70(3), 2022); H. Robbins,
 * "Statistical methods related to the law of the iterated logarithm", 1970.
 * The normal approximation needs a few successes in each arm before the first look.
 *
 * @param looks - cumulative counts at each look, oldest first (counts never decrease)
 * @param options - `alpha` in (0, 1) (0.05), `mixingSd` τ in (0, 1] (0.02)
 * @returns the per-look likelihood ratios (finite, ≤ e^700) and always-valid p-values in [0, 1], the decision and the stopping look
 * @throws {OpsError} `invalid_argument` for bad counts or options (a `mixingSd` above 1 included); `out_of_order` when a cumulative count decreases between looks
 *
 * @example
 * ```ts
 * import { sequentialTwoProportionTest } from "@ops/metrics";
 * const r = sequentialTwoProportionTest([
 *   { a: { successes: 60, trials: 500 }, b: { successes: 75, trials: 500 } },
 *   { a: { successes: 120, trials: 1000 }, b: { successes: 150, trials: 1000 } },
 *   { a: { successes: 240, trials: 2000 }, b: { successes: 300, trials: 2000 } },
 *   { a: { successes: 480, trials: 4000 }, b: { successes: 600, trials: 4000 } },
 * ]);
 * // the same 12 % vs 15 % that a one-off z-test calls significant at 1000 per arm (p = 0.0496)
 * // is only settled at 4000 per arm when every look counts
 * r.looks.map((l) => Math.round(l.pValue * 1000) / 1000);
 * // => [0.874, 0.488, 0.107, 0.003]
 * [r.decision, r.stoppedAt];
 * // => ["significant", 3]
 * ```
 */
export function sequentialTwoProportionTest(
  looks: readonly ExperimentLook[],
  options: SequentialTwoProportionTestOptions = {},
): SequentialTestResult {
  const fn = "sequentialTwoProportionTest";
  const valid = parseOrThrow(ExperimentLookListSchema, looks, { fn, path: ["looks"] });
  const opts = parseOrThrow(SequentialTwoProportionTestOptionsSchema, options, { fn, path: ["options"] });
  const alpha = opts.alpha ?? 0.05;
  const tau2 = (opts.mixingSd ?? 0.02) ** 2;
  const out: SequentialLookResult[] = [];
  let pValue = 1;
  let stoppedAt: number | null = null;
  for (let i = 0; i < valid.length; i++) {
    const { a, b } = valid[i] as ExperimentLook;
    const prev = valid[i - 1];
    if (prev) {
      for (const [arm, now, before] of [
        ["a", a, prev.a],
        ["b", b, prev.b],
      ] as const) {
        if (now.trials < before.trials || now.successes < before.successes) {
          throw new OpsError({
            code: "out_of_order",
            fn,
            path: ["looks", i, arm],
            rule: "must have cumulative counts ≥ those of the previous look",
            received: now,
          });
        }
      }
    }
    let difference: number | null = null;
    let lambda = 1;
    if (a.trials > 0 && b.trials > 0) {
      difference = b.successes / b.trials - a.successes / a.trials;
      const pooled = (a.successes + b.successes) / (a.trials + b.trials);
      const sigma2 = pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials);
      if (sigma2 > 0) {
        const logLambda =
          0.5 * Math.log(sigma2 / (sigma2 + tau2)) + (tau2 * difference * difference) / (2 * sigma2 * (sigma2 + tau2));
        lambda = Math.exp(Math.min(logLambda, 700));
      }
    }
    pValue = Math.min(pValue, 1 / lambda, 1);
    if (stoppedAt === null && pValue <= alpha) stoppedAt = i;
    out.push({ difference, likelihoodRatio: lambda, pValue, significant: stoppedAt !== null });
  }
  return { looks: out, decision: stoppedAt === null ? "continue" : "significant", stoppedAt };
}
