/**
 * `T` with every array and object property read-only, all the way down. The type of values
 * \@ops returns deeply frozen (feedback items and events) and of public inputs that a caller
 * may write `as const` (raffle specs, quizzes, rubrics): a mutable value is still accepted,
 * since it is assignable to its read-only form. Strings (branded ids included), numbers and
 * other primitives, and functions, are left as they are — the mapping of immer's `Immutable`.
 *
 * @example
 * ```ts
 * import type { ReadonlyDeep } from "@ops/core";
 * const tiers: ReadonlyDeep<{ name: string; count: number }[]> = [{ name: "gift", count: 1 }] as const;
 * tiers[0]?.count;
 * // => 1
 * ```
 */
export type ReadonlyDeep<T> = T extends
  | string
  | number
  | boolean
  | bigint
  | symbol
  | null
  | undefined
  | ((...args: never[]) => unknown)
  ? T
  : { readonly [K in keyof T]: ReadonlyDeep<T[K]> };
