import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import { z } from "zod";
import { DurationSchema } from "../_lib/schemas";
import type { Rate } from "./rate";

/** An inbound comment or DM and when it was first answered (`null`/absent: not yet). */
export interface ReplyItem {
  readonly receivedAt: Instant;
  readonly firstReplyAt?: Instant | null;
}

/** Options of {@link replyRate}. */
export interface ReplyRateOptions {
  /** Count a reply only if it came within this many ms of the item (e.g. 2 h = 7 200 000). */
  readonly within?: number;
  /**
   * The moment of measurement. With `within`, an unanswered item whose target has not yet
   * passed at `asOf` is still open: it is left out of the denominator (`pending`).
   */
  readonly asOf?: Instant;
}

/** A reply rate with its parts. */
export interface ReplyRate extends Rate {
  /** The target used, or `null` for "answered at all". */
  readonly within: number | null;
  /** Items left out because their target had not passed at `asOf`. */
  readonly pending: number;
}

/** Schema of a {@link ReplyItem}. */
export const ReplyItemSchema = z
  .object({ receivedAt: InstantSchema, firstReplyAt: InstantSchema.nullable().optional() })
  .refine((i) => i.firstReplyAt == null || i.firstReplyAt >= i.receivedAt, {
    error: "must not be before receivedAt",
    path: ["firstReplyAt"],
  });

/** Schema of {@link ReplyRateOptions}. */
export const ReplyRateOptionsSchema = z.object({ within: DurationSchema.optional(), asOf: InstantSchema.optional() });

/**
 * Reply rate of inbound comments or DMs: answered items / inbound items, optionally
 * counting only replies within a target time (Zendesk's "first reply time" SLA,
 * Facebook Pages' response rate: the share of messages answered, with response time
 * tracked separately).
 *
 * An item is answered within the target when `firstReplyAt − receivedAt ≤ within`.
 * With `asOf`, an unanswered item whose target is still running is open, not missed,
 * and is left out of both parts (counted in `pending`); items received at or after
 * `asOf` are ignored.
 *
 * @param items - inbound items (not mutated)
 * @param options - `within` (ms), `asOf`
 * @returns the rate with its parts; `value: null` with a reason when there is no item
 * @throws {OpsError} `invalid_argument` for an invalid instant, a reply before its item or a negative target
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
 * ```
 */
export function replyRate(items: readonly ReplyItem[], options: ReplyRateOptions = {}): ReplyRate {
  const fn = "replyRate";
  const list = parseOrThrow(z.array(ReplyItemSchema), items, { fn, path: ["items"] });
  const opts = parseOrThrow(ReplyRateOptionsSchema, options, { fn, path: ["options"] });
  if (opts.asOf !== undefined && opts.within === undefined) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "asOf"],
      rule: "needs options.within (a target) to decide which items are still open",
    });
  }
  const within = opts.within ?? null;
  let answered = 0;
  let total = 0;
  let pending = 0;
  for (const item of list) {
    // an item received at or after asOf did not exist yet at the moment of measurement
    if (opts.asOf !== undefined && item.receivedAt >= opts.asOf) continue;
    const replied = item.firstReplyAt != null && (within === null || item.firstReplyAt - item.receivedAt <= within);
    if (!replied && within !== null && opts.asOf !== undefined && item.receivedAt + within > opts.asOf) {
      if (item.firstReplyAt == null || item.firstReplyAt > opts.asOf) {
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
