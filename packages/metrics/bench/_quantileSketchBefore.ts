// The quantile sketch as it was before issue 17 (git HEAD at the time of writing), for the A/B of
// the hot-path type check in sketchFormats.bench.ts: add() without the typeof and sum-overflow checks.
import { OpsError } from "@ops/core";
import { DenseStore } from "../src/sketch/_lib/ddStore";

export class QuantileSketchBefore {
  readonly kind = "quantile" as const;
  readonly relativeAccuracy: number;
  readonly maxBins: number;
  private readonly gamma: number;
  private readonly multiplier: number;
  private positive: DenseStore;
  private negative: DenseStore;
  zeros = 0;
  private n = 0;
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(relativeAccuracy: number, maxBins: number) {
    this.relativeAccuracy = relativeAccuracy;
    this.maxBins = maxBins;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.multiplier = 1 / Math.log(this.gamma);
    this.positive = new DenseStore(maxBins);
    this.negative = new DenseStore(maxBins);
  }

  get count(): number {
    return this.n;
  }
  get sum(): number {
    return this.total;
  }
  get min(): number | null {
    return this.n === 0 ? null : this.lo;
  }
  get max(): number | null {
    return this.n === 0 ? null : this.hi;
  }

  add(value: number): this {
    if (value > 0 && value !== Infinity) {
      // hot path: the bin is inside the store's current range (no growth, no collapse)
      const i = Math.ceil(Math.log(value) * this.multiplier);
      const store = this.positive;
      if (i >= store.minIndex && i <= store.maxIndex) {
        const j = i - store.offset;
        store.counts[j] = (store.counts[j] as number) + 1;
        store.total++;
      } else store.add(i, 1);
    } else if (value === 0) {
      // -0 counts as 0: min/max would otherwise depend on the order of -0 and 0
      this.zeros++;
      value = 0;
    } else if (value < 0 && value !== -Infinity) this.negative.add(Math.ceil(Math.log(-value) * this.multiplier), 1);
    else
      throw new OpsError({
        code: "invalid_argument",
        fn: "QuantileSketch.add",
        path: ["value"],
        rule: "must be a finite number",
        received: value,
      });
    this.n++;
    this.total += value;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    return this;
  }
}
