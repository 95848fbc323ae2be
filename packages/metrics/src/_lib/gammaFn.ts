// Log-gamma and friends, for exact discrete tests (Fisher, binomial) and Beta integrals (Poisson: poisson.ts).

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0: Lanczos approximation (g = 7, n = 9), relative error ≈ 1e-15. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.9189385332046727 + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln C(n, k). */
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** log P(X = k) for X ~ Binomial(n, p). */
export function logBinomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/**
 * Sums pmf(k) for k = from, from + step, … while inside [lo, hi], stopping once the terms
 * have fallen below 1e-17 of the running sum past the mode (they only decrease from there).
 */
export function sumPmf(logPmf: (k: number) => number, from: number, step: 1 | -1, lo: number, hi: number): number {
  let sum = 0;
  let prev = -Infinity;
  for (let k = from; k >= lo && k <= hi; k += step) {
    const lp = logPmf(k);
    const term = Math.exp(lp);
    sum += term;
    if (lp < prev && term < sum * 1e-17) break;
    prev = lp;
  }
  return Math.min(1, sum);
}
