import { OpsError } from "@ops/core";
import { hasLoneSurrogate } from "../_lib/bytes";
import { foldText } from "./_lib/foldText";

/**
 * The form in which a quiz answer is compared with the answer key (docs/raffle-spec.md
 * §11.2): `toLowerCase(trim(NFKC(text)))` — Unicode Normalization Form KC (UAX #15), then
 * leading and trailing white space removed (ECMAScript `String.prototype.trim`: White_Space
 * characters and line terminators), then Unicode's default full lower-case mapping
 * (ECMAScript `String.prototype.toLowerCase`, locale-independent). So full-width `"Ｂ"`,
 * `" b "` and `"B"` all become `"b"`.
 *
 * Unicode versions: NFKC and the case mappings of an assigned character do not change in
 * later Unicode versions, so two implementations agree on every text made of characters
 * they both know. A text holding a code point that is unassigned (General_Category Cn) in
 * the implementation's Unicode version gives `null`: such an answer never matches (an
 * answer key may not hold one). Implementations must use Unicode 15.1 or later.
 *
 * @param text - an answer or an answer-key entry
 * @returns the folded text, or `null` when it holds an unassigned code point
 * @throws {OpsError} `invalid_argument` when `text` is not a string, is longer than 10 000
 *   UTF-16 units or holds an unpaired surrogate
 *
 * @example
 * ```ts
 * import { foldAnswer } from "@ops/raffle";
 * [foldAnswer(" Ｂ "), foldAnswer("二十八"), foldAnswer("\u{40000}")];
 * // => ["b", "二十八", null]
 * ```
 */
export function foldAnswer(text: string): string | null {
  if (typeof text !== "string" || text.length > 10_000 || hasLoneSurrogate(text))
    throw new OpsError({
      code: "invalid_argument",
      fn: "foldAnswer",
      path: ["text"],
      rule: "must be a string of at most 10000 UTF-16 units without unpaired surrogates",
      received: text,
    });
  return foldText(text);
}
