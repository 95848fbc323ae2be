import { OpsError, PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import * as z from "zod/mini";
import { toColumns } from "../_lib/columns";
import { quantileOfSorted } from "../_lib/quantileOfSorted";
import { DurationSchema } from "../_lib/schemas";
import type { EventInput } from "../column/EventColumns";
import type { Rate } from "../rate/rate";

/**
 * How funnel steps must follow each other (PostHog's "step order"):
 * `ordered` — in order, other events allowed in between ("sequential");
 * `strict` — in order with no other event of the actor in between;
 * `unordered` — in any order ("any order"): step k is reached once k distinct steps are done.
 */
export type FunnelOrder = "ordered" | "strict" | "unordered";

/** Options of {@link funnel}. */
export interface FunnelOptions {
  /** Event kinds of the steps, 2 to 20 (e.g. `["exposure", "click", "purchase"]`). */
  readonly steps: readonly string[];
  /** Default `"ordered"`. */
  readonly order?: FunnelOrder;
  /** Conversion window from the first step, in ms; default 14 days (PostHog's default). */
  readonly windowMs?: number;
  /** Only entries (first steps) in `[start, end)` count; later steps may follow within the window. */
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
  /** Median (R type 7) time from the previous step to this one, over actors who reached it; `null` for step 1 or nobody. */
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
 * {@link FunnelOrder}); each actor counts once, at the furthest step of their best
 * attempt (the earliest attempt that gets furthest). Per step: actors, conversion from
 * the start and from the previous step (as {@link Rate}s), drop-off, and the median time
 * from the previous step. Events are taken in time order; events at the same instant keep
 * their input order. E.g. exposure → click → purchase, or raffle post seen → entered → followed.
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
  // step index of each kind code for unordered funnels, kind code of each step otherwise
  const stepCode = stepNames.map((s) => cols.kinds.indexOf(s));
  const stepOfKind = new Int16Array(256).fill(-1);
  stepCode.forEach((c, s) => {
    if (c >= 0 && stepOfKind[c] === -1) stepOfKind[c] = s;
  });
  const lo = opts.range?.start ?? -Infinity;
  const hi = opts.range?.end ?? Infinity;

  const byActor = groupByActorInTimeOrder(cols.actor, cols.at, cols.actors.length);
  const reached = new Float64Array(S);
  const deltas: number[][] = Array.from({ length: S }, () => []);
  const { at, kind } = cols;
  for (let a = 0; a < cols.actors.length; a++) {
    const from = byActor.offset[a] as number;
    const to = byActor.offset[a + 1] as number;
    let best = 0;
    let bestTimes: number[] = [];
    for (let p = from; p < to && best < S; p++) {
      const i = byActor.order[p] as number;
      const t0 = at[i] as number;
      if (t0 < lo || t0 >= hi) continue;
      const k0 = kind[i] as number;
      let times: number[];
      if (order === "unordered") {
        if (stepOfKind[k0] === -1) continue;
        const done = new Set<number>();
        times = [];
        for (let q = p; q < to; q++) {
          const j = byActor.order[q] as number;
          if ((at[j] as number) - t0 > windowMs) break;
          const s = stepOfKind[kind[j] as number] as number;
          if (s >= 0 && !done.has(s)) {
            done.add(s);
            times.push(at[j] as number);
          }
        }
      } else {
        if (k0 !== stepCode[0]) continue;
        times = [t0];
        for (let q = p + 1; q < to && times.length < S; q++) {
          const j = byActor.order[q] as number;
          if ((at[j] as number) - t0 > windowMs) break;
          if ((kind[j] as number) === stepCode[times.length]) times.push(at[j] as number);
          else if (order === "strict") break;
        }
      }
      if (times.length > best) {
        best = times.length;
        bestTimes = times;
      }
    }
    for (let s = 0; s < best; s++) {
      reached[s] = (reached[s] as number) + 1;
      if (s > 0) (deltas[s] as number[]).push((bestTimes[s] as number) - (bestTimes[s - 1] as number));
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

/** Row indices grouped by actor code (counting sort), each group in time order (ties: input order). */
function groupByActorInTimeOrder(
  actor: Int32Array,
  at: Float64Array,
  nActors: number,
): { offset: Float64Array; order: Int32Array } {
  const n = actor.length;
  const offset = new Float64Array(nActors + 1);
  for (let i = 0; i < n; i++) offset[(actor[i] as number) + 1] = (offset[(actor[i] as number) + 1] as number) + 1;
  for (let a = 0; a < nActors; a++) offset[a + 1] = (offset[a + 1] as number) + (offset[a] as number);
  const cursor = Float64Array.from(offset);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = actor[i] as number;
    const c = cursor[a] as number;
    order[c] = i;
    cursor[a] = c + 1;
  }
  for (let a = 0; a < nActors; a++) {
    const from = offset[a] as number;
    const to = offset[a + 1] as number;
    const group = Array.from(order.subarray(from, to)).sort((x, y) => (at[x] as number) - (at[y] as number) || x - y);
    order.set(group, from);
  }
  return { offset, order };
}
