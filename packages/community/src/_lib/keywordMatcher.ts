import { compileKeywords, isOpsError, OpsError, type KeywordBoundaries, type KeywordMatcher } from "@ops/core";

/**
 * `compileKeywords` of \@ops/core for a list inside another function's argument: an error
 * names `fn` and the list's place (`path`, then the keyword's index) instead of
 * `compileKeywords(keywords[i])`.
 */
export function compileKeywordsAt(
  list: readonly string[],
  boundaries: KeywordBoundaries,
  fn: string,
  path: readonly (string | number)[],
): KeywordMatcher {
  try {
    return compileKeywords(list, { boundaries });
  } catch (error) {
    if (!isOpsError(error)) throw error;
    throw new OpsError({
      code: error.code,
      fn,
      // core's path starts with "keywords" (the list); what follows is the place inside it
      path: [...path, ...error.path.slice(1)],
      rule: error.rule,
      ...("received" in error && error.received !== undefined ? { received: error.received } : {}),
      cause: error,
    });
  }
}
