import { OpsError, parseOrThrow } from "@ops/core";
import { type ComparePeriodsOptions, periodChange, type PeriodComparison, previousPeriod } from "@ops/metrics";
import { ComparePeriodsOptionsSchema } from "@ops/metrics/schemas";
import { eventConditions, where } from "../_lib/bucketSql";
import { builderFor } from "../_lib/parse";
import { cellNullableNumber } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileComparePeriods}: those of `comparePeriods` (shared schema). */
export type CompileComparePeriodsOptions = ComparePeriodsOptions;

/** Schema of {@link CompileComparePeriodsOptions}: `ComparePeriodsOptionsSchema` of `@ops/metrics`. */
export const CompileComparePeriodsOptionsSchema = ComparePeriodsOptionsSchema;

/**
 * `comparePeriods` of `@ops/metrics` as SQL: a count, Σ value or distinct actors in the
 * current period and in the previous one (week over week, month over month, year over year
 * on the same calendar dates or 364 days earlier), in one scan. The previous period is
 * computed here, on the local calendar of `timeZone` (`previousPeriod`), and bound as
 * parameters; `read` adds the change (`periodChange`).
 *
 * @param target - dialect and event table
 * @param options - as `comparePeriods`
 * @returns the query; `read(rows)` gives the `PeriodComparison` of `comparePeriods`
 * @throws {OpsError} `invalid_argument` for a bad target or option, `invalid_time_zone`; `read` throws `out_of_range` as `comparePeriods` does
 *
 * @example
 * ```ts
 * import { compileComparePeriods } from "@ops/sql";
 * const week = { start: Date.parse("2026-03-09T00:00:00+08:00"), end: Date.parse("2026-03-16T00:00:00+08:00") };
 * const q = compileComparePeriods({ dialect: "duckdb" }, { period: week, against: "wow", timeZone: "Asia/Shanghai" });
 * q.read([{ cur: 12n, prev: 10n }]).change.relative;
 * // => 0.2
 * ```
 */
export function compileComparePeriods(
  target: SqlTarget,
  options: CompileComparePeriodsOptions,
): CompiledQuery<PeriodComparison> {
  const fn = "compileComparePeriods";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(ComparePeriodsOptionsSchema, options, { fn, path: ["options"] });
  const measure = opts.measure ?? "count";
  const period = { start: opts.period.start, end: opts.period.end };
  const prev = previousPeriod(period, {
    against: opts.against,
    timeZone: opts.timeZone,
    ...(opts.yoyAlignment === undefined ? {} : { yoyAlignment: opts.yoyAlignment }),
  });
  const inside = (p: typeof period): string =>
    `(${b.at} >= ${b.param("Int64", p.start)} AND ${b.at} < ${b.param("Int64", p.end)})`;
  const cur = inside(period);
  const old = inside(prev);
  const conds = eventConditions(b, { kinds: opts.kinds });
  conds.push(`(${cur} OR ${old})`);
  const { d } = b;
  const agg = (cond: string): string =>
    measure === "count"
      ? d.countIf(cond)
      : measure === "sum"
        ? `coalesce(${d.sumIf(d.toFloat(b.col("value")), cond)}, 0)`
        : d.countDistinctIf(b.col("actor"), cond);
  const sql = `SELECT ${agg(cur)} AS cur, ${agg(old)} AS prev FROM ${b.table}${where(conds)}`;
  return b.finish(sql, (rows) => {
    const row = rows[0] ?? {};
    const current = cellNullableNumber(row, "cur", fn) ?? 0;
    const previous = cellNullableNumber(row, "prev", fn) ?? 0;
    let change: PeriodComparison["change"];
    try {
      change = periodChange(current, previous);
    } catch (e) {
      if (e instanceof OpsError)
        throw new OpsError({ code: e.code, fn, path: ["events"], rule: e.rule, received: e.received });
      throw e;
    }
    return { measure, current: { period, value: current }, previous: { period: prev, value: previous }, change };
  });
}
