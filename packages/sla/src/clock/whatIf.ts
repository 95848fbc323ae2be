import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import { checkTimeline, clocksOf } from "./_lib/clocks";
import type { SlaPolicySet } from "../policy/compileSlaPolicies";
import { SLA_METRICS, type SlaMetric } from "../policy/slaMetric";
import type { SlaClocks } from "./computeSlaClocks";
import type { SlaCycle, SlaCycleStatus } from "./slaCycle";
import type { SlaEvent } from "./slaEvent";

/** Options of {@link whatIf}. */
export interface WhatIfOptions {
  /** The instant both sets of clocks are read at; not before the last event. */
  readonly now: Instant;
}

/** The two policy sets {@link whatIf} compares. */
export interface WhatIfPolicies {
  readonly current: SlaPolicySet;
  readonly proposed: SlaPolicySet;
}

/** The parts of a cycle that a policy change can move. */
export interface CycleOutcome {
  readonly policyId: string;
  readonly status: SlaCycleStatus;
  readonly goal: number;
  readonly elapsed: number;
  readonly dueAt: Instant | null;
  readonly breachedAt: Instant | null;
}

/** One cycle whose outcome differs between the two policy sets (`null`: no such cycle under that set). */
export interface WhatIfChange {
  readonly metric: SlaMetric;
  /** Position of the cycle in its metric's list. */
  readonly index: number;
  readonly current: CycleOutcome | null;
  readonly proposed: CycleOutcome | null;
}

/** The answer of {@link whatIf}: both computations in full and the differences. */
export interface WhatIfResult {
  readonly current: SlaClocks;
  readonly proposed: SlaClocks;
  readonly changes: readonly WhatIfChange[];
}

/**
 * Recomputes an item's SLA clocks under a proposed policy set (new goals, new matching,
 * another business calendar) and returns the current and proposed clocks side by side,
 * with the cycles whose status, goal, elapsed time, due or breach instant would differ
 * (a cycle that only changes policy id is not listed).
 * History is only read: the timeline and both policy sets are left as they are.
 *
 * @param events - the item's timeline (as for `computeSlaClocks`)
 * @param policies - `{ current, proposed }`, each from `compileSlaPolicies`
 * @param options - `now`
 * @returns `{ current, proposed, changes }`
 * @throws {OpsError} as `computeSlaClocks`; `invalid_argument` when a policy set is missing
 *
 * @example
 * ```ts
 * import { compileSlaPolicies, whatIf } from "@ops/sla";
 * const H = 3_600_000;
 * const t0 = Date.UTC(2026, 2, 9, 1, 0);
 * const events = [
 *   { type: "created" as const, at: t0, subject: {} },
 *   { type: "message" as const, at: t0 + 90 * 60_000, direction: "out" as const },
 * ];
 * const result = whatIf(
 *   events,
 *   {
 *     current: compileSlaPolicies([{ id: "2h", match: {}, targets: { first_reply: { goal: 2 * H, hours: "calendar" } } }]),
 *     proposed: compileSlaPolicies([{ id: "1h", match: {}, targets: { first_reply: { goal: H, hours: "calendar" } } }]),
 *   },
 *   { now: t0 + 2 * H },
 * );
 * result.changes.map((c) => [c.metric, c.current?.status, c.proposed?.status]);
 * // => [["first_reply", "achieved", "breached"]]
 * ```
 */
export function whatIf(events: readonly SlaEvent[], policies: WhatIfPolicies, options: WhatIfOptions): WhatIfResult {
  const fn = "whatIf";
  if (
    policies === null ||
    typeof policies !== "object" ||
    policies.current === undefined ||
    policies.proposed === undefined
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["policies"],
      rule: "must be { current, proposed }, two sets from compileSlaPolicies",
    });
  }
  const timeline = checkTimeline(events, fn);
  const now = parseOrThrow(InstantSchema, options?.now, { fn, path: ["options", "now"] });
  if (now < (timeline[timeline.length - 1] as SlaEvent).at) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "now"],
      rule: "must not be before the last event",
      received: now,
    });
  }
  const current = clocksOf(timeline, policies.current, now, fn);
  const proposed = clocksOf(timeline, policies.proposed, now, fn);
  const changes: WhatIfChange[] = [];
  for (const metric of SLA_METRICS) {
    const a = current.cycles[metric];
    const b = proposed.cycles[metric];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = outcome(a[i]);
      const y = outcome(b[i]);
      if (key(x) !== key(y)) changes.push({ metric, index: i, current: x, proposed: y });
    }
  }
  return { current, proposed, changes };
}

/** The comparable part of an outcome: a renamed policy with the same result is no change. */
function key(o: CycleOutcome | null): string {
  return o === null ? "null" : JSON.stringify([o.status, o.goal, o.elapsed, o.dueAt, o.breachedAt]);
}

function outcome(c: SlaCycle | undefined): CycleOutcome | null {
  if (c === undefined) return null;
  return {
    policyId: c.policyId,
    status: c.status,
    goal: c.goal,
    elapsed: c.elapsed,
    dueAt: c.dueAt,
    breachedAt: c.breachedAt ?? null,
  };
}
