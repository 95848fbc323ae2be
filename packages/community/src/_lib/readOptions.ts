import { OpsError } from "@ops/core";

/**
 * The options argument as an object: omitted (`undefined`) is `{}`; `null` and every other
 * non-object are refused with `invalid_argument` at `options` — the rule of every
 * \@ops/community function with options (those parsed with a zod object schema refuse
 * `null` the same way).
 */
export function readOptions<T extends object>(options: T | undefined, fn: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an object (or omitted)",
      received: options,
    });
  }
  return options;
}
