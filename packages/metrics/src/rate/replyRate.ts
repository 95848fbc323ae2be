import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { DurationSchema } from "../_lib/schemas";
import { type ElapsedTime, measureElapsed } from "../_lib/measureElapsed";
import type { Rate } from "./rate";

/** An inbound comment or DM and when it was first answered (`null`/absent: not yet). */
export interface ReplyItem {
  readonly receivedAt: Instant;
  readonly firstReplyAt?: Instant | null;
  /** What it is (`"comment"`, `"dm"`, …): reports pick a reply target by it. */
  readonly kind?: string;
  /** The account it came to: reports pick a reply target by it. */
  readonly channelId?: string;
}

export type { ElapsedTime };

/** Options of {@link replyRate}. */
export interface ReplyRateOptions {
  /** Count a reply only if it came within this many ms of the item (e.g. 2 h = 7 200 000). */
  readonly within?: number;
  /**
   * The moment of measurement (the evaluation time). A reply after `now` has not happened
   * yet; with `within`, an unanswered item whose target has not yet passed at `now` is
   * still open: it is left out of the denominator (`pending`).
   */
  readonly now?: Instant;
  /**
   * How the target's time is measured (default: calendar ms, `to − from`). With business
   * time, a comment received Friday evening under a 2-business-hour target is still open
   * at Friday midnight: measured at `now` it is pending, not missed.
   */
  readonly elapsed?: ElapsedTime;
}

/** A reply rate with its parts. */
export interface ReplyRate extends Rate {
  /** The target used, or `null` for "answered at all". */
  readonly within: number | null;
  /** Items left out because their target had not passed at `now`. */
  readonly pending: number;
}

/** Schema of a {@link ReplyItem}. */
export const ReplyItemSchema = /* @__PURE__ */ (() =>
  z
    .object({
      receivedAt: InstantSchema,
      firstReplyAt: z.optional(z.nullable(InstantSchema)),
      kind: z.optional(z.string()),
      channelId: z.optional(z.string()),
    })
    .check(
      z.refine((i) => i.firstReplyAt == null || i.firstReplyAt >= i.receivedAt, {
        error: "must not be before receivedAt",
        path: ["firstReplyAt"],
      }),
    ))();

/** Schema of an {@link ElapsedTime} function (a function; its results are checked where it is called). */
export const ElapsedTimeSchema = /* @__PURE__ */ (() =>
  z.custom<ElapsedTime>((v) => typeof v === "function", { error: "must be a function (from, to) => elapsed ms" }))();

/** Schema of {@link ReplyRateOptions}. */
export const ReplyRateOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    within: z.optional(DurationSchema),
    now: z.optional(InstantSchema),
    elapsed: z.optional(ElapsedTimeSchema),
  }))();

const ReplyItemListSchema = /* @__PURE__ */ (() => z.array(ReplyItemSchema))();

const ELAPSED = ["options", "elapsed"] as const;

/**
 * Reply rate of inbound comments or DMs: answered items / inbound items, optionally
 * counting only replies within a target time (Zendesk's "first reply time" SLA,
 * Facebook Pages' response rate: the share of messages answered, with response time
 * tracked separately).
 *
 * An item is answered within the target when `firstReplyAt − receivedAt ≤ within`.
 * With `now`, an unanswered item whose target is still running is open, not missed,
 * and is left out of both parts (counted in `pending`); items received at or after
 * `now` are ignored.
 *
 * @param items - inbound items (not mutated)
 * @param options - `within` (ms), `now`
 * @returns the rate with its parts; `value: null` with a reason when there is no item
 * @throws {OpsError} `invalid_argument` for an invalid instant, a reply before its item, a negative target, `now`
 *   without `within`, or an `elapsed` that returns anything but a finite duration ≥ 0
 *
 * @example
 * ```ts
 * import { replyRate } from "@ops/metrics";
 * const hour = 3_600_000;
 * const items = [
 *   { receivedAt: 0, firstReplyAt: hour },
 *   { receivedAt: 0, firstReplyAt: 3 * hour },
 *   { receivedAt: 0, firstReplyAt: null },
 *   { receivedAt: 0 },
 * ];
 * replyRate(items).value;
 * // => 0.5
 * replyRate(items, { within: 2 * hour }).value;
 * // => 0.25
 * // measured at 1 h, the unanswered item still has an hour left: open (pending), not missed
 * replyRate([{ receivedAt: 0 }, { receivedAt: 0, firstReplyAt: hour }], { within: 2 * hour, now: hour });
 * // => { value: 1, numerator: 1, denominator: 1, within: 7_200_000, pending: 1, reason: null }
 * // business hours 9–18 (a toy measure; use @ops/sla's businessTimeBetween): received 17:30, measured at 23:00
 * const day = 24 * hour;
 * const open = (from: number, to: number) => {
 *   let ms = 0;
 *   for (let d = Math.floor(from / day) * day; d < to; d += day)
 *     ms += Math.max(0, Math.min(to, d + 18 * hour) - Math.max(from, d + 9 * hour));
 *   return ms;
 * };
 * replyRate([{ receivedAt: 17.5 * hour }], { within: 2 * hour, now: 23 * hour, elapsed: open }).pending;
 * // => 1
 * ```
 */
export function replyRate(items: readonly ReplyItem[], options: ReplyRateOptions = {}): ReplyRate {
  const fn = "replyRate";
  const list = parseOrThrow(ReplyItemListSchema, items, { fn, path: ["items"] });
  const opts = parseOrThrow(ReplyRateOptionsSchema, options, { fn, path: ["options"] });
  if (opts.now !== undefined && opts.within === undefined) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "now"],
      rule: "needs options.within (a target) to decide which items are still open",
    });
  }
  const within = opts.within ?? null;
  let answered = 0;
  let total = 0;
  let pending = 0;
  for (const item of list) {
    // an item received at or after now did not exist yet at the moment of measurement
    if (opts.now !== undefined && item.receivedAt >= opts.now) continue;
    // a reply after now had not happened at the moment of measurement
    const repliedBy = opts.now === undefined || (item.firstReplyAt != null && item.firstReplyAt <= opts.now);
    const replied =
      item.firstReplyAt != null &&
      repliedBy &&
      (within === null || measureElapsed(opts.elapsed, item.receivedAt, item.firstReplyAt, fn, ELAPSED) <= within);
    if (
      !replied &&
      within !== null &&
      opts.now !== undefined &&
      measureElapsed(opts.elapsed, item.receivedAt, opts.now, fn, ELAPSED) < within
    ) {
      if (item.firstReplyAt == null || item.firstReplyAt > opts.now) {
        pending++;
        continue;
      }
    }
    total++;
    if (replied) answered++;
  }
  const parts = { numerator: answered, denominator: total, within, pending };
  return total === 0
    ? { ...parts, value: null, reason: "zero_denominator" }
    : { ...parts, value: answered / total, reason: null };
}
