/**
 * `T` with every array and object property read-only, all the way down: the type of a
 * {@link FeedbackItem} and of its events, which are deeply frozen at run time. Strings
 * (branded ids included), numbers and other primitives, and functions, are left as they are
 * (the same mapping as immer's `Immutable`).
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
