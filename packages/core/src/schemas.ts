/**
 * \@ops/core/schemas — the zod schemas of every options object of \@ops/core, for callers that
 * validate options (from a config file, a form) before they call. The functions check their
 * options themselves; the root entry keeps the data schemas users validate input with.
 *
 * @module schemas
 */
export { CompileKeywordsOptionsSchema } from "./text/compileKeywords";
export { FindKeywordsOptionsSchema } from "./text/findKeywords";
export { NormalizeTextOptionsSchema } from "./text/normalizeText";
