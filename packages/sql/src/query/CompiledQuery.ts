import type { SqlParamType } from "../dialect/Dialect";

/** A bound parameter of a compiled query: bind `value` as `type` under `name`. */
export interface SqlParam {
  /** `p0`, `p1`, … — the name in the placeholder. */
  readonly name: string;
  readonly type: SqlParamType;
  /** Int64 values are safe integers; bind them as 64-bit integers (a `bigint` in @duckdb/node-api). */
  readonly value: string | number | readonly string[];
}

/** One result row as a client returns it: numbers may come as `bigint` or numeric strings (ClickHouse JSON quotes 64-bit integers). */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * A metric compiled to SQL: the text, its parameters, and `read`, which turns the rows the
 * engine returned into the same result type as the `@ops/metrics` function (pure: it never
 * connects). Values are never in `sql`: they are in `params`.
 */
export interface CompiledQuery<T> {
  /** The dialect's name. */
  readonly dialect: string;
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** The metric's result from the rows of `sql`. */
  read(rows: readonly SqlRow[]): T;
}
