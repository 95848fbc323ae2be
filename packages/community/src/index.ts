/**
 * @ops/community — Group rules and strikes, community events, content cadence and fan care.
 *
 * @packageDocumentation
 */
export { bestPublishingHours, BestPublishingHoursOptionsSchema } from "./content/bestPublishingHours";
export type { BestPublishingHours, BestPublishingHoursOptions, PublishingSlot } from "./content/bestPublishingHours";
export { checkCadence, CheckCadenceOptionsSchema } from "./content/checkCadence";
export type {
  CadenceDeviation,
  CadenceReport,
  CadenceStreak,
  CadenceWeek,
  CheckCadenceOptions,
} from "./content/checkCadence";
export { CONTENT_FORMS, ContentPlanSchema, PublishedItemSchema } from "./content/ContentPlan";
export type { ContentForm, ContentPlan, PublishedItem } from "./content/ContentPlan";
export { attendeeRetention, AttendeeRetentionOptionsSchema } from "./events/attendeeRetention";
export type { AttendeeRetention, AttendeeRetentionOptions, CohortRetention } from "./events/attendeeRetention";
export {
  AttendanceSchema,
  CommunityEventSchema,
  EVENT_KINDS,
  MembershipSchema,
  RegistrationSchema,
} from "./events/CommunityEvent";
export type { Attendance, CommunityEvent, EventKind, Membership, Registration } from "./events/CommunityEvent";
export { eventCalendar, EventCalendarOptionsSchema } from "./events/eventCalendar";
export type { CalendarDay, EventCalendarOptions } from "./events/eventCalendar";
export { eventParticipation, EventParticipationOptionsSchema } from "./events/eventParticipation";
export type { EventParticipation, EventParticipationOptions } from "./events/eventParticipation";
export { EventSeriesSchema, expandEventSeries, ExpandEventSeriesOptionsSchema } from "./events/expandEventSeries";
export type { EventSeries, ExpandEventSeriesOptions } from "./events/expandEventSeries";
export {
  FanProfileSchema,
  PerkPlanSchema,
  scheduleFanPerks,
  ScheduleFanPerksOptionsSchema,
} from "./fans/scheduleFanPerks";
export type {
  FanProfile,
  PerkGrant,
  PerkPlan,
  PerkSchedule,
  PerkSkip,
  ScheduleFanPerksOptions,
} from "./fans/scheduleFanPerks";
export { checkRegexSafety, MAX_PATTERN_LENGTH, UserPatternSchema } from "./rules/checkRegexSafety";
export type { RegexRefusal, SafePattern, UserPattern } from "./rules/checkRegexSafety";
export { compileRules } from "./rules/compileRules";
export type { CompiledRuleSet } from "./rules/compileRules";
export { AdvertisingOptionsSchema, detectAdvertising } from "./rules/detectAdvertising";
export type { AdvertisingDetectorKind, AdvertisingHit, AdvertisingOptions } from "./rules/detectAdvertising";
export { evaluate } from "./rules/evaluate";
export type { Decision, Evaluation, RuleMatch } from "./rules/evaluate";
export {
  ActionSchema,
  EvaluationContextSchema,
  ModeratedMessageSchema,
  RecentMessageSchema,
  RuleSchema,
  StrikePolicySchema,
  TriggerSchema,
} from "./rules/Rule";
export type {
  Action,
  ActionKind,
  EvaluationContext,
  ModeratedMessage,
  RecentMessage,
  Rule,
  StrikePolicy,
  Trigger,
  TriggerKind,
} from "./rules/Rule";
export { toModeratedMessage } from "./rules/toModeratedMessage";
export { appendStrikeEntry } from "./strikes/appendStrikeEntry";
export { DEFAULT_LADDER, EscalationLadderSchema, escalationAt } from "./strikes/escalationAt";
export type { Escalation, EscalationOptions, LadderStep } from "./strikes/escalationAt";
export { issueStrike, IssueStrikeInputSchema } from "./strikes/issueStrike";
export type { IssueStrikeInput } from "./strikes/issueStrike";
export { StrikeLogEntrySchema, StrikeLogSchema, StrikeRevocationSchema, StrikeSchema } from "./strikes/StrikeLog";
export type { Strike, StrikeLog, StrikeLogEntry, StrikeRecord, StrikeRevocation } from "./strikes/StrikeLog";
export { strikeRecords } from "./strikes/strikeRecords";
export { compileKeywords, CompileKeywordsOptionsSchema, KeywordListSchema } from "./text/compileKeywords";
export type { CompileKeywordsOptions, KeywordBoundaries, KeywordHit, KeywordMatcher } from "./text/compileKeywords";
export { findKeywords } from "./text/findKeywords";
export type { FindKeywordsOptions } from "./text/findKeywords";
export { normalizeText, NormalizeTextOptionsSchema } from "./text/normalizeText";
export type { NormalizedText, NormalizeStrip, NormalizeTextOptions } from "./text/normalizeText";
