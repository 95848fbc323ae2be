import * as z from "zod/mini";
import { OpsError } from "../error/OpsError";
import { compileKeywordList, type KeywordBoundaries, type KeywordMatcher } from "./_lib/keywords";
import { parseOrThrow } from "../validate/parseOrThrow";

export type { KeywordBoundaries, KeywordHit, KeywordMatcher } from "./_lib/keywords";

/**
 * The most UTF-16 units a keyword list may total after normalisation, duplicates merged:
 * 2 000 000 (200 000 keywords of ten characters). The compiled matcher takes at most
 * 18 bytes per unit (one trie node each) plus 256 KB, about 36 MB at the limit, beside the
 * normalised keywords themselves, and compiles in about a second; see the README's memory
 * budget. (Lists in the field — sensitive-word and brand lists — hold tens of thousands of
 * entries; a larger list splits into several matchers.)
 */
export const MAX_KEYWORD_UNITS = 2_000_000;

/** The most keywords a list may hold: 200 000 (see {@link MAX_KEYWORD_UNITS}). */
export const MAX_KEYWORDS = 200_000;

/**
 * Where a caller's keyword list sits, for errors (the `context` of `parseOrThrow`): a list
 * inside another function's argument is reported as that function's, at that place, with
 * the keyword's index after it.
 */
export interface KeywordListContext {
  readonly fn: string;
  readonly path: readonly (string | number)[];
}

const OWN: KeywordListContext = { fn: "compileKeywords", path: ["keywords"] };

/** Options of {@link compileKeywords}. */
export interface CompileKeywordsOptions {
  readonly boundaries?: KeywordBoundaries;
}

/** Schema of a keyword list: 1–200 000 non-empty strings of at most 256 characters. */
export const KeywordListSchema = /* @__PURE__ */ (() =>
  z
    .array(
      z
        .string()
        .check(
          z.minLength(1, { error: "must be a non-empty keyword" }),
          z.maxLength(256, { error: "must be at most 256 characters" }),
        ),
    )
    .check(
      z.minLength(1, { error: "must hold at least one keyword" }),
      z.maxLength(MAX_KEYWORDS, { error: "must hold at most 200 000 keywords" }),
    ))();

/** Schema of {@link CompileKeywordsOptions}. */
export const CompileKeywordsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ boundaries: z.optional(z.enum(["auto", "none"])) }))();

/**
 * Compiles a keyword list (Chinese, English or mixed) into an Aho–Corasick automaton, so
 * that a message is scanned once, in time linear in its length plus the number of hits,
 * however long the list is (Aho & Corasick, "Efficient string matching: an aid to
 * bibliographic search", Communications of the ACM 18(6), 1975). Keywords are normalised
 * with {@link normalizeText} (NFKC, lower case, separators stripped) exactly as messages
 * are, so `ＡＤ`, `A.D`, `a\u200bd` and `a d` all find `ad`. Keywords that normalise to the
 * same text are merged (the first spelling is kept as the label).
 *
 * Word boundaries (`boundaries: "auto"`, the default): an edge of a keyword that is a letter
 * or digit of a script written with spaces (Latin, Cyrillic, Greek, Hangul…) must not touch
 * another such letter or digit in the text, so `ad` is not found in `bad` and `spf` is not
 * found in `SPF50` (list `spf50` too); removed white space or punctuation counts as a
 * boundary (`SPF 50`, `SPF-50` find `spf`). A Chinese or Japanese edge never needs one: those
 * scripts do not separate words (UAX #29), so `敏感肌` is found in `我是敏感肌。` and `spf`
 * in `油皮用SPF防晒`.
 *
 * Validate once, match many: compile when the list changes, not per message. The
 * automaton is flat typed arrays, at most 18 bytes per normalised unit plus 256 KB; a
 * list at the limit (200 000 keywords, 2 000 000 units) takes at most 36 MB and about a second.
 *
 * @param keywords - the list, 1–{@link MAX_KEYWORDS} entries of at most 256 characters, together at most {@link MAX_KEYWORD_UNITS} units after normalisation
 * @param options - `boundaries`: `"auto"` (default) or `"none"`
 * @param context - for a list inside another function's argument: errors name `context.fn`
 *   and `context.path` (then the keyword's index) instead of `compileKeywords` and `keywords`
 * @returns an opaque matcher for {@link findKeywords} and rule triggers
 * @throws {OpsError} `invalid_argument` for an empty list, a non-string entry, an entry that normalises to nothing (only emoji or punctuation), or a list whose distinct keywords total more than {@link MAX_KEYWORD_UNITS} units after normalisation
 *
 * @example
 * ```ts
 * import { compileKeywords, findKeywords } from "@ops/core";
 * const matcher = compileKeywords(["加微信", "free money"]);
 * findKeywords(matcher, "快来加 微✨信！FREE-Money").map((h) => h.text);
 * // => ["加 微✨信", "FREE-Money"]
 * ```
 */
export function compileKeywords(
  keywords: readonly string[],
  options: CompileKeywordsOptions = {},
  context: KeywordListContext = OWN,
): KeywordMatcher {
  if (
    context !== OWN &&
    !(
      typeof context === "object" &&
      context !== null &&
      typeof context.fn === "string" &&
      Array.isArray(context.path) &&
      context.path.every((s) => typeof s === "string" || typeof s === "number")
    )
  )
    throw new OpsError({
      code: "invalid_argument",
      fn: "compileKeywords",
      path: ["context"],
      rule: "must be { fn: string, path: (string | number)[] }",
      received: context,
    });
  const { fn, path } = context;
  const list = parseOrThrow(KeywordListSchema, keywords, { fn, path });
  const boundaries = boundariesOf(options);
  return compileKeywordList(list, boundaries, MAX_KEYWORD_UNITS, fn, path);
}

/**
 * The options checked by hand, as {@link CompileKeywordsOptionsSchema} would check them
 * (test/text.test.ts holds the two together): zod's object parser alone would weigh more
 * than the matcher in a bundle.
 */
function boundariesOf(options: unknown): KeywordBoundaries {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "compileKeywords",
      path: ["options"],
      rule: "must be an object",
      received: options,
    });
  }
  const boundaries = (options as { boundaries?: unknown }).boundaries;
  if (boundaries === undefined || boundaries === "auto" || boundaries === "none") return boundaries ?? "auto";
  throw new OpsError({
    code: "invalid_argument",
    fn: "compileKeywords",
    path: ["options", "boundaries"],
    rule: 'must be one of "auto", "none"',
    received: boundaries,
  });
}
