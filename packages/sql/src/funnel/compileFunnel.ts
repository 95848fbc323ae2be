import { OpsError, parseOrThrow } from "@ops/core";
import type { FunnelOptions, FunnelResult, FunnelStep, Rate } from "@ops/metrics";
import { FunnelOptionsSchema } from "@ops/metrics/schemas";
import { BIG, funnelFoldBody, funnelFoldInit } from "./_lib/funnelFold";
import { builderFor } from "../_lib/parse";
import { cellNullableNumber, cellNumber } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileFunnel}: those of `funnel` (shared schema). */
export type CompileFunnelOptions = FunnelOptions;

/** Schema of {@link CompileFunnelOptions}: `FunnelOptionsSchema` of `@ops/metrics`. */
export const CompileFunnelOptionsSchema = FunnelOptionsSchema;

const FOURTEEN_DAYS = 14 * 86_400_000;
/** Above every difference of two instants of ±8.64e15 ms: a longer window changes nothing. */
const WINDOW_CAP = 2 ** 54;

/**
 * `funnel` of `@ops/metrics` as SQL, with the same PostHog semantics (ordered / strict /
 * unordered, the window inclusive from the step-1 instant, every step-1 event a new attempt,
 * the times of the first attempt that reached the furthest step, events of one instant in
 * step order, strict attempts broken by any other event of the actor, `range` on every step).
 * Each actor's events become one list, sorted in SQL (`list … ORDER BY` in DuckDB,
 * `arraySort(groupArray(…))` in ClickHouse) and folded (`list_reduce` / `arrayFold`) over
 * a fixed-size Int64 state — the walk of `funnel` itself, step for step (entered instants,
 * the chain of times per step, the best chain, the furthest step); `unordered` folds the
 * events backwards, keeping each step's next instant, and picks the earliest start whose
 * window holds the most distinct steps. ClickHouse's `windowFunnel` is not used: it has no
 * per-step times, no "furthest step of the first attempt" and no PostHog tie rule. The SQL
 * returns one row per step (actors, and the R type 7 median of the positive times from the
 * previous step: `quantile_cont` / `quantileExactInclusive`); `read` makes the rates (O(steps)).
 * The state holds 2·S + S² integers per actor (S steps): cost grows with S² per event.
 *
 * @param target - dialect and event table
 * @param options - as `funnel`: `steps`, `order`, `windowMs`, `range`
 * @returns the query; `read(rows)` gives the `FunnelResult` of `funnel` on the same rows
 * @throws {OpsError} `invalid_argument` for a bad target or option, or a repeated step in an unordered funnel
 *
 * @example
 * ```ts
 * import { compileFunnel } from "@ops/sql";
 * const q = compileFunnel({ dialect: "duckdb" }, { steps: ["seen", "entered"] });
 * q.read([{ step: 1n, n: 4n, med: null }, { step: 2n, n: 1n, med: 3_600_000 }]).steps.map((s) => [s.actors, s.conversionFromStart.value, s.medianTimeToConvertMs]);
 * // => [[4, 1, null], [1, 0.25, 3_600_000]]
 * ```
 */
export function compileFunnel(target: SqlTarget, options: CompileFunnelOptions): CompiledQuery<FunnelResult> {
  const fn = "compileFunnel";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(FunnelOptionsSchema, options, { fn, path: ["options"] });
  const { d } = b;
  const order = opts.order ?? "ordered";
  const windowMs = opts.windowMs ?? FOURTEEN_DAYS;
  const names = opts.steps;
  const S = names.length;
  if (order === "unordered" && new Set(names).size !== S) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "steps"],
      rule: "must not repeat a step in an unordered funnel",
      received: names,
    });
  }
  const int = (n: number): string => d.toInt(String(n));
  // event times are integers: t − start ≤ windowMs ⇔ t − start ≤ ⌊windowMs⌋
  const w = b.param("Int64", Math.min(Math.floor(windowMs), WINDOW_CAP));
  const conds: string[] = [];
  const guard = d.instantGuard(b.at);
  if (guard !== "TRUE") conds.push(guard);
  if (opts.range !== undefined) {
    conds.push(`${b.at} >= ${b.param("Int64", opts.range.start)}`, `${b.at} < ${b.param("Int64", opts.range.end)}`);
  }
  // one row per (kind, step it matches): the kind's bit mask of steps, and whether this is its lowest step
  const kindParam = new Map<string, string>();
  const stepRows = names.map((name, s) => {
    let p = kindParam.get(name);
    if (p === undefined) {
      p = b.param("String", name);
      kindParam.set(name, p);
    }
    const of = names.flatMap((n, i) => (n === name ? [i] : []));
    const mask = of.reduce((m, i) => m + 2 ** i, 0);
    return `SELECT ${p} AS sk, ${int(s)} AS ss, ${int(mask)} AS sm, ${int(of[0] === s ? 1 : 0)} AS sl`;
  });
  const nums = names.map((_, j) => `SELECT ${int(j)} AS nj`).join(" UNION ALL ");
  const ev = `SELECT ${b.col("actor")} AS fa, ${b.at} AS ft, ${b.col("kind")} AS fk, ${d.toInt(`row_number() OVER (PARTITION BY ${b.col("actor")}, ${b.at} ORDER BY ${b.col("kind")})`)} AS fo FROM ${b.table}${conds.length ? ` WHERE ${conds.join(" AND ")}` : ""}`;
  const join = order === "strict" ? "LEFT JOIN" : "INNER JOIN";
  const j = `SELECT fa, ft, fo, ${d.toInt("coalesce(ss, -1)")} AS es, ${d.toInt("coalesce(sm, 0)")} AS em, ${d.toInt("coalesce(sl, 1)")} AS el FROM ev ${join} st ON ev.fk = st.sk`;
  // an instant is "mixed" when its events match different steps: PostHog takes their steps in step order, without the strict check
  const mixed = `SELECT fa, ft, fo, es, em, el, ${d.toInt("CASE WHEN min(em) OVER (PARTITION BY fa, ft) <> max(em) OVER (PARTITION BY fa, ft) THEN 1 ELSE 0 END")} AS mx FROM j`;
  const list =
    order === "unordered"
      ? d.orderedIntLists(["ft", "es", int(0)], [d.toInt("-ft")])
      : d.orderedIntLists(
          ["ft", "es", order === "strict" ? "CASE WHEN mx = 0 AND el = 1 THEN em ELSE -1 END" : int(-1)],
          ["ft", "CASE WHEN mx = 1 THEN es ELSE fo END", "CASE WHEN mx = 1 THEN 0 ELSE -es END"],
        );
  const fold = d.listFold(list, "la", "lx", funnelFoldBody(d, order, S, w), funnelFoldInit(d, order, S));
  const f = `SELECT fa, ${fold} AS fs FROM jx GROUP BY fa`;
  // the times each actor reached, one row per step (unordered: the window's times, sorted below)
  const r =
    order === "unordered"
      ? `SELECT fa, nj, fs[${S + 1} + nj] AS fv FROM f CROSS JOIN nums WHERE fs[${S + 1} + nj] < ${d.toInt(BIG)}`
      : `SELECT fa, nj, fs[${1 + S + S * S} + nj] AS fv FROM f CROSS JOIN nums WHERE nj < fs[${1 + 2 * S + S * S}]`;
  const win = "PARTITION BY fa ORDER BY fv, nj";
  const wq = `SELECT fv, ${d.toInt(`row_number() OVER (${win})`)} AS rk, max(fv) OVER (${win} ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS pv FROM r`;
  const sql =
    `WITH ev AS (${ev}), st AS (${stepRows.join(" UNION ALL ")}), nums AS (${nums}), j AS (${j}), jx AS (${mixed}), ` +
    `f AS (${f}), r AS (${r}), wq AS (${wq}) ` +
    `SELECT rk AS step, ${d.toInt("count(*)")} AS n, ${d.quantileR7("CASE WHEN rk > 1 AND fv - pv > 0 THEN fv - pv END", 0.5)} AS med FROM wq GROUP BY rk`;
  return b.finish(sql, (rows) => {
    const actors = new Array<number>(S).fill(0);
    const medians = new Array<number | null>(S).fill(null);
    for (const row of rows) {
      const s = cellNumber(row, "step", fn) - 1;
      if (!(s >= 0 && s < S && Number.isInteger(s))) continue;
      actors[s] = cellNumber(row, "n", fn);
      medians[s] = s === 0 ? null : cellNullableNumber(row, "med", fn);
    }
    const first = actors[0] as number;
    const ratio = (num: number, den: number): Rate =>
      den === 0
        ? { value: null, numerator: num, denominator: den, reason: "zero_denominator" }
        : { value: num / den, numerator: num, denominator: den, reason: null };
    const steps: FunnelStep[] = names.map((name, s) => {
      const n = actors[s] as number;
      const prev = s === 0 ? n : (actors[s - 1] as number);
      return {
        step: s + 1,
        kind: order === "unordered" ? null : name,
        actors: n,
        conversionFromStart: ratio(n, first),
        conversionFromPrevious: ratio(n, prev),
        dropOff: prev - n,
        medianTimeToConvertMs: medians[s] as number | null,
      };
    });
    return { order, windowMs, steps };
  });
}
