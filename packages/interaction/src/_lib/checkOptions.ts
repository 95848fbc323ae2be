import { OpsError } from "@ops/core";

/**
 * Checks an options argument at the boundary: `undefined` (the defaults) or a plain object;
 * anything else (`null`, a number, an array) is misuse — OpsError `invalid_argument` with
 * path `options`, instead of a TypeError when a field is read from it.
 */
export function checkOptions(options: unknown, fn: string): void {
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options)))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an options object or undefined",
      received: options,
    });
}
