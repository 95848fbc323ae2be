// Finding the header row of an export and the column of each field of a dictionary.
import { OpsError } from "@ops/core";
import type { ColumnDictionary } from "../csv/ColumnDictionary";
import type { RowError, SkippedRow } from "../csv/RowError";
import { type CsvRecord, isBlank } from "./readRecords";

/** How many non-blank records may stand above the header (a title line, a date range). */
export const MAX_PREAMBLE = 10;

/** A header name as it is matched: NFKC, no white space, lower case. */
export function headerKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** A data row with its cells by field. */
export interface FieldRow<F extends string> {
  readonly row: number;
  /** The cell of a field, trimmed; `undefined` when the file has no column for it. */
  readonly cell: (field: F) => string | undefined;
  /** The whole row by header name, as it was written (for `raw`). */
  readonly record: Readonly<Record<string, string>>;
}

/** The rows of a file under its header. */
export interface FieldTable<F extends string> {
  /** The header's names, trimmed. */
  readonly header: readonly string[];
  /** The header name each field was read from (absent: the file has no such column). */
  readonly columns: Readonly<Partial<Record<F, string>>>;
  readonly rows: readonly FieldRow<F>[];
  readonly errors: RowError[];
  readonly skipped: SkippedRow[];
}

/** Column index of each field in a header, or `undefined`. */
function resolve<F extends string>(
  cells: readonly string[],
  dictionary: ColumnDictionary<F>,
): Partial<Record<F, number>> {
  const keys = cells.map(headerKey);
  const out: Partial<Record<F, number>> = {};
  for (const field of Object.keys(dictionary) as F[]) {
    for (const name of dictionary[field].names) {
      const i = keys.indexOf(headerKey(name));
      if (i >= 0) {
        out[field] = i;
        break;
      }
    }
  }
  return out;
}

function missingOf<F extends string>(found: Partial<Record<F, number>>, dictionary: ColumnDictionary<F>): F[] {
  return (Object.keys(dictionary) as F[]).filter((f) => dictionary[f].required && found[f] === undefined);
}

/**
 * The header is the first record (of the first {@link MAX_PREAMBLE} + 1 non-blank ones) that
 * has every required column; the non-blank records above it are skipped as `preamble`. No
 * such record: an OpsError naming the missing columns of the first non-blank record and the
 * columns it has.
 */
export function fieldTable<F extends string>(
  records: readonly CsvRecord[],
  dictionary: ColumnDictionary<F>,
  fn: string,
): FieldTable<F> {
  const skipped: SkippedRow[] = [];
  const errors: RowError[] = [];
  let headerAt = -1;
  let found: Partial<Record<F, number>> = {};
  let firstNonBlank: CsvRecord | undefined;
  let seen = 0;
  for (let i = 0; i < records.length && seen <= MAX_PREAMBLE; i++) {
    const r = records[i] as CsvRecord;
    if (isBlank(r.cells)) continue;
    firstNonBlank ??= r;
    seen++;
    const candidate = resolve(r.cells, dictionary);
    if (missingOf(candidate, dictionary).length === 0) {
      headerAt = i;
      found = candidate;
      break;
    }
  }
  if (headerAt < 0) {
    const cells = firstNonBlank?.cells ?? [];
    const missing = missingOf(resolve(cells, dictionary), dictionary);
    const names = missing.map((f) => dictionary[f].names.join(" / ")).join("; ");
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["text"],
      rule: `must have a header row with the column(s) ${names} (the first row has: ${
        cells.length === 0 ? "nothing" : cells.map((c) => JSON.stringify(c.trim())).join(", ")
      })`,
    });
  }
  const header = (records[headerAt] as CsvRecord).cells.map((c) => c.trim());
  for (let i = 0; i < headerAt; i++) {
    const r = records[i] as CsvRecord;
    skipped.push({ row: r.row, rule: isBlank(r.cells) ? "blank_line" : "preamble" });
  }
  const columns: Partial<Record<F, string>> = {};
  for (const f of Object.keys(found) as F[]) columns[f] = header[found[f] as number] as string;
  const rows: FieldRow<F>[] = [];
  const recordOf = recordsBy(header);
  for (let i = headerAt + 1; i < records.length; i++) {
    const r = records[i] as CsvRecord;
    if (isBlank(r.cells)) {
      skipped.push({ row: r.row, rule: "blank_line" });
      continue;
    }
    // Excel writes trailing empty fields for formatted-but-empty columns: they are not data
    const extra = r.cells.slice(header.length);
    if (r.cells.length < header.length || extra.some((c) => c.trim() !== "")) {
      const short = r.cells.length < header.length;
      errors.push({
        row: r.row,
        column: short ? (header[r.cells.length] as string) : null,
        rule: "field_count",
        message: `row ${r.row} has ${r.cells.length} fields, the header ${header.length}${
          short ? `: no value for ${header.slice(r.cells.length).join(", ")}` : ""
        } (a comma in a figure or text must be inside double quotes)`,
      });
      continue;
    }
    const cells = r.cells;
    const record = recordOf(cells);
    rows.push({
      row: r.row,
      cell: (field) => {
        const j = found[field];
        return j === undefined ? undefined : (cells[j] as string).trim();
      },
      record,
    });
  }
  return { header, columns, rows, errors, skipped };
}

/** Sorts row errors by row, then by the column's place in the header (whole-row errors first). */
export function sortErrors(errors: RowError[], header: readonly string[]): RowError[] {
  const at = (c: string | null) => (c === null ? -1 : header.indexOf(c));
  return errors.sort((a, b) => a.row - b.row || at(a.column) - at(b.column));
}

const TOTAL_LABELS = new Set(["合计", "总计", "汇总", "总计:", "合计:", "total", "sum", "总和"]);

/** A 合计 / 总计 / Total label: the row sums the others and is not an item. */
export function isTotalLabel(cell: string | undefined): boolean {
  return cell !== undefined && TOTAL_LABELS.has(headerKey(cell));
}

/**
 * A row's cells keyed by header name: own data properties (a header named "__proto__" stays a
 * key), the first of a repeated name kept. Which columns are kept is worked out once per file,
 * not once per row.
 */
export function recordsBy(header: readonly string[]): (cells: readonly string[]) => Record<string, string> {
  const kept = header.flatMap((h, j) => (header.indexOf(h) === j ? [j] : []));
  return (cells) => Object.fromEntries(kept.map((j) => [header[j] as string, cells[j] as string] as const));
}
