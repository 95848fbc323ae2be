// Hyndman–Fan sample quantiles on validated, sorted input (see statistics/quantile.ts).

/**
 * A sample-quantile definition of Hyndman & Fan (1996), numbered as R's
 * `quantile(type = …)`: 1 inverse ECDF, 2 averaged inverse ECDF, 3 nearest even order
 * statistic (SAS), 4 linear interpolation of the ECDF, 5 Hazen, 6 Weibull (Minitab,
 * SPSS, Excel `PERCENTILE.EXC`), 7 linear, R's and numpy's default (Excel
 * `PERCENTILE.INC`), 8 median-unbiased (Hyndman & Fan's recommendation), 9 normal-unbiased.
 */
export type QuantileMethod = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

// (a, b) plotting-position parameters of the continuous types 4–9 (Hyndman & Fan, table 1)
const CONTINUOUS: Readonly<Record<number, readonly [number, number]>> = {
  4: [0, 1],
  5: [0.5, 0.5],
  6: [0, 0],
  7: [1, 1],
  8: [1 / 3, 1 / 3],
  9: [3 / 8, 3 / 8],
};
const FUZZ = 4 * Number.EPSILON;

/** The quantile of an already validated, ascending, non-empty sample. */
export function quantileOfSorted(x: ArrayLike<number>, p: number, method: QuantileMethod): number {
  const n = x.length;
  const at = (j: number): number => x[Math.min(Math.max(j, 1), n) - 1] as number;
  if (method <= 3) {
    const m = method === 3 ? -0.5 : 0;
    const np = n * p + m;
    const j = Math.floor(np + FUZZ);
    const g = Math.abs(np - j) < FUZZ ? 0 : np - j;
    let gamma: number;
    if (method === 1) gamma = g > 0 ? 1 : 0;
    else if (method === 2) gamma = g > 0 ? 1 : 0.5;
    else gamma = g === 0 && j % 2 === 0 ? 0 : 1;
    if (gamma === 0) return at(j);
    if (gamma === 1) return at(j + 1);
    return midpoint(at(j), at(j + 1));
  }
  const [a, b] = CONTINUOUS[method] as readonly [number, number];
  // 0-based virtual index, computed as numpy does (p·(n − 1) for type 7) to keep float error small
  const h0 = p * (n + 1 - a - b) + (a - 1);
  const j = Math.floor(h0 + FUZZ);
  const g = Math.abs(h0 - j) < FUZZ ? 0 : h0 - j;
  const lo = at(j + 1);
  if (g === 0) return lo;
  const hi = at(j + 2);
  if (g >= 1 || lo === hi) return g >= 1 ? hi : lo;
  // numpy's _lerp: interpolate from the nearer end for accuracy
  const diff = hi - lo;
  // hi − lo overflows only for values of opposite signs beyond ±Number.MAX_VALUE / 2, whose
  // weighted mean is still finite: take it without the difference there
  if (diff === Infinity) return lo * (1 - g) + hi * g;
  return g < 0.5 ? lo + diff * g : hi - diff * (1 - g);
}

/** (a + b) / 2 without overflow for finite a ≤ b. */
function midpoint(a: number, b: number): number {
  const sum = a + b;
  return sum === Infinity || sum === -Infinity ? a / 2 + b / 2 : sum / 2;
}
