import { OpsError, type ErrorPath } from "@ops/core";
import { hasLoneSurrogate } from "../_lib/bytes";

/** A JSON value that {@link canonicalJson} accepts. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Serialises a JSON value in the JSON Canonicalization Scheme (JCS, RFC 8785): no
 * whitespace; object members sorted by their names compared as arrays of UTF-16 code
 * units (RFC 8785 §3.2.3); numbers in the ECMAScript `Number.prototype.toString` form
 * (§3.2.2.3, so `1e21`, `0.1`, `-0` → `0`); strings with only `"`, `\\` and the control
 * characters U+0000–U+001F escaped (`\b \t \n \f \r`, others as `\u00xx`, §3.2.2.2).
 * The result, encoded as UTF-8, is what {@link specHash} hashes.
 *
 * Source: RFC 8785, https://www.rfc-editor.org/rfc/rfc8785
 *
 * @param value - plain JSON data (objects, arrays, strings, finite numbers, booleans, null)
 * @returns the canonical JSON text
 * @throws {OpsError} `invalid_argument` for values JSON cannot hold (NaN, ±Infinity,
 *   undefined, functions, bigints, symbols, class instances) and for strings with an unpaired
 *   surrogate (I-JSON, RFC 7493 §2.1, which RFC 8785 requires), for a value that contains
 *   itself, and for arrays and objects nested more than 64 levels deep (the documented limit)
 *
 * @example
 * ```ts
 * import { canonicalJson } from "@ops/raffle";
 * canonicalJson({ b: [3, 1e21, 0.1], a: "é\n", "€": null, "\r": true });
 * // => '{"\\r":true,"a":"é\\n","b":[3,1e+21,0.1],"€":null}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], new Set());
}

/** Deepest nesting of arrays and objects accepted (a spec nests 5 levels deep). */
const MAX_DEPTH = 64;

function write(value: unknown, path: ErrorPath, open: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) fail(path, "must be a finite number (JSON has no NaN or Infinity)", value);
      return JSON.stringify(value);
    case "string":
      if (hasLoneSurrogate(value))
        fail(path, "must not contain an unpaired UTF-16 surrogate (RFC 8785 requires I-JSON strings)", value);
      return JSON.stringify(value);
    case "object": {
      if (open.has(value)) fail(path, "must not contain itself (a circular value has no JSON form)", "[circular]");
      if (path.length >= MAX_DEPTH)
        fail(path, `must not nest arrays and objects more than ${MAX_DEPTH} levels deep`, "[too deep]");
      open.add(value);
      const text = writeContainer(value, path, open);
      open.delete(value);
      return text;
    }
    default:
      return fail(path, "must be a JSON value (null, boolean, finite number, string, array or plain object)", value);
  }
}

function writeContainer(value: object, path: ErrorPath, open: Set<object>): string {
  if (Array.isArray(value)) return `[${value.map((item, i) => write(item, [...path, i], open)).join(",")}]`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null)
    fail(path, "must be a plain object, array or JSON primitive", value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const members: string[] = [];
  for (const key of keys) {
    if (record[key] === undefined) fail([...path, key], "must not be undefined (JSON has no undefined)", undefined);
    members.push(`${write(key, [...path, key], open)}:${write(record[key], [...path, key], open)}`);
  }
  return `{${members.join(",")}}`;
}

function fail(path: ErrorPath, rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn: "canonicalJson", path: ["value", ...path], rule, received });
}
