// Turns a raw cycle plus the item's status/policy breakpoints into a reported SlaCycle.
import { addBusinessTime } from "../../calendar/addBusinessTime";
import { businessTimeBetween } from "../../calendar/businessTimeBetween";
import type { PausedInterval, SlaCycle } from "../slaCycle";
import { DEFAULT_PAUSE_STATUSES } from "../../policy/slaMetric";
import type { SlaPolicy, SlaTarget } from "../../policy/slaPolicy";
import type { RawCycle, StatePoint } from "./cycleEngine";

interface Rule {
  readonly target: SlaTarget;
  readonly policy: SlaPolicy;
}

function ruleAt(point: StatePoint, raw: RawCycle): Rule | null {
  const target = point.policy?.targets[raw.metric];
  return target === undefined || point.policy === null ? null : { target, policy: point.policy };
}

function measure(rule: Rule, s: number, e: number): number {
  if (rule.target.hours === "calendar") return e - s;
  return businessTimeBetween(rule.policy.calendar as NonNullable<SlaPolicy["calendar"]>, s, e);
}

function reach(rule: Rule, s: number, d: number): number {
  if (rule.target.hours === "calendar") return s + d;
  return addBusinessTime(rule.policy.calendar as NonNullable<SlaPolicy["calendar"]>, s, d);
}

/** Index of the state in force at t (the last point at or before t). */
function stateIndexAt(states: readonly StatePoint[], t: number): number {
  let lo = 0;
  let hi = states.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((states[mid] as StatePoint).at <= t) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

export function evaluateCycle(raw: RawCycle, states: readonly StatePoint[], now: number): SlaCycle | null {
  const stopped = raw.stoppedAt !== null;
  const end = raw.stoppedAt ?? now;
  const pieces: { s: number; e: number; point: StatePoint }[] = [];
  for (let i = stateIndexAt(states, raw.startedAt); i < states.length; i++) {
    const point = states[i] as StatePoint;
    const s = Math.max(point.at, raw.startedAt);
    // a running cycle is read in the state in force at `now`, even one entered at `now`
    // exactly (a status change, a reopening message): an empty last piece; a stopped
    // cycle ends before what happens at its stop
    if (s > end || (s === end && pieces.length > 0 && stopped)) break;
    const e = Math.min(states[i + 1]?.at ?? end, end);
    pieces.push({ s, e, point });
  }
  const firstRuled = pieces.findIndex((p) => ruleAt(p.point, raw) !== null);
  if (firstRuled < 0) return null;
  let rule = ruleAt((pieces[firstRuled] as (typeof pieces)[number]).point, raw) as Rule;
  let elapsed = 0;
  let breachedAt: number | undefined;
  const paused: { start: number; end: number }[] = [];
  let lastCounting = true;
  // the goal is missed when it is used up before the cycle stops (a reply exactly at the due instant is in time)
  const missed = (d: number) => d < end || (!stopped && d <= now);
  const counted: { s: number; e: number }[] = [];
  pieces.forEach((p, i) => {
    if (i >= firstRuled) {
      const next = ruleAt(p.point, raw) ?? rule;
      // a goal in other units (business ↔ calendar, another calendar) re-measures the whole cycle so far
      if (next.target.hours !== rule.target.hours || next.policy.calendar !== rule.policy.calendar) {
        elapsed = counted.reduce((sum, c) => sum + measure(next, c.s, c.e), 0);
      }
      rule = next;
    }
    // a goal applied or changed now, already used up: the breach is now, never earlier
    if (breachedAt === undefined && i >= firstRuled && elapsed >= rule.target.goal && missed(p.s)) breachedAt = p.s;
    const pauseIn: readonly string[] = rule.target.pauseIn ?? DEFAULT_PAUSE_STATUSES[raw.metric];
    const counting = p.point.status !== "resolved" && !pauseIn.includes(p.point.status);
    lastCounting = counting;
    if (!counting) {
      const prev = paused[paused.length - 1];
      if (prev !== undefined && prev.end === p.s) prev.end = p.e;
      else if (p.e > p.s || i === pieces.length - 1) paused.push({ start: p.s, end: p.e });
      return;
    }
    counted.push({ s: p.s, e: p.e });
    const len = measure(rule, p.s, p.e);
    if (breachedAt === undefined && i >= firstRuled && elapsed + len >= rule.target.goal) {
      const due = reach(rule, p.s, Math.max(0, rule.target.goal - elapsed));
      if (missed(due)) breachedAt = due;
    }
    elapsed += len;
  });
  const remaining = Math.max(0, rule.target.goal - elapsed);
  let dueAt: number | null = breachedAt ?? null;
  if (dueAt === null && !stopped && lastCounting) dueAt = reach(rule, now, remaining);
  const pausedIntervals: PausedInterval[] = paused.map((p) => ({
    start: p.start,
    end: !stopped && p.end === now && !lastCounting ? null : p.end,
  }));
  const status = breachedAt !== undefined ? "breached" : stopped ? "achieved" : lastCounting ? "active" : "paused";
  return {
    metric: raw.metric,
    policyId: rule.policy.id,
    startedAt: raw.startedAt,
    pausedIntervals,
    ...(stopped ? { stoppedAt: raw.stoppedAt as number, stoppedBy: raw.stoppedBy ?? "resolution" } : {}),
    goal: rule.target.goal,
    hours: rule.target.hours,
    elapsed,
    remaining,
    dueAt,
    ...(breachedAt !== undefined ? { breachedAt } : {}),
    status,
  };
}
