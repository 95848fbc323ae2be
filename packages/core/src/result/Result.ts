import type { ErrorPath } from "../error/OpsError";

/**
 * An expected failure, returned as a value: a literal `code`, the `path` it concerns and
 * a human `message` (the shape of a zod issue).
 */
export interface Failure<C extends string = string> {
  readonly code: C;
  readonly path: ErrorPath;
  readonly message: string;
}

/** A successful {@link Result}. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failed {@link Result}. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/**
 * The outcome of an operation whose failure is expected (a bad webhook signature, an
 * illegal lifecycle event): `{ ok: true, value }` or `{ ok: false, error }`. Narrow on `ok`.
 *
 * @example
 * ```ts
 * import { ok, err, type Result } from "@ops/core";
 * function half(n: number): Result<number, { code: "odd"; path: []; message: string }> {
 *   return n % 2 === 0 ? ok(n / 2) : err({ code: "odd", path: [], message: `${n} is odd` });
 * }
 * half(4);
 * // => { ok: true, value: 2 }
 * half(3).ok;
 * // => false
 * ```
 */
export type Result<T, E = Failure> = Ok<T> | Err<E>;

/**
 * Wraps a value as a successful {@link Result}.
 *
 * @example
 * ```ts
 * import { ok } from "@ops/core";
 * ok(42);
 * // => { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/**
 * Wraps an error as a failed {@link Result}.
 *
 * @example
 * ```ts
 * import { err } from "@ops/core";
 * err({ code: "bad_signature", path: ["headers", "x-signature"], message: "signature does not match" }).ok;
 * // => false
 * ```
 */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/**
 * Builds a {@link Failure} value, the usual `error` of a failed {@link Result}.
 *
 * @example
 * ```ts
 * import { failure } from "@ops/core";
 * failure("duplicate_delivery", "delivery 42 was already processed", ["msgId"]);
 * // => { code: "duplicate_delivery", path: ["msgId"], message: "delivery 42 was already processed" }
 * ```
 */
export function failure<C extends string>(code: C, message: string, path: ErrorPath = []): Failure<C> {
  return { code, path, message };
}
