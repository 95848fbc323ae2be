import { InstantSchema, PeriodSchema, parseOrThrow, type Instant, type Period } from "@ops/core";
import * as z from "zod/mini";
import { KeySchema } from "../_lib/schemas";
import type { Rate } from "./rate";

/** One interaction by an actor (a comment, like, share, DM …). */
export interface ActorInteraction {
  /** The actor's key (e.g. core's `actorKey(ref)`). */
  readonly actor: string;
  readonly at: Instant;
}

/** Options of {@link activeFollowerRate}. */
export interface ActiveFollowerRateOptions {
  /** The followers (actor keys) at the end of the window; duplicates count once. */
  readonly followers: readonly string[];
  /** The window `[start, end)`. */
  readonly window: Period;
  /** Interactions needed in the window to count as active; default 1. */
  readonly minInteractions?: number;
}

/** An active-follower rate with its parts. */
export interface ActiveFollowerRate extends Rate {
  readonly minInteractions: number;
}

/** Schema of an {@link ActorInteraction}. */
export const ActorInteractionSchema = /* @__PURE__ */ (() => z.object({ actor: KeySchema, at: InstantSchema }))();

/** Schema of {@link ActiveFollowerRateOptions}. */
export const ActiveFollowerRateOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    followers: z.array(KeySchema),
    window: PeriodSchema,
    minInteractions: z.optional(
      z.int({ error: "must be an integer ≥ 1" }).check(z.minimum(1, { error: "must be an integer ≥ 1" })),
    ),
  }))();

const ActorInteractionListSchema = /* @__PURE__ */ (() => z.array(ActorInteractionSchema))();

/**
 * Active-follower rate: followers with at least N interactions in a window / followers
 * (N = 1 by default). This is the "follower activity" indicator of community reports;
 * interactions by non-followers do not count in either part.
 *
 * @param interactions - interactions in any order (not mutated)
 * @param options - `followers`, `window`, `minInteractions`
 * @returns the rate with its parts; `value: null` with a reason when there is no follower
 * @throws {OpsError} `invalid_argument` for an empty actor key, an invalid instant, window or N
 *
 * @example
 * ```ts
 * import { activeFollowerRate } from "@ops/metrics";
 * const day = 86_400_000;
 * const interactions = [
 *   { actor: "wx:u1", at: 1 * day },
 *   { actor: "wx:u1", at: 2 * day },
 *   { actor: "wx:u2", at: 3 * day },
 *   { actor: "wx:stranger", at: 3 * day },
 * ];
 * const options = { followers: ["wx:u1", "wx:u2", "wx:u3", "wx:u4"], window: { start: 0, end: 7 * day } };
 * activeFollowerRate(interactions, options).value;
 * // => 0.5
 * activeFollowerRate(interactions, { ...options, minInteractions: 2 }).value;
 * // => 0.25
 * ```
 */
export function activeFollowerRate(
  interactions: readonly ActorInteraction[],
  options: ActiveFollowerRateOptions,
): ActiveFollowerRate {
  const fn = "activeFollowerRate";
  const list = parseOrThrow(ActorInteractionListSchema, interactions, { fn, path: ["interactions"] });
  const opts = parseOrThrow(ActiveFollowerRateOptionsSchema, options, { fn, path: ["options"] });
  const minInteractions = opts.minInteractions ?? 1;
  const counts = new Map<string, number>();
  for (const f of opts.followers) counts.set(f, 0);
  for (const i of list) {
    if (i.at < opts.window.start || i.at >= opts.window.end) continue;
    const c = counts.get(i.actor);
    if (c !== undefined) counts.set(i.actor, c + 1);
  }
  let active = 0;
  for (const c of counts.values()) if (c >= minInteractions) active++;
  const parts = { numerator: active, denominator: counts.size, minInteractions };
  return counts.size === 0
    ? { ...parts, value: null, reason: "zero_denominator" }
    : { ...parts, value: active / counts.size, reason: null };
}
