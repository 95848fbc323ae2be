import * as z from "zod/mini";
import { OpsError } from "../error/OpsError";
import { asCompiled, keywordHits, type KeywordHit, type KeywordMatcher } from "./_lib/keywords";
import { normalizeAt, type NormalizedText } from "./_lib/normalize";
import { readOptions } from "../_lib/readOptions";

/** Options of {@link findKeywords}. */
export interface FindKeywordsOptions {
  /** Stop after this many hits (a positive integer); default: all. */
  readonly limit?: number;
}

/**
 * Schema of {@link FindKeywordsOptions}. `findKeywords` checks its options by hand, to the
 * same rules (test/text.test.ts holds the two together): zod's object parser would weigh
 * more than the matcher in a bundle.
 */
export const FindKeywordsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ limit: z.optional(z.int().check(z.positive({ error: "must be a positive integer" }))) }))();

/**
 * Finds every occurrence of the matcher's keywords in a text, overlapping ones included,
 * in one linear pass over the normalised text (see {@link compileKeywords} for the
 * normalisation and the word-boundary rule). Each hit says which keyword matched and on
 * what text, as the user wrote it.
 *
 * The text may be passed already normalised — a {@link NormalizedText} from
 * {@link normalizeText} with `strip: "separators"` — to scan one message with several
 * keyword lists while normalising it once.
 *
 * @param matcher - from {@link compileKeywords}
 * @param text - the raw text, or that text normalised by `normalizeText` (strip `"separators"`)
 * @param options - `limit` on the number of hits
 * @returns hits sorted by start, then end (indices into the raw text)
 * @throws {OpsError} `invalid_argument` for a matcher not made by `compileKeywords`, a text that is neither a string nor a `"separators"` normalised text, a bad limit, or options that are not an object (`null` included: omit them for the defaults)
 *
 * @example
 * ```ts
 * import { compileKeywords, findKeywords, normalizeText } from "@ops/core";
 * const m = compileKeywords(["ad", "广告"]);
 * findKeywords(m, "bad ad, 广😀告").map((h) => [h.keyword, h.start, h.end]);
 * // => [["ad", 4, 6], ["广告", 8, 12]]
 * findKeywords(compileKeywords(["spf"]), normalizeText("SPF50 or ＳＰＦ 30?")).map((h) => h.text);
 * // => ["ＳＰＦ"]
 * ```
 */
export function findKeywords(
  matcher: KeywordMatcher,
  text: string | NormalizedText,
  options: FindKeywordsOptions = {},
): KeywordHit[] {
  const m = asCompiled(matcher, "findKeywords", ["matcher"]);
  const normalized = typeof text === "string" ? null : asNormalized(text);
  const limit = readOptions(options, "findKeywords").limit ?? Number.POSITIVE_INFINITY;
  if (limit !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "findKeywords",
      path: ["options", "limit"],
      rule: "must be a positive integer",
      received: limit,
    });
  }
  return keywordHits(m, normalized ?? normalizeAt(text as string, 2), limit);
}

/** The text as a normalised text at the "separators" level, its parts consistent; else an OpsError. */
function asNormalized(value: unknown): NormalizedText {
  const t = value as Partial<NormalizedText> | null;
  const n = typeof t === "object" && t !== null && typeof t.text === "string" ? t.text.length : -1;
  if (
    n < 0 ||
    typeof t?.source !== "string" ||
    t.strip !== "separators" ||
    !(t.starts instanceof Int32Array && t.starts.length === n) ||
    !(t.ends instanceof Int32Array && t.ends.length === n) ||
    !(t.gapBefore instanceof Uint8Array && t.gapBefore.length === n)
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "findKeywords",
      path: ["text"],
      rule: 'must be a string or a text normalised by normalizeText with strip "separators"',
      received: value,
    });
  }
  return t as NormalizedText;
}
