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
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in uniformly random order (Fisher–Yates); the input is not touched. */
  shuffle<T>(items: readonly T[]): T[];
  /** A normally distributed number (Box–Muller). */
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
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
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
