import { assertInstant, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import { FeedbackStatusSchema, type FeedbackStatus } from "../item/feedbackStatus";
import { checkItems } from "./_lib/checkItems";

/** The states in which work is still owed, so that a passed `dueAt` makes an item overdue. */
const OPEN_WORK: readonly FeedbackStatus[] = [
  "new",
  "triaged",
  "routed",
  "in_progress",
  "waiting_customer",
  "waiting_internal",
];

/** Options of {@link overdueItems}. */
export interface OverdueItemsOptions {
  /**
   * The states that count; default every state before `resolved`. Leave out
   * `waiting_customer` to pause the clock while the user owes an answer, as Zendesk's
   * "pending" status pauses SLA targets.
   */
  readonly statuses?: readonly FeedbackStatus[];
}

/** Schema of {@link OverdueItemsOptions}. */
export const OverdueItemsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ statuses: z.optional(z.array(FeedbackStatusSchema)) }))();

/**
 * The items whose resolution deadline has passed while work is still owed: status before
 * `resolved` and `dueAt < now`. Most overdue first (earliest `dueAt`; ties by id).
 *
 * @param items - feedback items (not mutated)
 * @param now - the evaluation time (passed in: the library reads no clock)
 * @param options - `statuses` that count
 * @returns the overdue items, a new array
 * @throws {OpsError} `invalid_argument` for a bad item list, instant or option
 *
 * @example
 * ```ts
 * import { openFeedback, overdueItems, transition } from "@ops/feedback";
 * const { item } = openFeedback({ type: "open", id: "e1", itemId: "fb_1", at: 0, source: { kind: "dm", interactionId: null }, actor: null });
 * const r = transition(item, { type: "triage", id: "e2", itemId: "fb_1", at: 10, category: "quality", dueAt: 100 });
 * const triaged = r.ok ? r.value.item : item;
 * [overdueItems([triaged], 100).length, overdueItems([triaged], 101).length];
 * // => [0, 1]
 * ```
 */
export function overdueItems(
  items: readonly FeedbackItem[],
  now: Instant,
  options: OverdueItemsOptions = {},
): FeedbackItem[] {
  const fn = "overdueItems";
  checkItems(items, fn);
  assertInstant(now, fn, ["now"]);
  const statuses = new Set(
    parseOrThrow(OverdueItemsOptionsSchema, options, { fn, path: ["options"] }).statuses ?? OPEN_WORK,
  );
  return items
    .filter((item) => item.dueAt !== null && item.dueAt < now && statuses.has(item.status))
    .sort((a, b) => (a.dueAt as number) - (b.dueAt as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
