import * as z from "zod/mini";

/** Observed successes out of trials: conversions of visitors, entrants of viewers, replies of messages. */
export interface Proportion {
  /** Whole number of successes, 0 ≤ successes ≤ trials. */
  readonly successes: number;
  /** Whole number of trials. */
  readonly trials: number;
}

/**
 * Schema of a {@link Proportion}: whole numbers ≥ 0 with `successes ≤ trials`.
 *
 * @example
 * ```ts
 * import { ProportionSchema } from "@ops/metrics";
 * ProportionSchema.safeParse({ successes: 3, trials: 20 }).success;
 * // => true
 * ProportionSchema.safeParse({ successes: 30, trials: 20 }).success;
 * // => false
 * ```
 */
export const ProportionSchema = /* @__PURE__ */ (() =>
  z
    .object({
      successes: z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })),
      trials: z.int({ error: "must be a whole number" }).check(z.minimum(0, { error: "must be ≥ 0" })),
    })
    // z.check rather than z.refine: the same issue (custom, at `successes`, not aborting),
    // without the custom-schema classes refine brings into the bundle of wilsonInterval
    .check(
      z.check((p) => {
        if (!(p.value.successes <= p.value.trials))
          p.issues.push({
            code: "custom",
            message: "must be ≤ trials",
            path: ["successes"],
            input: p.value,
            continue: true,
          });
      }),
    ))();

/** A two-sided confidence interval for a proportion or a difference. */
export type ProportionInterval =
  | {
      /** The point estimate (the observed rate or difference). */
      readonly estimate: number;
      readonly lower: number;
      readonly upper: number;
      readonly confidence: number;
    }
  | {
      /** No trials: the rate is undefined, and every value in the range is possible. */
      readonly estimate: null;
      readonly lower: number;
      readonly upper: number;
      readonly confidence: number;
      readonly reason: "no_trials";
    };

/**
 * Options of the confidence-interval functions, one concept with one name. Shared by
 * `wilsonInterval`, `agrestiCoullInterval` and `newcombeInterval`.
 */
export interface IntervalOptions {
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/**
 * Schema of {@link IntervalOptions}. Shared by `wilsonInterval`, `agrestiCoullInterval` and
 * `newcombeInterval`.
 *
 * @example
 * ```ts
 * import { IntervalOptionsSchema } from "@ops/metrics/schemas";
 * IntervalOptionsSchema.safeParse({ confidence: 1.2 }).success;
 * // => false
 * ```
 */
export const IntervalOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    confidence: z.optional(z.number().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }))),
  }))();
