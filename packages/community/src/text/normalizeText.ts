import { readOptions } from "../_lib/readOptions";
import { OpsError } from "@ops/core";
import * as z from "zod/mini";
import { normalizeAt } from "../_lib/normalize";

/**
 * How much {@link normalizeText} strips, from least to most:
 * - `"invisible"`: zero-width and other default-ignorable characters, controls, emoji and
 *   leftover combining marks;
 * - `"whitespace"`: also every white-space character;
 * - `"separators"` (default): also punctuation and symbols (`.`, `_`, `★`, `｜`, `·`), so
 *   that `加★微★信` and `s.p.a.m` read as `加微信` and `spam`.
 */
export type NormalizeStrip = "invisible" | "whitespace" | "separators";

/** Options of {@link normalizeText}. */
export interface NormalizeTextOptions {
  /** What to strip besides the case and width folding; default `"separators"`. */
  readonly strip?: NormalizeStrip;
}

/** Schema of {@link NormalizeTextOptions}. */
export const NormalizeTextOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    strip: z.optional(z.enum(["invisible", "whitespace", "separators"])),
  }))();

/**
 * A normalised text that remembers where each of its UTF-16 units came from, so that a
 * match found in `text` can be shown as the user wrote it (`source.slice(starts[i], ends[j])`).
 */
export interface NormalizedText {
  /** The text the user sent, unchanged. */
  readonly source: string;
  /** The normalised text. */
  readonly text: string;
  /** `starts[i]`: index in `source` of the first unit of the character that produced `text[i]`. */
  readonly starts: Int32Array;
  /** `ends[i]`: index in `source` just after the character that produced `text[i]`. */
  readonly ends: Int32Array;
  /**
   * `gapBefore[i]` is 1 when white space, punctuation or a symbol was removed between
   * `text[i - 1]` and `text[i]` (never for removed emoji or zero-width characters): the
   * word boundaries that survive stripping.
   */
  readonly gapBefore: Uint8Array;
}

const LEVEL: Record<NormalizeStrip, 0 | 1 | 2> = { invisible: 0, whitespace: 1, separators: 2 };

/**
 * Folds a message into the form that keyword lists and patterns are matched on:
 * Unicode NFKC (full-width `ａｄ` → `ad`, half-width katakana → full-width, `①` → `1`,
 * `㊙` → `秘`), lower case (`String.prototype.toLowerCase`), then removal of what spammers
 * insert between characters: zero-width and other default-ignorable code points, controls,
 * emoji (Extended_Pictographic, skin-tone modifiers, flags, keycaps), stray combining
 * marks, and — depending on `strip` — white space, punctuation and symbols.
 *
 * NFKC is defined by Unicode Standard Annex #15 (https://unicode.org/reports/tr15/); the
 * character classes are Unicode properties (UAX #44). NFKC is applied per base character
 * with its combining marks, which keeps the index map exact. Simplified/traditional
 * Chinese and look-alike letters from other scripts (Cyrillic `а`) are not folded.
 *
 * @param text - the raw message text
 * @param options - `strip`: `"invisible"`, `"whitespace"` or `"separators"` (default)
 * @returns the normalised text with a map back to `source`
 * @throws {OpsError} `invalid_argument` if `text` is not a string, `options` is not an object (`null`
 *   included: omit it for the defaults) or `strip` is unknown
 *
 * @example
 * ```ts
 * import { normalizeText } from "@ops/community";
 * normalizeText("加\u200b微😀信：ＡＢＣ").text;
 * // => "加微信abc"
 * normalizeText("S.P.A.M now", { strip: "whitespace" }).text;
 * // => "s.p.a.mnow"
 * ```
 */
export function normalizeText(text: string, options: NormalizeTextOptions = {}): NormalizedText {
  if (typeof text !== "string") {
    throw new OpsError({
      code: "invalid_argument",
      fn: "normalizeText",
      path: ["text"],
      rule: "must be a string",
      received: text,
    });
  }
  const strip: unknown = readOptions(options, "normalizeText").strip ?? "separators";
  // typeof first: an object key would be converted to a string (a TypeError for Object.create(null))
  const level = typeof strip === "string" && Object.hasOwn(LEVEL, strip) ? LEVEL[strip as NormalizeStrip] : undefined;
  if (level === undefined) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "normalizeText",
      path: ["options", "strip"],
      rule: 'must be "invisible", "whitespace" or "separators"',
      received: strip,
    });
  }
  return normalizeAt(text, level);
}
