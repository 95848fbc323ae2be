import { OpsError } from "@ops/core";

/**
 * The options argument as an object: omitted (`undefined`) is `{}`; `null` and every other
 * non-object are refused with `invalid_argument` at `options` — the rule of every
 * \@ops/metrics function with options, as its zod object schemas for options have it.
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
