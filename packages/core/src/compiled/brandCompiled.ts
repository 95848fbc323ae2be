import { OpsError } from "../error/OpsError";

/**
 * The brand of a compiled object: which `compile*` function made it (`kind`, written
 * `"<package>.<noun>"`: `"sla.calendar"`, `"community.rules"`) and the brand's format
 * version. It lives under the registered symbol `Symbol.for("@ops/compiled")`, so that two
 * copies of \@ops/core in one process recognise each other's objects.
 */
export interface CompiledBrand {
  readonly kind: string;
  readonly version: 1;
}

const KIND = /^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$/;

/**
 * Marks a freshly built object as the compiled result of one `compile*` function, for
 * {@link isCompiled} and {@link assertCompiled}. The brand is an own, non-enumerable,
 * non-writable, non-configurable property holding a frozen {@link CompiledBrand} under
 * `Symbol.for("@ops/compiled")`. Being non-enumerable, it is not copied by a spread
 * (`{ ...compiled }`), `Object.assign`, `JSON.stringify` or `structuredClone`: a copy is
 * not a compiled object. Compiled objects are in-process values — never serialise one,
 * compile again from the input instead. The brand guards against mistakes (a look-alike
 * object, a JSON round trip), not against code that defines the symbol on purpose.
 *
 * Call it on the object before freezing it (a frozen object cannot take the brand).
 *
 * @param value - the object a `compile*` function is about to return (branded in place)
 * @param kind - `"<package>.<noun>"`, e.g. `"sla.calendar"`
 * @returns `value`, branded
 * @throws {OpsError} `invalid_argument` when `value` is not an extensible object or is
 *   already branded, or `kind` is not `"<package>.<noun>"`
 *
 * @example
 * ```ts
 * import { brandCompiled, isCompiled } from "@ops/core";
 * const set = Object.freeze(brandCompiled({ size: 2 }, "demo.set"));
 * [isCompiled(set, "demo.set"), isCompiled({ ...set }, "demo.set"), JSON.stringify(set)];
 * // => [true, false, '{"size":2}']
 * ```
 */
export function brandCompiled<T extends object>(value: T, kind: string): T {
  const fn = "brandCompiled";
  if (typeof kind !== "string" || !KIND.test(kind)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["kind"],
      rule: 'must be "<package>.<noun>" (ASCII letters and digits, e.g. "sla.calendar")',
      received: kind,
    });
  }
  const key = Symbol.for("@ops/compiled");
  let ok = false;
  try {
    ok = typeof value === "object" && value !== null && Object.isExtensible(value) && !Object.hasOwn(value, key);
    if (ok) {
      const brand: CompiledBrand = Object.freeze({ kind, version: 1 });
      Object.defineProperty(value, key, { value: brand, enumerable: false, writable: false, configurable: false });
    }
  } catch {
    ok = false; // a proxy whose traps throw or refuse
  }
  if (!ok) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["value"],
      rule: "must be an extensible object that is not branded yet (brand before freezing)",
    });
  }
  return value;
}
