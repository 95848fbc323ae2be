/**
 * Why a row (or a cell of it) was refused.
 *
 * | rule | meaning |
 * | --- | --- |
 * | `unterminated_quote` | a quoted field never closes: the rest of the file was read into it |
 * | `malformed_quote` | a quote inside a quoted field is not doubled (`"a"b"`) |
 * | `field_count` | the row has more or fewer fields than the header |
 * | `missing_value` | a required cell is empty (or `-`) |
 * | `not_a_number` | a figure that is not a number as exports write them |
 * | `not_exact` | a figure that is only a bound (`10万+`) |
 * | `not_a_count` | a count that is negative or not a whole number |
 * | `invalid_date_time` | a date-time that is not a local date-time in a known shape, or does not exist |
 * | `inconsistent` | figures of one row that contradict each other (净增 ≠ 新关注 − 取消关注) |
 * | `too_long` | a cell longer than the model allows |
 * | `invalid_id` | an id with control characters or longer than 256 characters |
 * | `duplicate` | a second row for the same key with different figures |
 */
export type RowErrorRule =
  | "unterminated_quote"
  | "malformed_quote"
  | "field_count"
  | "missing_value"
  | "not_a_number"
  | "not_exact"
  | "not_a_count"
  | "invalid_date_time"
  | "inconsistent"
  | "too_long"
  | "invalid_id"
  | "duplicate";

/**
 * A refused row: `row` is its number as a spreadsheet shows it (1-based, the header line
 * counted, a quoted field spanning lines counted once), `column` the header name of the cell
 * (`null` when the whole row is at fault), `rule` the broken rule, `message` the detail.
 */
export interface RowError {
  readonly row: number;
  readonly column: string | null;
  readonly rule: RowErrorRule;
  readonly message: string;
}

/**
 * Why a row was skipped on purpose, never silently: `blank_line` (an empty line),
 * `preamble` (a title line above the header), `total_row` (a 合计 / 总计 / Total row that
 * sums the others), `duplicate_row` (the same item as an earlier row, from overlapping exports).
 */
export type SkipRule = "blank_line" | "preamble" | "total_row" | "duplicate_row";

/** A row skipped by a named rule. */
export interface SkippedRow {
  readonly row: number;
  readonly rule: SkipRule;
}
