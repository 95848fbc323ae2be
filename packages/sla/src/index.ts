/**
 * @ops/sla — Business calendars, SLA policies and clocks, platform reply windows and breach prediction.
 *
 * @packageDocumentation
 */
export { addBusinessTime } from "./calendar/addBusinessTime";
export { alwaysOpen } from "./calendar/alwaysOpen";
export { businessTimeBetween } from "./calendar/businessTimeBetween";
export {
  CalendarSpecSchema,
  DateOverrideSchema,
  DayHoursSchema,
  HolidaySchema,
  HoursRangeSchema,
  LocalDateSchema,
  TimeOfDaySchema,
  WEEKDAYS,
  WeeklyHoursSchema,
  WorkdaySchema,
} from "./calendar/calendarSpec";
export type {
  CalendarSpec,
  DateOverride,
  Holiday,
  HoursRange,
  Weekday,
  WeeklyHours,
  Workday,
} from "./calendar/calendarSpec";
export { compileCalendar, MAX_CALENDAR_HORIZON_MS } from "./calendar/compileCalendar";
export type { BusinessCalendar, CompileCalendarOptions } from "./calendar/compileCalendar";
export { isOpen } from "./calendar/isOpen";
export { nextOpen } from "./calendar/nextOpen";
export { openIntervals } from "./calendar/openIntervals";
export { computeSlaClocks } from "./clock/computeSlaClocks";
export type { ComputeSlaClocksOptions, SlaClocks } from "./clock/computeSlaClocks";
export type { PausedInterval, SlaCycle, SlaCycleStatus, SlaItemStatus } from "./clock/slaCycle";
export { SlaEventSchema, SlaTimelineSchema } from "./clock/slaEvent";
export type { SlaEvent } from "./clock/slaEvent";
export { toSlaTimeline } from "./clock/toSlaTimeline";
export type { ToSlaTimelineOptions } from "./clock/toSlaTimeline";
export { whatIf } from "./clock/whatIf";
export type { CycleOutcome, WhatIfChange, WhatIfOptions, WhatIfPolicies, WhatIfResult } from "./clock/whatIf";
export { CN_PUBLIC_HOLIDAYS } from "./data/cnPublicHolidays";
export type { StatutoryDays } from "./data/cnPublicHolidays";
export { BacklogItemSchema, CapacityPlanSchema, predictBreaches } from "./forecast/predictBreaches";
export type {
  BacklogItem,
  BreachForecast,
  BreachPrediction,
  CapacityPlan,
  StaffingInterval,
} from "./forecast/predictBreaches";
export { staffingFromCalendar } from "./forecast/staffingFromCalendar";
export type { StaffingFromCalendarOptions } from "./forecast/staffingFromCalendar";
export { compileSlaPolicies } from "./policy/compileSlaPolicies";
export type { SlaPolicySet } from "./policy/compileSlaPolicies";
export type { SlaPolicyHistory } from "./policy/policyHistory";
export { selectSlaPolicy } from "./policy/selectSlaPolicy";
export { DEFAULT_PAUSE_STATUSES, PauseStatusesSchema, SLA_METRICS, SlaMetricSchema } from "./policy/slaMetric";
export type { SlaMetric } from "./policy/slaMetric";
export {
  BusinessCalendarSchema,
  SlaPolicyMatchSchema,
  SlaPolicySchema,
  SlaSubjectSchema,
  SlaTargetSchema,
} from "./policy/slaPolicy";
export type { SlaPolicy, SlaPolicyMatch, SlaSubject, SlaTarget } from "./policy/slaPolicy";
export { replyDeadline, ReplyDeadlineAllowanceSchema } from "./replyWindow/replyDeadline";
export type {
  ReplyDeadline,
  ReplyDeadlineBinding,
  ReplyDeadlineWarning,
  ReplyDeadlineWarningCode,
} from "./replyWindow/replyDeadline";
export { isThanksOnly } from "./report/isThanksOnly";
export { publicReplyRate } from "./report/publicReplyRate";
export type { PublicReplyRate, PublicReplyRateOptions } from "./report/publicReplyRate";
export { slaComplianceReport } from "./report/slaComplianceReport";
export type {
  ComplianceGroup,
  ComplianceItem,
  ReplyTimeQuantiles,
  SlaComplianceReport,
  SlaComplianceReportOptions,
} from "./report/slaComplianceReport";
export { slaComplianceSection } from "./report/slaComplianceSection";
