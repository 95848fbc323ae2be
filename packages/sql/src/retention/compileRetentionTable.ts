import { OpsError, parseOrThrow, type WeekStartsOn } from "@ops/core";
import { type RetentionCohort, type RetentionTable, type RetentionTableOptions, timeBuckets } from "@ops/metrics";
import { RetentionTableOptionsSchema } from "@ops/metrics/schemas";
import { bucketDate } from "../_lib/bucketSql";
import { builderFor } from "../_lib/parse";
import { cellNullableNumber, cellNumber, cellString } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileRetentionTable}: those of `retentionTable` (shared schema). */
export type CompileRetentionTableOptions = RetentionTableOptions;

/** Schema of {@link CompileRetentionTableOptions}: `RetentionTableOptionsSchema` of `@ops/metrics`. */
export const CompileRetentionTableOptionsSchema = RetentionTableOptionsSchema;

const DAY = 86_400_000;

/**
 * `retentionTable` of `@ops/metrics` as SQL, with PostHog's retention semantics (PostHog
 * docs, "Retention"; `retention_query_runner.py`): `firstTime`/`firstEver` cohorts by the
 * interval of an actor's first start event over all the events before the range's end (also
 * before its start), `recurring` by every interval with a start event; an actor of cohort c is
 * retained in interval c + k if they did a return event in it (`cumulative`: in c + k or any
 * later interval of the row). Intervals are local days, weeks or months in `timeZone`; a
 * range starting inside an interval keeps the whole interval (PostHog moves `date_from` back
 * to its start) and no event at or after `range.end` counts (PostHog bounds events by
 * `date_to`). The SQL returns cohort sizes and (cohort, k) counts; `read` lays them out on the
 * zone's calendar (one row per interval, `null` beyond the observed period). A span in which
 * the zone skips a whole local day (Samoa, 2011-12-30) is refused by `read`: interval
 * numbers there are not date differences.
 *
 * @param target - dialect and event table
 * @param options - as `retentionTable`
 * @returns the query; `read(rows)` gives the `RetentionTable` of `retentionTable` on the same rows
 * @throws {OpsError} `invalid_argument` for a bad target or option, `invalid_time_zone`
 *
 * @example
 * ```ts
 * import { compileRetentionTable } from "@ops/sql";
 * const q = compileRetentionTable({ dialect: "duckdb" }, { timeZone: "UTC", startEvent: "join", returnEvent: "post", periods: 2, range: { start: 0, end: 2 * 86_400_000 } });
 * q.read([{ part: "size", c: 0n, k: 0n, n: 2n }, { part: "ret", c: 0n, k: 1n, n: 1n }]).cohorts.map((c) => c.retained);
 * // => [[2, 1], [0, null]]
 * ```
 */
export function compileRetentionTable(
  target: SqlTarget,
  options: CompileRetentionTableOptions,
): CompiledQuery<RetentionTable> {
  const fn = "compileRetentionTable";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(RetentionTableOptionsSchema, options, { fn, path: ["options"] });
  const { d } = b;
  const interval = opts.interval ?? "day";
  const type = opts.type ?? "firstTime";
  const periods = opts.periods ?? 8;
  const cumulative = opts.cumulative ?? false;
  const weekStartsOn = (opts.weekStartsOn ?? 1) as WeekStartsOn;
  const range = opts.range;
  const zone = b.param("String", opts.timeZone);
  const planOf = (start: number, end: number) =>
    timeBuckets([], { timeZone: opts.timeZone, unit: interval, weekStartsOn, range: { start, end } });
  const conds: string[] = [];
  const guard = d.instantGuard(b.at);
  if (guard !== "TRUE") conds.push(guard);
  let base: string;
  if (range !== undefined) {
    conds.push(`${b.at} < ${b.param("Int64", range.end)}`);
    const first = planOf(range.start, range.end)[0]?.label as string;
    base = d.parseDate(b.param("String", interval === "month" ? `${first}-01` : first));
  } else {
    base = "(SELECT min(rbd) FROM ev2)";
  }
  const ev = `SELECT ${b.col("actor")} AS ra, ${b.col("kind")} AS rk, ${b.at} AS rt, ${d.localDate(b.at, zone)} AS rld FROM ${b.table}${conds.length ? ` WHERE ${conds.join(" AND ")}` : ""}`;
  const ev2 = `SELECT ra, rk, rt, ${bucketDate(b, interval, "rld", weekStartsOn)} AS rbd FROM ev`;
  const idx = interval === "month" ? d.monthsBetween(base, "rbd") : d.daysBetween(base, "rbd");
  const ev3 = `SELECT ra, rk, rt, ${idx} AS rb FROM ev2`;
  const isStart = opts.startEvent === undefined ? "TRUE" : `rk = ${b.param("String", opts.startEvent)}`;
  const isReturn = opts.returnEvent === undefined ? "TRUE" : `rk = ${b.param("String", opts.returnEvent)}`;
  const starts =
    type === "recurring"
      ? `SELECT DISTINCT ra AS sa, rb AS sb FROM ev3 WHERE ${isStart} AND rb >= 0`
      : `SELECT sa, sb FROM (SELECT ra AS sa, min(rb) AS sb FROM ev3 WHERE ${isStart} GROUP BY ra) AS f WHERE sb >= 0`;
  const rets = `SELECT DISTINCT ra AS ta, rb AS tb FROM ev3 WHERE ${isReturn} AND rb >= 0`;
  // interval numbers in days for day and week rows (a week is 7), in months for month rows
  const step = interval === "week" ? 7 : 1;
  const limit = b.param("Int64", periods * step);
  const pairs = `SELECT sa, sb, tb - sb AS dk FROM starts INNER JOIN rets ON rets.ta = starts.sa WHERE tb > sb AND tb - sb < ${limit}`;
  const returns = cumulative
    ? `SELECT 'ret' AS part, sb AS c, dk AS k, ${d.toInt("count(*)")} AS n FROM (SELECT sa, sb, max(dk) AS dk FROM pairs GROUP BY sa, sb) AS last GROUP BY sb, dk`
    : `SELECT 'ret' AS part, sb AS c, dk AS k, ${d.toInt("count(*)")} AS n FROM pairs GROUP BY sb, dk`;
  const sql =
    `WITH ev AS (${ev}), ev2 AS (${ev2}), ev3 AS (${ev3}), starts AS (${starts}), rets AS (${rets}), pairs AS (${pairs}) ` +
    `SELECT 'size' AS part, sb AS c, ${d.toInt("0")} AS k, ${d.toInt("count(*)")} AS n FROM starts GROUP BY sb ` +
    `UNION ALL ${returns} ` +
    `UNION ALL SELECT 'span' AS part, ${d.toInt("min(rt)")} AS c, ${d.toInt("max(rt)")} AS k, ${d.toInt("count(*)")} AS n FROM ev`;
  return b.finish(sql, (rows) => {
    let span: { start: number; end: number } | undefined = range;
    const size = new Map<number, number>();
    const cells = new Map<string, number>();
    for (const r of rows) {
      const part = cellString(r, "part", fn);
      if (part === "span") {
        const lo = cellNullableNumber(r, "c", fn);
        const hi = cellNullableNumber(r, "k", fn);
        if (range === undefined && lo !== null && hi !== null && cellNumber(r, "n", fn) > 0)
          span = { start: lo, end: hi + 1 };
        continue;
      }
      const c = cellNumber(r, "c", fn);
      const k = cellNumber(r, "k", fn) / step;
      const n = cellNumber(r, "n", fn);
      if (part === "size") size.set(c / step, n);
      else cells.set(`${c / step}:${k}`, n);
    }
    if (span === undefined) return { interval, type, cumulative, cohorts: [] };
    const plan = planOf(span.start, span.end);
    checkNoSkippedDay(
      plan.map((p) => p.label),
      interval,
      fn,
    );
    const nb = plan.length;
    const cohorts: RetentionCohort[] = plan.map((bucket, c) => {
      const s = size.get(c) ?? 0;
      const retained: (number | null)[] = [];
      for (let k = 0; k < periods; k++) {
        if (c + k >= nb) retained.push(null);
        else if (k === 0) retained.push(s);
        else if (!cumulative) retained.push(cells.get(`${c}:${k}`) ?? 0);
        else {
          let sum = 0;
          for (let j = k; j < periods; j++) sum += cells.get(`${c}:${j}`) ?? 0;
          retained.push(sum);
        }
      }
      const rates = retained.map((v) => (v === null || s === 0 ? null : v / s));
      return { start: bucket.start, label: bucket.label, size: s, retained, rates };
    });
    return { interval, type, cumulative, cohorts };
  });
}

/** Interval numbers are date differences only if the zone skips no whole local day in the span. */
function checkNoSkippedDay(labels: readonly string[], interval: string, fn: string): void {
  if (interval === "month" || labels.length < 2) return;
  const first = Date.parse(`${labels[0]}T00:00:00Z`);
  const last = Date.parse(`${labels[labels.length - 1]}T00:00:00Z`);
  if ((last - first) / DAY !== (labels.length - 1) * (interval === "week" ? 7 : 1))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "timeZone"],
      rule: "must not skip a whole local day inside the observed period (interval numbers would not be date differences in SQL)",
      received: labels,
    });
}
