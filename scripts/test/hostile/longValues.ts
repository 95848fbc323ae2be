/**
 * Seeded fast-check values for the long run: the same values on every run (fixed seed), each
 * labelled by its index so that a finding names it.
 */
import fc from "fast-check";
import type { Hostile } from "./values.ts";

/** The fixed seed of the long run. */
export const SEED = 20;

/** 60 values of `fc.anything` (with NaN, ±0, ±Infinity, sparse arrays, null prototypes, Maps, Sets, typed arrays, dates). */
export function longValues(): Hostile[] {
  const values = fc.sample(
    fc.anything({
      maxDepth: 3,
      maxKeys: 6,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
    { seed: SEED, numRuns: 60 },
  );
  return values.map((v, i) => ({ label: `fc #${i}`, make: () => structuredCloneOr(v) }));
}

/** A fresh copy where structuredClone can make one (it cannot for boxed values or null prototypes: then the value itself). */
function structuredCloneOr(v: unknown): unknown {
  try {
    const c = structuredClone(v);
    return Object.getPrototypeOf(c) === Object.getPrototypeOf(v) ? c : v;
  } catch {
    return v;
  }
}
