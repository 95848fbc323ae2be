// The survey section of the weekly report: satisfaction with the brand's community events from
// their surveys, built by @ops/feedback's surveySection (the week's event in detail, its free
// text tagged with @ops/interaction's need rules, every event to date compared with it), plus
// the figures the plain-text report prints.
import { compileQuestionnaire, summarizeSurvey, surveySection } from "@ops/feedback";
import { compileNeedRules } from "@ops/interaction";

/** Needs and topics looked for in the free-text answers (the rules the team uses for DMs and comments). */
export const SURVEY_NEED_RULES = [
  { tag: "sensitive_skin", any: ["敏感肌", "sensitive skin"] },
  { tag: "eco_packaging", any: ["环保", "包装"] },
  { tag: "sunscreen", any: ["防晒", "SPF"] },
  { tag: "price", any: ["价格", "便宜", "优惠"] },
  { tag: "schedule_or_replay", any: ["时间", "回放", "周末"] },
];

/**
 * Satisfaction per community event, read at `now`: the surveys of the events that started
 * before `now` with the responses submitted before `now`. Returns the computed figures and the
 * ReportSection (id "surveys").
 *
 * @param {{ surveys: { questionnaire: object, responses: object[] }[], community: { events: object[] } }} sample
 * @param {{ start: number, end: number }} period - the report's week
 * @param {number} now - when the report is read
 */
export function buildSurveySection(sample, period, now) {
  const events = new Map(sample.community.events.map((e) => [e.id, e]));
  const surveys = sample.surveys
    .filter((s) => (events.get(s.questionnaire.activityId)?.startsAt ?? Number.POSITIVE_INFINITY) < now)
    .map((s) => ({
      questionnaire: compileQuestionnaire(s.questionnaire),
      responses: s.responses.filter((r) => r.at < now),
    }));
  const thisWeek = surveys.filter((s) => {
    const e = events.get(s.questionnaire.questionnaire.activityId);
    return e.startsAt >= period.start && e.startsAt < period.end;
  });
  const focus = thisWeek[0]?.questionnaire.questionnaire.activityId ?? null;
  const week = thisWeek.map((s) => ({
    event: events.get(s.questionnaire.questionnaire.activityId),
    summary: summarizeSurvey(s.questionnaire, s.responses),
  }));
  return {
    // the text report prints the week's survey figures; the section compares every event
    figures: { week },
    section: surveySection(surveys, { focus, needRules: compileNeedRules(SURVEY_NEED_RULES) }),
  };
}
