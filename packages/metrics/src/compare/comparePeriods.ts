import { OpsError, PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import { changeOf, MAX_COMPARED } from "./_lib/change";
import * as z from "zod/mini";
import { kindMask, toColumns } from "../_lib/columns";
import type { EventInput } from "../column/EventColumns";
import type { PeriodChange } from "./periodChange";
import { previousPeriod, PreviousPeriodOptionsSchema, type PreviousPeriodOptions } from "./previousPeriod";

/** What to measure in each period. */
export type PeriodMeasure = "count" | "sum" | "distinctActors";

/** Options of {@link comparePeriods}. */
export interface ComparePeriodsOptions extends PreviousPeriodOptions {
  /** The current period `[start, end)`. */
  readonly period: Period;
  /** Default `"count"`. */
  readonly measure?: PeriodMeasure;
  /** Only events of these kinds count; default every kind. */
  readonly kinds?: readonly string[];
}

/** A measure in the current and the previous period, and the change. */
export interface PeriodComparison {
  readonly measure: PeriodMeasure;
  readonly current: { readonly period: Period; readonly value: number };
  readonly previous: { readonly period: Period; readonly value: number };
  readonly change: PeriodChange;
}

/** Schema of {@link ComparePeriodsOptions}. */
export const ComparePeriodsOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(PreviousPeriodOptionsSchema, {
    period: PeriodSchema,
    measure: z.optional(z.enum(["count", "sum", "distinctActors"])),
    kinds: z.optional(z.array(z.string())),
  }))();

/**
 * Compares a measure of events (count, Σ value or distinct actors) in a period with the
 * same measure in the previous period — week over week, month over month or year over
 * year, the earlier period found by {@link previousPeriod} (YoY optionally aligned by
 * weekday with a 364-day lag) — with absolute and relative change and a direction as
 * {@link periodChange} defines them (`relative: null` where the base is 0).
 *
 * With `measure: "sum"`, the values of a period must sum (in event order) to at most
 * `Number.MAX_VALUE / 2` in magnitude, and the previous sum must not be so close to 0 that
 * the relative change overflows, so that every number returned is finite (see {@link periodChange}).
 *
 * @param events - event objects or {@link EventColumns} (not mutated)
 * @param options - `period`, `against`, `timeZone`, `yoyAlignment`, `measure`, `kinds`
 * @returns both values and the change
 * @throws {OpsError} `invalid_argument` for a bad event, period or option; `invalid_time_zone`; `out_of_range` when a sum of values leaves ±Number.MAX_VALUE / 2 or the relative change would exceed Number.MAX_VALUE
 *
 * @example
 * ```ts
 * import { comparePeriods } from "@ops/metrics";
 * const day = 86_400_000;
 * const events = [
 *   { at: 1 * day, actor: "a" }, { at: 2 * day, actor: "b" },
 *   { at: 8 * day, actor: "a" }, { at: 9 * day, actor: "a" }, { at: 10 * day, actor: "c" },
 * ];
 * const wow = comparePeriods(events, { period: { start: 7 * day, end: 14 * day }, against: "wow", timeZone: "UTC" });
 * [wow.previous.value, wow.current.value, wow.change.relative, wow.change.direction];
 * // => [2, 3, 0.5, "up"]
 * comparePeriods(events, { period: { start: 7 * day, end: 14 * day }, against: "wow", timeZone: "UTC", measure: "distinctActors" }).change.relative;
 * // => 0
 * ```
 */
export function comparePeriods(events: EventInput, options: ComparePeriodsOptions): PeriodComparison {
  const fn = "comparePeriods";
  const opts = parseOrThrow(ComparePeriodsOptionsSchema, options, { fn, path: ["options"] });
  const cols = toColumns(events, fn);
  const { period, measure = "count" } = opts;
  const prev = previousPeriod(period, {
    against: opts.against,
    timeZone: opts.timeZone,
    ...(opts.yoyAlignment === undefined ? {} : { yoyAlignment: opts.yoyAlignment }),
  });
  const mask = kindMask(cols, opts.kinds);
  const value = [0, 0];
  const seen = [new Uint8Array(cols.actors.length), new Uint8Array(cols.actors.length)] as const;
  const { at, actor, kind } = cols;
  for (let i = 0; i < at.length; i++) {
    if (mask !== null && mask[kind[i] as number] === 0) continue;
    const t = at[i] as number;
    // the two periods may overlap (a 30-day period against "wow"): test both
    for (let w = 0; w < 2; w++) {
      const p = w === 0 ? period : prev;
      if (t < p.start || t >= p.end) continue;
      if (measure === "count") value[w] = (value[w] as number) + 1;
      else if (measure === "sum") value[w] = (value[w] as number) + (cols.value[i] as number);
      else {
        const s = seen[w as 0 | 1];
        const a = actor[i] as number;
        if (s[a] === 0) {
          s[a] = 1;
          value[w] = (value[w] as number) + 1;
        }
      }
    }
  }
  const current = value[0] as number;
  const previous = value[1] as number;
  // only a sum can leave the range: counts are at most the number of events
  for (const v of value) {
    if (!(Math.abs(v) <= MAX_COMPARED)) {
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: ["events"],
        rule: "must have values that sum to at most Number.MAX_VALUE / 2 (≈ 8.99e307) in magnitude in each period",
        received: v,
      });
    }
  }
  const change = changeOf(current, previous);
  if (change === null) {
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["events"],
      rule: "must not sum to a previous-period value so close to 0 that the relative change exceeds Number.MAX_VALUE",
      received: previous,
    });
  }
  return {
    measure,
    current: { period: { start: period.start, end: period.end }, value: current },
    previous: { period: prev, value: previous },
    change,
  };
}
