/**
 * @ops/core — ids, instants and zones, the error model, shared schemas and seeded
 * randomness for the \@ops libraries.
 *
 * @packageDocumentation
 */
export { assertCompiled } from "./compiled/assertCompiled";
export { brandCompiled } from "./compiled/brandCompiled";
export type { CompiledBrand } from "./compiled/brandCompiled";
export { isCompiled } from "./compiled/isCompiled";
export { OpsError, OPS_ERROR_CODES, formatPath, isOpsError } from "./error/OpsError";
export type { ErrorPath, OpsErrorCode, OpsErrorInit } from "./error/OpsError";
export { createIdFactory, ID_ALPHABET, IdSchema } from "./id/createIdFactory";
export type {
  ActorId,
  CampaignId,
  ChannelId,
  FeedbackId,
  Id,
  IdFactoryOptions,
  InteractionId,
  ThreadId,
} from "./id/createIdFactory";
export { daysInMonth } from "./instant/daysInMonth";
export {
  assertInstant,
  formatInstant,
  InstantInputSchema,
  InstantSchema,
  MAX_INSTANT,
  parseInstant,
} from "./instant/Instant";
export type { Instant } from "./instant/Instant";
export { PeriodSchema } from "./period/Period";
export type { Period } from "./period/Period";
export { actorKey, ActorRefSchema, ChannelRefSchema, Platforms, PlatformSchema } from "./platform/Platform";
export type { ActorRef, ChannelRef, KnownPlatform, Platform } from "./platform/Platform";
export { createRandom } from "./random/createRandom";
export type { RandomSeed, RandomSource } from "./random/createRandom";
export type { ReadonlyDeep } from "./readonly/ReadonlyDeep";
export { err, failure, ok } from "./result/Result";
export type { Err, Failure, Ok, Result } from "./result/Result";
export { verification } from "./result/Verification";
export type { Verification } from "./result/Verification";
export { compileKeywords, KeywordListSchema, MAX_KEYWORD_UNITS, MAX_KEYWORDS } from "./text/compileKeywords";
export type {
  CompileKeywordsOptions,
  KeywordBoundaries,
  KeywordHit,
  KeywordListContext,
  KeywordMatcher,
} from "./text/compileKeywords";
export { findKeywords } from "./text/findKeywords";
export type { FindKeywordsOptions } from "./text/findKeywords";
export { normalizeText } from "./text/normalizeText";
export type { NormalizedText, NormalizeStrip, NormalizeTextOptions } from "./text/normalizeText";
export { parseOrThrow } from "./validate/parseOrThrow";
export type { ParseOrThrowOptions } from "./validate/parseOrThrow";
export { compileTimeZone } from "./zone/compileTimeZone";
export type { CompiledTimeZone } from "./zone/compileTimeZone";
export { formatLocalDateTime } from "./zone/formatLocalDateTime";
export type { FormatLocalDateTimeOptions } from "./zone/formatLocalDateTime";
export { fromLocalParts, LocalDateTimeSchema } from "./zone/fromLocalParts";
export type { Disambiguation, FromLocalPartsOptions, LocalDateTime } from "./zone/fromLocalParts";
export { fromWallClock } from "./zone/fromWallClock";
export type { FromWallClockOptions } from "./zone/fromWallClock";
export { localParts } from "./zone/localParts";
export type { LocalParts } from "./zone/localParts";
export { parseLocalDateTime } from "./zone/parseLocalDateTime";
export type { ParseLocalDateTimeOptions } from "./zone/parseLocalDateTime";
export { addLocalDays, startOfLocalDay, startOfLocalMonth, startOfLocalWeek } from "./zone/startOfLocal";
export type { StartOfLocalWeekOptions, WeekStartsOn } from "./zone/startOfLocal";
export { assertTimeZone, isValidTimeZone, TimeZoneSchema } from "./zone/timeZone";
export type { TimeZone } from "./zone/timeZone";
export { zoneOffset } from "./zone/zoneOffset";
