import { IdSchema, InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";

/** What is known about one fan's activity, for RFM-style scoring. */
export interface FanActivity {
  /** A stable key of the fan, e.g. `actorKey(ref)` from \@ops/core. */
  readonly id: string;
  /** When the fan last interacted (comment, DM, like, purchase…): the R of RFM. */
  readonly lastActiveAt: Instant;
  /** How many interactions in the scoring period: the F of RFM. */
  readonly interactions: number;
  /** A weighted engagement total in the period (e.g. likes + 2·comments + 3·shares): the "M" of RFM. */
  readonly engagement: number;
}

/** Schema of a {@link FanActivity}. */
export const FanActivitySchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    lastActiveAt: InstantSchema,
    interactions: z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })),
    engagement: z.number().check(z.minimum(0, { error: "must be ≥ 0" })),
  }))();

/** Options of {@link scoreFans}. */
export interface ScoreFansOptions {
  /** The instant the scores are taken at; every `lastActiveAt` must be ≤ now. */
  readonly now: Instant;
}

/** Schema of {@link ScoreFansOptions}. */
export const ScoreFansOptionsSchema = /* @__PURE__ */ (() => z.object({ now: InstantSchema }))();

const FanActivityListSchema = /* @__PURE__ */ (() => z.array(FanActivitySchema))();

/** A fan with its RFM scores; each score is 1 (lowest fifth) to 5 (highest fifth). */
export interface ScoredFan<F extends FanActivity = FanActivity> {
  readonly fan: F;
  /** Whole days since `lastActiveAt` (floor). */
  readonly daysSinceActive: number;
  /** 5 = among the most recently active fifth. */
  readonly recency: number;
  /** 5 = among the most frequent fifth. */
  readonly frequency: number;
  /** 5 = among the most engaged fifth. */
  readonly engagement: number;
  /** recency + frequency + engagement, 3–15. */
  readonly total: number;
}

const DAY = 86_400_000;

/**
 * Scores fans on recency, frequency and engagement (RFM, with engagement in place of
 * money) by quintile within the group, so that the scores adapt to each community's size
 * and activity level.
 *
 * Each dimension is ranked over all fans; with mid-ranks for ties, a fan's percentile is
 * (#below + #equal/2)/n and its score is 1 + ⌊5·percentile⌋ (capped at 5). Ties share a
 * score, and a dimension where everyone is equal scores 3 for all. More recent activity
 * scores higher. Source: A. M. Hughes, "Strategic Database Marketing" (1994), quintile
 * RFM scoring; mid-rank percentile as in Hazen's plotting position.
 *
 * @param fans - fan activity records with distinct ids (not mutated)
 * @param options - `now`, the scoring instant
 * @returns one {@link ScoredFan} per fan, in input order
 * @throws {OpsError} `invalid_argument` for a bad record, `lastActiveAt` after `now`; `duplicate` for a repeated id
 *
 * @example
 * ```ts
 * import { scoreFans } from "@ops/metrics";
 * const now = Date.UTC(2026, 10, 1);
 * const day = 86_400_000;
 * const scored = scoreFans([
 *   { id: "ana", lastActiveAt: now - 1 * day, interactions: 40, engagement: 120 },
 *   { id: "bo", lastActiveAt: now - 30 * day, interactions: 2, engagement: 3 },
 * ], { now });
 * scored.map((s) => [s.fan.id, s.recency, s.frequency, s.engagement, s.daysSinceActive]);
 * // => [["ana", 4, 4, 4, 1], ["bo", 2, 2, 2, 30]]
 * ```
 */
export function scoreFans<F extends FanActivity>(fans: readonly F[], options: ScoreFansOptions): ScoredFan<F>[] {
  const fn = "scoreFans";
  const { now } = parseOrThrow(ScoreFansOptionsSchema, options, { fn, path: ["options"] });
  parseOrThrow(FanActivityListSchema, fans, { fn, path: ["fans"] });
  const seen = new Set<string>();
  fans.forEach((f, i) => {
    if (seen.has(f.id))
      throw new OpsError({ code: "duplicate", fn, path: ["fans", i, "id"], rule: "must be unique", received: f.id });
    seen.add(f.id);
    if (f.lastActiveAt > now) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["fans", i, "lastActiveAt"],
        rule: `must be ≤ options.now (${now})`,
        received: f.lastActiveAt,
      });
    }
  });
  const r = quintileScores(fans.map((f) => f.lastActiveAt));
  const fq = quintileScores(fans.map((f) => f.interactions));
  const e = quintileScores(fans.map((f) => f.engagement));
  return fans.map((fan, i) => {
    const recency = r[i] as number;
    const frequency = fq[i] as number;
    const engagement = e[i] as number;
    return {
      fan,
      daysSinceActive: Math.floor((now - fan.lastActiveAt) / DAY),
      recency,
      frequency,
      engagement,
      total: recency + frequency + engagement,
    };
  });
}

/** 1–5 by mid-rank percentile; higher values score higher. */
function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (
      end + 1 < n &&
      (order[end + 1] as readonly [number, number])[0] === (order[start] as readonly [number, number])[0]
    )
      end++;
    const percentile = (start + (end - start + 1) / 2) / n;
    const score = Math.min(5, 1 + Math.floor(5 * percentile));
    for (let k = start; k <= end; k++) out[(order[k] as readonly [number, number])[1]] = score;
    start = end + 1;
  }
  return out;
}
