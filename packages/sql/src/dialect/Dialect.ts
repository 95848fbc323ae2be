/** The type of a bound parameter, named as ClickHouse names it (each dialect maps it). */
export type SqlParamType = "String" | "Int64" | "Float64" | "Array(String)";

/** What an event-table column holds, for DDL: see `createEventTableSql` and the event-table contract in the README. */
export type SqlColumnType = "instantMs" | "timestamp" | "string" | "nullableString" | "float" | "nullableFloat";

/**
 * A SQL dialect: how identifiers are quoted, parameters written and calendar arithmetic
 * done. Every expression builder receives SQL fragments that the compiler produced
 * (quoted identifiers, placeholders) and never user text. A third dialect (BigQuery,
 * PostgreSQL) is one object implementing this interface.
 */
export interface Dialect {
  /** Name reported in a compiled query (`"duckdb"`, `"clickhouse"`). */
  readonly name: string;
  /** One identifier, quoted so that any character (quotes included) stays part of the name. */
  quoteIdentifier(name: string): string;
  /** The placeholder of parameter `name` (an ASCII word chosen by the compiler) of `type`. */
  placeholder(name: string, type: SqlParamType): string;
  /** Epoch milliseconds (a 64-bit integer) from a column of `timeType`. */
  epochMs(column: string, timeType: "epochMs" | "timestamp"): string;
  /** The local calendar date (a DATE) of an epoch-ms expression in the zone `zone` (a placeholder). */
  localDate(ms: string, zone: string): string;
  /** Day of the week of a DATE: 0 = Sunday … 6 = Saturday. */
  weekday(date: string): string;
  /** A DATE plus an integer number of days (may be negative). */
  addDays(date: string, days: string): string;
  /** A DATE plus an integer number of months. */
  addMonths(date: string, months: string): string;
  /** The first day of the month of a DATE. */
  monthStart(date: string): string;
  /** Whole days from DATE `a` to DATE `b` (b − a). */
  daysBetween(a: string, b: string): string;
  /** Months from DATE `a` to DATE `b` (both first days of months). */
  monthsBetween(a: string, b: string): string;
  /** A DATE from a `YYYY-MM-DD` string expression. */
  parseDate(text: string): string;
  /** `YYYY-MM-DD` (or `YYYY-MM` when `month`) of a DATE. */
  formatDate(date: string, month: boolean): string;
  /** Epoch ms of the local midnight starting DATE `date` in `zone`; a skipped midnight moves forward ("compatible"). */
  localMidnightMs(date: string, zone: string): string;
  /** Whether `list` (an Array(String) placeholder) contains `value`. */
  listContains(list: string, value: string): string;
  /** A one-column relation `a` of the distinct strings of an Array(String) placeholder. */
  distinctUnnest(list: string, alias: string): string;
  countIf(condition: string): string;
  sumIf(value: string, condition: string): string;
  countDistinct(value: string): string;
  countDistinctIf(value: string, condition: string): string;
  /** Approximate distinct count within 2 % at 1 M distinct values, or the exact count where the engine has no such function. */
  approxCountDistinct(value: string): string;
  /** Whether {@link Dialect.approxCountDistinct} is exact. */
  readonly approxIsExact: boolean;
  /** The R type 7 (linear interpolation, numpy "linear") quantile `p` (a literal between 0 and 1) of a numeric column. */
  quantileR7(value: string, p: number): string;
  /** A signed 64-bit integer of an expression. */
  toInt(value: string): string;
  /** A 64-bit float of an expression. */
  toFloat(value: string): string;
  /** A condition that fails the query (never a silent wrong number) when epoch-ms `ms` is outside the engine's calendar; `TRUE` if none. */
  instantGuard(ms: string): string;
  /** Integer division (truncating) of two integer expressions. */
  intDiv(a: string, b: string): string;
  /** Bit `k` (0 or 1) of the 64-bit integer `x`. */
  bitTest(x: string, k: string): string;
  /** An Array(Int64) of these integer expressions, in this order. */
  intList(values: readonly string[]): string;
  /**
   * Aggregate: the list of the Array(Int64) rows `[values…]` of a group, in ascending order of
   * `keys` (whole rows compared, so rows with equal keys are interchangeable).
   */
  orderedIntLists(values: readonly string[], keys: readonly string[]): string;
  /** Left fold of `list` from `init`: `body` over the accumulator `acc` and the element `x` (lambda parameter names). */
  listFold(list: string, acc: string, x: string, body: string, init: string): string;
  /** `list` mapped by `body` over the element `v` and its 1-based position `i` (an Int64). */
  listMapIndexed(list: string, v: string, i: string, body: string): string;
  /** Appended to every query (settings), or `""`. */
  readonly querySuffix: string;
  /** Column type for DDL. */
  columnType(type: SqlColumnType): string;
  /** Appended to CREATE TABLE (an engine clause), or `""`. */
  readonly tableSuffix: string;
}
