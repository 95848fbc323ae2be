// The Poisson distribution on validated input: pmf, cdf, survival function and quantiles, in
// double precision. Public wrappers: statistics/poissonCdf.ts, statistics/poissonQuantile.ts,
// anomaly/poissonControlLimits.ts; detectCountAnomalies uses the same functions.
//
// The pmf is C. Loader's saddle-point form, "Fast and Accurate Computation of Binomial
// Probabilities" (2000), as in R's dpois_raw: p(k; λ) = exp(−stirlerr(k) − bd0(k, λ)) / √(2πk),
// accurate to a few ulps where exp(k·ln λ − λ − ln k!) loses digits to cancellation. Tails are
// summed from their first term outwards with the ratios p(k − 1) = p(k)·k/λ and
// p(k + 1) = p(k)·λ/(k + 1), always over the tail that lies away from the mode (so the terms
// only shrink), the other tail as one minus it.
import { OpsError } from "@ops/core";
import { phiInverse } from "./normalDist";

/** Largest λ accepted: tails then need at most ≈ 9·√λ ≈ 3·10⁵ terms (about a millisecond). */
export const MAX_POISSON_MEAN = 1e9;

const TWO_PI = 2 * Math.PI;

// stirlerr(n) = ln n! − ((n + ½)·ln n − n + ln √(2π)) for n = 0 … 15, computed with Python's
// decimal module at 50 digits (they agree with the table in R's stirlerr.c).
const STIRLERR = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

/** The error of Stirling's formula for ln n!, n a whole number ≥ 1 (Loader 2000; R's stirlerr). */
function stirlerr(n: number): number {
  if (n <= 15) return STIRLERR[n] as number;
  const nn = n * n;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** x·ln(x/m) + m − x without cancellation near x = m (Loader 2000; R's bd0). */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for a whole k ≥ 0 and λ ≥ 0. */
export function poissonPmf(k: number, lambda: number): number {
  if (lambda === 0) return k === 0 ? 1 : 0;
  if (k === 0) return Math.exp(-lambda);
  return Math.exp(-stirlerr(k) - bd0(k, lambda)) / Math.sqrt(TWO_PI * k);
}

/** Σ P(X = j) for j = k, k − 1, …, 0, with k < λ (terms shrink going down). */
function sumDown(k: number, lambda: number): number {
  let term = poissonPmf(k, lambda);
  let sum = term;
  for (let j = k; j > 0 && term > sum * 1e-17; j--) {
    term *= j / lambda;
    sum += term;
  }
  return sum;
}

/** Σ P(X = j) for j = m, m + 1, …, with m > λ (terms shrink going up). */
function sumUp(m: number, lambda: number): number {
  let term = poissonPmf(m, lambda);
  let sum = term;
  for (let j = m + 1; term > sum * 1e-17; j++) {
    term *= lambda / j;
    sum += term;
  }
  return sum;
}

/** P(X ≤ k) for λ ≥ 0 and any k (floored; negative → 0, Infinity → 1). */
export function poissonCdfOf(k: number, lambda: number): number {
  const j = Math.floor(k);
  if (j < 0) return 0;
  if (j === Infinity || lambda === 0) return 1;
  return j < lambda ? sumDown(j, lambda) : 1 - sumUp(j + 1, lambda);
}

/** P(X > k) for λ ≥ 0 and any k (floored), without the cancellation of 1 − cdf in the upper tail. */
export function poissonSfOf(k: number, lambda: number): number {
  const j = Math.floor(k);
  if (j < 0) return 1;
  if (j === Infinity || lambda === 0) return 0;
  return j < lambda ? 1 - sumDown(j, lambda) : sumUp(j + 1, lambda);
}

/**
 * The smallest whole k ≥ 0 for which `holds(k)` is true, for a predicate that is false and then
 * true as k grows: a doubling search from `guess`, then bisection.
 */
function smallestK(holds: (k: number) => boolean, guess: number): number {
  let hi = Math.max(0, Math.floor(guess));
  let lo = -1; // holds(−1) is false by convention
  if (holds(hi)) {
    for (let step = 1; hi > 0; step *= 2) {
      const k = Math.max(-1, hi - step);
      if (k < 0 || !holds(k)) {
        lo = k;
        break;
      }
      hi = k;
    }
  } else {
    lo = hi;
    for (let step = 1; ; step *= 2) {
      const k = lo + step;
      if (holds(k)) {
        hi = k;
        break;
      }
      lo = k;
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Where a quantile search starts: the Cornish–Fisher normal approximation λ + z√λ + (z² − 1)/6. */
function guessFor(z: number, lambda: number): number {
  return Math.max(0, Math.floor(lambda + z * Math.sqrt(lambda) + (z * z - 1) / 6));
}

/**
 * The smallest whole k with P(X ≤ k) ≥ p, for p in [0, 1] (0 → 0, 1 → Infinity). As R's
 * qpois, p is first lowered by 64 ε relative, so that a p computed as the cdf at k gives k back.
 */
export function poissonQuantileOf(p: number, lambda: number): number {
  if (p <= 0 || lambda === 0) return 0;
  if (p >= 1) return Infinity;
  const target = p * (1 - 64 * Number.EPSILON);
  const q = 1 - target;
  // compare in the tail that keeps its digits: cdf(k) ≥ p ⟺ sf(k) ≤ 1 − p
  const holds =
    target <= 0.5 ? (k: number) => poissonCdfOf(k, lambda) >= target : (k: number) => poissonSfOf(k, lambda) <= q;
  return smallestK(holds, guessFor(phiInverse(p), lambda));
}

/**
 * The counts a Poisson(λ) variable takes with two-sided false-alarm probability α:
 * lower = the smallest k with P(X ≤ k) ≥ α/2, upper = the largest k with P(X ≥ k) ≥ α/2
 * (= the smallest k with P(X > k) < α/2). A count c is unusually low exactly when c < lower
 * (P(X ≤ c) < α/2) and unusually high exactly when c > upper (P(X ≥ c) < α/2).
 */
export function poissonLimitsOf(lambda: number, alpha: number): { lower: number; upper: number } {
  if (lambda === 0) return { lower: 0, upper: 0 };
  const half = alpha / 2;
  const lower = smallestK((k) => poissonCdfOf(k, lambda) >= half, guessFor(phiInverse(half), lambda));
  const upper = smallestK((k) => poissonSfOf(k, lambda) < half, guessFor(-phiInverse(half), lambda));
  return { lower, upper };
}

/** Throws unless λ is a number in [0, {@link MAX_POISSON_MEAN}]. */
export function checkPoissonMean(lambda: unknown, fn: string, path: readonly (string | number)[]): void {
  if (typeof lambda !== "number" || !(lambda >= 0) || lambda === Infinity) {
    throw new OpsError({ code: "invalid_argument", fn, path, rule: "must be a finite number ≥ 0", received: lambda });
  }
  if (lambda > MAX_POISSON_MEAN) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path,
      rule: `must be at most ${MAX_POISSON_MEAN} (use a normal approximation beyond)`,
      received: lambda,
    });
  }
}
