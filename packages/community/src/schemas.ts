/**
 * \@ops/community/schemas — the zod schemas of every options object of \@ops/community, for callers that
 * validate options (from a config file, a form) before they call. The functions check their
 * options themselves; the root entry keeps the data schemas users validate input with.
 *
 * @module schemas
 */
export { BestPublishingHoursOptionsSchema } from "./content/bestPublishingHours";
export { AttendeeRetentionOptionsSchema } from "./event/attendeeRetention";
export { EventCalendarOptionsSchema } from "./event/eventCalendar";
export { EventParticipationOptionsSchema } from "./event/eventParticipation";
export { ScheduleFanPerksOptionsSchema } from "./fan/scheduleFanPerks";
export { CommunityHealthSectionOptionsSchema } from "./report/communityHealthSection";
export { DetectAdvertisingOptionsSchema } from "./rule/detectAdvertising";
export { EscalationAtOptionsSchema } from "./strike/escalationAt";
export { CompileKeywordsOptionsSchema, NormalizeTextOptionsSchema } from "@ops/core/schemas";
