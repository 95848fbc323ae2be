import type { RowError, SkippedRow } from "./RowError";

/**
 * What every export mapper returns: the items of the rows that mapped, the rows refused
 * (row, column, rule, message), the rows skipped by a named rule, and the header name each
 * field was read from. Every data row of the file is in exactly one of `items`, `errors`
 * and `skipped` (a row with two bad cells has two errors).
 */
export interface MappedExport<T, F extends string = string> {
  readonly items: readonly T[];
  readonly errors: readonly RowError[];
  readonly skipped: readonly SkippedRow[];
  readonly columns: Readonly<Partial<Record<F, string>>>;
}
