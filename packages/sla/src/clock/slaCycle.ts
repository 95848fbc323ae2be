import type { Instant } from "@ops/core";
import type { SlaMetric } from "../policy/slaMetric";

/**
 * Where a cycle is: `active` (counting), `paused` (not counting in the current status),
 * `achieved` (stopped within its goal), `breached` (its goal was reached before it stopped;
 * it may still be running).
 */
export type SlaCycleStatus = "active" | "paused" | "achieved" | "breached";

/** A span in which a cycle's clock did not count; `end: null` while the pause lasts. */
export interface PausedInterval {
  readonly start: Instant;
  readonly end: Instant | null;
}

/**
 * One measurement of one metric: e.g. the wait from a customer message to the reply that
 * answered it. Times are epoch ms; durations are ms of business or calendar time
 * (`hours`).
 */
export interface SlaCycle {
  readonly metric: SlaMetric;
  /** The policy whose goal is in force for this cycle. */
  readonly policyId: string;
  readonly startedAt: Instant;
  /** Spans in which the clock was paused by the item's status (or the item was resolved). */
  readonly pausedIntervals: readonly PausedInterval[];
  /** When the cycle stopped (the reply, the resolution); absent while it runs. */
  readonly stoppedAt?: Instant;
  /** What stopped it: an agent `reply` or the item's `resolution`; absent while it runs. */
  readonly stoppedBy?: "reply" | "resolution";
  /** The goal in force at the end of the cycle, ms. */
  readonly goal: number;
  readonly hours: "business" | "calendar";
  /** Counted time, up to `stoppedAt` or `now`. */
  readonly elapsed: number;
  /** `max(0, goal − elapsed)`. */
  readonly remaining: number;
  /**
   * When the goal is (or was) reached: the breach instant for a breached cycle; for a
   * running cycle, `now` plus the remaining time if the clock keeps counting; `null` while
   * paused or after an achieved stop.
   */
  readonly dueAt: Instant | null;
  /** When the goal was reached before the cycle stopped — never earlier than the policy that set the goal was applied. */
  readonly breachedAt?: Instant;
  readonly status: SlaCycleStatus;
}

/**
 * The SLA state of a whole item, with Chatwoot's names in parentheses: `none` (no policy
 * applies), `active` (running, nothing missed), `active_with_misses` (running, some cycle
 * breached), `achieved` (all cycles stopped in time — Chatwoot "hit"), `breached` (all
 * stopped, some missed — Chatwoot "missed").
 */
export type SlaItemStatus = "none" | "active" | "active_with_misses" | "achieved" | "breached";
