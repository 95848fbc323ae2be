// Estimators of the DataSketches HLL sketch, ported from Apache DataSketches C++ (Apache-2.0):
// hll/include/CubicInterpolation-internal.hpp, HarmonicNumbers-internal.hpp, HllArray-internal.hpp
// (getCompositeEstimate, getHllBitMapEstimate, getHllRawEstimate), HllUtil.hpp (getRelErr) and
// CouponList-internal.hpp (getEstimate, bounds). The arithmetic keeps the reference's order of
// operations so that every estimate equals the reference's double bit for bit (checked by the
// fixtures in test/fixtures/datasketches).
import {
  COMPOSITE_X_ARRAYS,
  COMPOSITE_Y_STRIDES,
  COUPON_X,
  COUPON_Y,
  EXACT_HARMONIC,
  HIP_LB,
  HIP_UB,
  NON_HIP_LB,
  NON_HIP_UB,
} from "./dsHllTables";

function cubicInterpolate(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x: number,
): number {
  const l0Numer = (x - x1) * (x - x2) * (x - x3);
  const l1Numer = (x - x0) * (x - x2) * (x - x3);
  const l2Numer = (x - x0) * (x - x1) * (x - x3);
  const l3Numer = (x - x0) * (x - x1) * (x - x2);
  const l0Denom = (x0 - x1) * (x0 - x2) * (x0 - x3);
  const l1Denom = (x1 - x0) * (x1 - x2) * (x1 - x3);
  const l2Denom = (x2 - x0) * (x2 - x1) * (x2 - x3);
  const l3Denom = (x3 - x0) * (x3 - x1) * (x3 - x2);
  const term0 = (y0 * l0Numer) / l0Denom;
  const term1 = (y1 * l1Numer) / l1Denom;
  const term2 = (y2 * l2Numer) / l2Denom;
  const term3 = (y3 * l3Numer) / l3Denom;
  return term0 + term1 + term2 + term3;
}

/** j with xs[j] ≤ x < xs[j + 1] (the reference's binary search; x inside the table). */
function findStraddle(xs: readonly number[], x: number): number {
  let l = 0;
  let r = xs.length - 1;
  while (l + 1 !== r) {
    const m = l + ((r - l) >> 1);
    if ((xs[m] as number) <= x) l = m;
    else r = m;
  }
  return l;
}

/** CubicInterpolation::usingXAndYTables over the coupon tables: the LIST/SET estimate of `count` coupons. */
export function couponEstimate(count: number): number {
  const len = COUPON_X.length;
  if (count === COUPON_X[len - 1]) return COUPON_Y[len - 1] as number;
  const straddle = findStraddle(COUPON_X, count);
  const o = straddle === 0 ? 0 : straddle === len - 2 ? straddle - 2 : straddle - 1;
  return cubicInterpolate(
    COUPON_X[o] as number,
    COUPON_Y[o] as number,
    COUPON_X[o + 1] as number,
    COUPON_Y[o + 1] as number,
    COUPON_X[o + 2] as number,
    COUPON_Y[o + 2] as number,
    COUPON_X[o + 3] as number,
    COUPON_Y[o + 3] as number,
    count,
  );
}

/** CubicInterpolation::usingXArrAndYStride. */
function usingXArrAndYStride(xs: readonly number[], yStride: number, x: number): number {
  const lenM1 = xs.length - 1;
  if (x === xs[lenM1]) return yStride * lenM1;
  const straddle = findStraddle(xs, x);
  const o = straddle === 0 ? 0 : straddle === lenM1 - 1 ? straddle - 2 : straddle - 1;
  return cubicInterpolate(
    xs[o] as number,
    yStride * o,
    xs[o + 1] as number,
    yStride * (o + 1),
    xs[o + 2] as number,
    yStride * (o + 2),
    xs[o + 3] as number,
    yStride * (o + 3),
    x,
  );
}

function harmonicNumber(n: number): number {
  if (n < EXACT_HARMONIC.length) return EXACT_HARMONIC[n] as number;
  const x = n;
  const invSq = 1.0 / (x * x);
  let sum = Math.log(x) + 0.5772156649015329 + 1.0 / (2.0 * x);
  let pow = invSq;
  sum -= pow * (1.0 / 12.0);
  pow *= invSq;
  sum += pow * (1.0 / 120.0);
  pow *= invSq;
  sum -= pow * (1.0 / 252.0);
  pow *= invSq;
  sum += pow * (1.0 / 240.0);
  return sum;
}

/** The composite (non-HIP) estimator of an HLL array: raw HLL, interpolated, pasted with linear counting. */
export function compositeEstimate(
  lgK: number,
  kxq0: number,
  kxq1: number,
  curMin: number,
  numAtCurMin: number,
): number {
  const k = 2 ** lgK;
  const correctionFactor = lgK === 4 ? 0.673 : lgK === 5 ? 0.697 : lgK === 6 ? 0.709 : 0.7213 / (1.0 + 1.079 / k);
  const rawEst = (correctionFactor * k * k) / (kxq0 + kxq1);
  const xs = COMPOSITE_X_ARRAYS[lgK - 4] as readonly number[];
  const yStride = COMPOSITE_Y_STRIDES[lgK - 4] as number;
  if (rawEst < (xs[0] as number)) return 0;
  const lenM1 = xs.length - 1;
  if (rawEst > (xs[lenM1] as number)) {
    const finalY = yStride * lenM1;
    const factor = finalY / (xs[lenM1] as number);
    return rawEst * factor;
  }
  const adjEst = usingXArrAndYStride(xs, yStride, rawEst);
  if (adjEst > 3 * k) return adjEst;
  const numUnhit = curMin === 0 ? numAtCurMin : 0;
  const linEst = numUnhit === 0 ? k * Math.log(k / 0.5) : k * (harmonicNumber(k) - harmonicNumber(numUnhit));
  const avgEst = (adjEst + linEst) / 2.0;
  const crossOver = lgK === 4 ? 0.718 : lgK === 5 ? 0.672 : 0.64;
  return avgEst > crossOver * k ? adjEst : linEst;
}

/** HllUtil::getRelErr: the relative error of the HLL bounds (tables up to lgK 12, then the RSE factor). */
export function relativeError(upper: boolean, outOfOrder: boolean, lgK: number, numStdDev: number): number {
  if (lgK > 12) {
    const rseFactor = outOfOrder ? 1.03896 : 0.8325546;
    return ((upper ? -1 : 1) * (numStdDev * rseFactor)) / Math.sqrt(2 ** lgK);
  }
  const table = outOfOrder ? (upper ? NON_HIP_UB : NON_HIP_LB) : upper ? HIP_UB : HIP_LB;
  return table[(lgK - 4) * 3 + (numStdDev - 1)] as number;
}

/** The coupon-mode relative standard error at the transition point: 0.409 / 2^13. */
export const COUPON_RSE = 0.409 / 8192;
