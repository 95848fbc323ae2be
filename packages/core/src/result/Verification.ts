import { OpsError } from "../error/OpsError";
import { type Err, err, type Failure, type Ok, ok } from "./Result";

/**
 * The result of every \@ops `verify*` function: `{ ok: true, value }` with what was
 * checked, or `{ ok: false, error }` with **every** failure found (never only the first),
 * each a {@link Failure} with a literal `code`, the `path` it concerns and a message. A
 * verifier reports all it finds so that an entrant or an auditor sees the whole picture
 * in one run. Misuse (a value that is not even well-formed) still throws an `OpsError`.
 *
 * @example
 * ```ts
 * import { failure, verification, type Verification } from "@ops/core";
 * function verifyEven(n: number): Verification<{ n: number }, "odd"> {
 *   return verification({ n }, n % 2 === 0 ? [] : [failure("odd", `${n} is odd`, [])]);
 * }
 * verifyEven(4);
 * // => { ok: true, value: { n: 4 } }
 * verifyEven(3);
 * // => { ok: false, error: [{ code: "odd", path: [], message: "3 is odd" }] }
 * ```
 */
export type Verification<T, C extends string = string> = Ok<T> | Err<readonly Failure<C>[]>;

/**
 * Builds a {@link Verification}: `ok(value)` when `failures` is empty, else `err(failures)`.
 *
 * @param value - what a successful verification reports
 * @param failures - every failure found
 * @returns the verification
 * @throws {OpsError} `invalid_argument` when `failures` is not an array
 *
 * @example
 * ```ts
 * import { failure, verification } from "@ops/core";
 * verification("checked", []).ok;
 * // => true
 * verification("checked", [failure("bad_root", "root differs", ["root"])]).ok;
 * // => false
 * ```
 */
export function verification<T, C extends string>(value: T, failures: readonly Failure<C>[]): Verification<T, C> {
  if (!Array.isArray(failures)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "verification",
      path: ["failures"],
      rule: "must be an array of failures",
      received: failures,
    });
  }
  return failures.length === 0 ? ok(value) : err(failures);
}
