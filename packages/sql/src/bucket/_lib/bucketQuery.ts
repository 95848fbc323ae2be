// The grouped query behind compileTimeBuckets and compileRollupByChannel.
import type { Period } from "@ops/core";
import type { Builder } from "../../_lib/builder";
import { bucketDate, eventConditions, nextBucketDate, where, type Unit } from "../../_lib/bucketSql";

export interface BucketQueryOptions {
  readonly unit: Unit;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly range?: Period | undefined;
  readonly kinds?: readonly string[] | undefined;
  readonly byChannel: boolean;
  readonly approximate: boolean;
  /** Count distinct actors (else the column `d` is NULL). */
  readonly distinct: boolean;
}

/** Columns: label, start_ms, end_ms, [channel], n, s, d, t_min, t_max; one row per non-empty group. */
export function bucketQuery(b: Builder, o: BucketQueryOptions): string {
  const { d } = b;
  const zone = b.param("String", o.timeZone);
  const conds = eventConditions(b, o);
  const e0 = `SELECT ${b.at} AS ev_t, ${d.localDate(b.at, zone)} AS ev_ld, ${b.col("channel")} AS ev_ch, ${b.col("actor")} AS ev_a, coalesce(${d.toFloat(b.col("value"))}, 0) AS ev_v FROM ${b.table}${where(conds)}`;
  const e1 = `SELECT ev_t, ev_ch, ev_a, ev_v, ${bucketDate(b, o.unit, "ev_ld", o.weekStartsOn)} AS ev_bd FROM e0`;
  const distinct = !o.distinct ? "NULL" : o.approximate ? d.approxCountDistinct("ev_a") : d.countDistinct("ev_a");
  const month = o.unit === "month";
  const keys = o.byChannel ? "ev_bd, ev_ch" : "ev_bd";
  return (
    `WITH e0 AS (${e0}), e1 AS (${e1}) ` +
    `SELECT ${d.formatDate("ev_bd", month)} AS label, ${d.localMidnightMs("ev_bd", zone)} AS start_ms, ` +
    `${d.localMidnightMs(nextBucketDate(b, o.unit, "ev_bd"), zone)} AS end_ms, ` +
    (o.byChannel ? "ev_ch AS channel, " : "") +
    `count(*) AS n, sum(ev_v) AS s, ${distinct} AS d, min(ev_t) AS t_min, max(ev_t) AS t_max ` +
    `FROM e1 GROUP BY ${keys} ORDER BY ${keys}`
  );
}
