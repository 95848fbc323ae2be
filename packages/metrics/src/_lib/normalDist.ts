// Standard normal distribution: cdf, survival function and quantile, in double precision.
// Public wrappers with validation live in statistics/normalCdf.ts and statistics/normalQuantile.ts.

const LN_SQRT_2PI = 0.9189385332046727; // ln √(2π)

/** Φ(x) without validation. Marsaglia (2004) series for |x| < 3, Laplace's continued fraction beyond. */
export function phi(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -3) return upperTail(-x);
  if (x > 3) return 1 - upperTail(x);
  // G. Marsaglia, "Evaluating the Normal Distribution", J. Stat. Software 11(4), 2004.
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return 0.5 + s * Math.exp(-0.5 * q - LN_SQRT_2PI);
}

/** 1 − Φ(x) without cancellation in the upper tail. */
export function phiUpper(x: number): number {
  return x > 3 ? upperTail(x) : x < -3 ? 1 - upperTail(-x) : 1 - phi(x);
}

/** Q(x) = 1 − Φ(x) for x > 3 by the continued fraction φ(x)/(x+1/(x+2/(x+3/(x+…)))) (Lentz). */
function upperTail(x: number): number {
  if (x > 40) return 0;
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI) / millsDenominator(x);
}

/** The continued fraction x+1/(x+2/(x+3/(x+…))) = φ(x)/Q(x) for x > 3 (modified Lentz). */
function millsDenominator(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + k / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return f;
}

/**
 * Φ⁻¹(p) without validation: P. J. Acklam's rational approximation (relative error
 * 1.15e-9), refined by one Halley step against {@link phi} to full double precision.
 */
export function phiInverse(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // One Halley step (Acklam's refinement) with u = (Φ(x) − p)/φ(x), using the tail that
  // avoids cancellation. Below p = 1e-300 (x < −37), e^(x²/2) nears the double limit (it
  // is Infinity from x < −37.7, p < 1e-310, which made u NaN) and Φ(x) is subnormal, so u
  // is taken in log space there: Φ(x)/φ(x) = 1/f(−x) with f the continued fraction of the
  // tail, and p/φ(x) = exp(ln p + x²/2 + ln √(2π)).
  const u =
    p < 1e-300
      ? 1 / millsDenominator(-x) - Math.exp(Math.log(p) + (x * x) / 2 + LN_SQRT_2PI)
      : (p < 0.5 ? phi(x) - p : 1 - p - phiUpper(x)) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The two-sided critical value z for a confidence level c: Φ⁻¹(1 − (1 − c)/2), taken as
 * −Φ⁻¹((1 − c)/2) so that it stays finite up to c = 1 − 2⁻⁵³ (where 1 − (1 − c)/2 rounds
 * to 1 and Φ⁻¹ would give Infinity); `0 −` keeps c → 0 at +0.
 */
export function zForConfidence(confidence: number): number {
  return 0 - phiInverse((1 - confidence) / 2);
}
