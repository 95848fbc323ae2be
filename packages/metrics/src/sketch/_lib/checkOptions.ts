// Hand-written checks of the sketch constructors' options. Each mirrors the exported zod schema of
// its function (HyperLogLogOptionsSchema, QuantileSketchOptionsSchema, KllSketchOptionsSchema; a
// test runs both over the same values), so that creating a sketch does not bundle zod (~6.5 kB
// min+gz, more than the sketch itself). Errors name the function, the field and the rule.
import { OpsError } from "@ops/core";

type Fields = Readonly<Record<string, unknown>>;

function refuse(fn: string, path: string[], rule: string, received: unknown): never {
  throw new OpsError({ code: "invalid_argument", fn, path, rule, received });
}

/** The options object (`undefined` reads as `{}`); anything but a plain object or class instance is refused. */
export function optionFields(options: unknown, fn: string): Fields {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options))
    refuse(fn, ["options"], "must be an object", options);
  return options as Fields;
}

/** A whole number from `min` to `max` (`maxRule`: the schema's words for it), or `undefined`. */
export function intOption(
  o: Fields,
  field: string,
  min: number,
  max: number,
  fn: string,
  maxRule = `must be ≤ ${max}`,
): number | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) refuse(fn, ["options", field], "must be a whole number", v);
  if (v < min) refuse(fn, ["options", field], `must be ≥ ${min}`, v);
  if (v > max) refuse(fn, ["options", field], maxRule, v);
  return v;
}

/** A finite number in [min, below), or `undefined`. */
export function numberOption(o: Fields, field: string, min: number, below: number, fn: string): number | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) refuse(fn, ["options", field], "must be a finite number", v);
  if (v < min) refuse(fn, ["options", field], `must be ≥ ${min}`, v);
  if (v >= below) refuse(fn, ["options", field], `must be < ${below}`, v);
  return v;
}

/** One of `values`, or `undefined`. */
export function enumOption<T extends string>(
  o: Fields,
  field: string,
  values: readonly T[],
  fn: string,
): T | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (!values.includes(v as T))
    refuse(
      fn,
      ["options", field],
      `must be ${values
        .map((x) => `"${x}"`)
        .join(", ")
        .replace(/, ([^,]*)$/, " or $1")}`,
      v,
    );
  return v as T;
}

/** A value that passes `ok`, or `undefined`; else `rule`. */
export function checkedOption<T>(
  o: Fields,
  field: string,
  ok: (v: unknown) => boolean,
  rule: string,
  fn: string,
): T | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (!ok(v)) refuse(fn, ["options", field], rule, typeof v === "object" && v !== null ? "object" : v);
  return v as T;
}
