import { type Period, PeriodSchema, parseOrThrow } from "@ops/core";
import type { ResponseTimeSummary, ResponseTimeSummaryOptions } from "@ops/metrics";
import { ResponseTimeSummaryOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import { builderFor, notCompilable } from "../_lib/parse";
import { replyItems } from "./_lib/replyItems";
import { cellNullableNumber, cellNumber } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileResponseTimeSummary}: `method` (7 only) and which inbound items. */
export interface CompileResponseTimeSummaryOptions extends ResponseTimeSummaryOptions {
  /** `direction` of an inbound item; default `"inbound"`. */
  readonly inbound?: string;
  /** Only inbound items of these kinds; default every kind. */
  readonly kinds?: readonly string[];
  /** Only items received in `[start, end)`; default all. */
  readonly range?: Period;
}

/** Schema of {@link CompileResponseTimeSummaryOptions}. */
export const CompileResponseTimeSummaryOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(ResponseTimeSummaryOptionsSchema, {
    inbound: z.optional(z.string()),
    kinds: z.optional(z.array(z.string())),
    range: z.optional(PeriodSchema),
  }))();

/**
 * `responseTimeSummary` of `@ops/metrics` over first-reply times (first reply − received,
 * answered inbound items only; see {@link compileReplyRate}) as SQL: count, mean, median,
 * p90, min, max. Percentiles are Hyndman–Fan type 7 (R's default), the only method both
 * engines compute exactly: DuckDB `quantile_cont` and ClickHouse `quantileExactInclusive`
 * interpolate x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) with h = (n − 1)p, as type 7 does; they may
 * differ from `quantile` in the last bits (tested within 1e-12 relative). Other methods are
 * refused, not approximated. (ClickHouse's plain `quantile`/`median` sample and are not used.)
 *
 * @param target - dialect and event table
 * @param options - `method` (7), `inbound`, `kinds`, `range`
 * @returns the query; `read(rows)` gives the `ResponseTimeSummary`
 * @throws {OpsError} `invalid_argument` for a bad target or option, or a method other than 7
 *
 * @example
 * ```ts
 * import { compileResponseTimeSummary } from "@ops/sql";
 * const q = compileResponseTimeSummary({ dialect: "duckdb" });
 * q.read([{ n: 0n, mean: null, median: null, p90: null, lo: null, hi: null }]).median;
 * // => null
 * ```
 */
export function compileResponseTimeSummary(
  target: SqlTarget,
  options: CompileResponseTimeSummaryOptions = {},
): CompiledQuery<ResponseTimeSummary> {
  const fn = "compileResponseTimeSummary";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileResponseTimeSummaryOptionsSchema, options, { fn, path: ["options"] });
  const method = opts.method ?? 7;
  if (method !== 7)
    notCompilable(fn, ["options", "method"], "must be 7 in SQL (the quantile both engines compute exactly)", method);
  const { d } = b;
  const dur = d.toFloat("fr - r");
  const sql =
    `SELECT count(*) AS n, avg(${dur}) AS mean, ${d.quantileR7(dur, 0.5)} AS median, ${d.quantileR7(dur, 0.9)} AS p90, ` +
    `min(${dur}) AS lo, max(${dur}) AS hi FROM (${replyItems(b, opts)}) AS items WHERE fr IS NOT NULL`;
  return b.finish(sql, (rows) => {
    const row = rows[0] ?? {};
    const n = cellNumber(row, "n", fn);
    if (n === 0) return { count: 0, mean: null, median: null, p90: null, min: null, max: null, method: 7 };
    const num = (k: string) => cellNullableNumber(row, k, fn);
    return {
      count: n,
      mean: num("mean"),
      median: num("median"),
      p90: num("p90"),
      min: num("lo"),
      max: num("hi"),
      method: 7,
    };
  });
}
