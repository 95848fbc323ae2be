// The DDSketch-style quantile sketch behind createQuantileSketch and deserializeSketch.
import { OpsError } from "@ops/core";
import { DenseStore } from "./ddStore";
import { ByteReader, ByteWriter } from "./sketchBytes";
import type { QuantileSketch } from "../sketch/createQuantileSketch";

export class QuantileSketchImpl implements QuantileSketch {
  readonly kind = "quantile" as const;
  readonly relativeAccuracy: number;
  readonly maxBins: number;
  private readonly gamma: number;
  private readonly multiplier: number;
  private positive: DenseStore;
  private negative: DenseStore;
  private zeros = 0;
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

  quantile(q: number): number | null {
    if (typeof q !== "number" || !(q >= 0 && q <= 1)) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "QuantileSketch.quantile",
        path: ["q"],
        rule: "must be a probability in [0, 1]",
        received: q,
      });
    }
    if (this.n === 0) return null;
    const rank = q * (this.n - 1);
    let value: number;
    let cumulative = 0;
    const neg = this.negative;
    // biome-ignore lint/suspicious/noConfusingLabels: one labelled block exits three nested scans without a flag
    found: {
      for (let i = neg.maxIndex; i >= neg.minIndex; i--) {
        cumulative += neg.at(i);
        if (cumulative > rank) {
          value = -this.binValue(i);
          break found;
        }
      }
      cumulative += this.zeros;
      if (cumulative > rank) {
        value = 0;
        break found;
      }
      const pos = this.positive;
      for (let i = pos.minIndex; i <= pos.maxIndex; i++) {
        cumulative += pos.at(i);
        if (cumulative > rank) {
          value = this.binValue(i);
          break found;
        }
      }
      value = this.hi;
    }
    return Math.min(this.hi, Math.max(this.lo, value));
  }

  /** The value representing bin i, 2γ^i/(γ + 1): within relativeAccuracy of every value in (γ^(i−1), γ^i]. */
  private binValue(i: number): number {
    return (2 * Math.exp(i / this.multiplier)) / (1 + this.gamma);
  }

  merge(other: QuantileSketch): QuantileSketch {
    if (!(other instanceof QuantileSketchImpl)) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "QuantileSketch.merge",
        path: ["other"],
        rule: "must be a QuantileSketch from createQuantileSketch or deserializeSketch",
        received: other,
      });
    }
    if (other.relativeAccuracy !== this.relativeAccuracy || other.maxBins !== this.maxBins) {
      throw new OpsError({
        code: "conflict",
        fn: "QuantileSketch.merge",
        path: ["other"],
        rule: `must have the same relativeAccuracy and maxBins (${this.relativeAccuracy}, ${this.maxBins})`,
        received: { relativeAccuracy: other.relativeAccuracy, maxBins: other.maxBins },
      });
    }
    const out = this.copy();
    out.positive.mergeFrom(other.positive);
    out.negative.mergeFrom(other.negative);
    out.zeros += other.zeros;
    out.n += other.n;
    out.total += other.total;
    out.lo = Math.min(out.lo, other.lo);
    out.hi = Math.max(out.hi, other.hi);
    return out;
  }

  clone(): QuantileSketch {
    return this.copy();
  }

  private copy(): QuantileSketchImpl {
    const s = new QuantileSketchImpl(this.relativeAccuracy, this.maxBins);
    s.positive = this.positive.copy();
    s.negative = this.negative.copy();
    s.zeros = this.zeros;
    s.n = this.n;
    s.total = this.total;
    s.lo = this.lo;
    s.hi = this.hi;
    return s;
  }

  serialize(): Uint8Array {
    const stores = [this.positive, this.negative];
    const binBytes = stores.reduce((acc, s) => acc + 8 + (s.total === 0 ? 0 : (s.maxIndex - s.minIndex + 1) * 8), 0);
    const w = new ByteWriter("quantile", 8 + 4 + 8 * 5 + binBytes);
    w.f64(this.relativeAccuracy);
    w.u32(this.maxBins);
    w.f64(this.n);
    w.f64(this.zeros);
    w.f64(this.total);
    w.f64(this.lo);
    w.f64(this.hi);
    for (const s of stores) {
      const bins = s.total === 0 ? 0 : s.maxIndex - s.minIndex + 1;
      w.i32(bins === 0 ? 0 : s.minIndex);
      w.u32(bins);
      for (let i = 0; i < bins; i++) w.f64(s.at(s.minIndex + i));
    }
    return w.finish();
  }

  static deserialize(bytes: unknown, fn: string): QuantileSketchImpl {
    const r = new ByteReader(bytes, "quantile", fn);
    const alpha = r.f64();
    const maxBins = r.u32();
    if (!(alpha > 0 && alpha < 1) || maxBins < 16 || maxBins > 1 << 20)
      r.corrupt("declare an impossible relativeAccuracy or maxBins");
    const s = new QuantileSketchImpl(alpha, maxBins);
    s.n = r.f64();
    s.zeros = r.f64();
    s.total = r.f64();
    s.lo = r.f64();
    s.hi = r.f64();
    let counted = s.zeros;
    for (const store of [s.positive, s.negative]) {
      const min = r.i32();
      const bins = r.u32();
      if (bins > maxBins) r.corrupt("hold more bins than maxBins");
      r.need(bins * 8);
      for (let i = 0; i < bins; i++) {
        const c = r.f64();
        if (!(c >= 0) || !Number.isFinite(c)) r.corrupt("hold a negative or non-finite bin count");
        if (c > 0) store.add(min + i, c);
        counted += c;
      }
    }
    r.done();
    const consistent =
      Number.isSafeInteger(s.n) &&
      s.n >= 0 &&
      counted === s.n &&
      Number.isFinite(s.total) &&
      (s.n === 0 ? s.lo === Infinity && s.hi === -Infinity : s.lo <= s.hi);
    if (!consistent) r.corrupt("have counts, min or max that do not agree with their bins");
    return s;
  }
}
