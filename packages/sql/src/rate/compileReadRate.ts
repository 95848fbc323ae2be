import { type Period, PeriodSchema, parseOrThrow } from "@ops/core";
import { type Rate, readRate } from "@ops/metrics";
import * as z from "zod/mini";
import { eventConditions, where } from "../_lib/bucketSql";
import { builderFor } from "../_lib/parse";
import { cellNumber } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileReadRate}. */
export interface CompileReadRateOptions {
  /** Users the article was delivered to (送达人数), the denominator. */
  readonly targetUsers: number;
  /** `kind` of a read event; default `"read"`. */
  readonly readKind?: string;
  /** Only reads of this post (the `post` column); default every post. */
  readonly post?: string;
  /** Only reads in `[start, end)`. */
  readonly range?: Period;
}

/** Schema of {@link CompileReadRateOptions}. */
export const CompileReadRateOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    targetUsers: z
      .number({ error: "must be a finite number ≥ 0" })
      .check(z.minimum(0, { error: "must be a finite number ≥ 0" }), z.maximum(Number.MAX_SAFE_INTEGER)),
    readKind: z.optional(z.string()),
    post: z.optional(z.string()),
    range: z.optional(PeriodSchema),
  }))();

/**
 * `readRate` of `@ops/metrics` (WeChat 阅读率) as SQL: distinct readers — distinct actors of
 * `readKind` events, of one post and in a range if given — over the users the article was
 * delivered to (`targetUsers`, a figure the platform reports, not in the event table).
 *
 * @param target - dialect and event table
 * @param options - `targetUsers`, `readKind`, `post`, `range`
 * @returns the query; `read(rows)` gives the `Rate` of `readRate({ readers, targetUsers })`
 * @throws {OpsError} `invalid_argument` for a bad target or option
 *
 * @example
 * ```ts
 * import { compileReadRate } from "@ops/sql";
 * compileReadRate({ dialect: "duckdb" }, { targetUsers: 200, post: "p1" }).read([{ readers: 50n }]).value;
 * // => 0.25
 * ```
 */
export function compileReadRate(target: SqlTarget, options: CompileReadRateOptions): CompiledQuery<Rate> {
  const fn = "compileReadRate";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileReadRateOptionsSchema, options, { fn, path: ["options"] });
  const conds = eventConditions(b, { range: opts.range });
  conds.push(`${b.col("kind")} = ${b.param("String", opts.readKind ?? "read")}`);
  if (opts.post !== undefined) conds.push(`${b.col("post")} = ${b.param("String", opts.post)}`);
  const sql = `SELECT ${b.d.countDistinct(b.col("actor"))} AS readers FROM ${b.table}${where(conds)}`;
  return b.finish(sql, (rows) =>
    readRate({
      readers: rows.length === 0 ? 0 : cellNumber(rows[0] as never, "readers", fn),
      targetUsers: opts.targetUsers,
    }),
  );
}
