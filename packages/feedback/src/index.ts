/**
 * @ops/feedback — The feedback lifecycle: collection, remedy, reporting back and follow-up.
 *
 * @packageDocumentation
 */
export { openEventFromInteraction } from "./collect/openEventFromInteraction";
export type { OpenEventFromInteractionOptions } from "./collect/openEventFromInteraction";
export { slaDeadline } from "./deadline/slaDeadline";
export { FEEDBACK_EVENT_TYPES, FeedbackEventSchema } from "./event/feedbackEvent";
export type { FeedbackEvent, FeedbackEventInput, FeedbackEventOf, FeedbackEventType } from "./event/feedbackEvent";
export { replay } from "./event/replay";
export { replayLog } from "./event/replayLog";
export { FeedbackIdSchema, FeedbackItemSchema } from "./item/feedbackItem";
export type { FeedbackItem } from "./item/feedbackItem";
export { FeedbackSourceSchema } from "./item/feedbackSource";
export type { FeedbackSource } from "./item/feedbackSource";
export { FeedbackStatusSchema } from "./item/feedbackStatus";
export type { FeedbackStatus } from "./item/feedbackStatus";
export { RemedySchema } from "./item/remedy";
export type { Remedy } from "./item/remedy";
export type { FeedbackEffect, FeedbackTimer } from "./lifecycle/feedbackEffect";
export { allowedEvents, FEEDBACK_TRANSITIONS } from "./lifecycle/feedbackTransitions";
export type { FeedbackTransitionTable } from "./lifecycle/feedbackTransitions";
export { openFeedback } from "./lifecycle/openFeedback";
export { transition } from "./lifecycle/transition";
export type { TransitionError, TransitionErrorCode, TransitionOk, TransitionResult } from "./lifecycle/transition";
export { TransitionContextSchema } from "./lifecycle/transitionContext";
export type { DeadlineFn, ResolvedTransitionContext, TransitionContext } from "./lifecycle/transitionContext";
export { closingTheLoop } from "./query/closingTheLoop";
export type { ClosingTheLoop, ClosingTheLoopOptions } from "./query/closingTheLoop";
export { csatByCategory } from "./query/csatByCategory";
export type { CategoryCsat, CsatByCategoryOptions } from "./query/csatByCategory";
export { feedbackLoopSection } from "./query/feedbackLoopSection";
export type { FeedbackLoopSectionOptions } from "./query/feedbackLoopSection";
export { followUpsDue } from "./query/followUpsDue";
export { latentNeedsRanking } from "./query/latentNeedsRanking";
export type { LatentNeedRank, LatentNeedsRankingOptions, NeedTrend } from "./query/latentNeedsRanking";
export { overdueItems } from "./query/overdueItems";
export type { OverdueItemsOptions } from "./query/overdueItems";
export { resolvedNotReported } from "./query/resolvedNotReported";
export type { ResolvedNotReportedOptions } from "./query/resolvedNotReported";
export { compileRoutingRules } from "./routing/compileRoutingRules";
export type { RoutingRules } from "./routing/compileRoutingRules";
export { routeFeedback } from "./routing/routeFeedback";
export type { RoutingDecision, RoutingInput } from "./routing/routeFeedback";
export { RoutingRuleSchema } from "./routing/routingRule";
export type { RoutingRule } from "./routing/routingRule";
export { compileQuestionnaire } from "./survey/compileQuestionnaire";
export type { CompiledQuestionnaire } from "./survey/compileQuestionnaire";
export { QuestionOptionSchema, QuestionSchema } from "./survey/question";
export type { Question, QuestionInput, QuestionKind, QuestionOption } from "./survey/question";
export { QuestionnaireSchema } from "./survey/questionnaire";
export type { Questionnaire, QuestionnaireInput } from "./survey/questionnaire";
export { satisfactionByActivity } from "./survey/satisfactionByActivity";
export type {
  ActivityComparison,
  ActivitySatisfaction,
  ActivitySurvey,
  SatisfactionByActivity,
  SatisfactionByActivityOptions,
} from "./survey/satisfactionByActivity";
export { summarizeSurvey } from "./survey/summarizeSurvey";
export type {
  LikertMean,
  OptionShare,
  QuestionSummary,
  SummarizeSurveyOptions,
  SummaryHead,
  SurveySummary,
} from "./survey/summarizeSurvey";
export { SurveyResponseSchema } from "./survey/surveyResponse";
export type { AnswerValue, SurveyResponse } from "./survey/surveyResponse";
export { surveySection } from "./survey/surveySection";
export type { SurveySectionOptions } from "./survey/surveySection";
export { tagFreeTextAnswers } from "./survey/tagFreeTextAnswers";
export type {
  TaggedAnswer,
  TaggedFreeText,
  TagFreeTextAnswersOptions,
  TagShare,
} from "./survey/tagFreeTextAnswers";
export { MAX_SURVEY_RESPONSES, validateResponses } from "./survey/validateResponses";
export type {
  AcceptedResponse,
  AnswerIssue,
  AnswerRule,
  ResponseResult,
  ResponseValidation,
  ValidateResponsesOptions,
} from "./survey/validateResponses";
