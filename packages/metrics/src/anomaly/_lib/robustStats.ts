// Median and robust scale on validated, finite numbers.
import { quantileOfSorted } from "../../_lib/quantileOfSorted";

/** The sample median (R type 7 at p = ½, i.e. the usual median). */
export function median(values: readonly number[]): number {
  return quantileOfSorted(Float64Array.from(values).sort(), 0.5, 7);
}

/**
 * σ estimated robustly: 1.4826·MAD (consistent for normal data), or, when more than half
 * the values equal the centre (MAD = 0), 1.2533·mean absolute deviation (Iglewicz & Hoaglin 1993).
 */
export function robustScale(values: readonly number[], center: number): number {
  const deviations = values.map((v) => Math.abs(v - center));
  const mad = median(deviations);
  if (mad > 0) return 1.482602218505602 * mad;
  const meanAd = deviations.reduce((a, d) => a + d, 0) / Math.max(1, deviations.length);
  return 1.2533141373155 * meanAd;
}

/**
 * The root-mean-square deviation from `center` of the values within 3.5 robust σ of it:
 * a scale that uses the whole bulk of the data (so it is not fooled by a remainder whose
 * core was squeezed by median fits, as MAD is) and still ignores gross outliers.
 */
export function trimmedRms(values: readonly number[], center: number): number {
  const robust = robustScale(values, center);
  let sum = 0;
  let k = 0;
  for (const v of values) {
    const d = v - center;
    if (Math.abs(d) <= 3.5 * robust) {
      sum += d * d;
      k++;
    }
  }
  return k === 0 ? 0 : Math.sqrt(sum / k);
}
