import { checkOptions } from "../_lib/checkOptions";
import { assertInstant, OpsError, type ActorId, type ChannelId, type Instant } from "@ops/core";
import type { Priority, Thread } from "../model/Thread";
import { checkThreads } from "./_lib/checkThreads";

/** Options of {@link needsReply}. */
export interface NeedsReplyOptions {
  /** When given, snoozed threads whose `snoozedUntil` ≤ `now` come back into the queue. */
  readonly now?: Instant;
  /** Only these channels. */
  readonly channelIds?: readonly ChannelId[];
  /** Only threads assigned to this agent; `null` = only unassigned threads. */
  readonly assignee?: ActorId | null;
}

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * The reply queue: threads in which a user waits for an answer, highest priority first
 * (urgent, high, normal, low), and within a priority the oldest wait first (`waitingSince`
 * ascending, as Zendesk's "oldest first" views), then by id for a stable order.
 *
 * A thread is in the queue when `waitingSince` is set (an inbound message has no answer
 * after it — likes and internal notes never set it, see `buildThreads`) and its status
 * is `open` or `pending`, or `snoozed` with `snoozedUntil` ≤ `options.now`. Resolved
 * threads are not.
 *
 * @param threads - threads, e.g. from `buildThreads`; not mutated
 * @param options - `now` (wakes snoozed threads), `channelIds`, `assignee` filters
 * @returns a new array, the queue in order
 * @throws {OpsError} `invalid_argument` for a malformed thread or option
 *
 * @example
 * ```ts
 * import { needsReply, ThreadSchema } from "@ops/interaction";
 * const t = (id: string, waitingSince: number | null, priority = "normal") => ThreadSchema.parse({
 *   id, channelId: "ch", type: "dm", status: waitingSince === null ? "pending" : "open", createdAt: 0, waitingSince,
 *   firstReplyAt: null, lastInboundAt: 0, lastInboundKind: "dm", lastOutboundAt: null, priority,
 * });
 * needsReply([t("a", 5_000), t("b", null), t("c", 9_000, "urgent"), t("d", 1_000)]).map((x) => x.id);
 * // => ["c", "d", "a"]
 * ```
 */
export function needsReply(threads: readonly Thread[], options: NeedsReplyOptions = {}): Thread[] {
  const fn = "needsReply";
  checkThreads(threads, fn);
  const list = threads;
  checkOptions(options, fn);
  if (options.now !== undefined) assertInstant(options.now, fn, ["options", "now"]);
  const ids: unknown = options.channelIds;
  if (ids !== undefined && (!Array.isArray(ids) || ids.some((c) => typeof c !== "string")))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "channelIds"],
      rule: "must be an array of channel ids",
      received: ids,
    });
  const channels = options.channelIds === undefined ? null : new Set<string>(options.channelIds);
  const now = options.now;
  const queue = list.filter((t) => {
    if (t.waitingSince === null) return false;
    if (channels !== null && !channels.has(t.channelId)) return false;
    if (options.assignee !== undefined && t.assignee !== options.assignee) return false;
    if (t.status === "resolved") return false;
    if (t.status === "snoozed") return now !== undefined && t.snoozedUntil !== null && t.snoozedUntil <= now;
    return true;
  });
  return queue.sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      (a.waitingSince ?? 0) - (b.waitingSince ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
