import type { Sketch } from "./Sketch";

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
