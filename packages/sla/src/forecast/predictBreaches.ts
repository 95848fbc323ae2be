import { IdSchema, InstantSchema, OpsError, parseOrThrow, type Instant, type Period } from "@ops/core";
import * as z from "zod/mini";

/** One open item waiting for an agent: its id, due instant and, optionally, its own handling time. */
export interface BacklogItem {
  readonly id: string;
  readonly dueAt: Instant;
  /** Agent time the item needs, ms; default the plan's `handlingTime`. */
  readonly handlingTime?: number | undefined;
}

/** A {@link Period} `[start, end)` with a number of agents on duty. */
export interface StaffingInterval extends Period {
  readonly agents: number;
}

/** The capacity {@link predictBreaches} plans with. */
export interface CapacityPlan {
  /** When the forecast starts (no work happens before it). */
  readonly now: Instant;
  /** Agents on duty, sorted, not overlapping — e.g. from `openIntervals` of a staffing calendar. */
  readonly staffing: readonly StaffingInterval[];
  /** Default agent time per item, ms (e.g. the median handling time). */
  readonly handlingTime: number;
}

/** Schema of a {@link BacklogItem}. */
export const BacklogItemSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    dueAt: InstantSchema,
    handlingTime: z.optional(z.int().check(z.positive())),
  }))();

/** Schema of a {@link CapacityPlan}. */
export const CapacityPlanSchema = /* @__PURE__ */ (() =>
  z.object({
    now: InstantSchema,
    staffing: z.array(
      z
        .object({
          start: InstantSchema,
          end: InstantSchema,
          agents: z.int().check(z.minimum(0, { error: "must be an integer ≥ 0" })),
        })
        .check(z.refine((s) => s.end > s.start, { error: "must end after it starts", path: ["end"] })),
    ),
    handlingTime: z.int().check(z.positive({ error: "must be a positive integer number of milliseconds" })),
  }))();

/** The forecast for one item. */
export interface BreachForecast {
  readonly id: string;
  readonly dueAt: Instant;
  /** When an agent is predicted to finish the item; `null` when the plan's staffing does not reach it. */
  readonly handledAt: Instant | null;
  /**
   * `in_time`; `breach` (handled after `dueAt`, already overdue, or not reached before a
   * `dueAt` inside the plan); `beyond_plan` (not reached, and due after the plan ends).
   */
  readonly outcome: "in_time" | "breach" | "beyond_plan";
  /** When the breach happens (the due instant), `null` unless `outcome` is `breach`. */
  readonly breachAt: Instant | null;
}

/** The answer of {@link predictBreaches}: one forecast per item, in input order, and a summary. */
export interface BreachPrediction {
  readonly items: readonly BreachForecast[];
  readonly breaches: number;
  /** The earliest predicted breach, `null` if none. */
  readonly firstBreachAt: Instant | null;
}

interface Job {
  readonly index: number;
  readonly dueAt: number;
  remaining: number;
}

/**
 * Forecasts which open items will breach, and when, given the staffing plan: a simulation
 * in which the agents on duty work the backlog earliest-deadline-first (EDF, the order
 * that minimises the maximum lateness on one agent — Jackson's rule, 1955), one item per
 * agent at a time, each item taking its handling time of agent work. An item left
 * unfinished when a shift ends keeps its remaining work for the next shift. Handled
 * after its due instant (or already overdue), an item breaches at its due instant.
 *
 * @param items - the open backlog (not mutated); ids must be unique
 * @param capacity - `now`, `staffing` (agents per interval) and the default `handlingTime`
 * @returns a forecast per item in input order, the breach count and the first breach
 * @throws {OpsError} `invalid_argument` for a malformed item or plan; `duplicate` for a repeated id; `out_of_order` for overlapping or unsorted staffing intervals
 *
 * @example
 * ```ts
 * import { predictBreaches } from "@ops/sla";
 * const H = 3_600_000;
 * const now = Date.UTC(2026, 2, 9, 1, 0);
 * const plan = { now, handlingTime: H, staffing: [{ start: now, end: now + 8 * H, agents: 1 }] };
 * const forecast = predictBreaches(
 *   [{ id: "a", dueAt: now + 3 * H }, { id: "b", dueAt: now + H }, { id: "c", dueAt: now + 2 * H }],
 *   plan,
 * );
 * forecast.items.map((f) => [f.id, f.outcome]);
 * // => [["a", "in_time"], ["b", "in_time"], ["c", "in_time"]]
 * predictBreaches([{ id: "a", dueAt: now + H }, { id: "b", dueAt: now + H }], plan).firstBreachAt === now + H;
 * // => true
 * ```
 */
export function predictBreaches(items: readonly BacklogItem[], capacity: CapacityPlan): BreachPrediction {
  const fn = "predictBreaches";
  const backlog = parseOrThrow(z.array(BacklogItemSchema), items, { fn, path: ["items"] });
  const plan = parseOrThrow(CapacityPlanSchema, capacity, { fn, path: ["capacity"] });
  const ids = new Set<string>();
  backlog.forEach((it, i) => {
    if (ids.has(it.id))
      throw new OpsError({ code: "duplicate", fn, path: ["items", i, "id"], rule: "must be unique", received: it.id });
    ids.add(it.id);
  });
  plan.staffing.forEach((s, i) => {
    const prev = plan.staffing[i - 1];
    if (prev !== undefined && s.start < prev.end) {
      throw new OpsError({
        code: "out_of_order",
        fn,
        path: ["capacity", "staffing", i, "start"],
        rule: "must not be before the previous interval's end (sorted, not overlapping)",
        received: s.start,
      });
    }
  });
  const handledAt = new Array<number | null>(backlog.length).fill(null);
  const queue: Job[] = backlog
    .map((it, index) => ({ index, dueAt: it.dueAt, remaining: it.handlingTime ?? plan.handlingTime }))
    .sort((a, b) => a.dueAt - b.dueAt || a.index - b.index);
  let next = 0; // jobs before `next` have been taken; unfinished ones return to `waiting`
  let waiting: Job[] = [];
  const take = (): Job | undefined => {
    const w = waiting[0];
    const q = queue[next];
    if (w !== undefined && (q === undefined || w.dueAt < q.dueAt || (w.dueAt === q.dueAt && w.index < q.index)))
      return waiting.shift();
    if (q !== undefined) next++;
    return q;
  };
  for (const shift of plan.staffing) {
    let t = Math.max(shift.start, plan.now);
    if (t >= shift.end || shift.agents === 0) continue;
    const slots: Job[] = [];
    for (let k = 0; k < shift.agents; k++) {
      const job = take();
      if (job === undefined) break;
      slots.push(job);
    }
    while (slots.length > 0) {
      let soonest = 0;
      for (let k = 1; k < slots.length; k++)
        if ((slots[k] as Job).remaining < (slots[soonest] as Job).remaining) soonest = k;
      const step = (slots[soonest] as Job).remaining;
      if (t + step > shift.end) {
        for (const job of slots) job.remaining -= shift.end - t;
        waiting = [...slots, ...waiting].sort((a, b) => a.dueAt - b.dueAt || a.index - b.index);
        break;
      }
      t += step;
      for (const job of slots) job.remaining -= step;
      for (let k = slots.length - 1; k >= 0; k--) {
        const job = slots[k] as Job;
        if (job.remaining <= 0) {
          handledAt[job.index] = t;
          const replacement = take();
          if (replacement === undefined) slots.splice(k, 1);
          else slots[k] = replacement;
        }
      }
    }
  }
  const planEnd = plan.staffing.reduce((m, s) => Math.max(m, s.end), plan.now);
  const forecasts: BreachForecast[] = backlog.map((it, i) => {
    const done = handledAt[i] ?? null;
    const late = done === null ? it.dueAt <= planEnd : done > it.dueAt;
    const outcome = done === null && !late ? "beyond_plan" : late ? "breach" : "in_time";
    return { id: it.id, dueAt: it.dueAt, handledAt: done, outcome, breachAt: outcome === "breach" ? it.dueAt : null };
  });
  const breachTimes = forecasts.flatMap((f) => (f.breachAt === null ? [] : [f.breachAt]));
  return {
    items: forecasts,
    breaches: breachTimes.length,
    firstBreachAt: breachTimes.reduce<number | null>((m, t) => (m === null || t < m ? t : m), null),
  };
}
