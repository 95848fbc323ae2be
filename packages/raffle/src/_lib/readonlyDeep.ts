/**
 * `T` with every array and object property read-only, all the way down: the type of a
 * public input, so that a caller may pass data written `as const` or typed `readonly`
 * (a mutable value is still accepted, since it is assignable to its read-only form).
 */
export type ReadonlyDeep<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? readonly ReadonlyDeep<E>[]
    : T extends object
      ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
      : T;
