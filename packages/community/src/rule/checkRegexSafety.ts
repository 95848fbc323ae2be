import { err, failure, ok, type Failure, type Result } from "@ops/core";
import * as z from "zod/mini";
import { findExcessiveWork } from "./_lib/backtrackingWork";
import { foldTree } from "./_lib/caseFolding";
import { parseRegex } from "./_lib/regexAst";
import { findBacktrackingRisk } from "./_lib/regexSafety";

/** Why {@link checkRegexSafety} refused a pattern. */
export type RegexRefusal =
  | "invalid_syntax"
  | "unsupported_flag"
  | "too_long"
  | "backreference"
  | "nested_quantifier"
  | "overlapping_alternation"
  | "adjacent_quantifiers"
  | "polynomial_backtracking";

/** A user-supplied regular expression: its source and flags (`i`, `m`, `s`, `u`). */
export interface UserPattern {
  readonly source: string;
  readonly flags?: string;
}

/** Schema of a {@link UserPattern} (shape only; safety is checked by {@link checkRegexSafety}). */
export const UserPatternSchema = /* @__PURE__ */ (() =>
  z.object({
    source: z.string().check(z.minLength(1, { error: "must be a non-empty pattern" })),
    flags: z.optional(z.string()),
  }))();

/** A pattern that passed {@link checkRegexSafety}: Unicode-mode flags, no duplicates. */
export interface SafePattern {
  readonly source: string;
  /** The flags the pattern runs with: the caller's `i`/`m`/`s` plus `u`, sorted. */
  readonly flags: string;
}

/** The longest pattern source accepted, in UTF-16 units. */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * Decides whether a user-supplied regular expression is safe to run on untrusted text
 * with JavaScript's backtracking engine, and refuses it otherwise. The pattern is compiled
 * in Unicode mode (`u`), parsed, and refused when it has:
 *
 * - a **backreference** (`\1`, `\k<x>`): not a regular language, matching is NP-hard;
 * - a **nested quantifier** (star height ≥ 2): a repetition whose body holds a variable
 *   repetition, such as `(a+)+`, `(\w+\s?)*`, `(.*a){12}`; a fixed count such as
 *   `(\d{1,3}\.){3}` is allowed because its work is bounded;
 * - **overlapping alternation under a repetition**: `(a|a)*`, `(a|ab)*`, `(\w|\d)+` —
 *   two branches that can start with the same characters (compared position by position
 *   over their fixed prefixes), or a branch that can match the empty string;
 * - **adjacent unbounded repetitions** over overlapping characters: `\d+\d+`, `.*.*`
 *   (polynomial blow-up);
 * - **polynomial backtracking**: an estimated work above 2¹⁹ steps per 512-unit window
 *   (the windows `evaluate` runs patterns on). Repetitions that one input can feed in turn
 *   multiply (`.*x.*y`, `.*x.*x.*x.*y`, `加.*微.*信`), each tried from every start position;
 *   an unbounded repetition counts as half a window, `{m,n}` as n − m + 1 choices, and a
 *   class of more than 16 ranges (`\p{L}`) or with supplementary-plane characters (`.`)
 *   costs 12 or 3 times a small one per step. Bounded (`.{0,15}`), anchored (`^`) or
 *   separated (`[a-z]+@[a-z]+`) repetitions pass: `\p{L}{1,85}@` does, `\p{L}+@` does not.
 *
 * These are the structural causes of exponential and super-linear backtracking described
 * by Davis et al., "The impact of regular expression denial of service (ReDoS) in
 * practice", ESEC/FSE 2018, and OWASP's "Regular expression Denial of Service — ReDoS";
 * star height follows safe-regex (substack), chains of repetitions Weideman et al.,
 * "Analyzing matching time behavior of backtracking regular expression matchers by using
 * ambiguity of NFA" (CIAA 2016). The check is conservative: it may refuse some harmless
 * patterns (`(ab?)+`), which the author can then rewrite. With `i`, characters are
 * compared as the engine compares them under `iu`: Unicode simple case folding (ECMA-262
 * Canonicalize; CaseFolding.txt C and S), so `(?:é|É)+`, `(?:k|\u212A)+` (Kelvin sign) and
 * `(?:σ|ς)+` overlap. `\p{…}` is read from the runtime over the BMP and taken as "any
 * character" above it.
 *
 * @param source - the pattern source, without slashes
 * @param flags - any of `i`, `m`, `s`, `u`; `u` is always added
 * @returns `ok(SafePattern)` or `err(Failure)` whose `code` is a {@link RegexRefusal}
 * @throws never for a string input; a non-string `source` is an `invalid_syntax` failure
 *
 * @example
 * ```ts
 * import { checkRegexSafety } from "@ops/community";
 * checkRegexSafety("(a+)+$").ok;
 * // => false
 * (checkRegexSafety("(a+)+$") as { error: { code: string } }).error.code;
 * // => "nested_quantifier"
 * (checkRegexSafety("(?:é|É)+$", "i") as { error: { code: string } }).error.code;
 * // => "overlapping_alternation"
 * (checkRegexSafety(".*x.*x.*x.*y") as { error: { code: string } }).error.code;
 * // => "polynomial_backtracking"
 * checkRegexSafety("qq[:：]?\\d{5,11}", "i");
 * // => { ok: true, value: { source: "qq[:：]?\\d{5,11}", flags: "iu" } }
 * ```
 */
export function checkRegexSafety(source: string, flags = ""): Result<SafePattern, Failure<RegexRefusal>> {
  if (typeof source !== "string" || source.length === 0) {
    return err(failure("invalid_syntax", "checkRegexSafety: source must be a non-empty string", ["source"]));
  }
  if (source.length > MAX_PATTERN_LENGTH) {
    return err(
      failure(
        "too_long",
        `checkRegexSafety: source must be at most ${MAX_PATTERN_LENGTH} characters, got ${source.length}`,
        ["source"],
      ),
    );
  }
  if (typeof flags !== "string" || !/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
    return err(
      failure(
        "unsupported_flag",
        // JSON only for a string: a BigInt, a cycle or a deep array would make stringify throw
        `checkRegexSafety: flags must be distinct letters among i, m, s, u, got ${typeof flags === "string" ? JSON.stringify(flags) : `a ${typeof flags}`}`,
        ["flags"],
      ),
    );
  }
  const runFlags = [...new Set(`${flags}u`)].sort().join("");
  try {
    new RegExp(source, runFlags);
  } catch (error) {
    return err(failure("invalid_syntax", `checkRegexSafety: ${(error as Error).message}`, ["source"]));
  }
  const parsed = parseRegex(source, runFlags.includes("s"));
  // a modifier group such as (?i:…) (runtimes newer than Node 20) folds case too
  const tree =
    runFlags.includes("i") || /\(\?[a-z]*i[a-z]*(?:-[a-z]*)?:|\(\?-?[a-z]*i/.test(source) ? foldTree(parsed) : parsed;
  const risk = findBacktrackingRisk(tree) ?? findExcessiveWork(tree, runFlags.includes("m"));
  if (risk) return err(failure(risk.code, `checkRegexSafety: ${risk.message}`, ["source"]));
  return ok({ source, flags: runFlags });
}
