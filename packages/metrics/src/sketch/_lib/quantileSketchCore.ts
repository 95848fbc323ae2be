// The DDSketch-style quantile sketch behind createQuantileSketch and deserializeSketch. The
// DDSketch protobuf encoder comes in through the constructor (from the ddSketchProto codec), so
// that the default ops format does not bundle it.
import { OpsError } from "@ops/core";
import { DenseStore } from "./ddStore";
import type { DDSketchParts } from "./ddsketchProto";
import { ByteReader, ByteWriter } from "./sketchBytes";
import type { QuantileSketch, QuantileSketchFormat } from "../QuantileSketch";

/** Writes the DDSketch protobuf message (the ddSketchProto codec's encoder). */
export type DDSketchEncoder = (parts: DDSketchParts) => Uint8Array;

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
  readonly multiplier: number;
  /** Whether this is the ddsketch format (sketches-js's mapping). */
  readonly dd: boolean;
  /** ddsketch: |x| at or below this counts as zero (sketches-js's minPossible); ops: 0. */
  readonly zeroBelow: number;
  // (not private: the readers in readQuantileSketch and quantileFromProto fill them)
  positive: DenseStore;
  negative: DenseStore;
  zeros = 0;
  n = 0;
  total = 0;
  lo = Infinity;
  hi = -Infinity;

  /** The DDSketch protobuf writer (ddsketch format), `null` (ops format). */
  readonly #encode: DDSketchEncoder | null;

  /** `encode`: the DDSketch protobuf writer for the ddsketch format (its mapping too), `null` for ops. */
  constructor(relativeAccuracy: number, maxBins: number, encode: DDSketchEncoder | null) {
    this.#encode = encode;
    this.relativeAccuracy = relativeAccuracy;
    this.maxBins = maxBins;
    this.dd = encode !== null;
    this.format = this.dd ? "ddsketch" : "ops";
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
    } else this.negative.add(binIndex(this, -value), 1);
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
          value = -binValue(this, i);
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
          value = binValue(this, i);
          break found;
        }
      }
      value = this.hi;
    }
    return Math.min(this.hi, Math.max(this.lo, value));
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
    const s = new QuantileSketchImpl(this.relativeAccuracy, this.maxBins, this.#encode);
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
    if (this.#encode !== null) return this.#encode(this.protoParts());
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
}

/** Reads the ops format's bytes, checking every field (not only the CRC). */
export function readQuantileSketch(bytes: unknown, fn: string): QuantileSketchImpl {
  const r = new ByteReader(bytes, "quantile", fn);
  const alpha = r.f64();
  const maxBins = r.u32();
  if (!(alpha >= MIN_RELATIVE_ACCURACY && alpha < 1))
    r.corrupt(`declare a relativeAccuracy outside [${MIN_RELATIVE_ACCURACY}, 1)`);
  if (maxBins < 16 || maxBins > MAX_BINS) r.corrupt("declare a maxBins outside 16–2^20");
  const s = new QuantileSketchImpl(alpha, maxBins, null);
  s.n = r.f64();
  s.zeros = r.f64();
  s.total = r.f64();
  s.lo = r.f64();
  s.hi = r.f64();
  const [minIndex, maxIndex] = binIndexRange(s);
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
  if (!summaryAgrees(s)) r.corrupt("have a sum, min or max that do not agree with their bins");
  return s;
}

/** The bin of a magnitude x > zeroBelow. */
export function binIndex(s: QuantileSketchImpl, x: number): number {
  return s.dd ? Math.ceil(Math.log2(x) * s.multiplier) : Math.ceil(Math.log(x) * s.multiplier);
}

/** The smallest and largest bin any finite magnitude can have. */
export function binIndexRange(s: QuantileSketchImpl): [number, number] {
  return [binIndex(s, s.dd ? s.zeroBelow * 1.0000001 : Number.MIN_VALUE), binIndex(s, Number.MAX_VALUE)];
}

/** The value representing bin i, 2γ^i/(γ + 1): within relativeAccuracy of every value in (γ^(i−1), γ^i]. */
export function binValue(s: QuantileSketchImpl, i: number): number {
  if (s.dd) return 2 ** (i / s.multiplier) * (2 / (1 + s.gamma));
  return (2 * Math.exp(i / s.multiplier)) / (1 + s.gamma);
}

/** min, max and sum are finite and consistent with the bins (each extreme lies in the bin it maps to). */
export function summaryAgrees(s: QuantileSketchImpl): boolean {
  const { n, lo, hi, total } = s;
  if (n === 0) return lo === Infinity && hi === -Infinity && total === 0;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi && Number.isFinite(total))) return false;
  // (with the slack of n − 1 roundings: n additions of the largest value may round above n × it)
  if (Math.abs(total) > n * Math.max(Math.abs(lo), Math.abs(hi)) * (1 + n * 2.3e-16)) return false;
  const pos = s.positive;
  const neg = s.negative;
  // (the lowest bins may have been folded together, so only the upper side of a store is exact)
  const where = (x: number): boolean => {
    if (x > s.zeroBelow) return pos.total > 0 && binIndex(s, x) <= pos.maxIndex;
    if (x >= -s.zeroBelow) return s.zeros > 0;
    return neg.total > 0 && binIndex(s, -x) <= neg.maxIndex;
  };
  // the largest value is in the top positive bin (or, with none, a zero or the smallest negative magnitude)
  const top = pos.total > 0 ? hi > s.zeroBelow && binIndex(s, hi) === pos.maxIndex : where(hi);
  const bottom = neg.total > 0 ? lo < -s.zeroBelow && binIndex(s, -lo) === neg.maxIndex : where(lo);
  return top && bottom;
}
