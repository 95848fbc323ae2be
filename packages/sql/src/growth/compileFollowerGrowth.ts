import { OpsError, parseOrThrow } from "@ops/core";
import type { FollowerGrowth, FollowerGrowthOptions, Rate } from "@ops/metrics";
import { FollowerGrowthOptionsSchema } from "@ops/metrics/schemas";
import * as z from "zod/mini";
import { eventConditions, where } from "../_lib/bucketSql";
import { builderFor } from "../_lib/parse";
import { cellNumber, finiteOrThrow } from "../_lib/rows";
import type { CompiledQuery } from "../query/CompiledQuery";
import type { SqlTarget } from "../table/EventTable";

/** Options of {@link compileFollowerGrowth}: those of `followerGrowth`, and the kinds and channel of follow events. */
export interface CompileFollowerGrowthOptions extends FollowerGrowthOptions {
  /** Default `"follow"`. */
  readonly followKind?: string;
  /** Default `"unfollow"`. */
  readonly unfollowKind?: string;
  /** Only events of this channel (one account); default every channel. */
  readonly channel?: string;
}

/** Schema of {@link CompileFollowerGrowthOptions}. */
export const CompileFollowerGrowthOptionsSchema = /* @__PURE__ */ (() =>
  z.extend(FollowerGrowthOptionsSchema, {
    followKind: z.optional(z.string()),
    unfollowKind: z.optional(z.string()),
    channel: z.optional(z.string()),
  }))();

/**
 * `followerGrowth` of `@ops/metrics` as SQL: follows and unfollows in the period over the
 * followers at its start (`baseFollowers`): gained, lost, net = gained − lost, net growth
 * rate = net / base, gross growth rate = gained / base (`null` with `zero_denominator` when
 * base is 0).
 *
 * @param target - dialect and event table
 * @param options - `period`, `baseFollowers`, `followKind`, `unfollowKind`, `channel`
 * @returns the query; `read(rows)` gives the `FollowerGrowth`
 * @throws {OpsError} `invalid_argument` for a bad target or option; `read` throws `out_of_range` when unfollows take the count below 0
 *
 * @example
 * ```ts
 * import { compileFollowerGrowth } from "@ops/sql";
 * const q = compileFollowerGrowth({ dialect: "duckdb" }, { period: { start: 0, end: 10 }, baseFollowers: 100 });
 * q.read([{ gained: 12n, lost: 2n }]).netGrowthRate.value;
 * // => 0.1
 * ```
 */
export function compileFollowerGrowth(
  target: SqlTarget,
  options: CompileFollowerGrowthOptions,
): CompiledQuery<FollowerGrowth> {
  const fn = "compileFollowerGrowth";
  const b = builderFor(target, fn);
  const opts = parseOrThrow(CompileFollowerGrowthOptionsSchema, options, { fn, path: ["options"] });
  const conds = eventConditions(b, { range: opts.period });
  if (opts.channel !== undefined) conds.push(`${b.col("channel")} = ${b.param("String", opts.channel)}`);
  const kind = b.col("kind");
  const follow = b.param("String", opts.followKind ?? "follow");
  const unfollow = b.param("String", opts.unfollowKind ?? "unfollow");
  const sql = `SELECT ${b.d.countIf(`${kind} = ${follow}`)} AS gained, ${b.d.countIf(`${kind} = ${unfollow}`)} AS lost FROM ${b.table}${where(conds)}`;
  return b.finish(sql, (rows) => {
    const row = rows[0] ?? {};
    const gained = cellNumber(row, "gained", fn);
    const lost = cellNumber(row, "lost", fn);
    const base = opts.baseFollowers;
    const end = base + gained - lost;
    if (end < 0)
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: ["events"],
        rule: "must not take the follower count below 0 (more unfollows than base + follows)",
        received: end,
      });
    const ratio = (numerator: number): Rate =>
      base === 0
        ? { value: null, numerator, denominator: 0, reason: "zero_denominator" }
        : {
            value: finiteOrThrow(numerator / base, fn, "must not give a growth rate beyond Number.MAX_VALUE"),
            numerator,
            denominator: base,
            reason: null,
          };
    return {
      base,
      end,
      gained,
      lost,
      net: end - base,
      netGrowthRate: ratio(end - base),
      grossGrowthRate: ratio(gained),
    };
  });
}
