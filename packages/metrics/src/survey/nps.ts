import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { zForConfidence } from "../_lib/normalDist";

/** Respondents per NPS group, when the raw 0–10 ratings are not at hand. */
export interface NpsCounts {
  /** Ratings 9–10. */
  readonly promoters: number;
  /** Ratings 7–8. */
  readonly passives: number;
  /** Ratings 0–6. */
  readonly detractors: number;
}

/** Schema of {@link NpsCounts}. */
export const NpsCountsSchema = /* @__PURE__ */ (() =>
  z.object({
    promoters: z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })),
    passives: z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })),
    detractors: z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })),
  }))();

/** Options of {@link nps}. */
export interface NpsOptions {
  /** Confidence of the interval, default 0.95. */
  readonly confidence?: number;
}

/** Schema of {@link NpsOptions}. */
export const NpsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    confidence: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
  }))();

/** The outcome of {@link nps}. */
export interface Nps extends NpsCounts {
  /** %promoters − %detractors, from −100 to 100; `null` with no responses. */
  readonly value: number | null;
  readonly responses: number;
  /** The confidence interval of `value` (clipped to [−100, 100]), or `null` with no responses. */
  readonly interval: { readonly lower: number; readonly upper: number; readonly confidence: number } | null;
  /** `"no_responses"` when `value` is `null`, else `null`. */
  readonly reason: "no_responses" | null;
}

/**
 * The Net Promoter Score: the percentage of promoters (9–10) minus the percentage of
 * detractors (0–6) on the 0–10 "how likely are you to recommend us" question, with a
 * confidence interval.
 *
 * NPS = 100·(P − D)/n. Its standard error follows from the trinomial: with p = P/n and
 * d = D/n, Var(p − d) = (p + d − (p − d)²)/n, so the interval is
 * 100·((p − d) ± z·√((p + d − (p − d)²)/n)), clipped to [−100, 100]. This Wald-type
 * interval is too narrow for small n (below about 30 answers) and when almost everyone
 * is in one group; treat it as indicative there. Sources: F. F. Reichheld, "The One
 * Number You Need to Grow", Harvard Business Review, Dec 2003 (definition);
 * B. Rocks, "Interval Estimation for the Net Promoter Score", The American Statistician
 * 70(4), 2016 (the variance).
 *
 * @param responses - whole-number ratings 0–10, or the group counts
 * @param options - `confidence`, default 0.95
 * @returns the score, the group counts and the interval; `value: null` with `reason: "no_responses"` when there are none
 * @throws {OpsError} `invalid_argument` for a rating that is not a whole number from 0 to 10, negative or fractional counts, bad options
 *
 * @example
 * ```ts
 * import { nps } from "@ops/metrics";
 * // 5 promoters, 3 passives, 2 detractors: 50 % − 20 % = 30
 * const score = nps([10, 9, 9, 10, 9, 8, 7, 8, 3, 6]);
 * [score.value, score.promoters, score.detractors];
 * // => [30, 5, 2]
 * nps({ promoters: 0, passives: 0, detractors: 0 }).reason;
 * // => "no_responses"
 * ```
 */
export function nps(responses: readonly number[] | NpsCounts, options: NpsOptions = {}): Nps {
  const fn = "nps";
  const confidence = parseOrThrow(NpsOptionsSchema, options, { fn, path: ["options"] }).confidence ?? 0.95;
  let counts: NpsCounts;
  if (Array.isArray(responses)) {
    let promoters = 0;
    let passives = 0;
    let detractors = 0;
    for (let i = 0; i < responses.length; i++) {
      const r: unknown = responses[i];
      if (typeof r !== "number" || !Number.isInteger(r) || r < 0 || r > 10) {
        throw new OpsError({
          code: "invalid_argument",
          fn,
          path: ["responses", i],
          rule: "must be a whole number from 0 to 10",
          received: r,
        });
      }
      if (r >= 9) promoters++;
      else if (r >= 7) passives++;
      else detractors++;
    }
    counts = { promoters, passives, detractors };
  } else {
    counts = parseOrThrow(NpsCountsSchema, responses, { fn, path: ["responses"] });
  }
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (n === 0)
    return { value: null, promoters, passives, detractors, responses: 0, interval: null, reason: "no_responses" };
  const p = promoters / n;
  const d = detractors / n;
  const diff = p - d;
  const half = zForConfidence(confidence) * Math.sqrt(Math.max(0, p + d - diff * diff) / n);
  return {
    value: (100 * (promoters - detractors)) / n,
    promoters,
    passives,
    detractors,
    responses: n,
    interval: { lower: Math.max(-100, 100 * (diff - half)), upper: Math.min(100, 100 * (diff + half)), confidence },
    reason: null,
  };
}
