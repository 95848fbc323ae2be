// Cells of a row read into typed values, or a RowError naming the row and the column.
import { compileTimeZone, isOpsError, type Instant, parseLocalDateTime, type TimeZone } from "@ops/core";
import type { RowError } from "../csv/RowError";
import { parseExportNumber } from "../number/parseExportNumber";

/** A cell's value, or the error that names it. */
export type Cell<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RowError };

const good = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = (row: number, column: string, rule: RowError["rule"], message: string): Cell<never> => ({
  ok: false,
  error: { row, column, rule, message: `row ${row}, ${column}: ${message}` },
});

/** A whole count from 0 to 2^53 − 1; `undefined` when the cell is missing (`""`, `-`) and not required. */
export function countCell(
  text: string | undefined,
  row: number,
  column: string | undefined,
  required: boolean,
): Cell<number | undefined> {
  return integerCell(text, row, column, required, false);
}

/** A whole number, negative allowed (净增关注人数); `undefined` when missing and not required. */
export function signedCell(
  text: string | undefined,
  row: number,
  column: string | undefined,
  required: boolean,
): Cell<number | undefined> {
  return integerCell(text, row, column, required, true);
}

function integerCell(
  text: string | undefined,
  row: number,
  column: string | undefined,
  required: boolean,
  signed: boolean,
): Cell<number | undefined> {
  if (text === undefined || column === undefined) return good(undefined);
  const n = parseExportNumber(text);
  if (!n.ok) return bad(row, column, n.error.code, n.error.message);
  if (n.value === null)
    return required ? bad(row, column, "missing_value", "a figure is required, the cell is empty") : good(undefined);
  const v = n.value;
  if (!Number.isInteger(v) || (!signed && v < 0) || Math.abs(v) > Number.MAX_SAFE_INTEGER)
    return bad(
      row,
      column,
      "not_a_count",
      `${JSON.stringify(text)} must be a whole number${signed ? "" : " ≥ 0"} of at most 2^53 − 1`,
    );
  return good(v);
}

/** `2026年11月3日 21:15` → `2026-11-3 21:15`: the one spelled-out shape exports add to core's. */
const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/;

/**
 * Reads local date-times of one export in one zone with \@ops/core's `parseLocalDateTime`
 * (its shapes, checks and "compatible" DST rule), given the zone compiled once by
 * `compileTimeZone`: its offsets are cached per hour instead of asked of Intl on each row.
 * No offset arithmetic here. `年月日` spellings are rewritten to `-` first.
 */
export function instantReader(
  zone: TimeZone,
): (text: string | undefined, row: number, column: string) => Cell<Instant> {
  const compiled = compileTimeZone(zone);
  return (text, row, column) => {
    const s = (text ?? "").normalize("NFKC").trim();
    if (s === "" || s === "-") return bad(row, column, "missing_value", "a date-time is required, the cell is empty");
    const m = s.length <= 64 ? CN_DATE.exec(s) : null;
    const local = m === null ? s : `${m[1]}-${m[2]}-${m[3]}${m[4] === "" ? "" : ` ${m[4]}`}`;
    try {
      return good(parseLocalDateTime(local, compiled));
    } catch (e) {
      if (!isOpsError(e)) throw e;
      return bad(
        row,
        column,
        "invalid_date_time",
        `${JSON.stringify(text)} is not a local date-time in ${zone} (${e.rule}${e.code === "out_of_range" ? ", out of range" : ""})`,
      );
    }
  };
}
