import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { rate, type Rate } from "../rate/rate";
import { zForConfidence } from "../_lib/normalDist";
import { wilsonBounds } from "../_lib/wilsonBounds";

/** Options of {@link csat}. */
export interface CsatOptions {
  /** The highest point of the rating scale (the lowest is 1); default 5. */
  readonly scale?: number;
  /** The lowest rating that counts as satisfied; default 4 (so 4 and 5 on a 1–5 scale). */
  readonly satisfiedFrom?: number;
  /** Confidence of the Wilson interval, default 0.95. */
  readonly confidence?: number;
}

/** Schema of {@link CsatOptions}. */
export const CsatOptionsSchema = /* @__PURE__ */ (() =>
  z
    .object({
      scale: z.optional(
        z
          .int({ error: "must be a whole number" })
          .check(z.minimum(2, { error: "must be ≥ 2" }), z.maximum(100, { error: "must be ≤ 100" })),
      ),
      satisfiedFrom: z.optional(
        z.int({ error: "must be a whole number" }).check(z.minimum(1, { error: "must be ≥ 1" })),
      ),
      confidence: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
    })
    .check(
      z.refine((o) => (o.satisfiedFrom ?? 4) <= (o.scale ?? 5), { error: "must be ≤ scale", path: ["satisfiedFrom"] }),
    ))();

/** The outcome of {@link csat}: a {@link Rate} of satisfied responses with its Wilson interval. */
export interface Csat extends Rate {
  /** Responses rated `satisfiedFrom` or higher (the numerator). */
  readonly satisfied: number;
  /** All valid responses (the denominator). */
  readonly responses: number;
  /** Wilson interval of the share, or `null` with no responses. */
  readonly interval: { readonly lower: number; readonly upper: number; readonly confidence: number } | null;
}

/**
 * The customer-satisfaction score (CSAT): the share of responses rating 4 or 5 on a 1–5
 * scale ("top-two-box"), as a {@link Rate} in [0, 1] with a Wilson confidence interval.
 *
 * CSAT = #(rating ≥ satisfiedFrom) / #responses. The mean rating is deliberately not
 * used: ratings are ordinal, and the top-box share is what survey tools (Zendesk,
 * Qualtrics, the ACSI's "satisfied" share) report. Source: e.g. Qualtrics, "What is CSAT
 * and how do you measure it?"; the interval is {@link wilsonInterval}'s.
 *
 * @param ratings - whole-number ratings from 1 to `scale` (not mutated)
 * @param options - `scale` (5), `satisfiedFrom` (4), `confidence` (0.95)
 * @returns `{ value, numerator, denominator, reason, satisfied, responses, interval }`; with no responses `value: null`, `reason: "zero_denominator"`
 * @throws {OpsError} `invalid_argument` for a rating that is not a whole number from 1 to `scale`, or bad options
 *
 * @example
 * ```ts
 * import { csat } from "@ops/metrics";
 * const score = csat([5, 4, 3, 5, 1, 4, 4, 2]);
 * [score.value, score.satisfied, score.responses];
 * // => [0.625, 5, 8]
 * csat([]).value;
 * // => null
 * ```
 */
export function csat(ratings: readonly number[], options: CsatOptions = {}): Csat {
  const fn = "csat";
  const opts = parseOrThrow(CsatOptionsSchema, options, { fn, path: ["options"] });
  const scale = opts.scale ?? 5;
  const from = opts.satisfiedFrom ?? 4;
  const confidence = opts.confidence ?? 0.95;
  if (!Array.isArray(ratings))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["ratings"],
      rule: "must be an array of ratings",
      received: ratings,
    });
  let satisfied = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (typeof r !== "number" || !Number.isInteger(r) || r < 1 || r > scale) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["ratings", i],
        rule: `must be a whole number from 1 to ${scale}`,
        received: r,
      });
    }
    if (r >= from) satisfied++;
  }
  const n = ratings.length;
  let interval: Csat["interval"] = null;
  if (n > 0) {
    const [lower, upper] = wilsonBounds(satisfied, n, zForConfidence(confidence));
    interval = { lower, upper, confidence };
  }
  return { ...rate(satisfied, n), satisfied, responses: n, interval };
}
