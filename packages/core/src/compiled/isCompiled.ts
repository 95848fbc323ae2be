/**
 * Whether `value` is an object branded by {@link brandCompiled} with this `kind`: an own,
 * non-enumerable, read-only brand `{ kind, version: 1 }` under `Symbol.for("@ops/compiled")`.
 * A look-alike with the same fields, a spread copy or a JSON / `structuredClone` copy of a
 * compiled object is not compiled. Never throws.
 *
 * @param value - anything
 * @param kind - the kind the caller needs, e.g. `"sla.calendar"`
 * @returns `true` for a compiled object of that kind
 *
 * @example
 * ```ts
 * import { brandCompiled, isCompiled } from "@ops/core";
 * const matcher = brandCompiled({ keywords: ["spf"] }, "demo.matcher");
 * [isCompiled(matcher, "demo.matcher"), isCompiled(matcher, "demo.other"), isCompiled({ keywords: ["spf"] }, "demo.matcher")];
 * // => [true, false, false]
 * ```
 */
export function isCompiled(value: unknown, kind: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  try {
    const d = Object.getOwnPropertyDescriptor(value, Symbol.for("@ops/compiled"));
    if (d === undefined || d.enumerable || d.writable || d.configurable || !("value" in d)) return false;
    const brand = d.value as { kind?: unknown; version?: unknown } | null;
    return (
      typeof brand === "object" &&
      brand !== null &&
      Object.isFrozen(brand) &&
      brand.kind === kind &&
      brand.version === 1
    );
  } catch {
    return false; // a proxy whose traps throw
  }
}
