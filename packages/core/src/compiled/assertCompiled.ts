import { OpsError } from "../error/OpsError";
import { isCompiled } from "./isCompiled";

/**
 * Throws unless `value` is a compiled object of this `kind` ({@link isCompiled}): the one
 * check every function that takes a compiled object runs, with one rule,
 * `must be the result of <maker>`.
 *
 * @param value - what the caller passed
 * @param kind - the kind needed, e.g. `"sla.calendar"`
 * @param maker - the function that makes it, named in the rule, e.g. `"compileCalendar"`
 * @param fn - the public function that checks (named in the error)
 * @param path - where the value sits in that function's arguments
 * @throws {OpsError} `invalid_argument` with rule `must be the result of <maker>`
 *
 * @example
 * ```ts
 * import { assertCompiled, brandCompiled, isOpsError } from "@ops/core";
 * const check = (value: unknown): string => {
 *   try { assertCompiled(value, "demo.set", "compileSet", "useSet", ["set"]); return "ok"; }
 *   catch (e) { return isOpsError(e) ? e.rule : "other"; }
 * };
 * [check(brandCompiled({}, "demo.set")), check({})];
 * // => ["ok", "must be the result of compileSet"]
 * ```
 */
export function assertCompiled(
  value: unknown,
  kind: string,
  maker: string,
  fn: string,
  path: readonly (string | number)[],
): void {
  if (!isCompiled(value, kind)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: `must be the result of ${maker}`,
      received: value,
    });
  }
}
