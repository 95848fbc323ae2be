import { OpsError, parseOrThrow, type WeekStartsOn } from "@ops/core";
import { type TimeBucket, timeBuckets, type TimeBucketsOptions } from "@ops/metrics";
import { TimeBucketsOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import { bucketQuery } from "./_lib/bucketQuery";
import { builderFor } from "../_lib/parse";
import { cellNumber, cellString, finiteOrThrow } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileTimeBuckets}: those of `@ops/metrics`' `timeBuckets`, and `approximate`. */
export interface CompileTimeBucketsOptions extends TimeBucketsOptions {
  /** Approximate distinct actors (see {@link compileDistinctActors}); default `false` (exact). */
  readonly approximate?: boolean;
}

/** Schema of {@link CompileTimeBucketsOptions}. */
export const CompileTimeBucketsOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(TimeBucketsOptionsSchema, { approximate: z.optional(z.boolean()) }))();

const SUM_RULE = "must have values that sum to a finite number (within ±Number.MAX_VALUE) in each bucket";

/**
 * `timeBuckets` of `@ops/metrics` as SQL: events per local day, week (starting on
 * `weekStartsOn`) or month in an IANA zone, with count, Σ value and distinct actors. The
 * engine computes each event's local date with its own zone database (DuckDB: ICU;
 * ClickHouse: its bundled tzdata), so a DST day is one bucket of 23 or 25 hours and a
 * skipped midnight starts the day at 01:00, as in `@ops/metrics`. Empty buckets (`fill`,
 * default `true`) are added by `read` from the zone's calendar, not by the SQL.
 *
 * @param target - dialect and event table
 * @param options - as `timeBuckets`, plus `approximate`
 * @returns the query; `read(rows)` gives `TimeBucket[]` equal to `timeBuckets` on the same rows
 * @throws {OpsError} `invalid_argument` for a bad target or option, `invalid_time_zone`; `read` throws `out_of_range` for a sum past ±Number.MAX_VALUE
 *
 * @example
 * ```ts
 * import { compileTimeBuckets } from "@ops/sql";
 * const q = compileTimeBuckets({ dialect: "duckdb" }, { timeZone: "America/New_York", unit: "week" });
 * q.params.map((p) => p.value);
 * // => ["America/New_York", 1]
 * q.read([{ label: "2026-03-02", start_ms: 1772427600000n, end_ms: 1773028800000n, n: 2n, s: 5, d: 1n, t_min: 1772500000000n, t_max: 1772600000000n }]).map((b) => [b.label, b.count, b.sum, b.distinctActors]);
 * // => [["2026-03-02", 2, 5, 1]]
 * ```
 */
export function compileTimeBuckets(target: SqlTarget, options: CompileTimeBucketsOptions): CompiledQuery<TimeBucket[]> {
  const fn = "compileTimeBuckets";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileTimeBucketsOptionsSchema, options, { fn, path: ["options"] });
  const unit = opts.unit ?? "day";
  const weekStartsOn = (opts.weekStartsOn ?? 1) as WeekStartsOn;
  const sql = bucketQuery(b, {
    unit,
    timeZone: opts.timeZone,
    weekStartsOn,
    range: opts.range,
    kinds: opts.kinds,
    byChannel: false,
    approximate: opts.approximate === true,
    distinct: true,
  });
  return b.finish(sql, (rows) => {
    const read = rows.map((r) => ({
      start: cellNumber(r, "start_ms", fn),
      end: cellNumber(r, "end_ms", fn),
      label: cellString(r, "label", fn),
      count: cellNumber(r, "n", fn),
      sum: finiteOrThrow(cellNumber(r, "s", fn), fn, SUM_RULE),
      distinctActors: cellNumber(r, "d", fn),
      tMin: cellNumber(r, "t_min", fn),
      tMax: cellNumber(r, "t_max", fn),
    }));
    const strip = ({ tMin: _a, tMax: _b, ...bucket }: (typeof read)[number]): TimeBucket => bucket;
    if (opts.fill === false) return read.map(strip);
    let range = opts.range;
    if (range === undefined) {
      if (read.length === 0) return [];
      range = { start: Math.min(...read.map((r) => r.tMin)), end: Math.max(...read.map((r) => r.tMax)) + 1 };
    }
    // the zone's calendar of the span (the same plan as timeBuckets), then the rows by label
    const byLabel = new Map(read.map((r) => [r.label, r]));
    const plan = timeBuckets([], { timeZone: opts.timeZone, unit, weekStartsOn, range });
    // a row whose bucket is not in the plan did not come from this query: refused, never dropped
    const planned = new Set(plan.map((b) => b.label));
    const stray = read.findIndex((r) => !planned.has(r.label));
    if (stray !== -1)
      throw new OpsError({
        code: "corrupt_data",
        fn,
        path: ["rows", stray, "label"],
        rule: "must be a bucket of the query's range and zone (rows from another query or range are not read)",
        received: read[stray]?.label,
      });
    return plan.map((empty) => {
      const r = byLabel.get(empty.label);
      return r === undefined ? empty : strip(r);
    });
  });
}
