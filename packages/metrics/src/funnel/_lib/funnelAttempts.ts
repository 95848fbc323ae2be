// The per-actor walks of funnel(): PostHog's ordered/strict step tracking and the unordered
// window search, on columns grouped by actor in time order. One FunnelWalk is reused for
// every actor of a call (no allocation per event).
import type { EventColumns } from "../../column/EventColumns";

/** The funnel's definition and reusable buffers. */
export interface FunnelWalk {
  readonly cols: EventColumns;
  /** Row indices grouped by actor, each group in time order. */
  readonly order: Int32Array;
  /** The steps each kind code matches, ascending (a kind may be several steps of an ordered funnel). */
  readonly stepsOfKind: readonly (readonly number[])[];
  readonly steps: number;
  readonly windowMs: number;
  /** The range: only events in [lo, hi) take part. */
  readonly lo: number;
  readonly hi: number;
  readonly strict: boolean;
  /** Per step: the step-1 instant of the latest attempt that reached it (NaN: none). */
  readonly entered: Float64Array;
  /** Per step s: that attempt's times of steps 0 … s (row s of an S × S matrix). */
  readonly chain: Float64Array;
  /** The times of the first attempt that reached the furthest step; its length in `reached`. */
  readonly best: Float64Array;
  reached: number;
  /** Scratch for the steps of one instant. */
  readonly scratch: number[];
}

/** A walk for a funnel of `steps` steps. */
export function createFunnelWalk(
  cols: EventColumns,
  order: Int32Array,
  stepsOfKind: readonly (readonly number[])[],
  steps: number,
  windowMs: number,
  lo: number,
  hi: number,
  strict: boolean,
): FunnelWalk {
  return {
    cols,
    order,
    stepsOfKind,
    steps,
    windowMs,
    lo,
    hi,
    strict,
    entered: new Float64Array(steps),
    chain: new Float64Array(steps * steps),
    best: new Float64Array(steps),
    reached: 0,
    scratch: [],
  };
}

/** Step s (0-based) done at t: PostHog's `aggregate_funnel` update of its entered timestamps. */
function enter(w: FunnelWalk, s: number, t: number): void {
  const S = w.steps;
  if (s === 0) {
    // every step-1 event starts a new attempt (PostHog overwrites the entry time)
    w.entered[0] = t;
    w.chain[0] = t;
  } else {
    const start = w.entered[s - 1] as number;
    // no attempt at the previous step, out of the window, or this attempt already reached step s
    if (Number.isNaN(start) || t - start > w.windowMs || w.entered[s] === start) return;
    w.entered[s] = start;
    w.chain.copyWithin(s * S, (s - 1) * S, (s - 1) * S + s);
    w.chain[s * S + s] = t;
  }
  if (s + 1 > w.reached) {
    w.reached = s + 1;
    w.best.set(w.chain.subarray(s * S, s * S + s + 1));
  }
}

/** One event matching `steps` at t: its steps from the last to the first, then the strict check. */
function event(w: FunnelWalk, steps: readonly number[], t: number): void {
  for (let j = steps.length - 1; j >= 0; j--) enter(w, steps[j] as number, t);
  // strict: an event that is not step s ends the attempt waiting at step s
  if (w.strict) for (let s = 0; s < w.steps; s++) if (!steps.includes(s)) w.entered[s] = Number.NaN;
}

function sameSteps(a: readonly number[], b: readonly number[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/**
 * One actor's ordered or strict funnel (rows `from … to` of `w.order`), as PostHog's
 * `aggregate_funnel` walks it: per step, the latest attempt that reached it; sets
 * `w.reached` and `w.best` to the first attempt that reached the furthest step.
 */
export function orderedAttempt(w: FunnelWalk, from: number, to: number): void {
  const { at, kind } = w.cols;
  const { order, stepsOfKind, strict } = w;
  w.entered.fill(Number.NaN);
  w.reached = 0;
  let p = from;
  while (p < to && w.reached < w.steps) {
    const t = at[order[p] as number] as number;
    let q = p + 1;
    while (q < to && at[order[q] as number] === t) q++;
    if (t >= w.lo && t < w.hi) {
      if (q === p + 1) {
        const steps = stepsOfKind[kind[order[p] as number] as number] as readonly number[];
        if (strict || steps.length > 0) event(w, steps, t);
      } else {
        instant(w, p, q, t);
      }
    }
    p = q;
  }
}

/**
 * Several events at one instant. Those that take part (every event in a strict funnel, step
 * events otherwise) are taken one by one when they match the same steps; otherwise their
 * steps are taken in step order, without the strict check (PostHog's rule for a group of
 * different events with one timestamp).
 */
function instant(w: FunnelWalk, p: number, q: number, t: number): void {
  const { kind } = w.cols;
  const { order, stepsOfKind, strict } = w;
  let first: readonly number[] | null = null;
  let same = true;
  for (let r = p; r < q; r++) {
    const steps = stepsOfKind[kind[order[r] as number] as number] as readonly number[];
    if (!strict && steps.length === 0) continue;
    if (first === null) first = steps;
    else if (!sameSteps(first, steps)) same = false;
  }
  if (first === null) return;
  if (same) {
    for (let r = p; r < q; r++) {
      const steps = stepsOfKind[kind[order[r] as number] as number] as readonly number[];
      if (strict || steps.length > 0) event(w, steps, t);
    }
    return;
  }
  const all = w.scratch;
  all.length = 0;
  for (let r = p; r < q; r++) all.push(...(stepsOfKind[kind[order[r] as number] as number] as readonly number[]));
  all.sort((x, y) => x - y);
  for (const s of all) enter(w, s, t);
}

/**
 * One actor's unordered funnel: the earliest start whose window holds the most distinct
 * steps, and the first time of each of them in that window, in time order (into `w.best`,
 * their number into `w.reached`).
 */
export function unorderedAttempt(w: FunnelWalk, from: number, to: number): void {
  const { at, kind } = w.cols;
  const { order, stepsOfKind, windowMs, lo, hi } = w;
  const S = w.steps;
  const times = w.chain; // first row only
  const done = w.entered; // 1 when step s is in the current window
  w.reached = 0;
  for (let p = from; p < to && w.reached < S; p++) {
    const t0 = at[order[p] as number] as number;
    if (t0 < lo) continue;
    if (t0 >= hi) break;
    if ((stepsOfKind[kind[order[p] as number] as number] as readonly number[]).length === 0) continue;
    done.fill(0);
    let n = 0;
    for (let q = p; q < to && n < S; q++) {
      const j = order[q] as number;
      const t = at[j] as number;
      if (t - t0 > windowMs || t >= hi) break;
      const s = (stepsOfKind[kind[j] as number] as readonly number[])[0];
      if (s !== undefined && done[s] === 0) {
        done[s] = 1;
        times[n++] = t;
      }
    }
    if (n > w.reached) {
      w.reached = n;
      w.best.set(times.subarray(0, n));
    }
  }
}

/** Row indices grouped by actor code (counting sort), each group in time order (ties: input order). */
export function groupByActorInTimeOrder(
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
