// The steps every mapper shares: options, decoding, records, header.
import { parseOrThrow, type TimeZone, TimeZoneSchema } from "@ops/core";
import * as z from "zod/mini";
import type { ColumnDictionary } from "../csv/ColumnDictionary";
import type { RowError } from "../csv/RowError";
import { type FieldTable, fieldTable } from "./header";
import { delimiterOf, readRecords, textOf } from "./readRecords";

/** The option fields every mapper takes. */
export function exportOptionsShape() {
  return {
    timeZone: z.optional(TimeZoneSchema),
    delimiter: z.optional(z.literal([",", "\t", ";", "|"])),
    encoding: z.optional(z.literal(["utf-8", "gb18030"])),
  };
}

/** The export's rows under its header, the quoting errors, and the zone. */
type Common = { timeZone?: string | undefined; delimiter?: string | undefined; encoding?: string | undefined };

export function openExport<F extends string, S extends z.ZodMiniType<Common>>(
  text: unknown,
  options: unknown,
  schema: S,
  dictionary: ColumnDictionary<F>,
  fn: string,
): { table: FieldTable<F>; zone: TimeZone; opts: z.output<S>; errors: RowError[] } {
  const opts: z.output<S> = parseOrThrow(schema, options, { fn, path: ["options"] });
  const decoded = textOf(text, opts.encoding ?? "utf-8", fn);
  const { records, errors } = readRecords(decoded, delimiterOf(opts.delimiter, fn), fn);
  const table = fieldTable(records, dictionary, fn);
  return { table, zone: opts.timeZone ?? "Asia/Shanghai", opts, errors: [...errors, ...table.errors] };
}
