import { failure, type Result } from "@ops/core";
import type { AdapterFailure } from "../PlatformAdapter";

/** A JSON object (not an array, not null). */
export type Obj = Readonly<Record<string, unknown>>;

/** Whether a value is a plain JSON object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parses JSON text; a failure is `malformed_payload`, never a throw. */
export function parseJson(text: unknown): Result<unknown, AdapterFailure> {
  if (typeof text !== "string") return { ok: false, error: failure("malformed_payload", "body must be text") };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: failure("malformed_payload", "body is not valid JSON") };
  }
}

/** Parses JSON text that must be an object. */
export function parseJsonObject(text: unknown): Result<Obj, AdapterFailure> {
  const r = parseJson(text);
  if (!r.ok) return r;
  return isObj(r.value)
    ? { ok: true, value: r.value }
    : { ok: false, error: failure("malformed_payload", "body must be a JSON object") };
}

/** A non-empty string field, or a number field rendered as text (platform ids come as both). */
export function idField(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (typeof v === "string" && v.length > 0 && v.length <= 512) return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  if (typeof v === "bigint") return v.toString();
  return undefined;
}

/** A string field (possibly empty). */
export function strField(o: Obj, key: string): string | undefined {
  const v = o[key];
  return typeof v === "string" ? v : undefined;
}

/** A finite number field, or a numeric string. */
export function numField(o: Obj, key: string): number | undefined {
  const v = o[key];
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d{1,16}$/.test(v)) return Number(v);
  return undefined;
}

/** An object field. */
export function objField(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  return isObj(v) ? v : undefined;
}

/** An array field. */
export function arrField(o: Obj, key: string): readonly unknown[] | undefined {
  const v = o[key];
  return Array.isArray(v) ? v : undefined;
}

/** A `missing_field` failure for `path`. */
export function missing(path: readonly (string | number)[], what: string): { ok: false; error: AdapterFailure } {
  return { ok: false, error: failure("missing_field", `${what} is missing or has the wrong type`, path) };
}

/** Seconds or milliseconds since the epoch → a valid instant, or undefined. */
export function epochToInstant(value: number | undefined, unit: "s" | "ms"): number | undefined {
  if (value === undefined) return undefined;
  const ms = unit === "s" ? value * 1000 : value;
  return Number.isSafeInteger(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
}
