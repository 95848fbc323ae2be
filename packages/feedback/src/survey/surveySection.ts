import { assertCompiled, OpsError, parseOrThrow } from "@ops/core";
import type { CompiledNeedRules } from "@ops/interaction";
import type { ReportSection, SectionBlock, SectionCell, SectionLabel } from "@ops/metrics";
import * as z from "zod/mini";
import { checkSurveys } from "./_lib/checkSurveys";
import { satisfactionOfChecked } from "./_lib/satisfactionOfChecked";
import { summarizeValidation } from "./_lib/summarizeValidation";
import { tagAcceptedAnswers } from "./_lib/tagAcceptedAnswers";
import type { ActivitySurvey } from "./satisfactionByActivity";
import { DEFAULT_CONFIDENCE, DEFAULT_MIN_RESPONSES } from "./_lib/surveyDefaults";

/** Options of {@link surveySection}. */
export interface SurveySectionOptions {
  /**
   * The activity shown in detail and compared with every other one (the report period's
   * event); default the last survey of the list. `null`: no detail, no comparison.
   */
  readonly focus?: string | null;
  /** Tags the focus survey's free-text answers (`compileNeedRules` of `@ops/interaction`); a table of tags when given. */
  readonly needRules?: CompiledNeedRules;
  /** Activities with fewer answers are flagged as a small sample; default 30. */
  readonly minResponses?: number;
  /** Which of a respondent's responses counts; default `"last"`. */
  readonly keep?: "last" | "first";
  /** Confidence of the intervals; default 0.95. */
  readonly confidence?: number;
}

/** Schema of {@link SurveySectionOptions}. */
export const SurveySectionOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    focus: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(256)))),
    needRules: z.optional(z.unknown()),
    minResponses: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))),
    keep: z.optional(z.enum(["last", "first"])),
    confidence: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
  }))();

const L = (key: string, en: string, zh: string): SectionLabel => ({ key: `surveys.${key}`, en, "zh-CN": zh });
/** A label in the survey's own words (a question's or questionnaire's text), the same in every locale. */
const own = (key: string, text: string): SectionLabel => ({ key: `surveys.${key}`, en: text, "zh-CN": text });
const count = (value: number | null): SectionCell => ({ kind: "count", value });
const rate = (value: number | null): SectionCell => ({ kind: "rate", value });
const text = (value: string): SectionCell => ({ kind: "text", value });
const pValueText = (p: number | null): string => (p === null ? "—" : p < 0.001 ? "< 0.001" : p.toFixed(3));
/** NPS to the nearest point, as it is reported (−100…100). */
const npsPoints = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v);

/**
 * The survey section of a report (for `@ops/metrics`' `composeReport` / `renderMarkdown`):
 * one activity's survey in detail — responses received, counted and left out (and why), then
 * each question in the questionnaire's own words: CSAT share, NPS, a Likert question's
 * top-two box and mean, a choice question's most chosen option, and the needs found in the
 * free-text answers — followed by every activity's satisfaction with its interval and NPS,
 * and the focus activity compared with each other one (difference in percentage points and a
 * two-sided p-value, {@link satisfactionByActivity}). Labels in English and Simplified
 * Chinese, keys `surveys.*` (a question's label is its text: key `surveys.q.<questionId>`).
 *
 * The surveys are taken as known when the report is read: filter responses submitted after
 * that moment out before calling (the library reads no clock).
 *
 * @param surveys - one survey per activity, as for `satisfactionByActivity`, in report order
 * @param options - `focus` (default the last survey), `needRules`, `minResponses` (30), `keep` (`"last"`), `confidence` (0.95)
 * @returns a `ReportSection` with id `"surveys"`
 * @throws {OpsError} `invalid_argument` for bad surveys or options; `not_found` for a `focus`
 *   that is not one of the surveys' activities; as `satisfactionByActivity` and `validateResponses`
 *
 * @example
 * ```ts
 * import { compileQuestionnaire, surveySection } from "@ops/feedback";
 * import { renderMarkdown, weeklyReport } from "@ops/metrics";
 * const survey = (activityId: string, scores: number[]) => ({
 *   questionnaire: compileQuestionnaire({ id: `s_${activityId}`, version: 1, activityId, title: `Talk ${activityId}`,
 *     questions: [{ id: "sat", kind: "csat", text: "Satisfied with the talk?" }] }),
 *   responses: scores.map((sat, i) => ({ id: `r${i}`, questionnaireId: `s_${activityId}`, version: 1,
 *     respondent: `m${i}`, at: i, answers: { sat } })),
 * });
 * // the focus is the last survey (w2); scipy.stats.fisher_exact([[3, 1], [1, 3]]) gives p = 0.486
 * const section = surveySection([survey("w1", [5, 3, 2, 2]), survey("w2", [5, 5, 4, 3])]);
 * const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: Date.parse("2026-03-09T09:00:00+08:00") });
 * renderMarkdown(kpis, { sections: [section] }).split("\n").filter((l) => l.startsWith("- ") || l.startsWith("| Talk"));
 * // => ["- Responses received: 4", "- Counted (valid, one per person): 4", "- Left out: incomplete or invalid: 0", "- Left out: replaced by the same person's later answer: 0", "- Satisfied with the talk?: 75.0%", "| Talk w1 * | 4 | 25.0% | 4.6% | 69.9% | — | +50.0 | 0.486 |", "| Talk w2 * | 4 | 75.0% | 30.1% | 95.4% | — | — | — |"]
 * ```
 */
export function surveySection(surveys: readonly ActivitySurvey[], options: SurveySectionOptions = {}): ReportSection {
  const fn = "surveySection";
  const opts = parseOrThrow(SurveySectionOptionsSchema, options, { fn, path: ["options"] });
  const confidence = opts.confidence ?? DEFAULT_CONFIDENCE;
  if (!Array.isArray(surveys))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["surveys"],
      rule: "must be an array of { questionnaire, responses }",
      received: surveys,
    });
  // each entry an object before any is read (a hole or null is named, not a TypeError)
  for (let i = 0; i < surveys.length; i++) {
    const s: unknown = surveys[i];
    if (s === null || typeof s !== "object")
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["surveys", i],
        rule: "must be a survey { questionnaire, responses }",
        received: s,
      });
  }
  const activityOf = (s: ActivitySurvey): string => s.questionnaire?.questionnaire?.activityId;
  const focus =
    opts.focus === undefined
      ? surveys.length === 0
        ? null
        : activityOf(surveys.at(-1) as ActivitySurvey)
      : opts.focus;
  // the surveys are checked (shape, distinct activities) and their responses validated once,
  // as satisfactionByActivity does (its errors name it), before anything is read; the focus
  // survey's summary and tags reuse its validation
  const checked = checkSurveys(surveys, opts.keep, "satisfactionByActivity");
  const byActivity = satisfactionOfChecked(
    checked,
    { baseline: focus ?? undefined, minResponses: opts.minResponses ?? DEFAULT_MIN_RESPONSES, confidence },
    "satisfactionByActivity",
  );
  const titleOf = new Map(
    surveys.map((s) => [activityOf(s), s.questionnaire.questionnaire.title ?? activityOf(s)] as const),
  );
  const blocks: SectionBlock[] = [];
  const focused = focus === null ? undefined : checked.find((s) => s.questionnaire.questionnaire.activityId === focus);
  if (focused !== undefined) {
    const summary = summarizeValidation(focused.questionnaire, focused.validation, confidence);
    blocks.push({
      kind: "paragraph",
      text: own(`activity.${focus}`, titleOf.get(focus as string) as string),
    });
    const items: { label: SectionLabel; value: SectionCell }[] = [
      { label: L("received", "Responses received", "收到的答卷"), value: count(summary.counts.received) },
      {
        label: L("counted", "Counted (valid, one per person)", "计入（有效，每人一份）"),
        value: count(summary.counts.valid),
      },
      {
        label: L("invalid", "Left out: incomplete or invalid", "未计入：不完整或无效"),
        value: count(summary.counts.invalid),
      },
      {
        label: L("duplicate", "Left out: replaced by the same person's later answer", "未计入：被本人后来的答卷取代"),
        value: count(summary.counts.duplicate),
      },
    ];
    for (const q of summary.questions) {
      const label = own(`q.${q.questionId}`, q.text);
      if (q.kind === "csat") items.push({ label, value: rate(q.csat.value) });
      else if (q.kind === "nps") items.push({ label, value: count(npsPoints(q.nps.value)) });
      else if (q.kind === "likert") items.push({ label, value: rate(q.topTwoBox.share) });
      else if (q.kind === "single_choice" || q.kind === "multiple_choice") {
        const top = q.options.reduce<(typeof q.options)[number] | undefined>(
          (best, o) => (best === undefined || o.count > best.count ? o : best),
          undefined,
        );
        items.push({ label, value: text(top === undefined || top.count === 0 ? "—" : `${top.label} (${top.count})`) });
      } else items.push({ label, value: count(q.answered) });
    }
    blocks.push({ kind: "figures", items });
    if (opts.needRules !== undefined) {
      // checked as tagFreeTextAnswers checks its rules (the same error)
      assertCompiled(opts.needRules, "interaction.needRules", "compileNeedRules", "tagFreeTextAnswers", ["rules"]);
      const tagged = tagAcceptedAnswers(
        opts.needRules as CompiledNeedRules,
        focused.questionnaire,
        focused.validation.accepted,
        confidence,
      );
      if (tagged.tags.length > 0)
        blocks.push({
          kind: "table",
          columns: [
            { label: L("tag", "Need or topic in the free-text answers", "自由回答中的需求或话题") },
            { label: L("tagCount", "Answers", "条数") },
            { label: L("tagShare", "Share of the answers", "占回答比例") },
          ],
          rows: tagged.tags.map((t) => [{ kind: "code", value: t.tag }, count(t.count), rate(t.share)]),
        });
    }
  }
  if (byActivity.activities.length > 0) {
    const comparison = new Map(byActivity.comparisons.map((c) => [c.activityId, c]));
    const pct = Math.round((opts.confidence ?? DEFAULT_CONFIDENCE) * 1000) / 10;
    blocks.push({
      kind: "paragraph",
      text: L(
        "perActivity",
        `Satisfaction per activity (CSAT, or the top two points of the satisfaction question) with its ${pct} % Wilson interval; * marks fewer than ${opts.minResponses ?? DEFAULT_MIN_RESPONSES} answers (read as indicative).${focus === null ? "" : " Difference: the focus activity's share minus each other one's, in percentage points, with a two-sided p-value (Fisher's exact test or the two-proportion z-test)."}`,
        `各活动满意度（CSAT，或满意度题的最高两档）及其 ${pct}% Wilson 区间；* 表示少于 ${opts.minResponses ?? DEFAULT_MIN_RESPONSES} 份答卷（仅供参考）。${focus === null ? "" : "差值：重点活动的比例减去其他各活动的比例（百分点），附双侧 p 值（Fisher 精确检验或两比例 z 检验）。"}`,
      ),
    });
    blocks.push({
      kind: "table",
      columns: [
        { label: L("activity", "Activity", "活动") },
        { label: L("answers", "Answers", "答卷") },
        { label: L("share", "Satisfied", "满意") },
        { label: L("lower", "Interval from", "区间下限") },
        { label: L("upper", "Interval to", "区间上限") },
        { label: L("nps", "NPS", "NPS") },
        ...(focus === null
          ? []
          : [
              { label: L("difference", "Focus minus it (pp)", "重点活动减该活动（百分点）") },
              { label: L("pValue", "p-value", "p 值") },
            ]),
      ],
      rows: byActivity.activities.map((a) => {
        const c = comparison.get(a.activityId);
        const d = c?.difference.estimate;
        const row: SectionCell[] = [
          text(`${titleOf.get(a.activityId) ?? a.activityId}${a.smallSample ? " *" : ""}`),
          count(a.answered),
          rate(a.share),
          rate(a.answered === 0 ? null : a.interval.lower),
          rate(a.answered === 0 ? null : a.interval.upper),
          count(npsPoints(a.nps?.value)),
        ];
        if (focus === null) return row;
        return [
          ...row,
          text(
            a.activityId === focus
              ? "—"
              : d === null || d === undefined
                ? "—"
                : // the comparison is each activity minus the baseline: the focus minus it is its negation
                  `${-d > 0 ? "+" : -d < 0 ? "−" : ""}${Math.abs(Math.round(d * 1000) / 10).toFixed(1)}`,
          ),
          text(c ? pValueText(c.pValue) : "—"),
        ];
      }),
    });
  }
  return { id: "surveys", title: L("title", "Surveys", "问卷调查"), blocks };
}
