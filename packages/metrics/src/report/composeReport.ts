import { parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { ReportShapeSchema } from "./_lib/reportShape";
import { assertUniqueIds } from "./_lib/renderSection";
import type { Report } from "./Report";
import { type ReportSection, ReportSectionSchema } from "./ReportSection";

/** A KPI report with the sections of the packages that own the rest of the data, in order. */
export interface ComposedReport {
  readonly kpis: Report;
  readonly sections: readonly ReportSection[];
}

/** Schema of a section list: at most 100 sections. */
export const ReportSectionsSchema = /* @__PURE__ */ (() =>
  z.array(ReportSectionSchema).check(z.maxLength(100, { error: "must hold at most 100 sections" })))();

/**
 * Composes one report from the KPI report of {@link weeklyReport} / {@link monthlyReport}
 * and any number of sections — @ops/sla's `slaComplianceSection`, @ops/feedback's
 * `feedbackLoopSection`, @ops/community's `communityHealthSection`, or hand-made ones of
 * type {@link ReportSection}. Render it with {@link renderMarkdown}: the KPI tables, then
 * the sections in the order given. `renderMarkdown(composeReport(kpis, s))` equals
 * `renderMarkdown(kpis, { sections: s })`; the composed value is what a caller keeps,
 * passes on or serialises (it is plain JSON). Checked once here: a malformed section is
 * refused before anything is rendered.
 *
 * @param kpis - the KPI report (not mutated)
 * @param sections - sections in the order they are rendered (not mutated)
 * @returns `{ kpis, sections }`, fresh arrays
 * @throws {OpsError} `invalid_argument` for a malformed report or section (naming the field), or two sections with one id
 *
 * @example
 * ```ts
 * import { composeReport, renderMarkdown, weeklyReport } from "@ops/metrics";
 * const kpis = weeklyReport({ inbound: [] }, { timeZone: "Asia/Shanghai", at: Date.parse("2026-03-09T00:00:00+08:00") });
 * const note = {
 *   id: "note",
 *   title: { key: "note.title", en: "Notes", "zh-CN": "备注" },
 *   blocks: [{ kind: "figures" as const, items: [{ label: { key: "note.posts", en: "Posts planned", "zh-CN": "计划发布" }, value: { kind: "count" as const, value: 1200 } }] }],
 * };
 * const composed = composeReport(kpis, [note]);
 * renderMarkdown(composed, { locale: "zh-CN" }).split("\n").slice(-4);
 * // => ["## 备注", "", "- 计划发布：1,200", ""]
 * ```
 */
export function composeReport(kpis: Report, sections: readonly ReportSection[]): ComposedReport {
  const fn = "composeReport";
  parseOrThrow(ReportShapeSchema, kpis, { fn, path: ["kpis"] });
  parseOrThrow(ReportSectionsSchema, sections, { fn, path: ["sections"] });
  assertUniqueIds(sections, fn, ["sections"]);
  return { kpis, sections: [...sections] };
}
