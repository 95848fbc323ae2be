import { CounterImpl } from "./_lib/exactAggregates";
import type { Counter } from "./Counter";

/**
 * Creates an exact counter (posts, comments, entrants, events) that merges by addition,
 * for roll-ups next to {@link createHyperLogLog} and {@link createQuantileSketch}.
 * Roll days up into weeks by merging counters — and derive a weekly rate from merged
 * numerators and denominators, never by averaging daily rates.
 *
 * @returns an empty counter
 * @throws {OpsError} from `add`: `invalid_argument` for a negative or fractional amount, `out_of_range` beyond 2⁵³ − 1
 *
 * @example
 * ```ts
 * import { createCounter } from "@ops/metrics";
 * const monday = createCounter().add(3);
 * const tuesday = createCounter().add().add(4);
 * monday.merge(tuesday).estimate();
 * // => 8
 * monday.estimate();
 * // => 3
 * ```
 */
export function createCounter(): Counter {
  return new CounterImpl();
}
