import { InstantSchema, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { scoreFans, type FanActivity, type ScoredFan } from "./scoreFans";

/** Options of {@link loyalFans}. */
export interface LoyalFansOptions {
  /** The instant the scores are taken at. */
  readonly now: Instant;
  /** Lowest recency score (1–5) of a loyal fan; default 4. */
  readonly minRecency?: number;
  /** Lowest frequency score (1–5); default 4. */
  readonly minFrequency?: number;
  /** Lowest engagement score (1–5); default 4. */
  readonly minEngagement?: number;
  /** Keep at most this many (the best); default all. */
  readonly limit?: number;
}

/** A quintile score threshold: a whole number from 1 to 5. */
function scoreSchema() {
  return z
    .int({ error: "must be a whole number" })
    .check(z.minimum(1, { error: "must be ≥ 1" }), z.maximum(5, { error: "must be ≤ 5" }));
}

/** Schema of {@link LoyalFansOptions}. */
export const LoyalFansOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    now: InstantSchema,
    minRecency: z.optional(scoreSchema()),
    minFrequency: z.optional(scoreSchema()),
    minEngagement: z.optional(scoreSchema()),
    limit: z.optional(z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" }))),
  }))();

/**
 * Selects the loyal fans — recently active, frequent and engaged — for exclusive coupons,
 * birthday perks and early access, best first.
 *
 * A fan is loyal when each of its {@link scoreFans} quintile scores reaches the minimum
 * (default 4 of 5 on all three: the "champions" and "loyal customers" cells of RFM
 * segmentation). The result is sorted by total score, then by the raw engagement,
 * interactions and last activity (all descending) and finally by id, so that equal
 * inputs give equal lists.
 * Source: RFM segmentation, A. M. Hughes, "Strategic Database Marketing" (1994).
 *
 * @param fans - fan activity records with distinct ids (not mutated)
 * @param options - `now`; optional `minRecency`, `minFrequency`, `minEngagement` (4), `limit`
 * @returns the loyal fans with their scores, best first
 * @throws {OpsError} `invalid_argument` for bad records or options; `duplicate` for a repeated id
 *
 * @example
 * ```ts
 * import { loyalFans } from "@ops/metrics";
 * const now = Date.UTC(2026, 10, 1);
 * const day = 86_400_000;
 * const fans = Array.from({ length: 10 }, (_, i) => ({
 *   id: `fan${i}`, lastActiveAt: now - (10 - i) * day, interactions: i * 3, engagement: i * 10,
 * }));
 * loyalFans(fans, { now }).map((s) => s.fan.id);
 * // => ["fan9", "fan8", "fan7", "fan6"]
 * ```
 */
export function loyalFans<F extends FanActivity>(fans: readonly F[], options: LoyalFansOptions): ScoredFan<F>[] {
  const fn = "loyalFans";
  const opts = parseOrThrow(LoyalFansOptionsSchema, options, { fn, path: ["options"] });
  const scored = scoreFans(fans, { now: options.now });
  const minR = opts.minRecency ?? 4;
  const minF = opts.minFrequency ?? 4;
  const minE = opts.minEngagement ?? 4;
  const loyal = scored
    .filter((s) => s.recency >= minR && s.frequency >= minF && s.engagement >= minE)
    .sort(
      (a, b) =>
        b.total - a.total ||
        b.fan.engagement - a.fan.engagement ||
        b.fan.interactions - a.fan.interactions ||
        b.fan.lastActiveAt - a.fan.lastActiveAt ||
        (a.fan.id < b.fan.id ? -1 : a.fan.id > b.fan.id ? 1 : 0),
    );
  return opts.limit === undefined ? loyal : loyal.slice(0, opts.limit);
}
