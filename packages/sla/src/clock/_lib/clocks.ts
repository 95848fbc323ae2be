// Timeline validation and clock evaluation shared by computeSlaClocks and whatIf.
import { assertCompiled, brandCompiled, OpsError, parseOrThrow, type Instant } from "@ops/core";
import type { SlaCycle, SlaItemStatus } from "../slaCycle";
import { type SlaEvent, SlaTimelineSchema } from "../slaEvent";
import type { SlaPolicySet } from "../../policy/compileSlaPolicies";
import type { SlaPolicyHistory } from "../../policy/policyHistory";
import { SLA_METRICS, type SlaMetric } from "../../policy/slaMetric";
import { walkTimeline } from "./cycleEngine";
import { evaluateCycle } from "./evaluateCycle";

/** The SLA clocks of one item at `now`. */
export interface SlaClocks {
  readonly now: Instant;
  /** The policy in force after the last event, or `null` when none matches. */
  readonly policyId: string | null;
  readonly status: SlaItemStatus;
  /** Every cycle of every metric that has a target, oldest first. */
  readonly cycles: { readonly [M in SlaMetric]: readonly SlaCycle[] };
  /** The earliest `dueAt` of a running, not yet breached cycle, with its metric; `null` if none. */
  readonly nextDue: { readonly metric: SlaMetric; readonly dueAt: Instant } | null;
}

/** The policy set in force when no history entry applies: none (built once). */
const NO_POLICIES = /* @__PURE__ */ Object.freeze(
  brandCompiled({ policies: Object.freeze([]) }, "sla.policies"),
) as unknown as SlaPolicySet;

/** Validates a timeline: schema, created first and once, time order. */
export function checkTimeline(events: readonly SlaEvent[], fn: string): SlaEvent[] {
  const timeline = parseOrThrow(SlaTimelineSchema, events, { fn, path: ["events"] }) as SlaEvent[];
  timeline.forEach((e, i) => {
    if (i === 0 && e.type !== "created") {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["events", 0, "type"],
        rule: 'must be "created": no event may come before the item exists',
        received: e.type,
      });
    }
    if (i > 0 && e.type === "created") {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["events", i, "type"],
        rule: 'must not be "created" again (an item is created once)',
        received: e.type,
      });
    }
    const prev = timeline[i - 1];
    if (prev !== undefined && e.at < prev.at) {
      throw new OpsError({
        code: "out_of_order",
        fn,
        path: ["events", i, "at"],
        rule: "must not be before the previous event's at",
        received: e.at,
      });
    }
  });
  return timeline;
}

/**
 * The policy set an item lives under: a single set, or the version of a history in force
 * at the item's creation (versions sorted by `since`, checked here).
 */
export function policySetFor(
  policies: SlaPolicySet | SlaPolicyHistory,
  createdAt: Instant,
  fn: string,
): SlaPolicySet | null {
  if (!Array.isArray(policies)) {
    // not a history: then it must be one compiled set
    assertCompiled(policies, "sla.policies", "compileSlaPolicies", fn, ["policies"]);
    return policies as SlaPolicySet;
  }
  const history = policies as SlaPolicyHistory;
  let chosen: SlaPolicySet | null = null;
  history.forEach((v, i) => {
    if (v === null || typeof v !== "object" || !Number.isInteger(v.since)) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["policies", i],
        rule: "must be { since: Instant, policies: the result of compileSlaPolicies }",
      });
    }
    assertCompiled(v.policies, "sla.policies", "compileSlaPolicies", fn, ["policies", i, "policies"]);
    const prev = history[i - 1];
    if (prev !== undefined && v.since <= prev.since) {
      throw new OpsError({
        code: "out_of_order",
        fn,
        path: ["policies", i, "since"],
        rule: "must be after the previous version's since",
        received: v.since,
      });
    }
    if (v.since <= createdAt) chosen = v.policies;
  });
  return chosen;
}

/** The clocks of an already validated timeline. */
export function clocksOf(
  timeline: readonly SlaEvent[],
  policies: SlaPolicySet | SlaPolicyHistory,
  now: Instant,
  fn: string,
): SlaClocks {
  // before the first version no policy applies: an empty set
  const set = policySetFor(policies, (timeline[0] as SlaEvent).at, fn) ?? NO_POLICIES;
  const { states, cycles: raw } = walkTimeline(timeline, set);
  const cycles = Object.fromEntries(SLA_METRICS.map((m) => [m, [] as SlaCycle[]])) as Record<SlaMetric, SlaCycle[]>;
  for (const r of raw) {
    const c = evaluateCycle(r, states, now);
    if (c !== null) cycles[r.metric].push(c);
  }
  const all = SLA_METRICS.flatMap((m) => cycles[m]);
  const running = all.some((c) => c.stoppedAt === undefined);
  const missed = all.some((c) => c.breachedAt !== undefined);
  const status: SlaItemStatus =
    all.length === 0 ? "none" : running ? (missed ? "active_with_misses" : "active") : missed ? "breached" : "achieved";
  let nextDue: SlaClocks["nextDue"] = null;
  for (const c of all) {
    if (
      c.stoppedAt === undefined &&
      c.breachedAt === undefined &&
      c.dueAt !== null &&
      (nextDue === null || c.dueAt < nextDue.dueAt)
    ) {
      nextDue = { metric: c.metric, dueAt: c.dueAt };
    }
  }
  return { now, policyId: states[states.length - 1]?.policy?.id ?? null, status, cycles, nextDue };
}
