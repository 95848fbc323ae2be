import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { logBeta } from "../_lib/gammaFn";
import { ProportionSchema, type Proportion } from "./Proportion";

/** A Beta(alpha, beta) prior on a rate; Beta(1, 1) is uniform. */
export interface BetaPrior {
  /** Prior successes + 1: a whole number ≥ 1 (the closed form needs an integer). */
  readonly alpha: number;
  /** Prior failures + 1: a number > 0. */
  readonly beta: number;
}

/** Options of {@link probabilityBBeatsA}. */
export interface ProbabilityBBeatsAOptions {
  /** The prior of both rates; default Beta(1, 1). */
  readonly prior?: BetaPrior;
}

/** Schema of {@link ProbabilityBBeatsAOptions}. */
export const ProbabilityBBeatsAOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    prior: z.optional(
      z.object({
        alpha: z
          .int({ error: "must be a whole number (the closed form needs it)" })
          .check(z.minimum(1, { error: "must be ≥ 1" })),
        beta: z.number().check(z.gt(0, { error: "must be > 0" })),
      }),
    ),
  }))();

/**
 * The Bayesian probability that the variant's true rate beats the control's, P(pB > pA),
 * with independent Beta priors — computed exactly, without simulation.
 *
 * The posteriors are Beta(αA, βA) and Beta(αB, βB) with α = prior α + successes and
 * β = prior β + failures. For whole αB, Evan Miller's closed form is
 * P(pB > pA) = Σᵢ₌₀^{αB−1} B(αA + i, βA + βB) / ((βB + i)·B(1 + i, βB)·B(αA, βA)),
 * each term got from the one before by a ratio (see the source). When αA is the smaller
 * whole number the sum runs over 1 − P(pA > pB) instead (fewer terms). The terms fall
 * after their peak and the sum stops once the rest is below 1e-17 of it; a sum that would
 * need more than 10^7 terms (both arms with more than ~10^7 posterior successes and the
 * peak that far out — or a prior α that large) is refused with `out_of_range`, never left
 * to run for hours. Source: E. Miller, "Formulas for Bayesian A/B
 * Testing" (2015), https://www.evanmiller.org/bayesian-ab-testing.html; J. D. Cook,
 * "Exact calculation of beta inequalities" (2005).
 *
 * @param a - the control `{ successes, trials }`
 * @param b - the variant `{ successes, trials }`
 * @param options - `prior`, default Beta(1, 1) for both arms
 * @returns P(pB > pA) in [0, 1] (0.5 when both arms are empty)
 * @throws {OpsError} `invalid_argument` for bad counts or a prior with a non-integer or < 1 alpha, or beta ≤ 0;
 *   `out_of_range` when the exact sum needs more than 10^7 terms or overflows
 *
 * @example
 * ```ts
 * import { probabilityBBeatsA } from "@ops/metrics";
 * // 120/1000 vs 150/1000 with uniform priors: ≈ 0.975 (scipy.integrate.quad of the two Beta posteriors: 0.975068)
 * Math.round(probabilityBBeatsA({ successes: 120, trials: 1000 }, { successes: 150, trials: 1000 }) * 1000) / 1000;
 * // => 0.975
 * ```
 */
export function probabilityBBeatsA(a: Proportion, b: Proportion, options: ProbabilityBBeatsAOptions = {}): number {
  const fn = "probabilityBBeatsA";
  const ra = parseOrThrow(ProportionSchema, a, { fn, path: ["a"] });
  const rb = parseOrThrow(ProportionSchema, b, { fn, path: ["b"] });
  const prior = parseOrThrow(ProbabilityBBeatsAOptionsSchema, options, { fn, path: ["options"] }).prior ?? {
    alpha: 1,
    beta: 1,
  };
  const alphaA = prior.alpha + ra.successes;
  const betaA = prior.beta + ra.trials - ra.successes;
  const alphaB = prior.alpha + rb.successes;
  const betaB = prior.beta + rb.trials - rb.successes;
  const p = alphaB <= alphaA ? millerSum(alphaA, betaA, alphaB, betaB) : 1 - millerSum(alphaB, betaB, alphaA, betaA);
  if (!Number.isFinite(p)) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      rule: "cannot be computed exactly for counts this large (the sum needs more than 1e7 terms)",
      received: [ra, rb],
    });
  }
  return Math.min(1, Math.max(0, p));
}

/** The most terms {@link millerSum} adds before it gives up (a few tens of milliseconds). */
const MAX_TERMS = 10_000_000;

/**
 * P(Y > X) for X ~ Beta(aX, bX), Y ~ Beta(aY, bY), aY whole; NaN when the sum needs more
 * than {@link MAX_TERMS} terms. Term i + 1 is term i times
 * (aX + i)/(aX + bX + bY + i) · (bY + i)/(1 + i) — from B(a + 1, b) = B(a, b)·a/(a + b) —
 * so each term costs a few flops and no log-gamma; the running terms are rescaled (their
 * scale kept as a logarithm) so that they neither overflow nor underflow. Once that ratio
 * is below 1 it stays below 1 (it is < 1 exactly when i·(bX + 1) > aX·bY − aX − bX − bY),
 * so the terms fall from there on and the rest of the sum is at most
 * term × (terms left): the sum stops when that is below 1e-17 of the total.
 */
function millerSum(aX: number, bX: number, aY: number, bY: number): number {
  // term 0 = B(aX, bX + bY) / (bY · B(1, bY) · B(aX, bX)), and bY · B(1, bY) = 1
  // the terms rise until i·(bX + 1) passes aX·bY − aX − bX − bY: a peak past MAX_TERMS is refused before any work
  if (aY > MAX_TERMS && (aX * bY - aX - bX - bY) / (bX + 1) > MAX_TERMS) return Number.NaN;
  let logScale = logBeta(aX, bX + bY) - logBeta(aX, bX);
  let term = 1;
  let total = 0;
  for (let i = 0; i < aY; i++) {
    if (i >= MAX_TERMS) return Number.NaN;
    total += term;
    const ratio = ((aX + i) / (aX + bX + bY + i)) * ((bY + i) / (1 + i));
    term *= ratio;
    if (ratio < 1 && term * (aY - i - 1) <= total * 1e-17) break;
    if (term > 1e250 || (term < 1e-250 && total < 1e-250)) {
      const k = term > 1e250 ? 1e-250 : 1e250;
      term *= k;
      total *= k;
      logScale -= Math.log(k);
    }
  }
  return Math.exp(Math.log(total) + logScale);
}
