import { parseOrThrow } from "@ops/core";
import type { ActiveFollowerRate, ActiveFollowerRateOptions } from "@ops/metrics";
import { ActiveFollowerRateOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import { eventConditions, where } from "../_lib/bucketSql";
import { builderFor } from "../_lib/parse";
import { cellNumber } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileActiveFollowerRate}: those of `activeFollowerRate`, and which events are interactions. */
export interface CompileActiveFollowerRateOptions extends ActiveFollowerRateOptions {
  /** Only events of these kinds are interactions; default every kind. */
  readonly kinds?: readonly string[];
}

/** Schema of {@link CompileActiveFollowerRateOptions}. */
export const CompileActiveFollowerRateOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(ActiveFollowerRateOptionsSchema, { kinds: z.optional(z.array(z.string())) }))();

/**
 * `activeFollowerRate` of `@ops/metrics` as SQL: followers (a bound list, duplicates once)
 * with at least `minInteractions` events in the window / followers.
 *
 * @param target - dialect and event table
 * @param options - `followers`, `window`, `minInteractions`, `kinds`
 * @returns the query; `read(rows)` gives the `ActiveFollowerRate`
 * @throws {OpsError} `invalid_argument` for a bad target or option
 *
 * @example
 * ```ts
 * import { compileActiveFollowerRate } from "@ops/sql";
 * const q = compileActiveFollowerRate({ dialect: "duckdb" }, { followers: ["a", "b"], window: { start: 0, end: 10 } });
 * q.read([{ active: 1n, followers: 2n }]).value;
 * // => 0.5
 * ```
 */
export function compileActiveFollowerRate(
  target: SqlTarget,
  options: CompileActiveFollowerRateOptions,
): CompiledQuery<ActiveFollowerRate> {
  const fn = "compileActiveFollowerRate";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileActiveFollowerRateOptionsSchema, options, { fn, path: ["options"] });
  const minInteractions = opts.minInteractions ?? 1;
  const { d } = b;
  const conds = eventConditions(b, { range: opts.window, kinds: opts.kinds });
  const counts = `SELECT ${b.col("actor")} AS c_a, count(*) AS c_n FROM ${b.table}${where(conds)} GROUP BY ${b.col("actor")}`;
  const followers = d.distinctUnnest(b.param("Array(String)", [...opts.followers]), "f_a");
  const sql =
    `SELECT ${d.countIf(`coalesce(c_n, 0) >= ${b.param("Int64", minInteractions)}`)} AS active, count(*) AS followers ` +
    `FROM ${followers} AS f LEFT JOIN (${counts}) AS c ON c.c_a = f.f_a`;
  return b.finish(sql, (rows) => {
    const row = rows[0] ?? {};
    const active = cellNumber(row, "active", fn);
    const total = cellNumber(row, "followers", fn);
    const parts = { numerator: active, denominator: total, minInteractions };
    return total === 0
      ? { ...parts, value: null, reason: "zero_denominator" }
      : { ...parts, value: active / total, reason: null };
  });
}
