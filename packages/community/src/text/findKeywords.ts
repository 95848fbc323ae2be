import { readOptions } from "../_lib/readOptions";
import { OpsError } from "@ops/core";
import { asCompiled, keywordHits } from "../_lib/keywords";
import { normalizeAt } from "../_lib/normalize";
import type { KeywordHit, KeywordMatcher } from "./compileKeywords";

/** Options of {@link findKeywords}. */
export interface FindKeywordsOptions {
  /** Stop after this many hits (a positive integer); default: all. */
  readonly limit?: number;
}

/**
 * Finds every occurrence of the matcher's keywords in a message, overlapping ones included,
 * in one linear pass over the normalised text (see {@link compileKeywords}). Each hit says
 * which keyword matched and on what text, as the user wrote it.
 *
 * @param matcher - from {@link compileKeywords}
 * @param text - the raw message text
 * @param options - `limit` on the number of hits
 * @returns hits sorted by start, then end
 * @throws {OpsError} `invalid_argument` for a matcher not made by `compileKeywords`, a non-string text a bad limit, or options that are not an object (`null` included: omit them for the defaults)
 *
 * @example
 * ```ts
 * import { compileKeywords, findKeywords } from "@ops/community";
 * const m = compileKeywords(["ad", "广告"]);
 * findKeywords(m, "bad ad, 广😀告").map((h) => [h.keyword, h.start, h.end]);
 * // => [["ad", 4, 6], ["广告", 8, 12]]
 * ```
 */
export function findKeywords(matcher: KeywordMatcher, text: string, options: FindKeywordsOptions = {}): KeywordHit[] {
  const m = asCompiled(matcher, "findKeywords", ["matcher"]);
  if (typeof text !== "string") {
    throw new OpsError({
      code: "invalid_argument",
      fn: "findKeywords",
      path: ["text"],
      rule: "must be a string",
      received: text,
    });
  }
  const limit = readOptions(options, "findKeywords").limit ?? Number.POSITIVE_INFINITY;
  if (limit !== Number.POSITIVE_INFINITY && (!Number.isInteger(limit) || limit < 1)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "findKeywords",
      path: ["options", "limit"],
      rule: "must be a positive integer",
      received: limit,
    });
  }
  return keywordHits(m, normalizeAt(text, 2), limit);
}
