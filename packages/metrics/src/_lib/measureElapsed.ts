import { type Instant, OpsError } from "@ops/core";

/**
 * How much of a reply target has elapsed between two instants, in ms — calendar time by
 * default; pass business time to measure against staffed hours, e.g. with @ops/sla:
 * `(from, to) => businessTimeBetween(calendar, from, to)`.
 */
export type ElapsedTime = (from: Instant, to: Instant) => number;

/**
 * Calls `elapsed` and checks what it returns: a finite duration ≥ 0 (ms), else
 * `invalid_argument` at `path` naming the instants.
 */
export function measureElapsed(
  elapsed: ElapsedTime | undefined,
  from: Instant,
  to: Instant,
  fn: string,
  path: readonly (string | number)[],
): number {
  if (elapsed === undefined) return to - from;
  const ms = elapsed(from, to);
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: `must return a finite duration ≥ 0 in ms (from ${from} to ${to})`,
      received: ms,
    });
  }
  return ms;
}
