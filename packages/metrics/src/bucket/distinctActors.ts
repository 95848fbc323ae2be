import { PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import * as z from "zod/mini";
import { toColumns, kindMask } from "../_lib/columns";
import type { EventInput } from "../column/EventColumns";

/** Options of {@link distinctActors}. */
export interface DistinctActorsOptions {
  /** Only events in `[start, end)` count. */
  readonly range?: Period;
  /** Only events of these kinds count. */
  readonly kinds?: readonly string[];
}

/** Schema of {@link DistinctActorsOptions}. */
export const DistinctActorsOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    range: z.optional(PeriodSchema),
    kinds: z.optional(z.array(z.string())),
  }))();

/**
 * Exact number of distinct actors among events (optionally in a range and of some kinds)
 * — e.g. active users of a week. Exact, with one bit per actor in the dictionary; for
 * approximate counts that merge across shards, use a HyperLogLog sketch instead.
 *
 * @param events - event objects or {@link EventColumns} (not mutated)
 * @param options - `range`, `kinds`
 * @returns the count of distinct actors
 * @throws {OpsError} `invalid_argument` for a bad event or option
 *
 * @example
 * ```ts
 * import { distinctActors } from "@ops/metrics";
 * const events = [
 *   { at: 1, actor: "a", kind: "comment" },
 *   { at: 2, actor: "a", kind: "like" },
 *   { at: 3, actor: "b", kind: "like" },
 * ];
 * distinctActors(events);
 * // => 2
 * distinctActors(events, { kinds: ["comment"] });
 * // => 1
 * ```
 */
export function distinctActors(events: EventInput, options: DistinctActorsOptions = {}): number {
  const fn = "distinctActors";
  const opts = parseOrThrow(DistinctActorsOptionsSchema, options, { fn, path: ["options"] });
  const cols = toColumns(events, fn);
  const mask = kindMask(cols, opts.kinds);
  const lo = opts.range?.start ?? -Infinity;
  const hi = opts.range?.end ?? Infinity;
  const seen = new Uint8Array(cols.actors.length);
  let d = 0;
  const { at, actor, kind } = cols;
  for (let i = 0; i < at.length; i++) {
    if (mask !== null && mask[kind[i] as number] === 0) continue;
    const t = at[i] as number;
    if (t < lo || t >= hi) continue;
    const a = actor[i] as number;
    if (seen[a] === 0) {
      seen[a] = 1;
      d++;
    }
  }
  return d;
}
