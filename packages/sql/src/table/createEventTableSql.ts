import type { SqlColumnType } from "../dialect/Dialect";
import { builderFor } from "../_lib/parse";
import { EVENT_FIELDS, type EventField, type SqlTarget } from "./EventTable";

const TYPES: Readonly<Record<EventField, SqlColumnType>> = {
  at: "instantMs",
  actor: "string",
  channel: "string",
  kind: "string",
  value: "float",
  id: "nullableString",
  post: "nullableString",
  direction: "nullableString",
  replyTo: "nullableString",
  likes: "nullableFloat",
  comments: "nullableFloat",
  shares: "nullableFloat",
  saves: "nullableFloat",
  replies: "nullableFloat",
  wows: "nullableFloat",
  reach: "nullableFloat",
  impressions: "nullableFloat",
  views: "nullableFloat",
  followers: "nullableFloat",
};

/**
 * `CREATE TABLE` for the event table contract ({@link EventField}) in the target's dialect,
 * with the target's table and column names — a starting point for your own table
 * (ClickHouse: a MergeTree with no sorting key; choose one that fits your queries).
 *
 * @param target - dialect, table, columns, timeType
 * @returns the DDL statement (no parameters)
 * @throws {OpsError} `invalid_argument` for a bad target
 *
 * @example
 * ```ts
 * import { createEventTableSql } from "@ops/sql";
 * createEventTableSql({ dialect: "duckdb", table: "ev" }).startsWith('CREATE TABLE "ev" ("occurred_at" BIGINT NOT NULL, "actor" VARCHAR NOT NULL');
 * // => true
 * ```
 */
export function createEventTableSql(target: SqlTarget): string {
  const b = builderFor(target, "createEventTableSql");
  const cols = EVENT_FIELDS.map((f) => {
    const type = f === "at" && target.timeType === "timestamp" ? "timestamp" : TYPES[f];
    return `${b.col(f)} ${b.d.columnType(type)}`;
  });
  return `CREATE TABLE ${b.table} (${cols.join(", ")})${b.d.tableSuffix}`;
}
