/** `T` with every property writable, all the way down: the private working copy of an item being updated. */
export type MutableDeep<T> = T extends
  | string
  | number
  | boolean
  | bigint
  | symbol
  | null
  | undefined
  | ((...args: never[]) => unknown)
  ? T
  : { -readonly [K in keyof T]: MutableDeep<T[K]> };
