// The one reader of options in @ops/metrics for the functions that check them by hand (no zod in
// their bundle: the sketch constructors, deserializeSketch, quantile, renderMarkdown's locale).
// Each check refuses as the zod schema of the same field does through parseOrThrow: code
// `invalid_argument`, path `["options", field(, index)]`, the schema's rule; tests run both over
// the same values (test/sketchCodecs.test.ts).
import { type ErrorPath, OpsError } from "@ops/core";

/**
 * The options argument as an object: omitted (`undefined`) is `{}`; `null`, arrays, functions
 * and every other non-object are refused with `invalid_argument` at `options`, rule "must be an
 * object" — what a zod object schema of options says through parseOrThrow in every other
 * \@ops/metrics function.
 */
export function readOptions<T extends object>(options: T | undefined, fn: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options))
    refuse(fn, ["options"], "must be an object", options);
  return options;
}

/** `options[field]`, typed as the option's values, before its check. */
function field<O extends object>(o: O, key: keyof O & string): unknown {
  return (o as Record<string, unknown>)[key];
}

/**
 * `options[key]` when it is a whole number from `min` to `max`, or `undefined` when omitted
 * (`maxRule`: the schema's words for the upper bound).
 */
export function intOption<O extends object>(
  o: O,
  key: keyof O & string,
  min: number,
  max: number,
  fn: string,
  maxRule = `must be ≤ ${max}`,
): number | undefined {
  const v = field(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) refuse(fn, ["options", key], "must be a whole number", v);
  if (v < min) refuse(fn, ["options", key], `must be ≥ ${min}`, v);
  if (v > max) refuse(fn, ["options", key], maxRule, v);
  return v;
}

/** `options[key]` when it is a finite number in [min, below), or `undefined` when omitted. */
export function numberOption<O extends object>(
  o: O,
  key: keyof O & string,
  min: number,
  below: number,
  fn: string,
): number | undefined {
  const v = field(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) refuse(fn, ["options", key], "must be a finite number", v);
  if (v < min) refuse(fn, ["options", key], `must be ≥ ${min}`, v);
  if (v >= below) refuse(fn, ["options", key], `must be < ${below}`, v);
  return v;
}

/** `options[key]` when it is one of `values`, or `undefined` when omitted; the rule lists them (`must be "a", "b" or "c"`). */
export function enumOption<O extends object, T extends string>(
  o: O,
  key: keyof O & string,
  values: readonly T[],
  fn: string,
): T | undefined {
  const v = field(o, key);
  if (v === undefined) return undefined;
  if (!values.includes(v as T))
    refuse(
      fn,
      ["options", key],
      `must be ${values
        .map((x) => `"${x}"`)
        .join(", ")
        .replace(/, ([^,]*)$/, " or $1")}`,
      v,
    );
  return v as T;
}

/** `options[key]` when the guard `ok` accepts it, or `undefined` when omitted; else `rule`. */
export function checkedOption<O extends object, T>(
  o: O,
  key: keyof O & string,
  ok: (v: unknown) => v is T,
  rule: string,
  fn: string,
): T | undefined {
  const v = field(o, key);
  if (v === undefined) return undefined;
  if (!ok(v)) refuse(fn, ["options", key], rule, received(v));
  return v;
}

/**
 * `options[key]` when it is an array whose every item the guard `ok` accepts, or `undefined`
 * when omitted; a non-array is refused at `options.key` with `rule`, a bad item at
 * `options.key.i` with `itemRule`.
 */
export function listOption<O extends object, T>(
  o: O,
  key: keyof O & string,
  ok: (v: unknown) => v is T,
  rule: string,
  itemRule: string,
  fn: string,
): readonly T[] | undefined {
  const v = field(o, key);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) refuse(fn, ["options", key], rule, received(v));
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) refuse(fn, ["options", key, i], itemRule, received(v[i]));
  return v as readonly T[];
}

/** An object is named, not carried (it may hold a codec's closures or a large structure). */
function received(v: unknown): unknown {
  return typeof v === "object" && v !== null ? "object" : v;
}

function refuse(fn: string, path: ErrorPath, rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
}
