// The CSV reading every public function shares: input checks, decoding, limits, papaparse.
import { OpsError } from "@ops/core";
import Papa from "papaparse";
import type { RowError } from "../csv/RowError";
import { MAX_CSV_CHARS, MAX_CSV_ROWS } from "../csv/limits";

/** One record of the file: its number as a spreadsheet shows it and its fields. */
export interface CsvRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The records of a file with the rows refused for their quoting. */
export interface Records {
  readonly records: readonly CsvRecord[];
  readonly errors: readonly RowError[];
}

const DELIMITERS = [",", "\t", ";", "|"] as const;

/** Checks and decodes the input; strips one BOM; refuses over-long input. */
export function textOf(input: unknown, encoding: unknown, fn: string): string {
  let text: string;
  if (typeof input === "string") text = input;
  else if (input instanceof Uint8Array) {
    if (encoding !== "utf-8" && encoding !== "gb18030")
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["options", "encoding"],
        rule: 'must be "utf-8" or "gb18030"',
        received: encoding,
      });
    if (input.length > MAX_CSV_CHARS * 4)
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: ["text"],
        rule: `must be at most ${MAX_CSV_CHARS * 4} bytes (MAX_CSV_CHARS × 4)`,
        received: input.length,
      });
    try {
      // fatal: a byte sequence that is not valid in the encoding is refused, never replaced with U+FFFD
      text = new TextDecoder(encoding, { fatal: true }).decode(input);
    } catch (cause) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["text"],
        rule:
          encoding === "utf-8"
            ? 'must be UTF-8 bytes (Excel\'s "CSV UTF-8"; a file Excel saved as plain CSV on Chinese Windows is GB18030/GBK: pass encoding: "gb18030")'
            : "must be GB18030 bytes",
        cause,
      });
    }
  } else
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["text"],
      rule: "must be the CSV text as a string or a Uint8Array",
      received: input,
    });
  if (text.length > MAX_CSV_CHARS)
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["text"],
      rule: `must be at most ${MAX_CSV_CHARS} characters (MAX_CSV_CHARS)`,
      received: text.length,
    });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Checks a delimiter option. */
export function delimiterOf(value: unknown, fn: string): string {
  if (value === undefined) return ",";
  if (!(DELIMITERS as readonly unknown[]).includes(value))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "delimiter"],
      rule: 'must be ",", "\\t", ";" or "|"',
      received: value,
    });
  return value as string;
}

/**
 * Splits the text into records with papaparse (RFC 4180: quoted fields, doubled quotes,
 * line breaks inside quotes; CRLF, LF and CR line ends). A record whose quoting papaparse
 * reports as broken becomes a row error, never a silently shortened row.
 */
export function readRecords(text: string, delimiter: string, fn: string): Records {
  // one line end for the whole text, so that a file mixing CRLF and LF splits on both
  const normalised = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const parsed = Papa.parse<string[]>(normalised, { delimiter, newline: "\n", header: false, skipEmptyLines: false });
  if (parsed.data.length > MAX_CSV_ROWS)
    throw new OpsError({
      code: "out_of_range",
      fn,
      path: ["text"],
      rule: `must have at most ${MAX_CSV_ROWS} rows (MAX_CSV_ROWS)`,
      received: parsed.data.length,
    });
  const bad = new Map<number, RowError>();
  for (const e of parsed.errors) {
    const index = e.row ?? 0;
    const row = index + 1;
    if (e.code === "MissingQuotes")
      bad.set(index, {
        row,
        column: null,
        rule: "unterminated_quote",
        message: `row ${row}: a quoted field is never closed, so the rest of the file was read into it`,
      });
    else if (!bad.has(index))
      bad.set(index, {
        row,
        column: null,
        rule: "malformed_quote",
        message: `row ${row}: ${e.message} (a quote inside a quoted field must be doubled: "")`,
      });
  }
  const records: CsvRecord[] = [];
  parsed.data.forEach((cells, i) => {
    if (!bad.has(i)) records.push({ row: i + 1, cells });
  });
  // a trailing line end leaves one empty record after the last line: not a row of the file
  const last = records[records.length - 1];
  if (last !== undefined && last.row === parsed.data.length && normalised.endsWith("\n") && isBlank(last.cells))
    records.pop();
  return { records, errors: [...bad.values()] };
}

/** A record with no content: an empty line (or a line of delimiters only). */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}
