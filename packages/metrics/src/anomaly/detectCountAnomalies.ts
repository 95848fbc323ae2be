import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { assertIncreasing } from "./_lib/assertIncreasing";
import { logBinomialPmf, sumPmf } from "../_lib/gammaFn";
import { phiInverse } from "../_lib/normalDist";
import { MAX_POISSON_MEAN, poissonCdfOf, poissonLimitsOf, poissonSfOf } from "../_lib/poisson";
import type { Anomaly } from "./Anomaly";

/** A count in one period, optionally out of a number of trials (complaints of orders, replies of DMs). */
export interface CountPoint {
  readonly at: Instant;
  /** Whole number of events. */
  readonly count: number;
  /** Whole number of trials; give it for every point or for none. */
  readonly trials?: number;
}

/** Schema of a {@link CountPoint}. */
export const CountPointSchema = /* @__PURE__ */ (() =>
  z
    .object({
      at: InstantSchema,
      count: z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })),
      trials: z.optional(z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" }))),
    })
    .check(
      z.refine((p) => p.trials === undefined || p.count <= p.trials, { error: "must be ≤ trials", path: ["count"] }),
    ))();

/** Options of {@link detectCountAnomalies}. */
export interface DetectCountAnomaliesOptions {
  /** Two-sided false-alarm probability per point, in [1e-15, 1); default 0.001. */
  readonly alpha?: number;
  /** Previous points the expected rate is taken from; default 28. */
  readonly window?: number;
  /** Points needed before the first test; default 7. */
  readonly minHistory?: number;
}

/** Schema of {@link DetectCountAnomaliesOptions}. */
export const DetectCountAnomaliesOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    // ≥ 1e-15: α/2 must stay a normal double the Poisson tails can reach (α = 5e-324 searched for ever)
    alpha: z.optional(
      z.number().check(z.minimum(1e-15, { error: "must be ≥ 1e-15" }), z.lt(1, { error: "must be < 1" })),
    ),
    window: z.optional(z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" }))),
    minHistory: z.optional(z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" }))),
  }))();

const CountPointListSchema = /* @__PURE__ */ (() => z.array(CountPointSchema))();

/**
 * Flags low counts that are really unusual — 9 complaints on a day that usually has 2 —
 * with exact Poisson or binomial tail probabilities, where a Gaussian z-score would be
 * wrong (counts are skewed and cannot go below 0).
 *
 * For each point after `minHistory`, the expected rate comes from up to `window` previous
 * points: Poisson μ = (Σ counts + ½)/w, or, with trials, binomial p = (Σ counts + ½)/(Σ trials + 1)
 * and μ = p·trials (the ½ is Jeffreys' prior, so that a history of zeros still gives a
 * finite expectation). The point is flagged when P(X ≥ x) or P(X ≤ x) is below α/2;
 * `score` is the normal quantile of that tail (±), `lower`/`upper` the counts that would
 * have passed — for Poisson points exactly {@link poissonControlLimits}(μ, { alpha }), with
 * the tails of {@link poissonCdf} (one implementation). The per-point false-alarm rate is at
 * most α when the rate is stable (the discreteness makes it smaller). Sources: the exact Poisson and binomial tests, e.g.
 * A. Agresti, "Categorical Data Analysis" (3rd ed.), §1.4; H. Jeffreys, "Theory of
 * Probability" (1961) for the ½ prior.
 *
 * @param points - counts, oldest first (not mutated)
 * @param options - `alpha` (0.001), `window` (28), `minHistory` (7)
 * @returns the flagged points, oldest first
 * @throws {OpsError} `invalid_argument` for negative or fractional counts, counts above trials, trials on some points only, bad options (`alpha` outside [1e-15, 1)); `out_of_order`; `out_of_range` when a Poisson expectation exceeds 10⁹ (a job for {@link detectSeasonalAnomalies})
 *
 * @example
 * ```ts
 * import { detectCountAnomalies } from "@ops/metrics";
 * const day = 86_400_000;
 * const complaints = [2, 1, 3, 2, 0, 2, 1, 2, 3, 1, 9, 2];
 * const found = detectCountAnomalies(complaints.map((count, i) => ({ at: i * day, count })));
 * found.map((a) => [a.at / day, a.observed, a.direction, a.method]);
 * // => [[10, 9, "up", "poisson"]]
 * ```
 */
export function detectCountAnomalies(
  points: readonly CountPoint[],
  options: DetectCountAnomaliesOptions = {},
): Anomaly[] {
  const fn = "detectCountAnomalies";
  const opts = parseOrThrow(DetectCountAnomaliesOptionsSchema, options, { fn, path: ["options"] });
  parseOrThrow(CountPointListSchema, points, { fn, path: ["points"] });
  assertIncreasing(points, fn);
  const withTrials = points.length > 0 && points[0]?.trials !== undefined;
  points.forEach((p, i) => {
    if ((p.trials !== undefined) !== withTrials) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["points", i, "trials"],
        rule: "must be given for every point or for none",
        received: p.trials,
      });
    }
  });
  const alpha = opts.alpha ?? 0.001;
  const window = opts.window ?? 28;
  const minHistory = opts.minHistory ?? 7;
  const out: Anomaly[] = [];
  for (let i = minHistory; i < points.length; i++) {
    const history = points.slice(Math.max(0, i - window), i);
    const sumCounts = history.reduce((a, p) => a + p.count, 0);
    const p = points[i] as CountPoint;
    const x = p.count;
    let expected: number;
    let upperTail: number;
    let lowerTail: number;
    let bounds: () => { lower: number; upper: number };
    if (withTrials) {
      const n = p.trials as number;
      const rate = (sumCounts + 0.5) / (history.reduce((a, h) => a + (h.trials as number), 0) + 1);
      const logPmf = (k: number): number => logBinomialPmf(k, n, rate);
      expected = rate * n;
      upperTail = x <= expected ? 1 - sumPmf(logPmf, x - 1, -1, 0, n) : sumPmf(logPmf, x, 1, 0, n);
      lowerTail = x >= expected ? 1 - sumPmf(logPmf, x + 1, 1, 0, n) : sumPmf(logPmf, x, -1, 0, n);
      bounds = () => binomialLimits(logPmf, alpha, n);
    } else {
      const mu = (sumCounts + 0.5) / history.length;
      if (mu > MAX_POISSON_MEAN) {
        throw new OpsError({
          code: "out_of_range",
          fn,
          path: ["points", i],
          rule: `must not follow counts averaging more than ${MAX_POISSON_MEAN} (use detectSeasonalAnomalies or detectEwmaAnomalies for large counts)`,
          received: mu,
        });
      }
      expected = mu;
      upperTail = poissonSfOf(x - 1, mu); // P(X ≥ x)
      lowerTail = poissonCdfOf(x, mu); // P(X ≤ x)
      bounds = () => poissonLimitsOf(mu, alpha);
    }
    const up = upperTail < alpha / 2;
    const down = lowerTail < alpha / 2;
    if (!up && !down) continue;
    const { lower, upper } = bounds();
    out.push({
      at: p.at,
      observed: x,
      expected,
      lower,
      upper,
      score: up ? -phiInverse(Math.max(upperTail, 1e-300)) : phiInverse(Math.max(lowerTail, 1e-300)),
      direction: up ? "up" : "down",
      method: withTrials ? "binomial" : "poisson",
    });
  }
  return out;
}

/** Binomial limits: smallest k with P(X ≤ k) ≥ α/2, largest k with P(X ≥ k) ≥ α/2 (the Poisson ones: {@link poissonControlLimits}). */
function binomialLimits(logPmf: (k: number) => number, alpha: number, maxK: number): { lower: number; upper: number } {
  let cdf = 0;
  let lower = -1;
  for (let k = 0; k <= maxK; k++) {
    const pk = Math.exp(logPmf(k));
    if (lower < 0 && cdf + pk >= alpha / 2) lower = k;
    if (1 - (cdf + pk) < alpha / 2) return { lower: Math.max(0, lower), upper: k };
    cdf += pk;
  }
  return { lower: Math.max(0, lower), upper: maxK };
}
