import { assertInstant, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import type { FeedbackItem } from "../item/feedbackItem";
import { checkItems } from "./_lib/checkItems";

/** Options of {@link resolvedNotReported}. */
export interface ResolvedNotReportedOptions {
  /** Only items resolved at least this many milliseconds before `now`; default 0 (all). */
  readonly olderThanMs?: number;
}

/** Schema of {@link ResolvedNotReportedOptions}. */
export const ResolvedNotReportedOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    olderThanMs: z.optional(
      z.int({ error: "must be a whole number of milliseconds" }).check(z.nonnegative({ error: "must be ≥ 0" })),
    ),
  }))();

/**
 * The loops still open: items `resolved` but not yet reported back to the user, longest
 * waiting first (earliest `resolvedAt`; ties by id). Closing the loop — telling the user
 * what was done and thanking them — is a required step, so this is a work queue.
 *
 * @param items - feedback items (not mutated)
 * @param now - the evaluation time (passed in: the library reads no clock)
 * @param options - `olderThanMs`: leave out items resolved more recently than this
 * @returns the items, a new array
 * @throws {OpsError} `invalid_argument` for a bad item list, instant or option
 *
 * @example
 * ```ts
 * import { replay, resolvedNotReported } from "@ops/feedback";
 * const base = { itemId: "fb_1", by: "agent_li" } as const;
 * const item = replay([
 *   { ...base, type: "open", id: "e1", at: 0, source: { kind: "dm", interactionId: null }, actor: null },
 *   { ...base, type: "triage", id: "e2", at: 1, category: "quality" },
 *   { ...base, type: "route", id: "e3", at: 2, department: "qa" },
 *   { ...base, type: "start", id: "e4", at: 3, assignee: "agent_li" },
 *   { ...base, type: "resolve", id: "e5", at: 4, remedy: { kind: "exchange" } },
 * ]);
 * [resolvedNotReported([item], 10).length, resolvedNotReported([item], 10, { olderThanMs: 60_000 }).length];
 * // => [1, 0]
 * ```
 */
export function resolvedNotReported(
  items: readonly FeedbackItem[],
  now: Instant,
  options: ResolvedNotReportedOptions = {},
): FeedbackItem[] {
  const fn = "resolvedNotReported";
  checkItems(items, fn);
  assertInstant(now, fn, ["now"]);
  const olderThan = parseOrThrow(ResolvedNotReportedOptionsSchema, options, { fn, path: ["options"] }).olderThanMs ?? 0;
  return items
    .filter((item) => item.status === "resolved" && item.resolvedAt !== null && item.resolvedAt + olderThan <= now)
    .sort((a, b) => (a.resolvedAt as number) - (b.resolvedAt as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
