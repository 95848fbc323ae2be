import { OpsError, PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import { csat, type Csat, type CsatOptions } from "@ops/metrics";
import { CsatOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import { checkItems } from "./_lib/checkItems";

/** Options of {@link csatByCategory}: `@ops/metrics`' CSAT options and a period. */
export interface CsatByCategoryOptions extends CsatOptions {
  /** Count only answers recorded in this half-open period; default all. */
  readonly period?: Period;
}

/** Schema of {@link CsatByCategoryOptions}. */
export const CsatByCategoryOptionsSchema = /* @__PURE__ */ (() =>
  z.safeExtend(CsatOptionsSchema, { period: z.optional(PeriodSchema) }))();

/** CSAT of one category; `category` is `null` for items never triaged. */
export interface CategoryCsat {
  readonly category: string | null;
  readonly csat: Csat;
}

/**
 * Customer satisfaction per feedback category, by `@ops/metrics`' {@link csat} definition:
 * the share of answers rating `satisfiedFrom` (4) or higher on a 1–`scale` (5) scale, with
 * its Wilson interval. One answer per item (the latest `record_csat`); erased items still
 * count, since erasure keeps the score. Categories are listed by name (code-point order),
 * the uncategorised last.
 *
 * @param items - feedback items (not mutated)
 * @param options - `scale`, `satisfiedFrom`, `confidence` (as `csat`) and `period` of the answers
 * @returns one entry per category that has answers
 * @throws {OpsError} `invalid_argument` for a bad item list or options; `conflict` for an answer given on another scale
 *
 * @example
 * ```ts
 * import { csatByCategory, replay } from "@ops/feedback";
 * const answered = (itemId: string, category: string, score: number) => replay([
 *   { itemId, type: "open", id: "e1", at: 0, source: { kind: "survey", interactionId: null }, actor: null },
 *   { itemId, type: "triage", id: "e2", at: 0, category },
 *   { itemId, type: "route", id: "e3", at: 0, department: "care" },
 *   { itemId, type: "start", id: "e4", at: 0, assignee: "agent_li" },
 *   { itemId, type: "resolve", id: "e5", at: 0, remedy: { kind: "explanation" } },
 *   { itemId, type: "report_back", id: "e6", at: 0, via: "dm" },
 *   { itemId, type: "record_csat", id: "e7", at: 1, score },
 * ]);
 * const rows = csatByCategory([answered("a", "quality", 5), answered("b", "quality", 2), answered("c", "delivery", 4)]);
 * rows.map((row) => [row.category, row.csat.value]);
 * // => [["delivery", 1], ["quality", 0.5]]
 * ```
 */
export function csatByCategory(items: readonly FeedbackItem[], options: CsatByCategoryOptions = {}): CategoryCsat[] {
  const fn = "csatByCategory";
  checkItems(items, fn);
  const { period, scale: givenScale } = parseOrThrow(CsatByCategoryOptionsSchema, options, { fn, path: ["options"] });
  const { period: _period, ...csatOptions } = options;
  const scale = givenScale ?? 5;
  const groups = new Map<string | null, number[]>();
  items.forEach((item, i) => {
    const answer = item.csat;
    if (answer === null || (period && (answer.at < period.start || answer.at >= period.end))) return;
    if (answer.scale !== scale) {
      throw new OpsError({
        code: "conflict",
        fn,
        path: ["items", i, "csat", "scale"],
        rule: `must match options.scale ${scale}; compute other scales separately`,
        received: answer.scale,
      });
    }
    const list = groups.get(item.category);
    if (list) list.push(answer.score);
    else groups.set(item.category, [answer.score]);
  });
  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((category) => ({ category, csat: csat(groups.get(category) ?? [], csatOptions) }));
}
