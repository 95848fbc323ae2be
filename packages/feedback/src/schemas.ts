/**
 * \@ops/feedback/schemas — the zod schemas of every options object of \@ops/feedback, for callers that
 * validate options (from a config file, a form) before they call. The functions check their
 * options themselves; the root entry keeps the data schemas users validate input with.
 *
 * @module schemas
 */
export { ClosingTheLoopOptionsSchema } from "./query/closingTheLoop";
export { CsatByCategoryOptionsSchema } from "./query/csatByCategory";
export { FeedbackLoopSectionOptionsSchema } from "./query/feedbackLoopSection";
export { LatentNeedsRankingOptionsSchema } from "./query/latentNeedsRanking";
export { OverdueItemsOptionsSchema } from "./query/overdueItems";
export { ResolvedNotReportedOptionsSchema } from "./query/resolvedNotReported";
export { SatisfactionByActivityOptionsSchema } from "./survey/satisfactionByActivity";
export { SummarizeSurveyOptionsSchema } from "./survey/summarizeSurvey";
export { SurveySectionOptionsSchema } from "./survey/surveySection";
export { TagFreeTextAnswersOptionsSchema } from "./survey/tagFreeTextAnswers";
export { ValidateResponsesOptionsSchema } from "./survey/validateResponses";
