import { InstantSchema, type Instant } from "@ops/core";
import * as z from "zod/mini";

/** One observation of a regular series (a day, a week, a month). */
export interface SeriesPoint {
  readonly at: Instant;
  readonly value: number;
}

/** Schema of a {@link SeriesPoint}. */
export const SeriesPointSchema = /* @__PURE__ */ (() =>
  z.object({
    at: InstantSchema,
    value: z.number({ error: "must be a finite number" }),
  }))();

/** Which detector flagged an {@link Anomaly}. */
export type AnomalyMethod = "seasonal-mad" | "ewma" | "poisson" | "binomial";

/**
 * A flagged observation, with what was expected and how far off it was, so that a report
 * can say why: "Tuesday's 312 new followers: expected 520 (allowed 430–610), robust z −7.9".
 */
export interface Anomaly {
  /** The instant of the observation. */
  readonly at: Instant;
  readonly observed: number;
  /** What the method expected at that point. */
  readonly expected: number;
  /** The observations the method would have accepted at that point; outside them is an anomaly. */
  readonly lower: number;
  readonly upper: number;
  /**
   * Signed strength in standard-normal units: the robust z (seasonal-mad), the EWMA
   * statistic in standard errors (ewma), or the normal quantile of the exact tail
   * probability (poisson, binomial). Negative for drops.
   */
  readonly score: number;
  readonly direction: "up" | "down";
  readonly method: AnomalyMethod;
}
