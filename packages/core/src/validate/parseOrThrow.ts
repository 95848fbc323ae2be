import type { z } from "zod";
import { OpsError, type ErrorPath } from "../error/OpsError";

/** Options of {@link parseOrThrow}. */
export interface ParseOrThrowOptions {
  /** The public function doing the validation; it starts the error message. */
  readonly fn: string;
  /** Where the value sits in the call, e.g. `["posts"]`; prefixed to the issue path. */
  readonly path?: ErrorPath;
}

/**
 * Validates `input` with a zod schema at a public boundary and returns the parsed value,
 * or throws an {@link OpsError} (`code: "invalid_argument"`) whose message names the
 * function, the field and the rule of the first issue — never a zod or type error.
 *
 * @param schema - any zod 4 schema
 * @param input - the untrusted value
 * @param options - the function name and the argument's path
 * @returns the parsed (and possibly transformed) value
 * @throws {OpsError} `invalid_argument` when the value breaks the schema
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { parseOrThrow } from "@ops/core";
 * const Count = z.number().int().nonnegative();
 * parseOrThrow(Count, 3, { fn: "demo", path: ["count"] });
 * // => 3
 * const attempt = Count.safeParse(-3).success ? null : (() => { try { return parseOrThrow(Count, -3, { fn: "demo", path: ["count"] }); } catch (e) { return (e as Error).message; } })();
 * attempt;
 * // => "demo: count Too small: expected number to be >=0, got -3"
 * ```
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseOrThrowOptions,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const issuePath = (issue?.path ?? []).filter((p): p is string | number => typeof p !== "symbol");
  throw new OpsError({
    code: "invalid_argument",
    fn: options.fn,
    path: [...(options.path ?? []), ...issuePath],
    rule: issue?.message ?? "is invalid",
    received: valueAt(input, issuePath),
    cause: parsed.error,
  });
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
