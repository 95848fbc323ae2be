import { parseOrThrow } from "@ops/core";
import { ENGAGEMENT_KINDS, type EngagementRate, type EngagementRateOptions } from "@ops/metrics";
import { EngagementRateOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import { builderFor } from "../_lib/parse";
import { cellNullableNumber, cellNumber, finiteOrThrow } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileEngagementRate}: those of `engagementRate`, and the kinds of the post rows. */
export interface CompileEngagementRateOptions extends EngagementRateOptions {
  /** `kind` of a post's row (its lifetime figures, `at` = published at, `post` = its id); default `"post"`. */
  readonly postKind?: string;
  /** `kind` of a row with a post's figures over part of its life (`at`, `post`); default `"post_activity"`. */
  readonly activityKind?: string;
}

/** Schema of {@link CompileEngagementRateOptions}. */
export const CompileEngagementRateOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(EngagementRateOptionsSchema, { postKind: z.optional(z.string()), activityKind: z.optional(z.string()) }))();

/**
 * `engagementRate` of `@ops/metrics` as SQL, with the same two aggregations and two
 * attributions. Posts are the rows of kind `postKind` (figures in the `likes` … `followers`
 * columns, NULL = the post lacks that figure); a post's `activity` breakdown is the rows of
 * kind `activityKind` with its id in `post`. `ratioOfSums` = Σ engagements / Σ denominator
 * (Sprout Social); `meanOfRatios` = the mean of per-post ratios, posts with denominator 0
 * skipped (Rival IQ, Hootsuite). A post with no activity row counts at its publish time under
 * `activityDate` (an empty `activity: []` has no table form). Post ids must be unique.
 *
 * @param target - dialect and event table
 * @param options - as `engagementRate`, plus `postKind`, `activityKind`
 * @returns the query; `read(rows)` gives the `EngagementRate` of `engagementRate` on the same posts
 * @throws {OpsError} `invalid_argument` for a bad target or option; `read` throws `out_of_range` when a rate exceeds Number.MAX_VALUE
 *
 * @example
 * ```ts
 * import { compileEngagementRate } from "@ops/sql";
 * const q = compileEngagementRate({ dialect: "duckdb" }, { aggregation: "meanOfRatios" });
 * q.read([{ used: 2n, skipped: 0n, num: 2008, den: 200020, ratios: 0.41 }]).value;
 * // => 0.205
 * ```
 */
export function compileEngagementRate(
  target: SqlTarget,
  options: CompileEngagementRateOptions = {},
): CompiledQuery<EngagementRate> {
  const fn = "compileEngagementRate";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileEngagementRateOptionsSchema, options, { fn, path: ["options"] });
  const { d } = b;
  // default every kind, as engagementRate (`wows`, WeChat 在看, included: a NULL `wows` column adds 0)
  const kinds = opts.engagements ?? ENGAGEMENT_KINDS;
  const denominatorKind = opts.denominator ?? "impressions";
  const aggregation = opts.aggregation ?? "ratioOfSums";
  const engagements = kinds.map((k) => `coalesce(${d.toFloat(b.col(k))}, 0)`).join(" + ");
  const denom = denominatorKind === "followers" ? null : d.toFloat(b.col(denominatorKind));
  const postKind = b.param("String", opts.postKind ?? "post");
  const p = opts.period;
  const byActivity = p !== undefined && opts.attribution === "activityDate";
  let per: string;
  if (!byActivity) {
    const inPeriod =
      p === undefined ? "" : ` AND ${b.at} >= ${b.param("Int64", p.start)} AND ${b.at} < ${b.param("Int64", p.end)}`;
    per = `SELECT ${engagements} AS e, ${denom ?? d.toFloat(b.col("followers"))} AS dn FROM ${b.table} WHERE ${b.col("kind")} = ${postKind}${inPeriod}`;
  } else {
    const actKind = b.param("String", opts.activityKind ?? "post_activity");
    const inP = `${b.at} >= ${b.param("Int64", p.start)} AND ${b.at} < ${b.param("Int64", p.end)}`;
    const act =
      `SELECT ${b.col("post")} AS act_id, count(*) AS act_all, ${d.countIf(inP)} AS act_in, ` +
      `${d.sumIf(engagements, inP)} AS act_e, ${denom === null ? "NULL" : d.sumIf(denom, inP)} AS act_d ` +
      `FROM ${b.table} WHERE ${b.col("kind")} = ${actKind} AND ${b.col("post")} IS NOT NULL GROUP BY ${b.col("post")}`;
    const posts = `SELECT ${b.col("post")} AS post_id, ${b.at} AS post_t, ${engagements} AS post_e, ${denom ?? d.toFloat(b.col("followers"))} AS post_d, ${d.toFloat(b.col("followers"))} AS post_f FROM ${b.table} WHERE ${b.col("kind")} = ${postKind}`;
    // with a breakdown: its entries in the period (none: the post is left out); without: the post at its publish time
    per =
      `SELECT CASE WHEN act_all > 0 THEN coalesce(act_e, 0) ELSE post_e END AS e, ` +
      `CASE WHEN act_all > 0 THEN ${denom === null ? "post_f" : "act_d"} ELSE post_d END AS dn ` +
      `FROM (${posts}) AS pp LEFT JOIN (${act}) AS aa ON aa.act_id = pp.post_id ` +
      `WHERE (act_all > 0 AND act_in > 0) OR (coalesce(act_all, 0) = 0 AND post_t >= ${b.param("Int64", p.start)} AND post_t < ${b.param("Int64", p.end)})`;
  }
  const use = aggregation === "meanOfRatios" ? "dn IS NOT NULL AND dn <> 0" : "dn IS NOT NULL";
  const sql =
    `SELECT ${d.countIf(use)} AS used, ${d.countIf(`NOT (${use})`)} AS skipped, ` +
    `coalesce(${d.sumIf("e", use)}, 0) AS num, coalesce(${d.sumIf("dn", use)}, 0) AS den, ` +
    `coalesce(${d.sumIf(aggregation === "meanOfRatios" ? "e / dn" : "0", use)}, 0) AS ratios FROM (${per}) AS per_post`;
  return b.finish(sql, (rows) => {
    const row = rows[0] ?? {};
    const used = cellNumber(row, "used", fn);
    const base = {
      aggregation,
      denominatorKind,
      posts: used,
      skipped: cellNumber(row, "skipped", fn),
      numerator: cellNullableNumber(row, "num", fn) ?? 0,
      denominator: cellNullableNumber(row, "den", fn) ?? 0,
    };
    const RULE = "must not have a denominator so close to 0 that the rate exceeds Number.MAX_VALUE";
    if (aggregation === "meanOfRatios") {
      if (used === 0) return { ...base, value: null, reason: "zero_denominator" };
      return { ...base, value: finiteOrThrow(cellNumber(row, "ratios", fn) / used, fn, RULE), reason: null };
    }
    return base.denominator === 0
      ? { ...base, value: null, reason: "zero_denominator" }
      : { ...base, value: finiteOrThrow(base.numerator / base.denominator, fn, RULE), reason: null };
  });
}
