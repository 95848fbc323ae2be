// The DataSketches-compatible HLL sketch behind the dataSketchesHll codec.
// A port of Apache DataSketches C++ hll/ (Apache-2.0; CouponList, CouponHashSet, Hll4Array with
// AuxHashMap, Hll6Array, Hll8Array, HllUnion), kept operation for operation where the bytes or the
// estimate depend on it (insertion order of hash tables, HIP and KxQ accumulation, union gadget).
// Compact image layout (all little-endian): https://datasketches.apache.org/docs/HLL/HllSketchFormat.html
// (and the preamble comments in datasketches-java hll/PreambleUtil.java):
//   byte 0 preInts (2 LIST, 3 SET, 10 HLL) · 1 serVer (1) · 2 family (7) · 3 lgK · 4 lgArr
//   (LIST/SET: log2 of the coupon array; HLL_4: log2 of the aux table, else 0) · 5 flags
//   (4 empty, 8 compact, 16 out-of-order, 32 full size) · 6 LIST: coupon count; HLL: curMin ·
//   7 mode: low 2 bits LIST 0 / SET 1 / HLL 2, next 2 bits HLL_4 0 / HLL_6 1 / HLL_8 2.
//   LIST: coupons (u32) from byte 8. SET: coupon count (u32) at 8, coupons from 12.
//   HLL: HIP accumulator (f64) at 8, KxQ0 (f64) at 16, KxQ1 (f64) at 24, numAtCurMin (u32) at 32,
//   aux count (u32) at 36, registers from 40 (HLL_4: 2 per byte, low nibble first; HLL_6: 6 bits
//   each, packed little-endian; HLL_8: one byte each), then HLL_4's aux entries (u32 coupons).
// A coupon is (value << 26) | low 26 bits of the slot address.
import { OpsError } from "@ops/core";
import { COUPON_RSE, compositeEstimate, couponEstimate, relativeError } from "./dsHllEstimators";
import { murmurHash3x64, murmurHash3x64Long } from "./murmurHash3";
import type { HllTargetType } from "../HyperLogLog";
const LIST = 0;
const SET = 1;
const HLL = 2;
const KEY_MASK_26 = 0x3ffffff;
const AUX_TOKEN = 15;
/** DataSketches' default update seed. */
export const DS_SEED = 9001;
/** log2 of the initial aux table size by lgK (hll_constants::LG_AUX_ARR_INTS). */
const LG_AUX_ARR_INTS = [0, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13];

const TYPE_CODE: Record<HllTargetType, number> = { HLL_4: 0, HLL_6: 1, HLL_8: 2 };
const TYPE_BY_CODE: readonly HllTargetType[] = ["HLL_4", "HLL_6", "HLL_8"];

/** 2^-v for v = 0…63 (the KxQ registers; exact powers of two, as the reference's INVERSE_POWERS_OF_2). */
const INV_POW2: readonly number[] = /* @__PURE__ */ (() => Array.from({ length: 64 }, (_, v) => 2 ** -v))();
function invPow2(v: number): number {
  return INV_POW2[v] as number;
}

/** Open-addressing find of CouponHashSet: index of `coupon`, or ~index of the empty slot where it goes. */
function findCoupon(arr: Uint32Array, lgArr: number, coupon: number): number {
  const mask = (1 << lgArr) - 1;
  let probe = coupon & mask;
  const start = probe;
  do {
    const at = arr[probe] as number;
    if (at === 0) return ~probe;
    if (at === coupon) return probe;
    const stride = ((coupon & KEY_MASK_26) >>> lgArr) | 1;
    probe = (probe + stride) & mask;
  } while (probe !== start);
  throw new Error("DataSketches HLL: coupon table full"); // unreachable: tables grow at 3/4
}

/** AuxHashMap of HLL_4: slot → value for values ≥ curMin + 15, open addressing on the slot number. */
class AuxMap {
  entries: Uint32Array;
  count = 0;
  constructor(
    public lgArr: number,
    readonly lgK: number,
  ) {
    this.entries = new Uint32Array(1 << lgArr);
  }
  find(slot: number): number {
    const mask = (1 << this.lgArr) - 1;
    const kMask = (1 << this.lgK) - 1;
    let probe = slot & mask;
    const start = probe;
    do {
      const at = this.entries[probe] as number;
      if (at === 0) return ~probe;
      if ((at & kMask) === slot) return probe;
      const stride = (slot >>> this.lgArr) | 1;
      probe = (probe + stride) & mask;
    } while (probe !== start);
    throw new Error("DataSketches HLL: aux table full"); // unreachable: grows at 3/4
  }
  /** Adds slot → value; false if the slot is already there (a forged image). */
  add(slot: number, value: number): boolean {
    const i = this.find(slot);
    if (i >= 0) return false;
    this.entries[~i] = (value * 67108864 + slot) >>> 0;
    this.count++;
    if (4 * this.count > 3 * (1 << this.lgArr)) {
      const old = this.entries;
      this.lgArr++;
      this.entries = new Uint32Array(1 << this.lgArr);
      const kMask = (1 << this.lgK) - 1;
      for (let j = 0; j < old.length; j++) {
        const e = old[j] as number;
        if (e !== 0) this.entries[~this.find(e & kMask)] = e;
      }
    }
    return true;
  }
  valueOf(slot: number): number {
    return (this.entries[this.find(slot)] as number) >>> 26;
  }
  replace(slot: number, value: number): void {
    this.entries[this.find(slot)] = (value * 67108864 + slot) >>> 0;
  }
  copy(): AuxMap {
    const a = new AuxMap(this.lgArr, this.lgK);
    a.entries = this.entries.slice();
    a.count = this.count;
    return a;
  }
}

/**
 * One DataSketches HLL sketch in any of its modes. HLL_6 and HLL_8 keep one byte per register
 * (HLL_6 is packed only when written); HLL_4 keeps the reference's nibbles, curMin and aux table,
 * whose layout the compact image exposes.
 */
export class DsHllState {
  mode = LIST;
  /** LIST/SET coupons (0 = empty). */
  coupons: Uint32Array = new Uint32Array(8);
  couponCount = 0;
  /** HLL_6/HLL_8: register values; HLL_4: nibbles, two per byte. */
  regs: Uint8Array = new Uint8Array(0);
  aux: AuxMap | null = null;
  curMin = 0;
  numAtCurMin = 0;
  hipAccum = 0;
  kxq0 = 0;
  kxq1 = 0;
  outOfOrder = false;
  /** Union gadget: KxQ, curMin and numAtCurMin are stale after a register-wise merge. */
  rebuild = false;

  /** 2^lgK − 1. */
  private readonly kMask: number;

  constructor(
    readonly lgK: number,
    readonly type: HllTargetType,
  ) {
    this.kMask = (1 << lgK) - 1;
  }

  // ---- coupon updates -------------------------------------------------------------------

  couponUpdate(coupon: number): void {
    if (this.mode === HLL) this.hllUpdate(coupon);
    else if (this.mode === LIST) this.listUpdate(coupon);
    else this.setUpdate(coupon);
  }

  private listUpdate(coupon: number): void {
    const c = this.coupons;
    for (let i = 0; i < c.length; i++) {
      const at = c[i] as number;
      if (at === 0) {
        c[i] = coupon;
        if (++this.couponCount === c.length) {
          if (this.lgK < 8) this.promoteToHll();
          else this.promoteToSet();
        }
        return;
      }
      if (at === coupon) return;
    }
  }

  private promoteToSet(): void {
    const old = this.coupons;
    this.mode = SET;
    this.coupons = new Uint32Array(32);
    this.couponCount = 0;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.setUpdate(old[i] as number);
  }

  private setUpdate(coupon: number): void {
    let c = this.coupons;
    let lgArr = 31 - Math.clz32(c.length);
    const i = findCoupon(c, lgArr, coupon);
    if (i >= 0) return;
    c[~i] = coupon;
    this.couponCount++;
    if (4 * this.couponCount > 3 * c.length) {
      if (lgArr === this.lgK - 3) {
        this.promoteToHll();
        return;
      }
      lgArr++;
      const next = new Uint32Array(1 << lgArr);
      for (let j = 0; j < c.length; j++) {
        const e = c[j] as number;
        if (e !== 0) next[~findCoupon(next, lgArr, e)] = e;
      }
      c = next;
      this.coupons = c;
    }
  }

  /** HllSketchImplFactory::promoteListOrSetToHll. */
  private promoteToHll(): void {
    const src = this.coupons;
    const estimate = this.estimate();
    this.initHll();
    for (let i = 0; i < src.length; i++) if (src[i] !== 0) this.hllUpdate(src[i] as number);
    this.hipAccum = estimate;
    this.outOfOrder = false;
  }

  /** An empty HLL array (HllArray constructor). */
  initHll(): void {
    const k = 1 << this.lgK;
    this.mode = HLL;
    this.coupons = new Uint32Array(0);
    this.couponCount = 0;
    this.regs = new Uint8Array(this.type === "HLL_4" ? k >>> 1 : k);
    this.aux = null;
    this.curMin = 0;
    this.numAtCurMin = k;
    this.hipAccum = 0;
    this.kxq0 = k;
    this.kxq1 = 0;
  }

  private hipAndKxq(oldValue: number, newValue: number): void {
    if (!this.outOfOrder) this.hipAccum += (1 << this.lgK) / (this.kxq0 + this.kxq1);
    if (oldValue < 32) this.kxq0 -= invPow2(oldValue);
    else this.kxq1 -= invPow2(oldValue);
    if (newValue < 32) this.kxq0 += invPow2(newValue);
    else this.kxq1 += invPow2(newValue);
  }

  hllUpdate(coupon: number): void {
    const newValue = coupon >>> 26;
    const slot = coupon & KEY_MASK_26 & ((1 << this.lgK) - 1);
    if (this.type !== "HLL_4") {
      const regs = this.regs;
      const cur = regs[slot] as number;
      if (newValue > cur) {
        regs[slot] = newValue;
        this.hipAndKxq(cur, newValue);
        if (cur === 0) this.numAtCurMin--;
      }
      return;
    }
    if (newValue <= this.curMin) return;
    this.hll4Update(slot, newValue);
  }

  private nibble(slot: number): number {
    const b = this.regs[slot >>> 1] as number;
    return slot & 1 ? b >>> 4 : b & 15;
  }

  private putNibble(slot: number, v: number): void {
    const i = slot >>> 1;
    const b = this.regs[i] as number;
    this.regs[i] = slot & 1 ? (b & 0x0f) | ((v << 4) & 0xf0) : (b & 0xf0) | (v & 0x0f);
  }

  /** Hll4Array::internalHll4Update. */
  private hll4Update(slot: number, newValue: number): void {
    const raw = this.nibble(slot);
    const lowerBound = raw + this.curMin;
    if (newValue <= lowerBound) return;
    const actualOld = raw < AUX_TOKEN ? lowerBound : (this.aux as AuxMap).valueOf(slot);
    if (newValue <= actualOld) return;
    this.hipAndKxq(actualOld, newValue);
    const shifted = newValue - this.curMin;
    if (raw === AUX_TOKEN) {
      if (shifted >= AUX_TOKEN) (this.aux as AuxMap).replace(slot, newValue);
    } else if (shifted >= AUX_TOKEN) {
      this.putNibble(slot, AUX_TOKEN);
      if (this.aux === null) this.aux = new AuxMap(LG_AUX_ARR_INTS[this.lgK] as number, this.lgK);
      this.aux.add(slot, newValue);
    } else this.putNibble(slot, shifted);
    if (actualOld === this.curMin) {
      this.numAtCurMin--;
      while (this.numAtCurMin === 0) this.shiftToBiggerCurMin();
    }
  }

  /** Hll4Array::shiftToBiggerCurMin. */
  private shiftToBiggerCurMin(): void {
    const newCurMin = this.curMin + 1;
    const k = 1 << this.lgK;
    const kMask = k - 1;
    let numAtNewCurMin = 0;
    for (let i = 0; i < k; i++) {
      const v = this.nibble(i);
      if (v < AUX_TOKEN) {
        this.putNibble(i, v - 1);
        if (v - 1 === 0) numAtNewCurMin++;
      }
    }
    let newAux: AuxMap | null = null;
    const old = this.aux;
    if (old !== null) {
      for (let j = 0; j < old.entries.length; j++) {
        const e = old.entries[j] as number;
        if (e === 0) continue;
        const s = e & kMask;
        const actual = e >>> 26;
        const newShifted = actual - newCurMin;
        if (newShifted < AUX_TOKEN) this.putNibble(s, newShifted);
        else {
          if (newAux === null) newAux = new AuxMap(LG_AUX_ARR_INTS[this.lgK] as number, this.lgK);
          newAux.add(s, actual);
        }
      }
    }
    this.aux = newAux;
    this.curMin = newCurMin;
    this.numAtCurMin = numAtNewCurMin;
  }

  /** The value of register `slot` in HLL mode (HLL_4: nibble + curMin or the aux value). */
  value(slot: number): number {
    if (this.type !== "HLL_4") return this.regs[slot] as number;
    const raw = this.nibble(slot);
    return raw === AUX_TOKEN ? (this.aux as AuxMap).valueOf(slot) : raw + this.curMin;
  }

  // ---- updates from values -------------------------------------------------------------

  /** DataSketches update(int64_t): the 8 little-endian bytes of a safe integer (negatives in two's complement). */
  updateLong(lo: number, hi: number): void {
    const coupon = murmurHash3x64Long(lo, hi, DS_SEED, null);
    if (this.mode !== HLL) this.couponUpdate(coupon);
    else if (this.type === "HLL_4") {
      // HLL_4 in HLL mode: the quick rejection of Hll4Array::internalCouponUpdate inline
      const v = coupon >>> 26;
      if (v > this.curMin) this.hll4Update(coupon & KEY_MASK_26 & this.kMask, v);
    } else {
      // hot path (HLL_6/HLL_8 in HLL mode): Hll8Array::internalCouponUpdate inline
      const slot = coupon & KEY_MASK_26 & this.kMask;
      const v = coupon >>> 26;
      const cur = this.regs[slot] as number;
      if (v > cur) {
        this.regs[slot] = v;
        this.hipAndKxq(cur, v);
        if (cur === 0) this.numAtCurMin--;
      }
    }
  }

  /** DataSketches update(const void*, size_t): `length` bytes of `bytes`. */
  updateBytes(bytes: Uint8Array, length: number): void {
    this.couponUpdate(murmurHash3x64(bytes, length, DS_SEED, null));
  }

  // ---- estimates -----------------------------------------------------------------------

  isEmpty(): boolean {
    return this.mode === HLL ? this.curMin === 0 && this.numAtCurMin === 1 << this.lgK : this.couponCount === 0;
  }

  compositeEstimate(): number {
    if (this.mode !== HLL) return this.estimate();
    return compositeEstimate(this.lgK, this.kxq0, this.kxq1, this.curMin, this.numAtCurMin);
  }

  estimate(): number {
    if (this.mode !== HLL) return Math.max(couponEstimate(this.couponCount), this.couponCount);
    return this.outOfOrder ? this.compositeEstimate() : this.hipAccum;
  }

  lowerBound(numStdDev: number): number {
    if (this.mode !== HLL) {
      const est = couponEstimate(this.couponCount);
      return Math.max(est / (1.0 + numStdDev * COUPON_RSE), this.couponCount);
    }
    const k = 1 << this.lgK;
    const numNonZeros = this.curMin === 0 ? k - this.numAtCurMin : k;
    const relErr = relativeError(false, this.outOfOrder, this.lgK, numStdDev);
    return Math.max(this.estimate() / (1.0 + relErr), numNonZeros);
  }

  upperBound(numStdDev: number): number {
    if (this.mode !== HLL) {
      const est = couponEstimate(this.couponCount);
      return Math.max(est / (1.0 - numStdDev * COUPON_RSE), this.couponCount);
    }
    const relErr = relativeError(true, this.outOfOrder, this.lgK, numStdDev);
    return this.estimate() / (1.0 + relErr);
  }

  // ---- copies and conversions ----------------------------------------------------------

  copy(): DsHllState {
    return this.copyAs(this.type);
  }

  /** HllSketchImpl::copyAs: same-type copies are verbatim; other types replay the registers (as the reference). */
  copyAs(type: HllTargetType): DsHllState {
    const s = new DsHllState(this.lgK, type);
    s.outOfOrder = this.outOfOrder;
    if (this.mode !== HLL) {
      s.mode = this.mode;
      s.coupons = this.coupons.slice();
      s.couponCount = this.couponCount;
      return s;
    }
    if (type === this.type && !this.rebuild) {
      s.mode = HLL;
      s.regs = this.regs.slice();
      s.aux = this.aux?.copy() ?? null;
      s.curMin = this.curMin;
      s.numAtCurMin = this.numAtCurMin;
      s.hipAccum = this.hipAccum;
      s.kxq0 = this.kxq0;
      s.kxq1 = this.kxq1;
      return s;
    }
    s.initHll();
    s.outOfOrder = this.outOfOrder;
    const k = 1 << this.lgK;
    let zeros = k;
    for (let i = 0; i < k; i++) {
      const v = this.value(i);
      if (v === 0) continue;
      zeros--;
      s.hllUpdate((v * 67108864 + i) >>> 0);
    }
    if (type !== "HLL_4") s.numAtCurMin = zeros;
    s.hipAccum = this.hipAccum;
    return s;
  }

  /** Iterates the coupons of LIST/SET mode in table order (the reference's coupon_iterator). */
  forEachCoupon(f: (coupon: number) => void): void {
    const c = this.coupons;
    for (let i = 0; i < c.length; i++) if (c[i] !== 0) f(c[i] as number);
  }

  /** Hll8Array::mergeHll: register-wise maximum of `src` (lgK ≥ this lgK) folded into this HLL_8 array. */
  mergeHll(src: DsHllState): void {
    const mask = (1 << this.lgK) - 1;
    const n = 1 << src.lgK;
    const regs = this.regs;
    for (let i = 0; i < n; i++) {
      const v = src.value(i);
      const j = i & mask;
      if (v > (regs[j] as number)) regs[j] = v;
    }
    this.rebuild = true;
  }

  /** HllArray::check_rebuild_kxq_cur_min. */
  rebuildKxq(): void {
    if (!this.rebuild) return;
    let curMin = 64;
    let numAtCurMin = 0;
    let kxq0 = 1 << this.lgK;
    let kxq1 = 0;
    const k = 1 << this.lgK;
    for (let i = 0; i < k; i++) {
      const v = this.value(i);
      if (v > 0) {
        if (v < 32) kxq0 += invPow2(v) - 1.0;
        else kxq1 += invPow2(v) - 1.0;
      }
      if (v > curMin) continue;
      if (v < curMin) {
        curMin = v;
        numAtCurMin = 1;
      } else numAtCurMin++;
    }
    this.kxq0 = kxq0;
    this.kxq1 = kxq1;
    this.curMin = curMin;
    this.numAtCurMin = numAtCurMin;
    this.rebuild = false;
  }

  // ---- serialisation -------------------------------------------------------------------

  /** The compact image (hll_sketch::serialize_compact). */
  toBytes(): Uint8Array {
    const lgK = this.lgK;
    let out: Uint8Array;
    if (this.mode !== HLL) {
      const start = this.mode === LIST ? 8 : 12;
      out = new Uint8Array(start + 4 * this.couponCount);
      const view = new DataView(out.buffer);
      out[0] = this.mode === LIST ? 2 : 3;
      out[4] = 31 - Math.clz32(this.coupons.length);
      out[6] = this.mode === LIST ? this.couponCount : 0;
      if (this.mode === SET) view.setUint32(8, this.couponCount, true);
      let p = start;
      this.forEachCoupon((c) => {
        view.setUint32(p, c, true);
        p += 4;
      });
    } else {
      const k = 1 << lgK;
      const arrBytes = this.type === "HLL_4" ? k >>> 1 : this.type === "HLL_6" ? ((k * 3) >>> 2) + 1 : k;
      const auxCount = this.aux?.count ?? 0;
      out = new Uint8Array(40 + arrBytes + 4 * auxCount);
      const view = new DataView(out.buffer);
      out[0] = 10;
      out[4] = this.aux?.lgArr ?? 0;
      out[6] = this.curMin;
      view.setFloat64(8, this.hipAccum, true);
      view.setFloat64(16, this.kxq0, true);
      view.setFloat64(24, this.kxq1, true);
      view.setUint32(32, this.numAtCurMin, true);
      view.setUint32(36, auxCount, true);
      if (this.type === "HLL_6") packHll6(this.regs, out, 40);
      else out.set(this.regs, 40);
      if (this.aux !== null) {
        let p = 40 + arrBytes;
        const e = this.aux.entries;
        for (let i = 0; i < e.length; i++) {
          if (e[i] === 0) continue;
          view.setUint32(p, e[i] as number, true);
          p += 4;
        }
      }
    }
    out[1] = 1;
    out[2] = 7;
    out[3] = lgK;
    out[5] = (this.isEmpty() ? 4 : 0) | 8 | (this.outOfOrder ? 16 : 0);
    out[7] = this.mode | (TYPE_CODE[this.type] << 2);
    return out;
  }

  /** Reads a compact or updatable image, checking every field (the CRC-free format has nothing else to protect it). */
  static fromBytes(bytes: Uint8Array, fn: string): DsHllState {
    const corrupt = (rule: string): never => {
      throw new OpsError({ code: "corrupt_data", fn, path: ["bytes"], rule: `(DataSketches HLL) ${rule}` });
    };
    const len = bytes.length;
    if (len < 8) corrupt("must hold at least the 8-byte preamble");
    const view = new DataView(bytes.buffer, bytes.byteOffset, len);
    const preInts = bytes[0] as number;
    if (bytes[1] !== 1) {
      throw new OpsError({
        code: "unsupported_version",
        fn,
        path: ["bytes"],
        rule: "must be DataSketches HLL serial version 1",
        received: bytes[1],
      });
    }
    if (bytes[2] !== 7) corrupt("must have family id 7 (HLL)");
    const lgK = bytes[3] as number;
    if (lgK < 4 || lgK > 21) corrupt(`must declare lgK from 4 to 21, not ${lgK}`);
    const flags = bytes[5] as number;
    if (flags & ~(4 | 8 | 16 | 32) || flags & 32)
      corrupt("must not set unknown flags (or full size, which this reader refuses)");
    const modeByte = bytes[7] as number;
    const mode = modeByte & 3;
    const typeCode = (modeByte >>> 2) & 3;
    if (modeByte > 15 || mode > 2 || typeCode > 2) corrupt("must declare a known mode and target type");
    const type = TYPE_BY_CODE[typeCode] as HllTargetType;
    const compact = (flags & 8) !== 0;
    const empty = (flags & 4) !== 0;
    const s = new DsHllState(lgK, type);
    s.outOfOrder = (flags & 16) !== 0;
    const k = 1 << lgK;
    const checkCoupon = (c: number): number => {
      const v = c >>> 26;
      if (v < 1 || v > 63) corrupt("must hold coupons with values from 1 to 63");
      return c;
    };
    if (mode === LIST) {
      if (preInts !== 2) corrupt("must have 2 preamble ints in LIST mode");
      const count = bytes[6] as number;
      if (count >= 8) corrupt("must hold fewer than 8 coupons in LIST mode");
      const stored = compact ? count : 8;
      if (len !== 8 + 4 * stored) corrupt(`must be ${8 + 4 * stored} bytes long for its LIST content, not ${len}`);
      if (empty !== (count === 0)) corrupt("must set the empty flag exactly when there are no coupons");
      let seen = 0;
      for (let i = 0; i < stored; i++) {
        const c = view.getUint32(8 + 4 * i, true);
        if (c === 0) continue;
        const before = s.couponCount;
        s.listUpdate(checkCoupon(c));
        if (s.couponCount === before) corrupt("must not repeat a coupon");
        seen++;
      }
      if (seen !== count) corrupt("must hold as many coupons as it declares");
      return s;
    }
    if (mode === SET) {
      if (preInts !== 3) corrupt("must have 3 preamble ints in SET mode");
      if (lgK <= 7) corrupt("must have lgK > 7 in SET mode");
      if (len < 12) corrupt("must hold the SET coupon count");
      const count = view.getUint32(8, true);
      const lgArr = bytes[4] as number;
      if (lgArr < 5 || lgArr > lgK - 3) corrupt("must declare a coupon table of 2^5 to 2^(lgK−3) entries");
      if (count <= 7 || 4 * count > 3 * 2 ** (lgK - 3)) corrupt("must hold a coupon count that SET mode can have");
      const stored = compact ? count : 2 ** lgArr;
      if (len !== 12 + 4 * stored) corrupt(`must be ${12 + 4 * stored} bytes long for its SET content, not ${len}`);
      if (empty) corrupt("must not set the empty flag with coupons");
      s.mode = SET;
      s.coupons = new Uint32Array(32);
      for (let i = 0; i < stored; i++) {
        const c = view.getUint32(12 + 4 * i, true);
        if (c === 0) continue;
        const before = s.couponCount;
        s.setUpdate(checkCoupon(c));
        if (s.couponCount === before) corrupt("must not repeat a coupon");
      }
      if (s.couponCount !== count) corrupt("must hold as many coupons as it declares");
      if (!compact) {
        // an updatable image is its hash table: kept as it is (as the reference), once every coupon is where a probe finds it
        const table = new Uint32Array(2 ** lgArr);
        for (let i = 0; i < table.length; i++) table[i] = view.getUint32(12 + 4 * i, true);
        for (let i = 0; i < table.length; i++)
          if (table[i] !== 0 && findCoupon(table, lgArr, table[i] as number) !== i)
            corrupt("must place every coupon where its probe finds it");
        if (4 * count > 3 * table.length) corrupt("must not fill its coupon table beyond 3/4");
        s.coupons = table;
      }
      return s;
    }
    if (preInts !== 10) corrupt("must have 10 preamble ints in HLL mode");
    const arrBytes = type === "HLL_4" ? k >>> 1 : type === "HLL_6" ? ((k * 3) >>> 2) + 1 : k;
    if (len < 40 + arrBytes) corrupt("must hold every register");
    const curMin = bytes[6] as number;
    const hip = view.getFloat64(8, true);
    const kxq0 = view.getFloat64(16, true);
    const kxq1 = view.getFloat64(24, true);
    const numAtCurMin = view.getUint32(32, true);
    const auxCount = view.getUint32(36, true);
    if (type !== "HLL_4" && (curMin !== 0 || auxCount !== 0))
      corrupt("must have curMin 0 and no aux table in HLL_6 and HLL_8");
    s.initHll();
    s.outOfOrder = (flags & 16) !== 0;
    if (type === "HLL_6") unpackHll6(bytes, 40, s.regs);
    else s.regs.set(bytes.subarray(40, 40 + arrBytes));
    s.curMin = curMin;
    if (type === "HLL_4") {
      if (curMin > 63 - 15 + 1) corrupt("must have curMin ≤ 49");
      const lgAuxDeclared = bytes[4] as number;
      const auxStored = compact ? auxCount : auxCount === 0 ? 0 : 2 ** lgAuxDeclared;
      if (!compact && auxCount > 0 && (lgAuxDeclared < 2 || lgAuxDeclared > lgK))
        corrupt("must declare an aux table size");
      const auxEnd = 40 + arrBytes + 4 * auxStored;
      // an updatable image without aux entries still reserves 4 × 2^LG_AUX_ARR_INTS[lgK] zero bytes
      const reserved = !compact && auxCount === 0 ? 4 * 2 ** (LG_AUX_ARR_INTS[lgK] as number) : 0;
      if (len !== auxEnd + reserved)
        corrupt(`must be ${auxEnd + reserved} bytes long for its HLL_4 content, not ${len}`);
      let tokens = 0;
      for (let i = 0; i < k; i++) if (s.nibble(i) === AUX_TOKEN) tokens++;
      if (tokens !== auxCount) corrupt("must have one aux entry per register marked 15");
      if (auxCount > 0) {
        // AuxHashMap::deserialize: compact images rebuild the table at its computed size
        let lgArr = lgAuxDeclared;
        if (compact) {
          let pow2 = auxCount <= 1 ? 1 : 2 ** Math.ceil(Math.log2(auxCount));
          if (4 * auxCount > 3 * pow2) pow2 *= 2;
          lgArr = Math.max(LG_AUX_ARR_INTS[lgK] as number, Math.log2(pow2));
        }
        const aux = new AuxMap(lgArr, lgK);
        for (let i = 0; i < auxStored; i++) {
          const e = view.getUint32(40 + arrBytes + 4 * i, true);
          if (e === 0) continue;
          const slot = e & KEY_MASK_26 & (k - 1);
          const v = e >>> 26;
          if ((e & KEY_MASK_26) >= k || s.nibble(slot) !== AUX_TOKEN || v < curMin + AUX_TOKEN || v > 63)
            corrupt("must hold aux entries only for registers marked 15, with values from curMin + 15 to 63");
          if (!aux.add(slot, v)) corrupt("must not repeat an aux slot");
        }
        if (aux.count !== auxCount) corrupt("must hold as many aux entries as it declares");
        s.aux = aux;
      }
    } else if (len !== 40 + arrBytes) corrupt(`must be ${40 + arrBytes} bytes long for its registers, not ${len}`);
    // registers: values 0–63; the counters must agree with them
    let zerosOrMin = 0;
    let sum = 0;
    let minValue = 64;
    for (let i = 0; i < k; i++) {
      const v = s.value(i);
      if (v > 63) corrupt("must hold register values ≤ 63");
      if (type === "HLL_4" ? s.nibble(i) === 0 : v === 0) zerosOrMin++;
      if (v < minValue) minValue = v;
      sum += invPow2(v);
    }
    if (numAtCurMin !== zerosOrMin) corrupt("must count its registers at curMin (numAtCurMin) correctly");
    if (type === "HLL_4" && minValue !== curMin) corrupt("must have curMin equal to the smallest register");
    if (!(kxq0 >= 0 && kxq1 >= 0 && Number.isFinite(kxq0 + kxq1)) || Math.abs(kxq0 + kxq1 - sum) > 1e-6 * sum)
      corrupt("must have KxQ registers that equal Σ 2^−register");
    if (!(hip >= 0 && hip <= 2 ** 64)) corrupt("must have a HIP accumulator from 0 to 2^64");
    if (empty !== s.isEmptyWith(numAtCurMin)) corrupt("must set the empty flag exactly when every register is 0");
    s.numAtCurMin = numAtCurMin;
    s.kxq0 = kxq0;
    s.kxq1 = kxq1;
    s.hipAccum = s.outOfOrder ? 0 : hip; // as the reference: an out-of-order sketch's HIP is not read
    return s;
  }

  private isEmptyWith(numAtCurMin: number): boolean {
    return this.curMin === 0 && numAtCurMin === 1 << this.lgK;
  }
}

/** Packs register values (< 64) 6 bits each, little-endian, as Hll6Array::putSlot. */
function packHll6(values: Uint8Array, out: Uint8Array, at: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === 0) continue;
    const bit = i * 6;
    const j = at + (bit >>> 3);
    const word = (out[j] as number) | ((out[j + 1] as number) << 8) | (v << (bit & 7));
    out[j] = word & 0xff;
    out[j + 1] = (word >>> 8) & 0xff;
  }
}

function unpackHll6(bytes: Uint8Array, at: number, values: Uint8Array): void {
  for (let i = 0; i < values.length; i++) {
    const bit = i * 6;
    const j = at + (bit >>> 3);
    values[i] = (((bytes[j] as number) | ((bytes[j + 1] as number) << 8)) >>> (bit & 7)) & 0x3f;
  }
}

/**
 * hll_union(lgMaxK).update(each sketch).get_result(type): the DataSketches union, with its
 * gadget (an HLL_8 sketch of lgMaxK that shrinks to the smallest lgK of the HLL-mode inputs).
 */
export function dsHllUnion(sketches: readonly DsHllState[], lgMaxK: number, type: HllTargetType): DsHllState {
  let gadget = new DsHllState(lgMaxK, "HLL_8");
  for (const src of sketches) {
    if (src.isEmpty()) continue;
    if (src.mode !== HLL) {
      if (gadget.isEmpty() && src.lgK === gadget.lgK) gadget = src.copyAs("HLL_8");
      else {
        const g = gadget;
        src.forEachCoupon((c) => g.couponUpdate(c));
      }
    } else if (!gadget.isEmpty()) {
      if (gadget.mode !== HLL) {
        const list = gadget;
        gadget = copyOrDownsample(src, lgMaxK);
        const g = gadget;
        list.forEachCoupon((c) => g.hllUpdate(c));
      } else {
        if (src.lgK < gadget.lgK) gadget = copyOrDownsample(gadget, src.lgK);
        gadget.mergeHll(src);
        gadget.outOfOrder = true;
        gadget.hipAccum = 0;
      }
    } else gadget = copyOrDownsample(src, lgMaxK);
  }
  return gadget.copyAs(type);
}

function copyOrDownsample(src: DsHllState, lgK: number): DsHllState {
  if (src.lgK <= lgK) return src.copyAs("HLL_8");
  const t = new DsHllState(lgK, "HLL_8");
  t.initHll();
  t.mergeHll(src);
  t.hipAccum = src.hipAccum;
  t.outOfOrder = src.outOfOrder;
  return t;
}
