import seedrandom from "seedrandom";
import { OpsError } from "../error/OpsError";

/**
 * A seeded pseudo-random source for simulations, sample data and tests.
 *
 * **Not for anything a third party must verify** (lucky draws, audits): the generator
 * (ARC4 via `seedrandom`) is not a published, cross-language standard, and `seedrandom`
 * itself keeps only the low byte of each UTF-16 unit of a string seed. `@ops/raffle` uses
 * SHA-256 instead. This is a mutable generator: each call advances its state.
 */
export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, maxExclusive). */
  int(min: number, maxExclusive: number): number;
  /** One element of a non-empty array, uniformly (`invalid_argument` for an empty array or a non-array). */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in uniformly random order (Fisher–Yates); the input is not touched. */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * A normally distributed number (Box–Muller). `mean` must be within ±1e300 and `sd` from 0
   * to 1e300 (`invalid_argument` otherwise), so that the result is always finite.
   */
  normal(mean?: number, sd?: number): number;
}

/** What can seed a {@link RandomSource}: a safe integer, or bytes. Never raw user text. */
export type RandomSeed = number | Uint8Array | readonly number[];

/**
 * Creates a deterministic {@link RandomSource} from a numeric or byte seed. The same seed
 * gives the same sequence on every platform.
 *
 * Seeds are numbers or bytes on purpose: `seedrandom` drops the high byte of every UTF-16
 * unit of a string seed (`seedrandom('中')()` equals `seedrandom('-')()`), so this function
 * turns the seed into hexadecimal text first and never takes a string.
 *
 * @param seed - a safe integer, a `Uint8Array`, or an array of byte values (0–255)
 * @returns a mutable random source
 * @throws {OpsError} `invalid_argument` for a non-integer seed or bytes outside 0–255
 *
 * @example
 * ```ts
 * import { createRandom } from "@ops/core";
 * const a = createRandom(42);
 * const b = createRandom(42);
 * a.next() === b.next();
 * // => true
 * createRandom(7).int(1, 7) >= 1;
 * // => true
 * ```
 */
export function createRandom(seed: RandomSeed): RandomSource {
  const prng = seedrandom(seedToHex(seed));
  const next = (): number => prng.double();
  const int = (min: number, maxExclusive: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(maxExclusive) || maxExclusive <= min) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "RandomSource.int",
        path: ["maxExclusive"],
        rule: "must be a safe integer greater than min",
        received: maxExclusive,
      });
    }
    return min + Math.floor(next() * (maxExclusive - min));
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (!Array.isArray(items)) throw notAnArray("RandomSource.pick", items);
      if (items.length === 0) {
        throw new OpsError({
          code: "invalid_argument",
          fn: "RandomSource.pick",
          path: ["items"],
          rule: "must not be empty",
        });
      }
      return items[int(0, items.length)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      if (!Array.isArray(items)) throw notAnArray("RandomSource.shuffle", items);
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i + 1);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    normal(mean = 0, sd = 1): number {
      checkNormal(mean, sd);
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

function notAnArray(fn: string, items: unknown): OpsError {
  return new OpsError({ code: "invalid_argument", fn, path: ["items"], rule: "must be an array", received: items });
}

/**
 * The range of `normal`'s parameters: |mean| ≤ 1e300 and 0 ≤ sd ≤ 1e300. Box–Muller's factor
 * √(−2 ln u)·cos(2πv) (Box & Muller 1958) is at most √(2·1074·ln 2) ≈ 38.6 in size for any
 * positive double u (u ≥ 2⁻¹⁰⁷⁴), so every result stays below 4e301 — finite, never ±Infinity.
 */
const NORMAL_LIMIT = 1e300;

function checkNormal(mean: unknown, sd: unknown): void {
  if (typeof mean !== "number" || !(Math.abs(mean) <= NORMAL_LIMIT)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "RandomSource.normal",
      path: ["mean"],
      rule: "must be a finite number within ±1e300",
      received: mean,
    });
  }
  if (typeof sd !== "number" || !(sd >= 0 && sd <= NORMAL_LIMIT)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "RandomSource.normal",
      path: ["sd"],
      rule: "must be a finite number from 0 to 1e300",
      received: sd,
    });
  }
}

function seedToHex(seed: RandomSeed): string {
  if (typeof seed === "number") {
    if (!Number.isSafeInteger(seed)) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "createRandom",
        path: ["seed"],
        rule: "must be a safe integer or bytes (never text)",
        received: seed,
      });
    }
    return `n:${seed}`;
  }
  if (!(seed instanceof Uint8Array) && !Array.isArray(seed)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "createRandom",
      path: ["seed"],
      rule: "must be a safe integer, a Uint8Array or an array of bytes (never text)",
      received: seed,
    });
  }
  let hex = "b:";
  for (let i = 0; i < seed.length; i++) {
    const byte = seed[i];
    if (typeof byte !== "number" || !Number.isInteger(byte) || byte < 0 || byte > 255) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "createRandom",
        path: ["seed", i],
        rule: "must be a byte (integer 0–255)",
        received: byte,
      });
    }
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}
