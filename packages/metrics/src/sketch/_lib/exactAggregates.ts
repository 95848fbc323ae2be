// Exact counter and exactly-rounded sum sketches behind createCounter / createSum.
import { OpsError } from "@ops/core";
import { ByteReader, ByteWriter } from "./sketchBytes";
import type { Counter } from "../Counter";
import type { SumSketch } from "../SumSketch";

export class CounterImpl implements Counter {
  readonly kind = "counter" as const;
  constructor(private n = 0) {}

  add(amount = 1): this {
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "Counter.add",
        path: ["amount"],
        rule: "must be a whole number ≥ 0",
        received: amount,
      });
    }
    const next = this.n + amount;
    if (!Number.isSafeInteger(next))
      throw new OpsError({
        code: "out_of_range",
        fn: "Counter.add",
        path: ["amount"],
        rule: "would take the count beyond 2^53 − 1",
        received: amount,
      });
    this.n = next;
    return this;
  }
  estimate(): number {
    return this.n;
  }
  merge(other: Counter): Counter {
    if (!(other instanceof CounterImpl)) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "Counter.merge",
        path: ["other"],
        rule: "must be a Counter from createCounter or deserializeSketch",
        received: other,
      });
    }
    return new CounterImpl().add(this.n).add(other.n);
  }
  clone(): Counter {
    return new CounterImpl(this.n);
  }
  serialize(): Uint8Array {
    const w = new ByteWriter("counter", 8);
    w.f64(this.n);
    return w.finish();
  }
  static deserialize(bytes: unknown, fn: string): CounterImpl {
    const r = new ByteReader(bytes, "counter", fn);
    const n = r.f64();
    r.done();
    if (!Number.isSafeInteger(n) || n < 0) r.corrupt("hold a count that is not a whole number ≥ 0");
    return new CounterImpl(n);
  }
}

/**
 * Exact running sum as a list of non-overlapping partials (Shewchuk's algorithm, as in
 * Python's math.fsum): adding or merging never rounds, so the result does not depend on
 * the order or grouping of additions.
 */
export class SumImpl implements SumSketch {
  readonly kind = "sum" as const;
  private partials: number[] = [];
  private n = 0;
  private lo = Infinity;
  private hi = -Infinity;

  get count(): number {
    return this.n;
  }
  get min(): number | null {
    return this.n === 0 ? null : this.lo;
  }
  get max(): number | null {
    return this.n === 0 ? null : this.hi;
  }

  add(value: number): this {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "SumSketch.add",
        path: ["value"],
        rule: "must be a finite number",
        received: value,
      });
    }
    this.addExact(value);
    this.n++;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    return this;
  }

  private addExact(x: number): void {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j] as number;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x))
      throw new OpsError({
        code: "out_of_range",
        fn: "SumSketch.add",
        path: ["value"],
        rule: "would overflow the sum beyond ±1.8e308",
        received: x,
      });
    p.length = i;
    p.push(x);
  }

  /** The exact sum rounded once to the nearest double (math.fsum's final step). */
  estimate(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n] as number;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && (p[n - 1] as number) < 0) || (lo > 0 && (p[n - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  mean(): number | null {
    return this.n === 0 ? null : this.estimate() / this.n;
  }

  merge(other: SumSketch): SumSketch {
    if (!(other instanceof SumImpl)) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "SumSketch.merge",
        path: ["other"],
        rule: "must be a SumSketch from createSum or deserializeSketch",
        received: other,
      });
    }
    const out = this.copy();
    for (const x of other.partials) out.addExact(x);
    out.n += other.n;
    out.lo = Math.min(out.lo, other.lo);
    out.hi = Math.max(out.hi, other.hi);
    return out;
  }

  clone(): SumSketch {
    return this.copy();
  }

  private copy(): SumImpl {
    const s = new SumImpl();
    s.partials = this.partials.slice();
    s.n = this.n;
    s.lo = this.lo;
    s.hi = this.hi;
    return s;
  }

  serialize(): Uint8Array {
    const w = new ByteWriter("sum", 8 * 3 + 4 + 8 * this.partials.length);
    w.f64(this.n);
    w.f64(this.lo);
    w.f64(this.hi);
    w.u32(this.partials.length);
    for (const x of this.partials) w.f64(x);
    return w.finish();
  }

  static deserialize(bytes: unknown, fn: string): SumImpl {
    const r = new ByteReader(bytes, "sum", fn);
    const s = new SumImpl();
    s.n = r.f64();
    s.lo = r.f64();
    s.hi = r.f64();
    const k = r.u32();
    r.need(k * 8);
    for (let i = 0; i < k; i++) {
      const x = r.f64();
      if (!Number.isFinite(x)) r.corrupt("hold a non-finite partial sum");
      s.addExact(x);
    }
    r.done();
    const ok =
      Number.isSafeInteger(s.n) &&
      s.n >= 0 &&
      (s.n === 0 ? s.lo === Infinity && s.hi === -Infinity && k === 0 : s.lo <= s.hi);
    if (!ok) r.corrupt("have a count, min or max that do not agree");
    return s;
  }
}
