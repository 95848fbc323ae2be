// Reading result rows: numbers arrive as number, bigint or numeric strings depending on the client.
import { OpsError } from "@ops/core";
import type { SqlRow } from "../query/CompiledQuery";

/**
 * `rows` as `read` needs them: an array of row objects (what every client returns for a
 * query); anything else is a caller's mistake, named here instead of failing deep inside.
 */
export function checkRows(rows: unknown, fn: string): readonly SqlRow[] {
  if (!Array.isArray(rows))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["rows"],
      rule: "must be the array of rows the engine returned for the compiled SQL",
      received: rows,
    });
  // an index loop, not forEach: a sparse array's holes are rows too (undefined ones)
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (row === null || typeof row !== "object" || Array.isArray(row))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["rows", i],
        rule: "must be a row object keyed by column name (e.g. DuckDB's getRowObjects(), ClickHouse JSONEachRow)",
        received: row,
      });
  }
  return rows as readonly SqlRow[];
}

/** A finite number (or null when allowed) from a result cell; anything else is corrupt data. */
export function cellNumber(row: SqlRow, key: string, fn: string): number {
  const v = cellNullableNumber(row, key, fn);
  if (v === null) corrupt(fn, key, v);
  return v as number;
}

export function cellNullableNumber(row: SqlRow, key: string, fn: string): number | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  const n = typeof v === "bigint" ? Number(v) : typeof v === "string" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) corrupt(fn, key, v);
  return n as number;
}

export function cellString(row: SqlRow, key: string, fn: string): string {
  const v = row[key];
  if (typeof v !== "string") corrupt(fn, key, v);
  return v as string;
}

function corrupt(fn: string, key: string, received: unknown): never {
  throw new OpsError({
    code: "corrupt_data",
    fn,
    path: ["rows", key],
    rule: "must be the rows the compiled SQL returns (a finite number, bigint or numeric string here)",
    received,
  });
}

/** Refuses a non-finite aggregate (a sum past ±Number.MAX_VALUE): no finite number answers it. */
export function finiteOrThrow(v: number, fn: string, rule: string): number {
  if (!Number.isFinite(v)) throw new OpsError({ code: "out_of_range", fn, path: ["events"], rule, received: v });
  return v;
}
