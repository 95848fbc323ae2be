import { OpsError, PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import * as z from "zod/mini";
import { toColumns } from "../_lib/columns";
import { createFunnelWalk, groupByActorInTimeOrder, orderedAttempt, unorderedAttempt } from "./_lib/funnelAttempts";
import { quantileOfSorted } from "../_lib/quantileOfSorted";
import { DurationSchema } from "../_lib/schemas";
import type { EventInput } from "../column/EventColumns";
import type { Rate } from "../rate/rate";

/**
 * How funnel steps must follow each other (PostHog's "step order"):
 * `ordered` — in order, other events allowed in between ("sequential");
 * `strict` — in order with no other event of the actor in between (a repeat of the step just done is allowed, as in PostHog);
 * `unordered` — in any order ("any order"): step k is reached once k distinct steps are done.
 */
export type FunnelOrder = "ordered" | "strict" | "unordered";

/** Options of {@link funnel}. */
export interface FunnelOptions {
  /** Event kinds of the steps, 2 to 20 (e.g. `["exposure", "click", "purchase"]`). */
  readonly steps: readonly string[];
  /** Default `"ordered"`. */
  readonly order?: FunnelOrder;
  /** Conversion window from the first step, in ms (a step exactly at its end counts); default 14 days (PostHog's default). */
  readonly windowMs?: number;
  /** Only events in `[start, end)` count, at every step: a conversion after `end` is not counted (as in PostHog). */
  readonly range?: Period;
}

/** One step of a funnel result. */
export interface FunnelStep {
  /** 1-based. */
  readonly step: number;
  /** The step's kind; `null` for `unordered` funnels, where step k means "k distinct steps done". */
  readonly kind: string | null;
  /** Actors who reached this step. */
  readonly actors: number;
  /** actors / actors at step 1. */
  readonly conversionFromStart: Rate;
  /** actors / actors at the previous step (step 1: itself). */
  readonly conversionFromPrevious: Rate;
  /** Actors at the previous step who did not reach this one (0 for step 1). */
  readonly dropOff: number;
  /**
   * Median (R type 7) time from the previous step to this one, over the actors who reached it
   * in a positive time (PostHog leaves 0 ms conversions out of its times); `null` for step 1,
   * nobody, or only 0 ms conversions.
   */
  readonly medianTimeToConvertMs: number | null;
}

/** A funnel result. */
export interface FunnelResult {
  readonly order: FunnelOrder;
  readonly windowMs: number;
  readonly steps: readonly FunnelStep[];
}

/** Schema of {@link FunnelOptions}. */
export const FunnelOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    steps: z
      .array(z.string())
      .check(
        z.minLength(2, { error: "must name 2 to 20 steps" }),
        z.maxLength(20, { error: "must name 2 to 20 steps" }),
      ),
    order: z.optional(z.enum(["ordered", "strict", "unordered"])),
    windowMs: z.optional(DurationSchema),
    range: z.optional(PeriodSchema),
  }))();

const FOURTEEN_DAYS = 14 * 86_400_000;

/**
 * Conversion funnel counted per actor, with PostHog's semantics (PostHog docs, "Funnels":
 * https://posthog.com/docs/product-analytics/funnels): an actor reaches step k if, within
 * `windowMs` of doing step 1, they did steps 2 … k in the required order (see
 * {@link FunnelOrder}); each actor counts once, at the furthest step they reach. Per step:
 * actors, conversion from the start and from the previous step (as {@link Rate}s),
 * drop-off, and the median time from the previous step.
 * E.g. exposure → click → purchase, or raffle post seen → entered → followed.
 *
 * Where PostHog's docs are silent, this follows its query code (the `aggregate_funnel`
 * function behind its HogQL funnels), for results that match PostHog's:
 * - **Strict**: an event breaks the attempts waiting at every step it does not match, so a
 *   repeat of the step just done (a second click before the purchase) does not break them.
 * - **Same instant**: events at one instant are taken in step order, not input order — a
 *   click logged before its exposure in the same millisecond still converts, in 0 ms.
 *   Identical events at one instant are taken one by one; in a `strict` funnel, other events
 *   at the instant of a step do not break the sequence (PostHog skips its strict check there).
 * - **Range**: `range` limits every step, not only step 1 — PostHog filters every event of the
 *   query by the date range, so a step done after `end` does not count, and neither does it
 *   break a strict funnel.
 * - **Times**: for `ordered` and `strict`, each new step-1 event starts a new attempt (PostHog
 *   overwrites the entry time), and an attempt only replaces an older one at a step it also
 *   reaches; the times come from the first attempt that reached the actor's furthest step,
 *   measured from its step 1 — the latest step-1 event before its step 2, not the earliest.
 *   E.g. "view" at 0 and at 1 h, "buy" at 2 h: 1 h. For `unordered`, from the earliest set of
 *   distinct steps within one window (PostHog's queue of each step's oldest event in the window).
 * - **0 ms**: a step reached at the same instant as the previous one counts as a conversion,
 *   but its 0 ms is left out of the median, as PostHog keeps only times > 0 (`timings[i] > 0`).
 *
 * @param events - event objects or {@link EventColumns}, in any order (not mutated)
 * @param options - `steps`, `order`, `windowMs`, `range`
 * @returns one entry per step
 * @throws {OpsError} `invalid_argument` for a bad event or option, or a repeated step in an unordered funnel
 *
 * @example
 * ```ts
 * import { funnel } from "@ops/metrics";
 * const h = 3_600_000;
 * const events = [
 *   { at: 0, actor: "a", kind: "seen" }, { at: 1 * h, actor: "a", kind: "entered" }, { at: 3 * h, actor: "a", kind: "followed" },
 *   { at: 0, actor: "b", kind: "seen" }, { at: 3 * h, actor: "b", kind: "entered" },
 *   { at: 0, actor: "c", kind: "seen" },
 *   { at: 0, actor: "d", kind: "entered" },
 * ];
 * const f = funnel(events, { steps: ["seen", "entered", "followed"] });
 * f.steps.map((s) => [s.actors, s.conversionFromStart.value, s.dropOff, s.medianTimeToConvertMs]);
 * // => [[3, 1, 0, null], [2, 2 / 3, 1, 2 * h], [1, 1 / 3, 1, 2 * h]]
 * // the latest "seen" before "entered" starts the attempt: 1 h, not 3 h
 * const again = [{ at: 0, actor: "e", kind: "seen" }, { at: 2 * h, actor: "e", kind: "seen" }, { at: 3 * h, actor: "e", kind: "entered" }];
 * funnel(again, { steps: ["seen", "entered"] }).steps[1]?.medianTimeToConvertMs;
 * // => 1 * h
 * ```
 */
export function funnel(events: EventInput, options: FunnelOptions): FunnelResult {
  const fn = "funnel";
  const opts = parseOrThrow(FunnelOptionsSchema, options, { fn, path: ["options"] });
  const order = opts.order ?? "ordered";
  const windowMs = opts.windowMs ?? FOURTEEN_DAYS;
  const stepNames = opts.steps;
  if (order === "unordered" && new Set(stepNames).size !== stepNames.length) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "steps"],
      rule: "must not repeat a step in an unordered funnel",
      received: stepNames,
    });
  }
  const cols = toColumns(events, fn);
  const S = stepNames.length;
  // the steps each kind code matches, ascending (a kind may be several steps of an ordered funnel)
  const stepsOfKind: number[][] = cols.kinds.map((k) => stepNames.flatMap((name, s) => (name === k ? [s] : [])));
  const lo = opts.range?.start ?? -Infinity;
  const hi = opts.range?.end ?? Infinity;

  const byActor = groupByActorInTimeOrder(cols.actor, cols.at, cols.actors.length);
  const walk = createFunnelWalk(cols, byActor.order, stepsOfKind, S, windowMs, lo, hi, order === "strict");
  const reached = new Float64Array(S);
  const deltas: number[][] = Array.from({ length: S }, () => []);
  for (let a = 0; a < cols.actors.length; a++) {
    const from = byActor.offset[a] as number;
    const to = byActor.offset[a + 1] as number;
    if (order === "unordered") unorderedAttempt(walk, from, to);
    else orderedAttempt(walk, from, to);
    const times = walk.best;
    for (let s = 0; s < walk.reached; s++) {
      reached[s] = (reached[s] as number) + 1;
      const d = s > 0 ? (times[s] as number) - (times[s - 1] as number) : 0;
      if (d > 0) (deltas[s] as number[]).push(d);
    }
  }
  const first = reached[0] as number;
  const ratio = (num: number, den: number): Rate =>
    den === 0
      ? { value: null, numerator: num, denominator: den, reason: "zero_denominator" }
      : { value: num / den, numerator: num, denominator: den, reason: null };
  const steps: FunnelStep[] = stepNames.map((name, s) => {
    const actors = reached[s] as number;
    const prev = s === 0 ? actors : (reached[s - 1] as number);
    const d = deltas[s] as number[];
    return {
      step: s + 1,
      kind: order === "unordered" ? null : name,
      actors,
      conversionFromStart: ratio(actors, first),
      conversionFromPrevious: ratio(actors, prev),
      dropOff: prev - actors,
      medianTimeToConvertMs: d.length === 0 ? null : quantileOfSorted(Float64Array.from(d).sort(), 0.5, 7),
    };
  });
  return { order, windowMs, steps };
}
