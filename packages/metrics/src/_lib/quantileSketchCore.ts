// The DDSketch-style quantile sketch behind createQuantileSketch and deserializeSketch.
import { OpsError } from "@ops/core";
import { DenseStore } from "./ddStore";
import { type DDSketchParts, encodeDDSketch } from "./ddsketchProto";
import { ByteReader, ByteWriter } from "./sketchBytes";
import type { QuantileSketch, QuantileSketchFormat } from "../sketch/createQuantileSketch";

/** The smallest relative accuracy: bin indexes of every double then fit in ±3.8·10^8, far inside int32. */
export const MIN_RELATIVE_ACCURACY = 1e-6;
/** The most bins per sign. */
export const MAX_BINS = 1 << 20;

function notANumber(value: unknown): never {
  throw new OpsError({
    code: "invalid_argument",
    fn: "QuantileSketch.add",
    path: ["value"],
    rule: "must be a finite number",
    received:
      typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : typeof value,
  });
}

function sumOverflow(fn: string): never {
  throw new OpsError({
    code: "out_of_range",
    fn,
    path: [fn === "QuantileSketch.add" ? "value" : "other"],
    rule: "would make the sum of the values overflow ±1.7976931348623157e308 (the sketch is left unchanged)",
  });
}

export class QuantileSketchImpl implements QuantileSketch {
  readonly kind = "quantile" as const;
  readonly relativeAccuracy: number;
  readonly maxBins: number;
  readonly format: QuantileSketchFormat;
  /** γ: (1 + α)/(1 − α) (ops), 1 + 2α/(1 − α) (ddsketch, as @datadog/sketches-js writes it). */
  readonly gamma: number;
  /** ops: 1/ln γ, applied to ln x; ddsketch: ln 2/ln γ (log1p), applied to log2 x, as sketches-js's LogarithmicMapping. */
  private readonly multiplier: number;
  private readonly dd: boolean;
  /** ddsketch: |x| at or below this counts as zero (sketches-js's minPossible); ops: 0. */
  private readonly zeroBelow: number;
  private positive: DenseStore;
  private negative: DenseStore;
  private zeros = 0;
  private n = 0;
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(relativeAccuracy: number, maxBins: number, format: QuantileSketchFormat = "ops") {
    this.relativeAccuracy = relativeAccuracy;
    this.maxBins = maxBins;
    this.format = format;
    this.dd = format === "ddsketch";
    if (this.dd) {
      const mantissa = (2 * relativeAccuracy) / (1 - relativeAccuracy);
      this.gamma = 1 + mantissa;
      this.multiplier = (1 / Math.log1p(mantissa)) * Math.log(2);
      this.zeroBelow = 2.2250738585072014e-308 * this.gamma;
    } else {
      this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
      this.multiplier = 1 / Math.log(this.gamma);
      this.zeroBelow = 0;
    }
    this.positive = new DenseStore(maxBins);
    this.negative = new DenseStore(maxBins);
  }

  /** The bin of a magnitude x > zeroBelow. */
  private index(x: number): number {
    return this.dd ? Math.ceil(Math.log2(x) * this.multiplier) : Math.ceil(Math.log(x) * this.multiplier);
  }

  /** The smallest and largest bin any finite magnitude can have. */
  private indexRange(): [number, number] {
    return [this.index(this.dd ? this.zeroBelow * 1.0000001 : Number.MIN_VALUE), this.index(Number.MAX_VALUE)];
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
    if (typeof value !== "number") notANumber(value);
    const total = this.total + value;
    if (value > this.zeroBelow && total < Infinity) {
      // hot path: a positive finite value that keeps the sum finite (+Infinity and an overflowing sum fail `total < Infinity`)
      const i = this.dd ? Math.ceil(Math.log2(value) * this.multiplier) : Math.ceil(Math.log(value) * this.multiplier);
      const store = this.positive;
      if (i >= store.minIndex && i <= store.maxIndex) {
        const j = i - store.offset;
        store.counts[j] = (store.counts[j] as number) + 1;
        store.total++;
      } else store.add(i, 1);
      this.n++;
      this.total = total;
      if (value < this.lo) this.lo = value;
      if (value > this.hi) this.hi = value;
      return this;
    }
    return this.addOther(value, total);
  }

  /** add() of zeros, negatives and what must be refused (NaN, ±Infinity, a sum that would overflow). */
  private addOther(value: number, total: number): this {
    if (value - value !== 0) notANumber(value);
    if (total - total !== 0) sumOverflow("QuantileSketch.add");
    if (value >= -this.zeroBelow) {
      // -0 counts as 0: min/max would otherwise depend on the order of -0 and 0
      this.zeros++;
      if (value === 0) value = 0;
    } else this.negative.add(this.index(-value), 1);
    this.n++;
    this.total = total;
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
    if (this.dd) return 2 ** (i / this.multiplier) * (2 / (1 + this.gamma));
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
    if (other.format !== this.format) {
      throw new OpsError({
        code: "conflict",
        fn: "QuantileSketch.merge",
        path: ["other"],
        rule: `must be in the ${this.format} format like this sketch (formats do not mix)`,
        received: { format: other.format },
      });
    }
    if (!Number.isFinite(this.total + other.total)) sumOverflow("QuantileSketch.merge");
    // ddsketch: mergeable when γ is the same (as sketches-js's `mergeable`); the result keeps this maxBins
    const mismatch = this.dd
      ? other.gamma !== this.gamma
      : other.relativeAccuracy !== this.relativeAccuracy || other.maxBins !== this.maxBins;
    if (mismatch) {
      throw new OpsError({
        code: "conflict",
        fn: "QuantileSketch.merge",
        path: ["other"],
        rule: this.dd
          ? `must have the same gamma (${this.gamma}, relativeAccuracy ${this.relativeAccuracy})`
          : `must have the same relativeAccuracy and maxBins (${this.relativeAccuracy}, ${this.maxBins})`,
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
    const s = new QuantileSketchImpl(this.relativeAccuracy, this.maxBins, this.format);
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
    if (this.dd) return encodeDDSketch(this.protoParts());
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
    if (!(alpha >= MIN_RELATIVE_ACCURACY && alpha < 1))
      r.corrupt(`declare a relativeAccuracy outside [${MIN_RELATIVE_ACCURACY}, 1)`);
    if (maxBins < 16 || maxBins > MAX_BINS) r.corrupt("declare a maxBins outside 16–2^20");
    const s = new QuantileSketchImpl(alpha, maxBins);
    s.n = r.f64();
    s.zeros = r.f64();
    s.total = r.f64();
    s.lo = r.f64();
    s.hi = r.f64();
    const [minIndex, maxIndex] = s.indexRange();
    let counted = s.zeros;
    for (const store of [s.positive, s.negative]) {
      const min = r.i32();
      const bins = r.u32();
      if (bins > maxBins) r.corrupt("hold more bins than maxBins");
      if (bins > 0 && (min < minIndex || min + bins - 1 > maxIndex))
        r.corrupt(`hold bin indexes outside ${minIndex}…${maxIndex}, the bins of finite values at this accuracy`);
      r.need(bins * 8);
      for (let i = 0; i < bins; i++) {
        const c = r.f64();
        if (!(c >= 0 && Number.isSafeInteger(c))) r.corrupt("hold a bin count that is not a whole number ≥ 0");
        if (c > 0) store.add(min + i, c);
        counted += c;
      }
    }
    r.done();
    if (!(Number.isSafeInteger(s.n) && s.n >= 0 && Number.isSafeInteger(s.zeros) && s.zeros >= 0 && counted === s.n))
      r.corrupt("have a count that is not the sum of their bins");
    if (!s.summaryAgrees()) r.corrupt("have a sum, min or max that do not agree with their bins");
    return s;
  }

  /** min, max and sum are finite and consistent with the bins (each extreme lies in the bin it maps to). */
  private summaryAgrees(): boolean {
    const { n, lo, hi, total } = this;
    if (n === 0) return lo === Infinity && hi === -Infinity && total === 0;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi && Number.isFinite(total))) return false;
    // (with the slack of n − 1 roundings: n additions of the largest value may round above n × it)
    if (Math.abs(total) > n * Math.max(Math.abs(lo), Math.abs(hi)) * (1 + n * 2.3e-16)) return false;
    const pos = this.positive;
    const neg = this.negative;
    // (the lowest bins may have been folded together, so only the upper side of a store is exact)
    const where = (x: number): boolean => {
      if (x > this.zeroBelow) return pos.total > 0 && this.index(x) <= pos.maxIndex;
      if (x >= -this.zeroBelow) return this.zeros > 0;
      return neg.total > 0 && this.index(-x) <= neg.maxIndex;
    };
    // the largest value is in the top positive bin (or, with none, a zero or the smallest negative magnitude)
    const top = pos.total > 0 ? hi > this.zeroBelow && this.index(hi) === pos.maxIndex : where(hi);
    const bottom = neg.total > 0 ? lo < -this.zeroBelow && this.index(-lo) === neg.maxIndex : where(lo);
    return top && bottom;
  }

  /** The parts of the DDSketch protobuf message. */
  private protoParts(): DDSketchParts {
    const store = (d: DenseStore) => {
      const counts: number[] = [];
      if (d.total > 0) for (let i = d.minIndex; i <= d.maxIndex; i++) counts.push(d.at(i));
      return { offset: d.total > 0 ? d.minIndex : 0, counts };
    };
    return {
      gamma: this.gamma,
      indexOffset: 0,
      positive: store(this.positive),
      negative: store(this.negative),
      zeroCount: this.zeros,
      summary: this.n === 0 ? null : { sum: this.total, min: this.lo, max: this.hi, maxBins: this.maxBins },
    };
  }

  /** A ddsketch-format sketch from decoded protobuf parts (validated by the decoder). */
  static fromProtoParts(p: DDSketchParts, fn: string): QuantileSketchImpl {
    const corrupt = (rule: string): never => {
      throw new OpsError({ code: "corrupt_data", fn, path: ["bytes"], rule: `(DDSketch protobuf) ${rule}` });
    };
    // α from γ as sketches-js's fromGammaOffset does; 0.01 comes back as 0.009999999999999957, so the
    // shortest decimal that gives the same γ is kept (the writer's α, when it was a round number)
    let alpha = (p.gamma - 1) / (p.gamma + 1);
    for (let digits = 1; digits <= 17; digits++) {
      const a = Number(alpha.toPrecision(digits));
      if (1 + (2 * a) / (1 - a) === p.gamma) {
        alpha = a;
        break;
      }
    }
    if (!(alpha >= MIN_RELATIVE_ACCURACY && alpha < 1))
      corrupt(`must declare gamma for a relativeAccuracy in [${MIN_RELATIVE_ACCURACY}, 1)`);
    const stores = [p.positive, p.negative];
    const span = Math.max(...stores.map((st) => st.counts.length));
    const maxBins = p.summary?.maxBins ?? Math.min(MAX_BINS, Math.max(2048, span));
    if (!(Number.isInteger(maxBins) && maxBins >= 16 && maxBins <= MAX_BINS))
      corrupt("must declare maxBins from 16 to 2^20");
    const s = new QuantileSketchImpl(alpha, maxBins, "ddsketch");
    const [minIndex, maxIndex] = s.indexRange();
    let n = p.zeroCount;
    let approxSum = 0;
    for (const [k, st] of stores.entries()) {
      const store = k === 0 ? s.positive : s.negative;
      for (let i = 0; i < st.counts.length; i++) {
        const c = st.counts[i] as number;
        if (!(c >= 0 && Number.isSafeInteger(c)))
          corrupt("must hold whole bin counts ≥ 0 (weighted values are not supported)");
        if (c === 0) continue;
        const index = st.offset + i - p.indexOffset;
        if (!(index >= minIndex && index <= maxIndex)) corrupt(`must hold bin indexes within ${minIndex}…${maxIndex}`);
        store.add(index, c);
        n += c;
        approxSum += (k === 0 ? 1 : -1) * c * s.binValue(index);
      }
    }
    if (!(Number.isSafeInteger(p.zeroCount) && p.zeroCount >= 0)) corrupt("must hold a whole zero count ≥ 0");
    if (!Number.isSafeInteger(n)) corrupt("must hold at most 2^53 − 1 values");
    s.n = n;
    s.zeros = p.zeroCount;
    if (n === 0) return s;
    if (p.summary !== null) {
      s.total = p.summary.sum;
      s.lo = p.summary.min;
      s.hi = p.summary.max;
    } else {
      // a peer's message carries no summary: the extreme bins' values and Σ count × bin value, within α
      const pos = s.positive;
      const neg = s.negative;
      s.lo = neg.total > 0 ? -s.binValue(neg.maxIndex) : s.zeros > 0 ? 0 : s.binValue(pos.minIndex);
      s.hi = pos.total > 0 ? s.binValue(pos.maxIndex) : s.zeros > 0 ? 0 : -s.binValue(neg.minIndex);
      s.total = approxSum;
      if (!Number.isFinite(approxSum)) corrupt("must hold values whose sum is finite");
    }
    if (!s.summaryAgrees()) corrupt("must have a sum, min and max that agree with the bins");
    return s;
  }
}
