import type { Sketch } from "./Sketch";
import { CounterImpl } from "../_lib/exactAggregates";

/**
 * An exact event counter with the same merge and serialisation interface as the
 * approximate sketches. `add` mutates it; `merge` is pure. See {@link Sketch}.
 */
export interface Counter extends Sketch<Counter> {
  readonly kind: "counter";
  /** Adds `amount` (a whole number ≥ 0, default 1); mutates and returns the counter. */
  add(amount?: number): this;
  /** The exact count. */
  estimate(): number;
}

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
