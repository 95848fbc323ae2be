import { isOpsError, parseOrThrow } from "@ops/core";
import type { core } from "zod/mini";

/** What {@link checkWith} returns: the parsed value, or where and why the value breaks the schema. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly path: readonly (string | number)[]; readonly rule: string };

/**
 * Parses `value` with `schema` for the typed failures of adapters (which never throw). On
 * failure it gives the path and the rule of the first issue, phrased as `@ops/core`'s
 * `parseOrThrow` phrases them ("must be a string", "must be one of …"): zod/mini loads no
 * message locale, so an issue's own message is "Invalid input" unless the schema sets one.
 */
export function checkWith<S extends core.$ZodType>(schema: S, value: unknown): Checked<core.output<S>> {
  // an object schema refuses a non-object at once, with parseOrThrow's words: without the
  // OpsError, whose message would first render the value (a 1 000 000-item array: seconds)
  if (
    (schema._zod.def as { type?: string }).type === "object" &&
    (typeof value !== "object" || value === null || Array.isArray(value))
  )
    return { ok: false, path: [], rule: "must be an object" };
  try {
    return { ok: true, value: parseOrThrow(schema, value, { fn: "checkWith" }) };
  } catch (e) {
    if (!isOpsError(e)) throw e;
    return { ok: false, path: e.path, rule: e.rule };
  }
}
