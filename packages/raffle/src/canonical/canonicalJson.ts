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
 *   itself, for arrays and objects nested more than 64 levels deep (the documented limit), and
 *   for more than 4 000 000 values, a shared one counted each time it occurs (a value that
 *   shares its branches is legal JSON whose text grows exponentially with its depth)
 *
 * @example
 * ```ts
 * import { canonicalJson } from "@ops/raffle";
 * canonicalJson({ b: [3, 1e21, 0.1], a: "é\n", "€": null, "\r": true });
 * // => '{"\\r":true,"a":"é\\n","b":[3,1e+21,0.1],"€":null}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return write(value, { path: [], open: new Set(), left: MAX_VALUES });
}

/** Deepest nesting of arrays and objects accepted (a spec nests 5 levels deep). */
const MAX_DEPTH = 64;

/**
 * Most values (primitives, member names, arrays and objects, a shared one counted each time
 * it is written) one call writes: far above any spec, inputs or certificate (a 100 000-record
 * list is about a million), and the bound on the work for a value that shares its branches —
 * legal JSON whose text triples with each level of `{ a: v, b: v, c: v }` (3^40 values for 40).
 */
const MAX_VALUES = 4_000_000;

/** One call's walk: where it is (one stack, copied only into an error), what is open, what is left. */
interface Walk {
  readonly path: (string | number)[];
  readonly open: Set<object>;
  left: number;
}

function write(value: unknown, walk: Walk): string {
  if (--walk.left < 0)
    fail(walk.path, `must hold at most ${MAX_VALUES} values (a shared one counted each time it occurs)`, "[too many]");
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) fail(walk.path, "must be a finite number (JSON has no NaN or Infinity)", value);
      return JSON.stringify(value);
    case "string":
      if (hasLoneSurrogate(value))
        fail(walk.path, "must not contain an unpaired UTF-16 surrogate (RFC 8785 requires I-JSON strings)", value);
      return JSON.stringify(value);
    case "object": {
      if (walk.open.has(value))
        fail(walk.path, "must not contain itself (a circular value has no JSON form)", "[circular]");
      if (walk.path.length >= MAX_DEPTH)
        fail(walk.path, `must not nest arrays and objects more than ${MAX_DEPTH} levels deep`, "[too deep]");
      walk.open.add(value);
      const text = writeContainer(value, walk);
      walk.open.delete(value);
      return text;
    }
    default:
      return fail(
        walk.path,
        "must be a JSON value (null, boolean, finite number, string, array or plain object)",
        value,
      );
  }
}

/** `value` written at `key` of the current container: the key is on the path while it is written. */
function writeAt(key: string | number, value: unknown, walk: Walk): string {
  walk.path.push(key);
  const text = write(value, walk);
  walk.path.pop();
  return text;
}

function writeContainer(value: object, walk: Walk): string {
  if (Array.isArray(value)) return `[${value.map((item, i) => writeAt(i, item, walk)).join(",")}]`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null)
    fail(walk.path, "must be a plain object, array or JSON primitive", value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const members: string[] = [];
  for (const key of keys) {
    if (record[key] === undefined)
      fail([...walk.path, key], "must not be undefined (JSON has no undefined)", undefined);
    members.push(`${writeAt(key, key, walk)}:${writeAt(key, record[key], walk)}`);
  }
  return `{${members.join(",")}}`;
}

function fail(path: ErrorPath, rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn: "canonicalJson", path: ["value", ...path], rule, received });
}
