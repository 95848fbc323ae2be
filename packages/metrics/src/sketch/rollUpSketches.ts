import {
  InstantSchema,
  OpsError,
  parseOrThrow,
  startOfLocalMonth,
  startOfLocalWeek,
  TimeZoneSchema,
  type Instant,
  type TimeZone,
  type WeekStartsOn,
} from "@ops/core";
import * as z from "zod/mini";
import { assertSketch } from "./_lib/assertSketch";
import type { Sketch } from "./Sketch";

/** One period's sketch, e.g. a day's distinct commenters. */
export interface DatedSketch<S> {
  /** Any instant inside the period (usually its start). */
  readonly at: Instant;
  readonly sketch: S;
}

/** Options of {@link rollUpSketches}. */
export interface RollUpSketchesOptions {
  /** The calendar unit to roll up into. */
  readonly unit: "week" | "month";
  /** The zone whose calendar defines weeks and months. */
  readonly timeZone: TimeZone;
  /** For weeks: 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: WeekStartsOn;
}

/** Schema of {@link RollUpSketchesOptions}. */
export const RollUpSketchesOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    unit: z.enum(["week", "month"]),
    timeZone: TimeZoneSchema,
    weekStartsOn: z.optional(
      z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    ),
  }))();

/**
 * Rolls daily (or hourly) sketches up into calendar weeks or months by merging them —
 * the only correct roll-up: weekly unique users are not the sum of daily uniques, and a
 * weekly p90 is not the mean of daily p90s.
 *
 * @param entries - dated sketches of one kind and parameters (not mutated)
 * @param options - `unit`, `timeZone`, `weekStartsOn`
 * @returns one merged sketch per local week or month that has entries, sorted by `start`
 * @throws {OpsError} `invalid_argument` for a non-array, bad instants, options or non-sketches; `invalid_time_zone`; `conflict` for sketches that cannot merge (kinds, formats, parameters)
 *
 * @example
 * ```ts
 * import { createHyperLogLog, rollUpSketches } from "@ops/metrics";
 * const day = (ids: string[]) => { const h = createHyperLogLog({ precision: 12 }); ids.forEach((id) => h.add(id)); return h; };
 * const weeks = rollUpSketches([
 *   { at: Date.UTC(2026, 2, 9), sketch: day(["ana", "bo"]) },  // Monday
 *   { at: Date.UTC(2026, 2, 10), sketch: day(["bo", "cy"]) },  // Tuesday, same week
 *   { at: Date.UTC(2026, 2, 16), sketch: day(["ana"]) },       // next Monday
 * ], { unit: "week", timeZone: "UTC" });
 * weeks.map((w) => Math.round(w.sketch.estimate()));
 * // => [3, 1]
 * ```
 */
export function rollUpSketches<S extends Sketch<S>>(
  entries: readonly DatedSketch<S>[],
  options: RollUpSketchesOptions,
): { readonly start: Instant; readonly sketch: S }[] {
  const fn = "rollUpSketches";
  const opts = parseOrThrow(RollUpSketchesOptionsSchema, options, { fn, path: ["options"] });
  if (!Array.isArray(entries))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entries"],
      rule: "must be an array of { at, sketch }",
      received: entries,
    });
  const groups = new Map<Instant, S>();
  const kind = (entries[0] as DatedSketch<S> | undefined)?.sketch?.kind;
  entries.forEach((entry, i) => {
    const at = parseOrThrow(InstantSchema, entry?.at, { fn, path: ["entries", i, "at"] });
    assertSketch(entry.sketch, fn, ["entries", i, "sketch"]);
    if (entry.sketch.kind !== kind) {
      throw new OpsError({
        code: "conflict",
        fn,
        path: ["entries", i, "sketch"],
        rule: `must be a ${String(kind)} sketch like entries[0].sketch`,
        received: entry.sketch.kind,
      });
    }
    const start =
      opts.unit === "month"
        ? startOfLocalMonth(at, opts.timeZone)
        : startOfLocalWeek(at, opts.timeZone, { weekStartsOn: opts.weekStartsOn ?? 1 });
    const prev = groups.get(start);
    groups.set(start, prev === undefined ? entry.sketch.clone() : prev.merge(entry.sketch));
  });
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([start, sketch]) => ({ start, sketch }));
}
