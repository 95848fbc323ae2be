import { SumImpl } from "./_lib/exactAggregates";
import type { SumSketch } from "./SumSketch";

/**
 * Creates a sum sketch whose total is exact until the final rounding: the running sum is
 * kept as non-overlapping floating-point partials (Shewchuk's algorithm, Python's
 * `math.fsum`), so merging shards in any order or grouping gives bit-identical totals —
 * which plain `+` does not (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1).
 * Source: J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust
 * Geometric Predicates", Discrete & Computational Geometry 18 (1997); CPython `math.fsum`.
 *
 * @returns an empty sum
 * @throws {OpsError} from `add`: `invalid_argument` for a non-finite value, `out_of_range` on overflow
 *
 * @example
 * ```ts
 * import { createSum } from "@ops/metrics";
 * const a = createSum().add(0.1).add(0.2);
 * const b = createSum().add(0.3);
 * // Python: math.fsum([0.1, 0.2, 0.3]) == 0.6
 * [a.merge(b).estimate(), b.merge(a).estimate(), 0.1 + 0.2 + 0.3];
 * // => [0.6, 0.6, 0.6000000000000001]
 * ```
 */
export function createSum(): SumSketch {
  return new SumImpl();
}
