import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import { checkTimeline, clocksOf } from "./_lib/clocks";
import type { SlaPolicySet } from "../policy/compileSlaPolicies";
import type { SlaPolicyHistory } from "../policy/policyHistory";
import type { SlaEvent } from "./slaEvent";
import type { SlaClocks } from "./_lib/clocks";
export type { SlaClocks } from "./_lib/clocks";

/** Options of {@link computeSlaClocks}. */
export interface ComputeSlaClocksOptions {
  /** The instant the clocks are read at; not before the last event. */
  readonly now: Instant;
}

/**
 * Computes an item's SLA clocks from its timeline, Zendesk-style: for each metric (see
 * `SlaMetricSchema`) a list of cycles with their pauses, elapsed and remaining time, due
 * instant, breach instant and status, and the item status (`active_with_misses` when a
 * cycle was missed while others still run).
 *
 * Rules: the policy set is the one in force when the SLA was applied (the item's creation)
 * and stays in force for the item; the policy is the first match of that set at creation and again at each `update`
 * event; a running cycle takes the new policy's goal (re-measured from its start when the
 * new goal counts other hours or another calendar), and a completed cycle keeps its goal
 * when the policy changes later. When a new goal is already used up
 * at the moment it is applied, the breach is that moment — never back-dated. Elapsed time
 * is counted in business hours (the policy's calendar) or calendar hours, except in the
 * statuses the target pauses in; a message outside business hours therefore starts
 * counting at the next opening. The goal is missed when it is used up before the cycle
 * stops; a reply exactly at the due instant is in time.
 *
 * @param events - the item's timeline, ordered by `at`, starting with `created`
 * @param policies - a set from `compileSlaPolicies`, or a {@link SlaPolicyHistory} of
 * versions: the version in force when the item was created stays in force for the item
 * @param options - `now`
 * @returns the clocks, fresh objects
 * @throws {OpsError} `invalid_argument` for a malformed event, a timeline that does not
 * start with `created` (an event before the item exists), a second `created`, or `now`
 * before the last event; `out_of_order` for events out of time order; `out_of_horizon`
 * when a business calendar does not cover the cycles
 *
 * @example
 * ```ts
 * import { compileSlaPolicies, computeSlaClocks } from "@ops/sla";
 * const H = 3_600_000;
 * const policies = compileSlaPolicies([{ id: "comments", match: {}, targets: { first_reply: { goal: 2 * H, hours: "calendar" } } }]);
 * const t0 = Date.UTC(2026, 2, 9, 1, 0);
 * const clocks = computeSlaClocks(
 *   [
 *     { type: "created", at: t0, subject: { platform: "xiaohongshu", kind: "comment" } },
 *     { type: "message", at: t0 + 3 * H, direction: "out", visibility: "public" },
 *   ],
 *   policies,
 *   { now: t0 + 4 * H },
 * );
 * [clocks.status, clocks.cycles.first_reply[0]?.status, clocks.cycles.first_reply[0]?.breachedAt === t0 + 2 * H];
 * // => ["breached", "breached", true]
 * ```
 */
export function computeSlaClocks(
  events: readonly SlaEvent[],
  policies: SlaPolicySet | SlaPolicyHistory,
  options: ComputeSlaClocksOptions,
): SlaClocks {
  const fn = "computeSlaClocks";
  const timeline = checkTimeline(events, fn);
  const now = parseOrThrow(InstantSchema, options?.now, { fn, path: ["options", "now"] });
  const last = timeline[timeline.length - 1] as SlaEvent;
  if (now < last.at) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "now"],
      rule: "must not be before the last event",
      received: now,
    });
  }
  return clocksOf(timeline, policies, now, fn);
}
