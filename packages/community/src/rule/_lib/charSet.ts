/**
 * Sets of code points as sorted, disjoint, inclusive ranges `[lo, hi, lo, hi, …]` — just
 * enough set algebra for the regular-expression safety check.
 */
export type CharSet = readonly number[];

export const MAX_CP = 0x10ffff;
export const ANY: CharSet = [0, MAX_CP];
export const EMPTY: CharSet = [];

export function range(lo: number, hi: number): CharSet {
  return [lo, hi];
}

export function single(cp: number): CharSet {
  return [cp, cp];
}

export function union(...sets: readonly CharSet[]): CharSet {
  const pairs: [number, number][] = [];
  for (const s of sets) for (let i = 0; i + 1 < s.length; i += 2) pairs.push([s[i] as number, s[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function negate(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i + 1 < set.length; i += 2) {
    const lo = set[i] as number;
    if (lo > next) out.push(next, lo - 1);
    next = (set[i + 1] as number) + 1;
  }
  if (next <= MAX_CP) out.push(next, MAX_CP);
  return out;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i + 1 < a.length && j + 1 < b.length) {
    const alo = a[i] as number;
    const ahi = a[i + 1] as number;
    const blo = b[j] as number;
    const bhi = b[j + 1] as number;
    if (alo <= bhi && blo <= ahi) return true;
    if (ahi < bhi) i += 2;
    else j += 2;
  }
  return false;
}

/** The code points in both sets. */
export function intersect(a: CharSet, b: CharSet): CharSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i + 1 < a.length && j + 1 < b.length) {
    const lo = Math.max(a[i] as number, b[j] as number);
    const hi = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (lo <= hi) out.push(lo, hi);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

/** Whether the set holds the code point (binary search over the ranges). */
export function contains(set: CharSet, cp: number): boolean {
  let lo = 0;
  let hi = (set.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (set[2 * mid] as number)) hi = mid - 1;
    else if (cp > (set[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

export const DIGIT: CharSet = /* @__PURE__ */ (() => range(0x30, 0x39))();
export const WORD: CharSet = /* @__PURE__ */ (() =>
  union(range(0x30, 0x39), range(0x41, 0x5a), single(0x5f), range(0x61, 0x7a)))();
export const SPACE: CharSet = /* @__PURE__ */ (() =>
  union(
    range(0x09, 0x0d),
    single(0x20),
    single(0xa0),
    single(0x1680),
    range(0x2000, 0x200a),
    range(0x2028, 0x2029),
    single(0x202f),
    single(0x205f),
    single(0x3000),
    single(0xfeff),
  ))();
export const LINE_TERMINATORS: CharSet = /* @__PURE__ */ (() =>
  union(single(0x0a), single(0x0d), range(0x2028, 0x2029)))();
