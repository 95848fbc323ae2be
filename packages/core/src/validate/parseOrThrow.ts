import { type core, safeParse } from "zod/mini";
import { issueRule } from "./_lib/issueRule";
import { type ErrorPath, OpsError } from "../error/OpsError";

/** Options of {@link parseOrThrow}. */
export interface ParseOrThrowOptions {
  /** The public function doing the validation; it starts the error message. */
  readonly fn: string;
  /** Where the value sits in the call, e.g. `["posts"]`; prefixed to the issue path. */
  readonly path?: ErrorPath;
}

const PARSE_OPTIONS = { error: issueRule } as const;

/**
 * Validates `input` with a zod schema at a public boundary and returns the parsed value,
 * or throws an {@link OpsError} (`code: "invalid_argument"`) whose message names the
 * function, the field and the rule of the first issue — never a zod or type error.
 *
 * Any zod 4 schema works (`zod/mini`, which every \@ops package uses so that one function
 * costs a few kB, or classic `zod`). zod/mini loads no message locale; the rule is phrased
 * here from the issue's code ("must be ≥ 0", "must be one of …") unless the schema sets
 * its own message. When a union fails, the rule comes from the branch that got furthest.
 * An array of more than 1024 items given to an array schema is first checked item by item,
 * stopping at the first bad one (zod would record an issue for every bad item of a million).
 *
 * @param schema - any zod 4 schema
 * @param input - the untrusted value
 * @param options - the function name and the argument's path
 * @returns the parsed (and possibly transformed) value
 * @throws {OpsError} `invalid_argument` when the value breaks the schema — and, for misuse,
 *   when `schema` is not a zod 4 schema (`fn: "parseOrThrow"`, path `schema`) or, at a refusal,
 *   `options` is not `{ fn, path? }` (`fn: "OpsError"`, path `init`)
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * import { parseOrThrow } from "@ops/core";
 * const Count = z.int().check(z.minimum(0));
 * parseOrThrow(Count, 3, { fn: "demo", path: ["count"] });
 * // => 3
 * let message = "";
 * try { parseOrThrow(Count, -3, { fn: "demo", path: ["count"] }); } catch (e) { message = (e as Error).message; }
 * message;
 * // => "demo: count must be ≥ 0, got -3"
 * ```
 */
export function parseOrThrow<S extends core.$ZodType>(
  schema: S,
  input: unknown,
  options: ParseOrThrowOptions,
): core.output<S> {
  let parsed: ReturnType<typeof safeParse> | undefined;
  let item: core.$ZodType | undefined;
  let k = -1;
  try {
    // an array of more than 1024 items is checked item by item first, stopping at the first
    // bad one, which is then reported as its own parse reports it: zod would record an issue
    // for every bad item of a million (seconds of work) only for the first to be reported.
    // Without the error option here (zod sets up a context for it on each call, ~8 µs).
    item = (schema._zod.def as { element?: core.$ZodType }).element;
    if (item && Array.isArray(input) && input.length > 1024)
      k = input.findIndex((x) => !safeParse(item as core.$ZodType, x).success);
    if (k < 0) parsed = safeParse(schema, input, PARSE_OPTIONS);
  } catch (cause) {
    // not a zod schema (or one whose own code throws): misuse, an OpsError all the same
    throw new OpsError({
      code: "invalid_argument",
      fn: "parseOrThrow",
      path: ["schema"],
      rule: "must be a zod 4 schema",
      cause,
    });
  }
  if (!parsed)
    return parseOrThrow(item as never, (input as unknown[])[k], {
      ...options,
      path: ([] as (string | number)[]).concat(options?.path ?? [], k),
    });
  if (parsed.success) return parsed.data as core.output<S>;
  const issue = deepest(parsed.error.issues);
  const issuePath = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  // options?. and concat: options that are not { fn, path? } make OpsError refuse itself, never a TypeError
  throw new OpsError({
    code: "invalid_argument",
    fn: options?.fn,
    path: ([] as (string | number)[]).concat(options?.path ?? [], issuePath),
    rule: issue.message,
    received: valueAt(input, issuePath),
    cause: parsed.error,
  });
}

/** The first issue; for a failed union, the issue of the branch that got furthest (longest path). */
function deepest(issues: readonly core.$ZodIssue[]): core.$ZodIssue {
  const first = issues[0] ?? { code: "custom", path: [], message: "is invalid" };
  if (first.code !== "invalid_union" || first.errors.length === 0) return first;
  let best: core.$ZodIssue | undefined;
  for (const branch of first.errors) {
    const candidate = branch[0] === undefined ? undefined : deepest(branch);
    if (candidate && (best === undefined || candidate.path.length > best.path.length)) best = candidate;
  }
  return best && best.path.length > 0 ? { ...best, path: [...first.path, ...best.path] } : first;
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
