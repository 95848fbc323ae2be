import { PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import { checkItems } from "./_lib/checkItems";
import { foldLabel } from "../_lib/keywords";

/** Options of {@link latentNeedsRanking}. */
export interface LatentNeedsRankingOptions {
  /** The period compared with; default the period of equal length just before `period`. */
  readonly previous?: Period;
}

/** Schema of {@link LatentNeedsRankingOptions}. */
export const LatentNeedsRankingOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ previous: z.optional(PeriodSchema) }))();

/** Which way a need moved between the two periods. */
export type NeedTrend = "new" | "up" | "flat" | "down" | "gone";

/** One latent need with its counts in the two periods. */
export interface LatentNeedRank {
  /** The need, folded (NFKC, lower case) so that "Sensitive skin" and "sensitive skin" are one. */
  readonly need: string;
  /** Items opened in `period` that express the need. */
  readonly count: number;
  /** Items opened in the previous period that express it. */
  readonly previousCount: number;
  /** `count − previousCount`. */
  readonly change: number;
  /** `(count − previousCount) ÷ previousCount`, or `null` when `previousCount` is 0. */
  readonly growth: number | null;
  readonly trend: NeedTrend;
}

/**
 * Latent needs for product teams (what users ask for that the brand does not offer yet,
 * e.g. "cleanser for sensitive skin"), ranked by how many feedback items opened in
 * `period` express each, with the trend against the previous period.
 *
 * Each item counts once per need (needs are folded with NFKC + lower case); items are
 * placed by `openedAt` in half-open periods. Order: `count` descending, then `change`
 * descending, then the need (code-point order). Needs seen only in the previous period
 * are listed last with `count: 0` and trend `gone`. growth = (count − previous) ÷ previous,
 * the period-over-period change (`null` when the previous count is 0: trend `new`).
 *
 * @param items - feedback items (not mutated); erased items still count
 * @param period - the half-open period to rank
 * @param options - `previous` period (default: the same length just before)
 * @returns the ranking, a new array
 * @throws {OpsError} `invalid_argument` for a bad item list or period
 *
 * @example
 * ```ts
 * import { latentNeedsRanking, replay } from "@ops/feedback";
 * const day = 86_400_000;
 * const asked = (itemId: string, at: number, latentNeeds: string[]) => replay([
 *   { itemId, type: "open", id: "e1", at, source: { kind: "dm", interactionId: null }, actor: null },
 *   { itemId, type: "triage", id: "e2", at, category: "product", latentNeeds },
 * ]);
 * const items = [asked("a", 1, ["敏感肌洁面"]), asked("b", day + 1, ["敏感肌洁面", "refill pack"]), asked("c", day + 2, ["Refill pack"])];
 * latentNeedsRanking(items, { start: day, end: 2 * day }).map((n) => [n.need, n.count, n.trend]);
 * // => [["refill pack", 2, "new"], ["敏感肌洁面", 1, "flat"]]
 * ```
 */
export function latentNeedsRanking(
  items: readonly FeedbackItem[],
  period: Period,
  options: LatentNeedsRankingOptions = {},
): LatentNeedRank[] {
  const fn = "latentNeedsRanking";
  checkItems(items, fn);
  const current = parseOrThrow(PeriodSchema, period, { fn, path: ["period"] });
  const length = current.end - current.start;
  const previous = parseOrThrow(LatentNeedsRankingOptionsSchema, options, { fn, path: ["options"] }).previous ?? {
    start: current.start - length,
    end: current.start,
  };
  const inPeriod = new Map<string, number>();
  const before = new Map<string, number>();
  const folded = new Map<string, string>(); // normalisation is slow; a desk has few distinct needs
  const fold = (need: string): string => {
    let f = folded.get(need);
    if (f === undefined) {
      // a need that folds to nothing (only emoji) keeps its own spelling rather than joining ""
      f = foldLabel(need) || need.trim();
      folded.set(need, f);
    }
    return f;
  };
  for (const item of items) {
    const at = item.openedAt;
    const counts =
      at >= current.start && at < current.end ? inPeriod : at >= previous.start && at < previous.end ? before : null;
    if (counts === null || item.latentNeeds.length === 0) continue;
    for (const need of new Set(item.latentNeeds.map(fold))) counts.set(need, (counts.get(need) ?? 0) + 1);
  }
  const needs = new Set([...inPeriod.keys(), ...before.keys()]);
  const rows: LatentNeedRank[] = [...needs].map((need) => {
    const count = inPeriod.get(need) ?? 0;
    const previousCount = before.get(need) ?? 0;
    const change = count - previousCount;
    const trend: NeedTrend =
      previousCount === 0 ? "new" : count === 0 ? "gone" : change > 0 ? "up" : change < 0 ? "down" : "flat";
    return { need, count, previousCount, change, growth: previousCount === 0 ? null : change / previousCount, trend };
  });
  return rows.sort(
    (a, b) => b.count - a.count || b.change - a.change || (a.need < b.need ? -1 : a.need > b.need ? 1 : 0),
  );
}
