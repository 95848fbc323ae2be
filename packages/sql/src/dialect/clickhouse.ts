import type { Dialect, SqlColumnType } from "./Dialect";

const CH_COLUMNS: Record<SqlColumnType, string> = {
  instantMs: "Int64",
  timestamp: "DateTime64(3, 'UTC')",
  string: "String",
  nullableString: "Nullable(String)",
  float: "Float64",
  nullableFloat: "Nullable(Float64)",
};

/** DateTime64's calendar: 1900-01-01 … 2299-12-31 UTC, in epoch ms. */
const MIN_MS = -2_208_988_800_000;
const MAX_MS = 10_413_791_999_999;

/**
 * ClickHouse (tested on 26.7 through chdb). Parameters are `{name:Type}` (server-side
 * binding); identifiers are back-quoted with `\` and `` ` `` escaped. Local dates are
 * `toDate32(fromUnixTimestamp64Milli(ms, zone))`; DateTime64 covers 1900–2299 and would
 * clamp instants outside it, so every query fails (`throwIf`) on such an instant instead
 * of returning a different number. Quantiles: `quantileExactInclusive`, which interpolates
 * as R type 7 / Excel PERCENTILE.INC (ClickHouse docs, "quantileExactInclusive").
 * Approximate distinct counts: `uniqCombined` (HyperLogLog with 2^17 cells, exact for
 * small sets; ClickHouse docs give ≈ 0.4 % error). Every query runs with
 * `join_use_nulls = 1` so that an unmatched LEFT JOIN gives NULL, as in standard SQL.
 *
 * @example
 * ```ts
 * import { clickhouse } from "@ops/sql";
 * clickhouse.quoteIdentifier("we`ird");
 * // => "`we\\`ird`"
 * ```
 */
export const clickhouse: Dialect = {
  name: "clickhouse",
  quoteIdentifier: (name) => `\`${name.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``,
  placeholder: (name, type) => `{${name}:${type}}`,
  epochMs: (column, timeType) =>
    timeType === "epochMs" ? `toInt64(${column})` : `toUnixTimestamp64Milli(toDateTime64(${column}, 3))`,
  localDate: (ms, zone) => `toDate32(fromUnixTimestamp64Milli(${ms}, ${zone}))`,
  weekday: (date) => `toInt64(toDayOfWeek(${date}) % 7)`,
  addDays: (date, days) => `addDays(${date}, ${days})`,
  addMonths: (date, months) => `addMonths(${date}, ${months})`,
  monthStart: (date) => `toStartOfMonth(${date})`,
  daysBetween: (a, b) => `toInt64(dateDiff('day', ${a}, ${b}))`,
  monthsBetween: (a, b) => `toInt64((toYear(${b}) * 12 + toMonth(${b})) - (toYear(${a}) * 12 + toMonth(${a})))`,
  parseDate: (text) => `toDate32(${text})`,
  formatDate: (date, month) => `formatDateTime(${date}, '${month ? "%Y-%m" : "%Y-%m-%d"}')`,
  localMidnightMs: (date, zone) => `toUnixTimestamp64Milli(toDateTime64(${date}, 3, ${zone}))`,
  listContains: (list, value) => `has(${list}, ${value})`,
  distinctUnnest: (list, alias) => `(SELECT DISTINCT arrayJoin(${list}) AS ${alias})`,
  countIf: (condition) => `countIf(${condition})`,
  sumIf: (value, condition) => `sumIf(${value}, ${condition})`,
  countDistinct: (value) => `uniqExact(${value})`,
  countDistinctIf: (value, condition) => `uniqExactIf(${value}, ${condition})`,
  approxCountDistinct: (value) => `uniqCombined(${value})`,
  approxIsExact: false,
  quantileR7: (value, p) => `quantileExactInclusive(${p})(${value})`,
  toInt: (value) => `toInt64(${value})`,
  toFloat: (value) => `toFloat64(${value})`,
  instantGuard: (ms) =>
    `throwIf(${ms} < ${MIN_MS} OR ${ms} > ${MAX_MS}, 'ops/sql: an event instant is outside 1900-01-01 … 2299-12-31, the calendar of ClickHouse DateTime64') = 0`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  bitTest: (x, k) => `bitAnd(bitShiftRight(${x}, ${k}), 1)`,
  intList: (values) => `CAST([${values.join(", ")}] AS Array(Int64))`,
  orderedIntLists: (values, keys) =>
    `arrayMap(ox -> CAST([${values.map((_, n) => `tupleElement(ox, ${keys.length + n + 1})`).join(", ")}] AS Array(Int64)), arraySort(groupArray(tuple(${[...keys, ...values].join(", ")}))))`,
  listFold: (list, acc, x, body, init) => `arrayFold((${acc}, ${x}) -> ${body}, ${list}, ${init})`,
  listMapIndexed: (list, v, i, body) =>
    `arrayMap((${v}, ${i}) -> ${body}, ${list}, arrayMap(oi -> toInt64(oi), arrayEnumerate(${list})))`,
  querySuffix: " SETTINGS join_use_nulls = 1",
  columnType: (type) => CH_COLUMNS[type],
  tableSuffix: " ENGINE = MergeTree ORDER BY tuple()",
};
