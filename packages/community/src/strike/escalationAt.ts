import { InstantSchema, OpsError, parseOrThrow, type Instant } from "@ops/core";
import * as z from "zod/mini";
import { ActionSchema, type Action } from "../rule/Rule";
import type { StrikeLog, StrikeRecord } from "./StrikeLog";
import { foldStrikes } from "./_lib/foldStrikes";

/** One step of an escalation ladder: from `minPoints` active strike points on, `action` applies. */
export interface LadderStep {
  readonly minPoints: number;
  readonly action: Action;
  readonly label?: string;
}

/** Schema of an escalation ladder: steps with strictly increasing `minPoints` > 0. */
export const EscalationLadderSchema = /* @__PURE__ */ (() =>
  z
    .array(
      z.object({
        minPoints: z.number().check(z.positive({ error: "must be a number > 0" })),
        action: ActionSchema,
        label: z.optional(z.string().check(z.maxLength(256))),
      }),
    )
    .check(
      z.minLength(1, { error: "must hold at least one step" }),
      z.refine((steps) => steps.every((s, i) => i === 0 || s.minPoints > (steps[i - 1] as LadderStep).minPoints), {
        error: "must list steps in strictly increasing minPoints",
      }),
    ))();

/**
 * The ladder of the domain's rule of thumb: 1 point → a warning, 2 → a 24-hour timeout,
 * 3 → removal from the group.
 */
export const DEFAULT_LADDER: readonly LadderStep[] = /* @__PURE__ */ (() =>
  Object.freeze([
    { minPoints: 1, action: { kind: "warn" }, label: "warning" },
    { minPoints: 2, action: { kind: "timeout", durationMs: 24 * 3_600_000 }, label: "24 h timeout" },
    { minPoints: 3, action: { kind: "remove" }, label: "removal" },
  ] as const satisfies readonly LadderStep[]))();

/** Options of {@link escalationAt}. */
export interface EscalationAtOptions {
  /** Default {@link DEFAULT_LADDER}. */
  readonly ladder?: readonly LadderStep[];
}

/** Schema of {@link EscalationAtOptions}. */
export const EscalationAtOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ ladder: z.optional(EscalationLadderSchema) }))();

/** Where an actor stands on the ladder at an instant. */
export interface Escalation {
  /** Sum of the frozen weights of the active strikes. */
  readonly points: number;
  /** The strikes that count at the instant, oldest first. */
  readonly active: readonly StrikeRecord[];
  /** The highest step whose `minPoints` ≤ points, or null below the first step. */
  readonly step: LadderStep | null;
  /** When the points next drop because an active strike expires, or null if none will. */
  readonly nextExpiryAt: Instant | null;
}

/**
 * Computes an actor's escalation at an instant `now`, purely from the strike log: a strike
 * counts at `now` when `at ≤ now < expiresAt` (or it has no expiry) and it was not revoked
 * at or before `now`; points are the sum of the counting strikes' frozen weights; the step is
 * the highest ladder step reached. Replaying the same log at the same instant always gives
 * the same answer, and asking about the past shows the state as it was then.
 *
 * @param log - the append-only strike log
 * @param actor - the actor key
 * @param now - the evaluation time (any instant, past ones included)
 * @param options - `ladder` (default {@link DEFAULT_LADDER})
 * @returns points, active strikes, the step, and the next expiry
 * @throws {OpsError} `invalid_argument` for a malformed log, instant or ladder
 *
 * @example
 * ```ts
 * import { escalationAt } from "@ops/community";
 * const day = 86_400_000;
 * const log = [
 *   { type: "strike", id: "s1", actor: "a", ruleId: "ads", weight: 1, at: 0, expiresAt: 30 * day },
 *   { type: "strike", id: "s2", actor: "a", ruleId: "ads", weight: 1, at: day, expiresAt: 31 * day },
 * ] as const;
 * escalationAt(log, "a", 2 * day).step?.label;
 * // => "24 h timeout"
 * escalationAt(log, "a", 30 * day).points;
 * // => 1
 * ```
 */
export function escalationAt(
  log: StrikeLog,
  actor: string,
  now: Instant,
  options: EscalationAtOptions = {},
): Escalation {
  const fn = "escalationAt";
  const t = parseOrThrow(InstantSchema, now, { fn, path: ["now"] });
  if (typeof actor !== "string" || actor.length === 0)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["actor"],
      rule: "must be a non-empty actor key",
      received: actor,
    });
  const opts = parseOrThrow(EscalationAtOptionsSchema, options, { fn, path: ["options"] });
  // zod's output spells an absent label `label?: string | undefined`; the steps are the parsed copies
  const ladder = (opts.ladder ?? DEFAULT_LADDER) as readonly LadderStep[];
  const active = foldStrikes(log, actor, fn)
    .filter((s) => s.at <= t && (s.expiresAt === null || t < s.expiresAt) && (s.revokedAt === null || t < s.revokedAt))
    .sort((a, b) => a.at - b.at);
  // summed in a fixed order, so that equal logs give bit-equal points
  const points = active.reduce((sum, s) => sum + s.weight, 0);
  let step: LadderStep | null = null;
  for (const s of ladder) if (points >= s.minPoints) step = s;
  const expiries = active.map((s) => s.expiresAt).filter((e): e is number => e !== null);
  return { points, active, step, nextExpiryAt: expiries.length === 0 ? null : Math.min(...expiries) };
}
