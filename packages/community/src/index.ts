/**
 * @ops/community — Group rules and strikes, community events, content cadence and fan care.
 *
 * @packageDocumentation
 */
export { bestPublishingHours } from "./content/bestPublishingHours";
export type { BestPublishingHours, BestPublishingHoursOptions, PublishingSlot } from "./content/bestPublishingHours";
export { checkCadence } from "./content/checkCadence";
export type { CadenceDeviation, CadenceReport, CadenceStreak, CadenceWeek } from "./content/checkCadence";
export { CONTENT_FORMS, ContentPlanSchema, PublishedItemSchema } from "./content/ContentPlan";
export type { ContentForm, ContentPlan, PublishedItem } from "./content/ContentPlan";
export { attendeeRetention } from "./event/attendeeRetention";
export type { AttendeeRetention, AttendeeRetentionOptions, CohortRetention } from "./event/attendeeRetention";
export {
  AttendanceSchema,
  CommunityEventSchema,
  EVENT_KINDS,
  MembershipSchema,
  RegistrationSchema,
} from "./event/CommunityEvent";
export type { Attendance, CommunityEvent, EventKind, Membership, Registration } from "./event/CommunityEvent";
export { eventCalendar } from "./event/eventCalendar";
export type { CalendarDay, EventCalendarOptions } from "./event/eventCalendar";
export { eventParticipation } from "./event/eventParticipation";
export type { EventParticipation, EventParticipationOptions } from "./event/eventParticipation";
export { EventSeriesSchema, expandEventSeries } from "./event/expandEventSeries";
export type { EventSeries } from "./event/expandEventSeries";
export { FanProfileSchema, PerkPlanSchema, scheduleFanPerks } from "./fan/scheduleFanPerks";
export type {
  FanProfile,
  PerkGrant,
  PerkPlan,
  PerkSchedule,
  PerkSkip,
  ScheduleFanPerksOptions,
} from "./fan/scheduleFanPerks";
export { communityHealthSection, CommunityHealthInputSchema } from "./report/communityHealthSection";
export type {
  CommunityHealthInput,
  CommunityHealthSectionOptions,
  EventHeld,
  ModerationOutcome,
} from "./report/communityHealthSection";
export { checkRegexSafety, MAX_PATTERN_LENGTH, UserPatternSchema } from "./rule/checkRegexSafety";
export type { RegexRefusal, SafePattern, UserPattern } from "./rule/checkRegexSafety";
export { compileRules } from "./rule/compileRules";
export type { CompiledRuleSet } from "./rule/compileRules";
export { detectAdvertising } from "./rule/detectAdvertising";
export type { AdvertisingDetectorKind, AdvertisingHit, DetectAdvertisingOptions } from "./rule/detectAdvertising";
export { evaluate } from "./rule/evaluate";
export type { Decision, Evaluation, RuleMatch } from "./rule/evaluate";
export {
  ActionSchema,
  EvaluationContextSchema,
  ModeratedMessageSchema,
  RecentMessageSchema,
  RuleSchema,
  StrikePolicySchema,
  TriggerSchema,
} from "./rule/Rule";
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
} from "./rule/Rule";
export { toModeratedMessage } from "./rule/toModeratedMessage";
export { appendStrikeEntry } from "./strike/appendStrikeEntry";
export { DEFAULT_LADDER, EscalationLadderSchema, escalationAt } from "./strike/escalationAt";
export type { Escalation, EscalationAtOptions, LadderStep } from "./strike/escalationAt";
export { issueStrike, IssueStrikeInputSchema } from "./strike/issueStrike";
export type { IssueStrikeInput } from "./strike/issueStrike";
export { StrikeLogEntrySchema, StrikeLogSchema, StrikeRevocationSchema, StrikeSchema } from "./strike/StrikeLog";
export type { Strike, StrikeLog, StrikeLogEntry, StrikeRecord, StrikeRevocation } from "./strike/StrikeLog";
export { strikeRecords } from "./strike/strikeRecords";
// the text module lives in @ops/core (one normalisation and one matcher for every package); re-exported here
export {
  compileKeywords,
  findKeywords,
  KeywordListSchema,
  MAX_KEYWORD_UNITS,
  MAX_KEYWORDS,
  normalizeText,
} from "@ops/core";
export type {
  CompileKeywordsOptions,
  FindKeywordsOptions,
  KeywordBoundaries,
  KeywordHit,
  KeywordMatcher,
  NormalizedText,
  NormalizeStrip,
  NormalizeTextOptions,
} from "@ops/core";
