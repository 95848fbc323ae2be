// Building one query: quoted table and columns of the event table, bound parameters.
import type { Dialect, SqlParamType } from "../dialect/Dialect";
import { DEFAULT_EVENT_COLUMNS, dialectOf, type EventField, type SqlTarget } from "../table/EventTable";
import type { CompiledQuery, SqlParam, SqlRow } from "../query/CompiledQuery";
import { checkRows } from "./rows";

export interface Builder {
  readonly d: Dialect;
  /** The quoted (qualified) table. */
  readonly table: string;
  /** The quoted column of a field. */
  col(field: EventField): string;
  /** Epoch ms of the `at` column. */
  readonly at: string;
  /** A bound parameter; returns its placeholder. */
  param(type: SqlParamType, value: SqlParam["value"]): string;
  /** The compiled query; its `read` checks that `rows` is an array of row objects before `read` sees them. */
  finish<T>(sql: string, read: (rows: readonly SqlRow[]) => T): CompiledQuery<T>;
}

/** A builder for a validated target. */
export function createBuilder(target: SqlTarget, fn: string): Builder {
  const d = dialectOf(target);
  const names = { ...DEFAULT_EVENT_COLUMNS, ...target.columns };
  const tableParts =
    target.table === undefined ? ["events"] : typeof target.table === "string" ? [target.table] : target.table;
  const table = tableParts.map((p) => d.quoteIdentifier(p)).join(".");
  const col = (field: EventField): string => d.quoteIdentifier(names[field]);
  const params: SqlParam[] = [];
  return {
    d,
    table,
    col,
    at: d.epochMs(col("at"), target.timeType ?? "epochMs"),
    param(type, value) {
      const name = `p${params.length}`;
      params.push({ name, type, value });
      return d.placeholder(name, type);
    },
    finish(sql, read) {
      return { dialect: d.name, sql: sql + d.querySuffix, params, read: (rows) => read(checkRows(rows, fn)) };
    },
  };
}
