// Reading an Apache DataSketches KLL image (the dataSketchesKll codec), kept out of createKllSketch's bundle.
import { OpsError } from "@ops/core";
import type { KllItemType } from "../KllSketch";
import { KLL_MIN_K, KllSketchImpl, M, totalCapacity, ubOnNumLevels } from "./kllCore";

/** Reads a KLL image, checking every field (there is no checksum). */
export function readKllSketch(bytes: Uint8Array, fn: string, seed: number): KllSketchImpl {
  const corrupt = (rule: string): never => {
    throw new OpsError({ code: "corrupt_data", fn, path: ["bytes"], rule: `(DataSketches KLL) ${rule}` });
  };
  if (bytes.length < 8) corrupt("must hold the 8-byte preamble");
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [preInts, serVer, family, flags] = bytes as unknown as [number, number, number, number];
  if (family !== 15) corrupt("must have family id 15 (KLL)");
  if (serVer !== 1 && serVer !== 2) {
    throw new OpsError({
      code: "unsupported_version",
      fn,
      path: ["bytes"],
      rule: "must be KLL serial version 1 or 2",
      received: serVer,
    });
  }
  if (flags & ~7) corrupt("must not set unknown flags");
  const empty = (flags & 1) !== 0;
  const single = (flags & 4) !== 0;
  if (empty && single) corrupt("must not be both empty and single-item");
  if (preInts !== (empty || single ? 2 : 5)) corrupt("must have 2 preamble ints when empty or single, else 5");
  const k = v.getUint16(4, true);
  if (k < KLL_MIN_K) corrupt(`must have k ≥ ${KLL_MIN_K}`);
  if (bytes[6] !== M) corrupt("must have m = 8");
  const rest = bytes.length - 8;
  // the item size tells doubles from floats: the caller's kind does not say which
  const itemType: KllItemType | null = (() => {
    if (empty) return rest === 0 ? "double" : null;
    if (single) return rest === 8 ? "double" : rest === 4 ? "float" : null;
    if (bytes.length < 20) return null;
    const numLevels = bytes[18] as number;
    const capacity = numLevels >= 1 && numLevels <= 61 ? totalCapacity(k, numLevels) : 0;
    const retained = capacity - (numLevels >= 1 && bytes.length >= 24 ? v.getUint32(20, true) : capacity + 1);
    const body = bytes.length - 20 - 4 * numLevels;
    if (retained < 0) return null;
    if (body === 8 * (retained + 2)) return "double";
    if (body === 4 * (retained + 2)) return "float";
    return null;
  })();
  if (itemType === null) return corrupt("must be as long as its levels say (8-byte doubles or 4-byte floats)");
  const s = new KllSketchImpl(k, itemType, seed);
  if (empty) return s;
  const size = itemType === "float" ? 4 : 8;
  const get = (at: number) => (size === 4 ? v.getFloat32(at, true) : v.getFloat64(at, true));
  const finite = (x: number) => {
    if (x - x !== 0) corrupt("must hold finite items");
    return x;
  };
  if (single) {
    const x = finite(get(8));
    s.items[k - 1] = x;
    s.levels = [k - 1, k];
    s.n = 1;
    s.lo = x;
    s.hi = x;
    s.sorted0 = (flags & 2) !== 0;
    return s;
  }
  const n = v.getUint32(8, true) + v.getUint32(12, true) * 2 ** 32;
  const minK = v.getUint16(16, true);
  const numLevels = bytes[18] as number;
  if (!Number.isSafeInteger(n) || n < 2) corrupt("must count from 2 to 2^53 − 1 items");
  if (minK < KLL_MIN_K || minK > k) corrupt("must have min k from 8 to k");
  if (numLevels < 1 || numLevels > ubOnNumLevels(n)) corrupt("must have from 1 to ⌊log₂ n⌋ + 1 levels");
  const capacity = totalCapacity(k, numLevels);
  const levels: number[] = [];
  for (let l = 0; l < numLevels; l++) levels.push(v.getUint32(20 + 4 * l, true));
  levels.push(capacity);
  let weight = 0;
  for (let l = 0; l < numLevels; l++) {
    const pop = (levels[l + 1] as number) - (levels[l] as number);
    if (pop < 0) corrupt("must have increasing level offsets");
    weight += pop * 2 ** l;
  }
  if (weight !== n) corrupt("must have items whose weights add up to n");
  let p = 20 + 4 * numLevels;
  const lo = finite(get(p));
  const hi = finite(get(p + size));
  p += 2 * size;
  if (!(lo <= hi)) corrupt("must have min ≤ max");
  const items = itemType === "float" ? new Float32Array(capacity) : new Float64Array(capacity);
  for (let i = levels[0] as number; i < capacity; i++, p += size) {
    const x = finite(get(p));
    if (x < lo || x > hi) corrupt("must hold items between min and max");
    items[i] = x;
  }
  for (let l = 1; l < numLevels; l++) {
    for (let i = (levels[l] as number) + 1; i < (levels[l + 1] as number); i++)
      if ((items[i] as number) < (items[i - 1] as number)) corrupt("must have sorted levels above level zero");
  }
  s.minK = minK;
  s.numLevels = numLevels;
  s.levels = levels;
  s.items = items;
  s.n = n;
  s.lo = lo;
  s.hi = hi;
  s.sorted0 = (flags & 2) !== 0;
  if (s.sorted0) {
    for (let i = (levels[0] as number) + 1; i < (levels[1] as number); i++)
      if ((items[i] as number) < (items[i - 1] as number)) corrupt("must have level zero sorted when its flag says so");
  }
  return s;
}
