import { parseOrThrow } from "@ops/core";
import type { ChannelRollup, RollupByChannelOptions } from "@ops/metrics";
import { RollupByChannelOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import { bucketQuery } from "./_lib/bucketQuery";
import { builderFor, notCompilable } from "../_lib/parse";
import { cellNumber, cellString, finiteOrThrow } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileRollupByChannel}: those of `rollupByChannel` (without `fill`), and `approximate`. */
export interface CompileRollupByChannelOptions extends Omit<RollupByChannelOptions, "fill"> {
  /** Only `false` (the default): zero rows for (bucket, channel) pairs without events are not compiled. */
  readonly fill?: false;
  /** Approximate distinct actors (see {@link compileDistinctActors}); default `false` (exact). */
  readonly approximate?: boolean;
}

/** Schema of {@link CompileRollupByChannelOptions}. */
export const CompileRollupByChannelOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(RollupByChannelOptionsSchema, { approximate: z.optional(z.boolean()) }))();

const SUM_RULE = "must have values that sum to a finite number (within ±Number.MAX_VALUE) in each bucket";

/**
 * `rollupByChannel` of `@ops/metrics` as SQL: count, Σ value and distinct actors per local
 * calendar bucket (day, week, month in an IANA zone, see {@link compileTimeBuckets}) and
 * channel — one `GROUP BY` over the event table. Rows come ordered by bucket, then by channel
 * **name** (the in-memory function orders channels by first appearance in its input, which a
 * table does not have); compare as sets. `distinctActors: false` leaves the distinct count out
 * of the query (`distinctActors: null` in each row), as in `rollupByChannel`. `fill: true` (zero rows for every known channel) is
 * refused: the channel dictionary of an in-memory input has no SQL counterpart.
 *
 * @param target - dialect and event table
 * @param options - as `rollupByChannel`, plus `approximate`
 * @returns the query; `read(rows)` gives the `ChannelRollup[]` of `rollupByChannel` on the same rows
 * @throws {OpsError} `invalid_argument` for a bad target or option or `fill: true`, `invalid_time_zone`; `read` throws `out_of_range` for a sum past ±Number.MAX_VALUE
 *
 * @example
 * ```ts
 * import { compileRollupByChannel } from "@ops/sql";
 * const q = compileRollupByChannel({ dialect: "clickhouse", table: "events" }, { timeZone: "Asia/Shanghai" });
 * q.sql.includes("GROUP BY ev_bd, ev_ch");
 * // => true
 * q.read([{ label: "2026-03-08", start_ms: "1772899200000", end_ms: "1772985600000", channel: "weibo", n: "2", s: 7, d: "1" }])[0];
 * // => { start: 1772899200000, end: 1772985600000, label: "2026-03-08", channel: "weibo", count: 2, sum: 7, distinctActors: 1 }
 * ```
 */
export function compileRollupByChannel(
  target: SqlTarget,
  options: CompileRollupByChannelOptions,
): CompiledQuery<ChannelRollup[]> {
  const fn = "compileRollupByChannel";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileRollupByChannelOptionsSchema, options, { fn, path: ["options"] });
  if (opts.fill === true)
    notCompilable(
      fn,
      ["options", "fill"],
      "must be false in SQL (zero rows need the in-memory channel dictionary)",
      true,
    );
  const sql = bucketQuery(b, {
    unit: opts.unit ?? "day",
    timeZone: opts.timeZone,
    weekStartsOn: opts.weekStartsOn ?? 1,
    range: opts.range,
    kinds: opts.kinds,
    byChannel: true,
    approximate: opts.approximate === true,
    distinct: opts.distinctActors !== false,
  });
  return b.finish(sql, (rows) =>
    rows.map((r) => ({
      start: cellNumber(r, "start_ms", fn),
      end: cellNumber(r, "end_ms", fn),
      label: cellString(r, "label", fn),
      channel: cellString(r, "channel", fn),
      count: cellNumber(r, "n", fn),
      sum: finiteOrThrow(cellNumber(r, "s", fn), fn, SUM_RULE),
      distinctActors: opts.distinctActors === false ? null : cellNumber(r, "d", fn),
    })),
  );
}
