import * as z from "zod/mini";
import { OpsError } from "../error/OpsError";
import { normalizeAt, type NormalizedText, type NormalizeStrip } from "./_lib/normalize";
import { readOptions } from "../_lib/readOptions";

export type { NormalizedText, NormalizeStrip } from "./_lib/normalize";

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

const LEVEL: Readonly<Record<NormalizeStrip, 0 | 1 | 2>> = { invisible: 0, whitespace: 1, separators: 2 };

/**
 * Folds a text into the form that keyword lists are matched on — the one normalisation of
 * the \@ops libraries (community's moderation, interaction's need tags, feedback's routing,
 * sla's thanks filter):
 * 1. width and compatibility forms: Unicode NFKC (UAX #15, https://unicode.org/reports/tr15/):
 *    full-width `ａｄ` → `ad`, half-width katakana → full-width, `①` → `1`, `㊙` → `秘`;
 * 2. case: `String.prototype.toLowerCase` (the Unicode default lower-case mapping, The
 *    Unicode Standard §3.13, for every script: `ÉCOLE` → `école`, `ΣΟΦΊΑ` → `σοφία`; it is
 *    not case folding, so `ß` stays `ß`);
 * 3. what spammers insert between characters (Unicode TR #36, "Unicode Security
 *    Considerations", §2.4 invisible characters): zero-width and other
 *    Default_Ignorable_Code_Point characters (ZWSP, ZWJ, soft hyphen, bidi controls),
 *    controls, emoji (Extended_Pictographic, skin-tone modifiers, flags, keycaps) and stray
 *    combining marks are removed at every level;
 * 4. by `strip`: white space (`"whitespace"`), then punctuation and symbols as well
 *    (`"separators"`, the default). Where white space, punctuation or a symbol was removed,
 *    `gapBefore` keeps the word boundary (UAX #29), so that keyword matching still sees it.
 *
 * CJK ideographs and CJK punctuation are kept as they are (no spaces to fold). NFKC runs per
 * base character with its combining marks, which keeps the index map back to `source`
 * exact. The character classes are Unicode properties (UAX #44). Simplified/traditional
 * Chinese and look-alike letters from other scripts (Cyrillic `а`) are not folded.
 *
 * @param text - the raw text
 * @param options - `strip`: `"invisible"`, `"whitespace"` or `"separators"` (default)
 * @returns the normalised text with a map back to `source`
 * @throws {OpsError} `invalid_argument` if `text` is not a string, `options` is not an object (`null`
 *   included: omit it for the defaults) or `strip` is unknown
 *
 * @example
 * ```ts
 * import { normalizeText } from "@ops/core";
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
