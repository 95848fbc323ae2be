/**
 * \@ops/sla/schemas — the zod schemas of every options object of \@ops/sla, for callers that
 * validate options (from a config file, a form) before they call. The functions check their
 * options themselves; the root entry keeps the data schemas users validate input with.
 *
 * @module schemas
 */
export { CompileCalendarOptionsSchema } from "./calendar/compileCalendar";
export { ToSlaTimelineOptionsSchema } from "./clock/toSlaTimeline";
export { PublicReplyRateOptionsSchema } from "./report/publicReplyRate";
export { SlaComplianceReportOptionsSchema } from "./report/slaComplianceReport";
