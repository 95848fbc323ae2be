import type { Sketch } from "./Sketch";

/**
 * An exactly accumulated sum with count, min and max. `add` mutates it; `merge` is pure.
 * See {@link Sketch}.
 */
export interface SumSketch extends Sketch<SumSketch> {
  readonly kind: "sum";
  readonly count: number;
  /** Exact smallest and largest values, `null` while empty. */
  readonly min: number | null;
  readonly max: number | null;
  /** Adds one finite value; mutates and returns the sketch. */
  add(value: number): this;
  /** The sum of every value added, rounded once (so the same whatever the order or merge tree). */
  estimate(): number;
  /** estimate() / count, or `null` while empty. */
  mean(): number | null;
}
