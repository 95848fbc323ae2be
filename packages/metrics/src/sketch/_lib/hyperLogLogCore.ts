// The HyperLogLog implementation behind createHyperLogLog and deserializeSketch (the ops format).
import { OpsError } from "@ops/core";
import { ByteReader, ByteWriter } from "./sketchBytes";
import type { HllBounds, HyperLogLog } from "../HyperLogLog";

const TWO_32 = 4294967296;

/** MurmurHash3's 32-bit finaliser: a bijection with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class HyperLogLogImpl implements HyperLogLog {
  readonly kind = "hyperloglog" as const;
  readonly format = "ops" as const;
  readonly targetType = null;
  readonly precision: number;
  readonly seed: number;
  readonly registers: Uint8Array;
  private readonly shift: number;
  private readonly seed2: number;
  /** fmix32(0 ^ seed): the mixed high word of every id below 2^32, computed once. */
  private readonly zeroHigh: number;

  constructor(precision: number, seed: number, registers?: Uint8Array) {
    this.precision = precision;
    this.seed = seed;
    this.shift = 32 - precision;
    this.seed2 = fmix32(seed ^ 0x9e3779b9);
    this.zeroHigh = fmix32(seed);
    this.registers = registers ?? new Uint8Array(1 << precision);
  }

  add(value: string | number): this {
    if (typeof value === "number") {
      if (value >>> 0 === value) {
        // fast path: an id from 0 to 2^32 − 1 (the high word is 0)
        this.update(fmix32(value ^ this.zeroHigh), 0, 0);
        return this;
      }
      if (!Number.isSafeInteger(value)) {
        throw new OpsError({
          code: "invalid_argument",
          fn: "HyperLogLog.add",
          path: ["value"],
          rule: "must be a safe integer or a string",
          received: value,
        });
      }
      const lo = value >>> 0;
      const hi = Math.floor(value / TWO_32) >>> 0;
      this.update(fmix32(lo ^ fmix32(hi ^ this.seed)), hi, 0);
    } else if (typeof value === "string") {
      this.addString(value);
    } else {
      throw new OpsError({
        code: "invalid_argument",
        fn: "HyperLogLog.add",
        path: ["value"],
        rule: "must be a safe integer or a string",
        received: value,
      });
    }
    return this;
  }

  /** MurmurHash3-style body over UTF-16 code units, two lanes (64 bits of hash). */
  private addString(s: string): void {
    let h1 = this.seed;
    let h2 = this.seed2;
    const n = s.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      let k = (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)) >>> 0;
      let k2 = Math.imul(k, 0x9e3779b1);
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h1 ^= Math.imul(k, 0x1b873593);
      h1 = (h1 << 13) | (h1 >>> 19);
      h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
      k2 = (k2 << 17) | (k2 >>> 15);
      h2 ^= Math.imul(k2, 0x85ebca6b);
      h2 = (h2 << 11) | (h2 >>> 21);
      h2 = (Math.imul(h2, 9) + 0x52dce729) | 0;
    }
    if (i < n) {
      let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h1 ^= Math.imul(k, 0x1b873593);
      h2 ^= Math.imul(s.charCodeAt(i) + 1, 0x85ebca6b);
    }
    h1 = fmix32(h1 ^ n);
    h2 = fmix32(h2 ^ Math.imul(n, 0x27d4eb2f) ^ h1);
    this.update(h1, 0, h2);
  }

  /** Sets the register of hash (h1, h2); h2 is derived lazily from (h1, hi) for integers. */
  private update(h1: number, hi: number, h2: number): void {
    const index = h1 >>> this.shift;
    const w = (h1 << this.precision) >>> 0;
    let rank: number;
    if (w !== 0) rank = Math.clz32(w) + 1;
    else {
      // integers: a second word injective in `hi` for a given h1, so distinct ids never collide
      const second = h2 !== 0 ? h2 : fmix32(Math.imul(h1, 0x2c1b3c6d) ^ hi ^ this.seed2);
      // capped at 64 − p (a zero second word, probability 2^-32 among these): a register of
      // 65 − p everywhere would make the estimate infinite, and readers refuse it
      rank = second === 0 ? 64 - this.precision : this.shift + Math.clz32(second) + 1;
    }
    if (rank > (this.registers[index] as number)) this.registers[index] = rank;
  }

  estimate(): number {
    const p = this.precision;
    const m = 1 << p;
    const q = 64 - p;
    const histogram = new Float64Array(q + 2);
    const regs = this.registers;
    for (let i = 0; i < m; i++) (histogram[regs[i] as number] as number)++;
    // O. Ertl, "New cardinality estimation algorithms for HyperLogLog sketches" (2017), Algorithm 6
    let z = m * tau(1 - (histogram[q + 1] as number) / m);
    for (let k = q; k >= 1; k--) z = 0.5 * (z + (histogram[k] as number));
    z += m * sigma((histogram[0] as number) / m);
    return (m * m) / (2 * Math.LN2 * z);
  }

  bounds(numStdDev: 1 | 2 | 3 = 2): HllBounds {
    checkStdDev(numStdDev);
    const est = this.estimate();
    const e = (numStdDev * 1.04) / Math.sqrt(2 ** this.precision);
    return { lower: Math.max(0, est * (1 - e)), upper: est * (1 + e) };
  }

  merge(other: HyperLogLog): HyperLogLog {
    if (!(other instanceof HyperLogLogImpl)) {
      const mixed = other?.kind === "hyperloglog";
      throw new OpsError({
        code: mixed ? "conflict" : "invalid_argument",
        fn: "HyperLogLog.merge",
        path: ["other"],
        rule: mixed
          ? "must be a HyperLogLog in the ops format (formats do not mix)"
          : "must be a HyperLogLog from createHyperLogLog or deserializeSketch",
        received: mixed ? { format: other.format } : other,
      });
    }
    if (other.precision !== this.precision || other.seed !== this.seed) {
      throw new OpsError({
        code: "conflict",
        fn: "HyperLogLog.merge",
        path: ["other"],
        rule: `must have the same precision and seed (${this.precision}, ${this.seed})`,
        received: { precision: other.precision, seed: other.seed },
      });
    }
    const out = new Uint8Array(this.registers.length);
    const a = this.registers;
    const b = other.registers;
    for (let i = 0; i < out.length; i++) out[i] = Math.max(a[i] as number, b[i] as number);
    return new HyperLogLogImpl(this.precision, this.seed, out);
  }

  clone(): HyperLogLog {
    return new HyperLogLogImpl(this.precision, this.seed, this.registers.slice());
  }

  serialize(): Uint8Array {
    const w = new ByteWriter("hyperloglog", 1 + 4 + this.registers.length);
    w.u8(this.precision);
    w.u32(this.seed);
    w.bytes.set(this.registers, w.pos);
    w.pos += this.registers.length;
    return w.finish();
  }
}

/** σ(x) = x + Σₖ≥₁ x^(2^k)·2^(k−1) (Ertl 2017, eq. 21). */
function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let prev: number;
  do {
    x *= x;
    prev = z;
    z += x * y;
    y += y;
  } while (z !== prev);
  return z;
}

/** τ(x) = (1 − x − Σₖ≥₁ (1 − x^(2^−k))²·2^−k)/3 (Ertl 2017, eq. 24). */
function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let prev: number;
  do {
    x = Math.sqrt(x);
    prev = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
  } while (z !== prev);
  return z / 3;
}

/** Reads the ops format's bytes, checking every field. */
export function readHyperLogLog(bytes: unknown, fn: string): HyperLogLogImpl {
  const r = new ByteReader(bytes, "hyperloglog", fn);
  const precision = r.u8();
  if (precision < 4 || precision > 18) r.corrupt(`declare a precision ${precision} outside 4–18`);
  const seed = r.u32();
  const m = 1 << precision;
  r.need(m);
  const registers = r.bytes.slice(r.pos, r.pos + m);
  r.pos += m;
  r.done();
  // ranks are at most 64 − p (a register of 65 − p everywhere would make the estimate infinite)
  const max = 64 - precision;
  for (let i = 0; i < m; i++) if ((registers[i] as number) > max) r.corrupt(`hold a register value above ${max}`);
  return new HyperLogLogImpl(precision, seed, registers);
}

/** Refuses a `numStdDev` other than 1, 2 or 3 (both HyperLogLog formats). */
export function checkStdDev(numStdDev: unknown): void {
  if (numStdDev !== 1 && numStdDev !== 2 && numStdDev !== 3) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "HyperLogLog.bounds",
      path: ["numStdDev"],
      rule: "must be 1, 2 or 3",
      received: numStdDev,
    });
  }
}
