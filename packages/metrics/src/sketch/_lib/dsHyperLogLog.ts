// The HyperLogLog of createHyperLogLog({ format: dataSketchesHll }): the public face of DsHllState.
import { OpsError } from "@ops/core";
import type { HllBounds, HllTargetType, HyperLogLog } from "../HyperLogLog";
import { DS_SEED, type DsHllState, dsHllUnion } from "./dsHllCore";
import { checkStdDev } from "./hyperLogLogCore";

const TWO_32 = 4294967296;

function badValue(value: unknown): never {
  throw new OpsError({
    code: "invalid_argument",
    fn: "HyperLogLog.add",
    path: ["value"],
    rule: "must be a safe integer or a well-formed string",
    received: value,
  });
}

export class DsHyperLogLogImpl implements HyperLogLog {
  readonly kind = "hyperloglog" as const;
  readonly format = "datasketches" as const;
  readonly seed = DS_SEED;
  /** Scratch space of this sketch: the UTF-8 bytes of a string. */
  private utf8 = new Uint8Array(64);

  constructor(readonly state: DsHllState) {}

  get precision(): number {
    return this.state.lgK;
  }
  get targetType(): HllTargetType {
    return this.state.type;
  }

  add(value: string | number): this {
    if (typeof value === "number") {
      if (value >>> 0 === value) this.state.updateLong(value, 0);
      else if (Number.isSafeInteger(value)) this.state.updateLong(value >>> 0, Math.floor(value / TWO_32) | 0);
      else badValue(value);
    } else if (typeof value === "string") {
      if (value.length > 0) this.state.updateBytes(this.utf8, this.encode(value));
    } else badValue(value);
    return this;
  }

  /** UTF-8 bytes of `s` into the scratch buffer (Java's and C++'s string bytes); lone surrogates are refused. */
  private encode(s: string): number {
    const n = s.length;
    if (this.utf8.length < 3 * n) this.utf8 = new Uint8Array(3 * n + 16);
    const b = this.utf8;
    let p = 0;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[p++] = c;
      else if (c < 0x800) {
        b[p++] = 0xc0 | (c >>> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[p++] = 0xe0 | (c >>> 12);
        b[p++] = 0x80 | ((c >>> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      } else {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) badValue(s);
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        b[p++] = 0xf0 | (c >>> 18);
        b[p++] = 0x80 | ((c >>> 12) & 63);
        b[p++] = 0x80 | ((c >>> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    return p;
  }

  estimate(): number {
    return this.state.estimate();
  }

  bounds(numStdDev: 1 | 2 | 3 = 2): HllBounds {
    checkStdDev(numStdDev);
    return { lower: this.state.lowerBound(numStdDev), upper: this.state.upperBound(numStdDev) };
  }

  merge(other: HyperLogLog): HyperLogLog {
    if (!(other instanceof DsHyperLogLogImpl)) {
      throw new OpsError({
        code: other?.kind === "hyperloglog" ? "conflict" : "invalid_argument",
        fn: "HyperLogLog.merge",
        path: ["other"],
        rule: "must be a HyperLogLog in the datasketches format (formats do not mix)",
        received: other?.kind === "hyperloglog" ? { format: other.format } : other,
      });
    }
    const lgMaxK = Math.max(this.state.lgK, other.state.lgK);
    return new DsHyperLogLogImpl(dsHllUnion([this.state, other.state], lgMaxK, this.state.type));
  }

  clone(): HyperLogLog {
    return new DsHyperLogLogImpl(this.state.copy());
  }

  serialize(): Uint8Array {
    return this.state.toBytes();
  }
}
