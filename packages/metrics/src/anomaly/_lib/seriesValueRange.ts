import { OpsError } from "@ops/core";

/**
 * The largest |value| the anomaly detectors take: 10¹⁵, beyond any real KPI (counts are
 * exact only to 2⁵³ ≈ 9·10¹⁵ anyway). Their means, moving ranges, medians of differences
 * and root-mean-squares then stay far from overflow, so no score or bound is ±Infinity.
 */
export const MAX_SERIES_VALUE = 1e15;

/** Throws `out_of_range` at `points[i].value` for a value beyond ±{@link MAX_SERIES_VALUE}. */
export function checkSeriesValues(points: readonly { readonly value: number }[], fn: string): void {
  for (let i = 0; i < points.length; i++) {
    const value = (points[i] as { value: number }).value;
    if (Math.abs(value) > MAX_SERIES_VALUE) {
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: ["points", i, "value"],
        rule: "must be within ±1e15",
        received: value,
      });
    }
  }
}

/** Throws `out_of_range` when a score is not finite (a spread below 1e-290 of a deviation). */
export function checkScore(score: number, fn: string): number {
  if (!Number.isFinite(score)) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["points"],
      rule: "must not have a spread so small against a deviation that the score overflows",
    });
  }
  return score;
}
