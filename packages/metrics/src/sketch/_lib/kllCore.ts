// The KLL quantile sketch behind createKllSketch and the dataSketchesKll codec (kllRead.ts): a port of
// Apache DataSketches C++ kll/ (Apache-2.0; kll_sketch_impl.hpp, kll_helper_impl.hpp) and of
// common/quantiles_sorted_view_impl.hpp, keeping the reference's buffer layout (levels as
// offsets into one array whose free space is at the bottom), so that its serialised image and
// every query on a given image equal the reference's. Source: Z. Karnin, K. Lang, E. Liberty,
// "Optimal Quantile Approximation in Streams", FOCS 2016. Image layout (little-endian),
// https://datasketches.apache.org/docs/KLL/KLLSketch.html and kll_sketch.hpp's preamble comment:
//   byte 0 preamble ints (2: empty or one item, 5: more) · 1 serial version (1; 2 for one item) ·
//   2 family (15) · 3 flags (1 empty, 2 level zero sorted, 4 single item) · 4–5 k (u16) · 6 m (8) ·
//   7 unused; then, with more than one item: n (u64) at 8, min k (u16) at 16, number of levels (u8)
//   at 18, unused at 19, the level offsets (u32 each, the top one implied) at 20, min item, max
//   item, then the retained items from the first level offset up; one item: just the item at 8.
//   Items are f64 (doubles sketch) or f32 (floats sketch).
import { OpsError } from "@ops/core";
import type { KllItemType, KllQueryOptions, KllSketch } from "../KllSketch";
import { checkedOption, readOptions } from "../../_lib/readOptions";

export const M = 8;
export const KLL_MIN_K = M;
export const KLL_MAX_K = 65535;
const POWERS_OF_THREE = Array.from({ length: 31 }, (_, i) => 3 ** i);

/** kll_helper::int_cap_aux_aux: round(k·(2/3)^depth) for depth ≤ 30, in integer arithmetic. */
function intCapAuxAux(k: number, depth: number): number {
  // (2k << depth) / 3^depth fits in 2^53 for k < 2^16 and depth ≤ 30 (2^17 · 2^30 = 2^47)
  const tmp = Math.floor((2 * k * 2 ** depth) / (POWERS_OF_THREE[depth] as number));
  return Math.floor((tmp + 1) / 2);
}
function intCapAux(k: number, depth: number): number {
  if (depth <= 30) return intCapAuxAux(k, depth);
  const half = depth >>> 1;
  return intCapAuxAux(intCapAuxAux(k, half), depth - half);
}
export function levelCapacity(k: number, numLevels: number, height: number): number {
  return Math.max(M, intCapAux(k, numLevels - height - 1));
}
export function totalCapacity(k: number, numLevels: number): number {
  let total = 0;
  for (let h = 0; h < numLevels; h++) total += levelCapacity(k, numLevels, h);
  return total;
}
/** kll_helper::ub_on_num_levels. */
export function ubOnNumLevels(n: number): number {
  return n === 0 ? 1 : 1 + Math.floor(Math.log2(n));
}

type Items = Float64Array | Float32Array;

function refuse(
  fn: string,
  path: string,
  rule: string,
  received: unknown,
  code: "invalid_argument" | "out_of_range" = "invalid_argument",
): never {
  throw new OpsError({
    code,
    fn,
    path: [path],
    rule,
    received: typeof received === "object" && received !== null ? "object" : received,
  });
}

export class KllSketchImpl implements KllSketch {
  readonly kind = "kll" as const;
  readonly format = "datasketches" as const;
  // (not private: readKllSketch fills them)
  minK: number;
  numLevels = 1;
  /** levels[i] = offset of level i in `items`; levels[numLevels] = items.length. */
  levels: number[];
  items: Items;
  n = 0;
  lo = Number.NaN;
  hi = Number.NaN;
  sorted0 = false;
  /** xorshift32 state: the compaction coins (randomness comes in through `seed`). */
  private rng: number;
  /** Sorted values and cumulative weights, rebuilt after a change. */
  private view: { values: Float64Array; weights: Float64Array } | null = null;

  constructor(
    readonly k: number,
    readonly itemType: KllItemType,
    seed: number,
  ) {
    this.minK = k;
    this.levels = [k, k];
    this.items = this.alloc(k);
    this.rng = (seed ^ 0x9e3779b9) >>> 0 || 0x9e3779b9;
  }

  private alloc(n: number): Items {
    return this.itemType === "float" ? new Float32Array(n) : new Float64Array(n);
  }

  get count(): number {
    return this.n;
  }
  get min(): number | null {
    return this.n === 0 ? null : this.lo;
  }
  get max(): number | null {
    return this.n === 0 ? null : this.hi;
  }
  get retained(): number {
    return (this.levels[this.numLevels] as number) - (this.levels[0] as number);
  }
  get isEstimationMode(): boolean {
    return this.numLevels > 1;
  }

  private randomBit(): number {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return this.rng >>> 31;
  }

  add(value: number): this {
    if (typeof value !== "number" || value - value !== 0)
      refuse("KllSketch.add", "value", "must be a finite number", value);
    const v = this.itemType === "float" ? Math.fround(value) : value;
    if (v - v !== 0)
      refuse("KllSketch.add", "value", "must fit a float (|value| < 3.4028235e38)", value, "out_of_range");
    if (this.n === 0) {
      this.lo = v;
      this.hi = v;
    } else {
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
    }
    this.items[this.internalUpdate()] = v;
    this.view = null;
    return this;
  }

  private internalUpdate(): number {
    if (this.levels[0] === 0) this.compressWhileUpdating();
    this.n++;
    this.sorted0 = false;
    return --(this.levels[0] as number);
  }

  /** kll_sketch::compress_while_updating. */
  private compressWhileUpdating(): void {
    const level = this.findLevelToCompact();
    if (level === this.numLevels - 1) this.addEmptyTopLevel();
    const lv = this.levels;
    const items = this.items;
    const rawBeg = lv[level] as number;
    const rawLim = lv[level + 1] as number;
    const popAbove = (lv[level + 2] as number) - rawLim;
    const rawPop = rawLim - rawBeg;
    const oddPop = (rawPop & 1) === 1;
    const adjBeg = oddPop ? rawBeg + 1 : rawBeg;
    const adjPop = oddPop ? rawPop - 1 : rawPop;
    const halfAdjPop = adjPop / 2;
    if (level === 0 && !this.sorted0) items.subarray(adjBeg, adjBeg + adjPop).sort();
    if (popAbove === 0) this.halveUp(items, adjBeg, adjPop);
    else {
      this.halveDown(items, adjBeg, adjPop);
      mergeInPlace(items, adjBeg, halfAdjPop, rawLim, popAbove, adjBeg + halfAdjPop);
    }
    lv[level + 1] = (lv[level + 1] as number) - halfAdjPop;
    if (oddPop) {
      lv[level] = (lv[level + 1] as number) - 1;
      if (lv[level] !== rawBeg) items[lv[level] as number] = items[rawBeg] as number;
    } else lv[level] = lv[level + 1] as number;
    if (level > 0) {
      const amount = rawBeg - (lv[0] as number);
      items.copyWithin((lv[0] as number) + halfAdjPop, lv[0] as number, (lv[0] as number) + amount);
      for (let l = 0; l < level; l++) lv[l] = (lv[l] as number) + halfAdjPop;
    }
  }

  private findLevelToCompact(): number {
    for (let level = 0; ; level++) {
      const pop = (this.levels[level + 1] as number) - (this.levels[level] as number);
      if (pop >= levelCapacity(this.k, this.numLevels, level)) return level;
    }
  }

  private addEmptyTopLevel(): void {
    const cur = this.levels[this.numLevels] as number;
    const delta = levelCapacity(this.k, this.numLevels + 1, 0);
    const next = this.alloc(cur + delta);
    next.set(this.items, delta);
    this.items = next;
    for (let i = 0; i <= this.numLevels; i++) this.levels[i] = (this.levels[i] as number) + delta;
    this.numLevels++;
    this.levels[this.numLevels] = cur + delta;
  }

  private halveDown(buf: Items, start: number, length: number): void {
    const half = length / 2;
    let j = start + this.randomBit();
    for (let i = start; i < start + half; i++) {
      if (i !== j) buf[i] = buf[j] as number;
      j += 2;
    }
  }

  private halveUp(buf: Items, start: number, length: number): void {
    const half = length / 2;
    let j = start + length - 1 - this.randomBit();
    for (let i = start + length - 1; i >= start + half; i--) {
      if (i !== j) buf[i] = buf[j] as number;
      j -= 2;
    }
  }

  // ---- merge ---------------------------------------------------------------------------

  merge(other: KllSketch): KllSketch {
    if (!(other instanceof KllSketchImpl)) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "KllSketch.merge",
        path: ["other"],
        rule: "must be a KllSketch from createKllSketch or deserializeSketch",
        received: other,
      });
    }
    if (other.itemType !== this.itemType) {
      throw new OpsError({
        code: "conflict",
        fn: "KllSketch.merge",
        path: ["other"],
        rule: `must hold ${this.itemType}s like this sketch`,
        received: { itemType: other.itemType },
      });
    }
    const out = this.copy();
    out.mergeFrom(other);
    return out;
  }

  /** kll_sketch::merge (mutates this). */
  private mergeFrom(other: KllSketchImpl): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.lo = other.lo;
      this.hi = other.hi;
    } else {
      if (other.lo < this.lo) this.lo = other.lo;
      if (other.hi > this.hi) this.hi = other.hi;
    }
    const finalN = this.n + other.n;
    for (let i = other.levels[0] as number; i < (other.levels[1] as number); i++) {
      this.items[this.internalUpdate()] = other.items[i] as number;
    }
    if (other.numLevels >= 2) this.mergeHigherLevels(other, finalN);
    this.n = finalN;
    if (other.isEstimationMode) this.minK = Math.min(this.minK, other.minK);
    this.view = null;
  }

  private levelSize(level: number): number {
    return level >= this.numLevels ? 0 : (this.levels[level + 1] as number) - (this.levels[level] as number);
  }

  private mergeHigherLevels(other: KllSketchImpl, finalN: number): void {
    const tmpNum = this.retained + ((other.levels[other.numLevels] as number) - (other.levels[1] as number));
    const work = this.alloc(tmpNum);
    const ub = ubOnNumLevels(finalN);
    const workLevels = new Array<number>(ub + 2).fill(0);
    const outLevels = new Array<number>(ub + 2).fill(0);
    const provisional = Math.max(this.numLevels, other.numLevels);
    // populate_work_arrays
    workLevels[0] = 0;
    work.set(this.items.subarray(this.levels[0], this.levels[1]), 0);
    workLevels[1] = this.levelSize(0);
    for (let l = 1; l < provisional; l++) {
      const selfPop = this.levelSize(l);
      const otherPop = other.levelSize(l);
      workLevels[l + 1] = (workLevels[l] as number) + selfPop + otherPop;
      const at = workLevels[l] as number;
      if (selfPop > 0 && otherPop === 0)
        work.set(this.items.subarray(this.levels[l], (this.levels[l] as number) + selfPop), at);
      else if (selfPop === 0 && otherPop > 0)
        work.set(other.items.subarray(other.levels[l], (other.levels[l] as number) + otherPop), at);
      else if (selfPop > 0 && otherPop > 0)
        mergeTwo(
          this.items,
          this.levels[l] as number,
          selfPop,
          other.items,
          other.levels[l] as number,
          otherPop,
          work,
          at,
        );
    }
    const r = this.generalCompress(provisional, work, workLevels, outLevels);
    const items = this.alloc(r.capacity);
    const freeAtBottom = r.capacity - r.numItems;
    items.set(work.subarray(outLevels[0], (outLevels[0] as number) + r.numItems), freeAtBottom);
    this.items = items;
    const offset = freeAtBottom - (outLevels[0] as number);
    const size = Math.max(this.levels.length, r.numLevels + 1);
    const levels: number[] = [];
    for (let l = 0; l < size; l++) levels.push((outLevels[l] ?? 0) + offset);
    this.levels = levels;
    this.numLevels = r.numLevels;
  }

  /** kll_helper::general_compress. */
  private generalCompress(
    numLevelsIn: number,
    items: Items,
    inLevels: number[],
    outLevels: number[],
  ): { numLevels: number; capacity: number; numItems: number } {
    const k = this.k;
    const starting = (inLevels[numLevelsIn] as number) - (inLevels[0] as number);
    let numLevels = numLevelsIn;
    let count = starting;
    let target = totalCapacity(k, numLevels);
    outLevels[0] = 0;
    for (let level = 0; ; level++) {
      if (level === numLevels - 1) inLevels[level + 2] = inLevels[level + 1] as number;
      const rawBeg = inLevels[level] as number;
      const rawLim = inLevels[level + 1] as number;
      const rawPop = rawLim - rawBeg;
      if (count < target || rawPop < levelCapacity(k, numLevels, level)) {
        if (rawBeg !== outLevels[level]) items.copyWithin(outLevels[level] as number, rawBeg, rawLim);
        outLevels[level + 1] = (outLevels[level] as number) + rawPop;
      } else {
        const popAbove = (inLevels[level + 2] as number) - rawLim;
        const oddPop = (rawPop & 1) === 1;
        const adjBeg = oddPop ? rawBeg + 1 : rawBeg;
        const adjPop = oddPop ? rawPop - 1 : rawPop;
        const half = adjPop / 2;
        if (oddPop) {
          if (outLevels[level] !== rawBeg) items[outLevels[level] as number] = items[rawBeg] as number;
          outLevels[level + 1] = (outLevels[level] as number) + 1;
        } else outLevels[level + 1] = outLevels[level] as number;
        if (level === 0 && !this.sorted0) items.subarray(adjBeg, adjBeg + adjPop).sort();
        if (popAbove === 0) this.halveUp(items, adjBeg, adjPop);
        else {
          this.halveDown(items, adjBeg, adjPop);
          mergeInPlace(items, adjBeg, half, rawLim, popAbove, adjBeg + half);
        }
        count -= half;
        inLevels[level + 1] = (inLevels[level + 1] as number) - half;
        if (level === numLevels - 1) {
          numLevels++;
          target += levelCapacity(k, numLevels, 0);
        }
      }
      if (level === numLevels - 1) break;
    }
    return { numLevels, capacity: target, numItems: count };
  }

  clone(): KllSketch {
    return this.copy();
  }

  private copy(): KllSketchImpl {
    const s = new KllSketchImpl(this.k, this.itemType, 0);
    s.minK = this.minK;
    s.numLevels = this.numLevels;
    s.levels = this.levels.slice();
    s.items = this.items.slice();
    s.n = this.n;
    s.lo = this.lo;
    s.hi = this.hi;
    s.sorted0 = this.sorted0;
    s.rng = this.rng;
    return s;
  }

  // ---- queries -------------------------------------------------------------------------

  /** quantiles_sorted_view: every retained item with its weight 2^level, merged level by level, then cumulated. */
  private sortedView(): { values: Float64Array; weights: Float64Array } {
    if (this.view !== null) return this.view;
    if (!this.sorted0) {
      this.items.subarray(this.levels[0], this.levels[1]).sort();
      this.sorted0 = true;
    }
    let values = new Float64Array(0);
    let weights = new Float64Array(0);
    for (let l = 0; l < this.numLevels; l++) {
      const from = this.levels[l] as number;
      const to = this.levels[l + 1] as number;
      const w = 2 ** l;
      const nv = new Float64Array(values.length + to - from);
      const nw = new Float64Array(nv.length);
      // std::merge: stable, the earlier levels first among equal items
      let a = 0;
      let b = from;
      for (let c = 0; c < nv.length; c++) {
        if (b >= to || (a < values.length && !((this.items[b] as number) < (values[a] as number)))) {
          nv[c] = values[a] as number;
          nw[c] = weights[a] as number;
          a++;
        } else {
          nv[c] = this.items[b] as number;
          nw[c] = w;
          b++;
        }
      }
      values = nv;
      weights = nw;
    }
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i] as number;
      weights[i] = total;
    }
    this.view = { values, weights };
    return this.view;
  }

  quantile(rank: number, options?: KllQueryOptions): number | null {
    if (typeof rank !== "number" || !(rank >= 0 && rank <= 1))
      refuse("KllSketch.quantile", "rank", "must be a normalised rank in [0, 1]", rank);
    const inclusive = readInclusive(options, "KllSketch.quantile");
    if (this.n === 0) return null;
    const { values, weights } = this.sortedView();
    const total = weights[weights.length - 1] as number;
    const weight = inclusive ? Math.ceil(rank * total) : Math.floor(rank * total);
    // inclusive: the first cumulative weight ≥ weight (lower_bound); exclusive: the first > weight (upper_bound)
    let lo = 0;
    let hi = weights.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const w = weights[mid] as number;
      if (inclusive ? w < weight : w <= weight) lo = mid + 1;
      else hi = mid;
    }
    return values[Math.min(lo, values.length - 1)] as number;
  }

  rank(value: number, options?: KllQueryOptions): number | null {
    if (typeof value !== "number" || Number.isNaN(value)) refuse("KllSketch.rank", "value", "must be a number", value);
    const inclusive = readInclusive(options, "KllSketch.rank");
    if (this.n === 0) return null;
    return this.rankOf(this.itemType === "float" ? Math.fround(value) : value, inclusive);
  }

  private rankOf(value: number, inclusive: boolean): number {
    const { values, weights } = this.sortedView();
    // inclusive: items ≤ value (upper_bound); exclusive: items < value (lower_bound)
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = values[mid] as number;
      if (inclusive ? v <= value : v < value) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (weights[lo - 1] as number) / (weights[weights.length - 1] as number);
  }

  cdf(splitPoints: readonly number[], options?: KllQueryOptions): number[] | null {
    const fn = "KllSketch.cdf";
    checkSplitPoints(splitPoints, fn);
    const inclusive = readInclusive(options, fn);
    if (this.n === 0) return null;
    return [...splitPoints.map((p) => this.rankOf(this.itemType === "float" ? Math.fround(p) : p, inclusive)), 1];
  }

  pmf(splitPoints: readonly number[], options?: KllQueryOptions): number[] | null {
    checkSplitPoints(splitPoints, "KllSketch.pmf");
    const buckets = this.cdf(splitPoints, options);
    if (buckets === null) return null;
    for (let i = buckets.length - 1; i > 0; i--) buckets[i] = (buckets[i] as number) - (buckets[i - 1] as number);
    return buckets;
  }

  normalizedRankError(pmf = false): number {
    if (typeof pmf !== "boolean") refuse("KllSketch.normalizedRankError", "pmf", "must be a boolean", pmf);
    return pmf ? 2.446 / this.minK ** 0.9433 : 2.296 / this.minK ** 0.9723;
  }

  // ---- serialisation -------------------------------------------------------------------

  serialize(): Uint8Array {
    const size = this.itemType === "float" ? 4 : 8;
    const single = this.n === 1;
    const empty = this.n === 0;
    const len = empty ? 8 : single ? 8 + size : 20 + 4 * this.numLevels + size * (2 + this.retained);
    const out = new Uint8Array(len);
    const v = new DataView(out.buffer);
    out[0] = empty || single ? 2 : 5;
    out[1] = single ? 2 : 1;
    out[2] = 15;
    out[3] = (empty ? 1 : 0) | (this.sorted0 ? 2 : 0) | (single ? 4 : 0);
    v.setUint16(4, this.k, true);
    out[6] = M;
    if (empty) return out;
    const put = (at: number, x: number) => (size === 4 ? v.setFloat32(at, x, true) : v.setFloat64(at, x, true));
    let p = 8;
    if (!single) {
      v.setUint32(8, this.n % 2 ** 32, true);
      v.setUint32(12, Math.floor(this.n / 2 ** 32), true);
      v.setUint16(16, this.minK, true);
      out[18] = this.numLevels;
      p = 20;
      for (let l = 0; l < this.numLevels; l++, p += 4) v.setUint32(p, this.levels[l] as number, true);
      put(p, this.lo);
      put(p + size, this.hi);
      p += 2 * size;
    }
    for (let i = this.levels[0] as number; i < (this.levels[this.numLevels] as number); i++, p += size)
      put(p, this.items[i] as number);
    return out;
  }
}

/** `options.inclusive` (default true), read as every hand-checked option of \@ops/metrics is. */
function readInclusive(options: KllQueryOptions | undefined, fn: string): boolean {
  return checkedOption(readOptions(options, fn), "inclusive", isBoolean, "must be a boolean", fn) ?? true;
}

const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";

function checkSplitPoints(points: readonly number[], fn: string): void {
  if (!Array.isArray(points) || points.length > 1_000_000)
    refuse(fn, "splitPoints", "must be an array of at most 10^6 numbers", points);
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (typeof p !== "number" || p - p !== 0 || (i > 0 && !(p > (points[i - 1] as number))))
      refuse(fn, "splitPoints", "must be finite numbers in increasing order, without repeats", p);
  }
}

/** kll_helper::merge_sorted_arrays within one buffer (b's run lies after a's destination). */
function mergeInPlace(buf: Items, startA: number, lenA: number, startB: number, lenB: number, startC: number): void {
  const limA = startA + lenA;
  const limB = startB + lenB;
  const limC = startC + lenA + lenB;
  let a = startA;
  let b = startB;
  for (let c = startC; c < limC; c++) {
    if (a === limA) {
      if (b !== c) buf[c] = buf[b] as number;
      b++;
    } else if (b === limB || (buf[a] as number) < (buf[b] as number)) {
      if (a !== c) buf[c] = buf[a] as number;
      a++;
    } else {
      if (b !== c) buf[c] = buf[b] as number;
      b++;
    }
  }
}

/** kll_helper::merge_sorted_arrays from two buffers into a third. */
function mergeTwo(
  bufA: Items,
  startA: number,
  lenA: number,
  bufB: Items,
  startB: number,
  lenB: number,
  out: Items,
  startC: number,
): void {
  const limA = startA + lenA;
  const limB = startB + lenB;
  let a = startA;
  let b = startB;
  for (let c = startC; c < startC + lenA + lenB; c++) {
    if (a === limA) out[c] = bufB[b++] as number;
    else if (b === limB || (bufA[a] as number) < (bufB[b] as number)) out[c] = bufA[a++] as number;
    else out[c] = bufB[b++] as number;
  }
}
