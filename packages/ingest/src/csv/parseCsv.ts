import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { recordsBy } from "../_lib/header";
import { delimiterOf, isBlank, readRecords, textOf } from "../_lib/readRecords";
import type { CsvEncoding } from "./limits";
import type { RowError, SkippedRow } from "./RowError";

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Field delimiter: `","` (default), `"\t"`, `";"` or `"|"`; never guessed. */
  readonly delimiter?: "," | "\t" | ";" | "|";
  /** Encoding of a `Uint8Array` input: `"utf-8"` (default) or `"gb18030"` (GBK's superset). */
  readonly encoding?: CsvEncoding;
  /** Record number of the header (1-based); default 1. Records above it are skipped as `preamble`. */
  readonly headerRow?: number;
}

/** A data row: its number as a spreadsheet shows it and its cells by header name. */
export interface CsvRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** What {@link parseCsv} returns. */
export interface CsvTable {
  /** The header's names, trimmed, in file order. */
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Rows refused (quoting, field count), with their number and column. */
  readonly errors: readonly RowError[];
  /** Rows skipped by a named rule (`blank_line`, `preamble`). */
  readonly skipped: readonly SkippedRow[];
}

/** Schema of {@link ParseCsvOptions}. */
export const ParseCsvOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    delimiter: z.optional(z.literal([",", "\t", ";", "|"])),
    encoding: z.optional(z.literal(["utf-8", "gb18030"])),
    headerRow: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  }))();

/**
 * Parses CSV text (RFC 4180, with papaparse) into rows keyed by the header: strips one UTF-8
 * BOM, accepts CRLF, LF and CR line ends, quoted fields with commas, doubled quotes and line
 * breaks. Nothing is dropped silently: a row with a broken quote or with more or fewer
 * fields than the header is an error naming its row (and the first column it lacks), a blank
 * line is listed in `skipped`. Trailing empty fields beyond the header (Excel writes them)
 * are ignored. A repeated header name keeps its first column.
 *
 * Limits: at most `MAX_CSV_CHARS` characters (`MAX_CSV_CHARS` × 4 bytes for a `Uint8Array`)
 * and `MAX_CSV_ROWS` records, else an OpsError `out_of_range` before any row is built.
 *
 * @param text - the file's text, or its bytes (decoded with `encoding`, fatal on an invalid byte)
 * @param options - `delimiter`, `encoding`, `headerRow`
 * @returns header, rows, row errors and skipped rows
 * @throws {OpsError} `invalid_argument` for a text that is neither a string nor bytes, bytes invalid in the encoding, no header row, or a bad option; `out_of_range` beyond the limits
 *
 * @example
 * ```ts
 * import { parseCsv } from "@ops/ingest";
 * const t = parseCsv('\uFEFF标题,阅读次数\r\n"春季新品, 上市","128,524"\r\n\r\n');
 * [t.header, t.rows[0]?.cells["阅读次数"], t.rows[0]?.row, t.skipped];
 * // => [["标题", "阅读次数"], "128,524", 2, [{ row: 3, rule: "blank_line" }]]
 * parseCsv('a,b\n1,"x\n2,3\n').errors[0]?.rule;
 * // => "unterminated_quote"
 * ```
 */
export function parseCsv(text: string | Uint8Array, options: ParseCsvOptions = {}): CsvTable {
  const fn = "parseCsv";
  const opts = parseOrThrow(ParseCsvOptionsSchema, options, { fn, path: ["options"] });
  const decoded = textOf(text, opts.encoding ?? "utf-8", fn);
  const { records, errors } = readRecords(decoded, delimiterOf(opts.delimiter, fn), fn);
  const headerRow = opts.headerRow ?? 1;
  const headerRecord = records.find((r) => r.row === headerRow);
  if (headerRecord === undefined)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "headerRow"],
      rule: "must name a row of the file with well-formed quoting",
      received: headerRow,
    });
  const header = headerRecord.cells.map((c) => c.trim());
  const rowErrors: RowError[] = [...errors];
  const skipped: SkippedRow[] = [];
  const rows: CsvRow[] = [];
  const recordOf = recordsBy(header);
  for (const r of records) {
    if (r.row === headerRow) continue;
    if (r.row < headerRow || isBlank(r.cells)) {
      skipped.push({ row: r.row, rule: isBlank(r.cells) ? "blank_line" : "preamble" });
      continue;
    }
    const short = r.cells.length < header.length;
    if (short || r.cells.slice(header.length).some((c) => c.trim() !== "")) {
      rowErrors.push({
        row: r.row,
        column: short ? (header[r.cells.length] as string) : null,
        rule: "field_count",
        message: `row ${r.row} has ${r.cells.length} fields, the header ${header.length} (a comma in a figure or text must be inside double quotes)`,
      });
      continue;
    }
    const cells = r.cells;
    rows.push({ row: r.row, cells: recordOf(cells) });
  }
  rowErrors.sort((a, b) => a.row - b.row);
  return { header, rows, errors: rowErrors, skipped };
}
