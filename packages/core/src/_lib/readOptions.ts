import { type ErrorPath, OpsError } from "../error/OpsError";

/**
 * The options argument as an object: `undefined` (omitted) is `{}`; anything else that is
 * not a plain object — `null` included — is refused with `invalid_argument` at `options`.
 * The rule of every \@ops/core function that takes options, as zod's object schemas (which
 * the other \@ops libraries use for options) already have it: `null` is not "no options".
 */
export function readOptions<T extends object>(options: T | undefined, fn: string, path: ErrorPath = ["options"]): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: "must be an object (or omitted)",
      received: options,
    });
  }
  return options;
}

/** Throws `invalid_argument` unless `value` is a number (any number: the callers check ranges themselves). */
export function assertNumber(value: unknown, fn: string, path: ErrorPath): asserts value is number {
  if (typeof value !== "number") {
    throw new OpsError({ code: "invalid_argument", fn, path, rule: "must be a number", received: value });
  }
}
