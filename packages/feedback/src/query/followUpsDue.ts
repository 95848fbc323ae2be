import { PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import type { FeedbackItem } from "../item/feedbackItem";
import { checkItems } from "./_lib/checkItems";

/**
 * The follow-ups ("how did it go?") due in a window: items in `follow_up` whose follow-up
 * date lies in `[start, end)` and has not been done, soonest first (ties by id). To
 * include follow-ups already late, start the window far back.
 *
 * @param items - feedback items (not mutated)
 * @param window - a half-open period `{ start, end }` (`@ops/core`' `Period`)
 * @returns the items, a new array
 * @throws {OpsError} `invalid_argument` for a bad item list or window
 *
 * @example
 * ```ts
 * import { followUpsDue, replay } from "@ops/feedback";
 * const base = { itemId: "fb_1" } as const;
 * const day = 86_400_000;
 * const item = replay([
 *   { ...base, type: "open", id: "e1", at: 0, source: { kind: "dm", interactionId: null }, actor: null },
 *   { ...base, type: "triage", id: "e2", at: 1, category: "quality" },
 *   { ...base, type: "route", id: "e3", at: 2, department: "qa" },
 *   { ...base, type: "start", id: "e4", at: 3, assignee: "agent_li" },
 *   { ...base, type: "resolve", id: "e5", at: 4, remedy: { kind: "exchange" } },
 *   { ...base, type: "report_back", id: "e6", at: 5, via: "dm" },
 *   { ...base, type: "schedule_follow_up", id: "e7", at: 6, dueAt: 7 * day },
 * ]);
 * [followUpsDue([item], { start: 0, end: 7 * day }).length, followUpsDue([item], { start: 7 * day, end: 8 * day }).length];
 * // => [0, 1]
 * ```
 */
export function followUpsDue(items: readonly FeedbackItem[], window: Period): FeedbackItem[] {
  const fn = "followUpsDue";
  checkItems(items, fn);
  const { start, end } = parseOrThrow(PeriodSchema, window, { fn, path: ["window"] });
  const due = (item: FeedbackItem) => item.followUp?.dueAt as number;
  return items
    .filter(
      (item) =>
        item.status === "follow_up" &&
        item.followUp !== null &&
        item.followUp.doneAt === null &&
        item.followUp.dueAt >= start &&
        item.followUp.dueAt < end,
    )
    .sort((a, b) => due(a) - due(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
