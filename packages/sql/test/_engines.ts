// Test harness: the two real engines, an event table loaded in each, and compiled queries
// run with their parameters bound by each client (never interpolated).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BIGINT,
  DOUBLE,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  LIST,
  listValue,
  VARCHAR,
} from "@duckdb/node-api";
import { Session } from "chdb";
import { type CompiledQuery, createEventTableSql, type SqlParamType, type SqlRow, type SqlTarget } from "../src/index";

/** One row of the event table contract, keyed by the default column names. */
export interface EventRow {
  occurred_at: number;
  actor: string;
  channel: string;
  kind: string;
  value: number;
  id?: string | null;
  post?: string | null;
  direction?: string | null;
  reply_to?: string | null;
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  saves?: number | null;
  replies?: number | null;
  wows?: number | null;
  reach?: number | null;
  impressions?: number | null;
  views?: number | null;
  followers?: number | null;
}

export const COLUMNS = [
  "occurred_at",
  "actor",
  "channel",
  "kind",
  "value",
  "id",
  "post",
  "direction",
  "reply_to",
  "likes",
  "comments",
  "shares",
  "saves",
  "replies",
  "wows",
  "reach",
  "impressions",
  "views",
  "followers",
] as const;

const DUCK_TYPES: Record<SqlParamType, DuckDBType> = {
  String: VARCHAR,
  Int64: BIGINT,
  Float64: DOUBLE,
  "Array(String)": LIST(VARCHAR),
};

export interface Engine {
  readonly name: "duckdb" | "clickhouse";
  /** Replaces the table `events` (or `table`) with these rows. */
  load(rows: readonly EventRow[], table?: string, target?: SqlTarget): Promise<void>;
  /** Replaces the table `events` with the rows of a Parquet file. */
  loadParquet(path: string): Promise<void>;
  run<T>(q: CompiledQuery<T>): Promise<T>;
  rows(q: CompiledQuery<unknown>): Promise<SqlRow[]>;
  /** Runs SQL without parameters (setup only). */
  exec(sql: string): Promise<SqlRow[]>;
  close(): void;
}

const dir = mkdtempSync(join(tmpdir(), "ops-sql-test-"));
let fileNo = 0;

const DUCK_COLUMN_TYPES = [
  "BIGINT",
  "VARCHAR",
  "VARCHAR",
  "VARCHAR",
  "DOUBLE",
  ...Array(4).fill("VARCHAR"),
  ...Array(10).fill("DOUBLE"),
];
const CH_COLUMN_TYPES = [
  "Int64",
  "String",
  "String",
  "String",
  "Float64",
  ...Array(4).fill("Nullable(String)"),
  ...Array(10).fill("Nullable(Float64)"),
];

function jsonLines(rows: readonly EventRow[]): string {
  const file = join(dir, `rows-${process.pid}-${fileNo++}.jsonl`);
  writeFileSync(
    file,
    rows.map((r) => JSON.stringify(Object.fromEntries(COLUMNS.map((c) => [c, (r as never)[c] ?? null])))).join("\n"),
  );
  return file;
}

function columnNames(target: SqlTarget | undefined): string[] {
  const m = target?.columns ?? {};
  const fields = ["at", "actor", "channel", "kind", "value", "id", "post", "direction", "replyTo"] as const;
  const rest = COLUMNS.slice(fields.length);
  return [
    ...fields.map((f, i) => (m as Record<string, string>)[f] ?? (COLUMNS[i] as string)),
    ...rest.map((c) => (m as Record<string, string>)[c] ?? c),
  ];
}

export async function createDuckEngine(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn: DuckDBConnection = await instance.connect();
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const engine: Engine = {
    name: "duckdb",
    async load(rows, table = "events", target) {
      const t: SqlTarget = { ...target, dialect: "duckdb", table };
      await conn.run(`DROP TABLE IF EXISTS ${quote(table)}`);
      await conn.run(createEventTableSql(t));
      if (rows.length === 0) return;
      const file = jsonLines(rows);
      const cols = columnNames(target).map(quote).join(", ");
      // read with the contract's own (safe) names and types, inserted into the target's names
      const struct = COLUMNS.map((c, i) => `${c}: '${DUCK_COLUMN_TYPES[i]}'`).join(", ");
      await conn.run(
        `INSERT INTO ${quote(table)} (${cols}) SELECT ${COLUMNS.join(", ")} FROM read_json('${file}', format = 'newline_delimited', columns = {${struct}})`,
      );
    },
    async loadParquet(path) {
      await conn.run(`DROP TABLE IF EXISTS events`);
      await conn.run(createEventTableSql({ dialect: "duckdb" }));
      await conn.run(`INSERT INTO events SELECT * FROM read_parquet($f)`, { f: path });
    },
    async rows(q) {
      const values: Record<string, unknown> = {};
      const types: Record<string, DuckDBType> = {};
      for (const p of q.params) {
        values[p.name] =
          p.type === "Int64"
            ? BigInt(p.value as number)
            : p.type === "Array(String)"
              ? listValue([...(p.value as string[])])
              : p.value;
        types[p.name] = DUCK_TYPES[p.type];
      }
      const reader = await conn.runAndReadAll(q.sql, values as never, types);
      return reader.getRowObjects() as SqlRow[];
    },
    async run(q) {
      return q.read(await engine.rows(q as CompiledQuery<unknown>)) as never;
    },
    async exec(sql) {
      return (await conn.runAndReadAll(sql)).getRowObjects() as SqlRow[];
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
  return engine;
}

export async function createClickhouseEngine(): Promise<Engine> {
  const session = new Session();
  const quote = (s: string) => `\`${s.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``;
  const parse = (out: string): SqlRow[] =>
    out
      .split("\n")
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as SqlRow);
  const engine: Engine = {
    name: "clickhouse",
    async load(rows, table = "events", target) {
      const t: SqlTarget = { ...target, dialect: "clickhouse", table };
      session.query(`DROP TABLE IF EXISTS ${quote(table)}`);
      session.query(createEventTableSql(t));
      if (rows.length === 0) return;
      const file = jsonLines(rows);
      const cols = columnNames(target).map(quote).join(", ");
      const structure = COLUMNS.map((c, i) => `${c} ${CH_COLUMN_TYPES[i]}`).join(", ");
      session.queryBind(
        `INSERT INTO ${quote(table)} (${cols}) SELECT ${COLUMNS.join(", ")} FROM file({f:String}, 'JSONEachRow', {s:String})`,
        {
          f: file,
          s: structure,
        },
      );
    },
    async loadParquet(path) {
      session.query("DROP TABLE IF EXISTS events");
      session.query(createEventTableSql({ dialect: "clickhouse" }));
      session.queryBind("INSERT INTO events SELECT * FROM file({f:String}, 'Parquet')", { f: path });
    },
    async rows(q) {
      const args: Record<string, unknown> = {};
      for (const p of q.params) args[p.name] = p.value;
      return parse(session.queryBind(q.sql, args, "JSONEachRow"));
    },
    async run(q) {
      return q.read(await engine.rows(q as CompiledQuery<unknown>)) as never;
    },
    async exec(sql) {
      return parse(session.query(sql, "JSONEachRow"));
    },
    close() {
      session.cleanup();
    },
  };
  return engine;
}

/** A fresh file path in the test's temporary folder. */
export function tempPath(name: string): string {
  return join(dir, `${process.pid}-${fileNo++}-${name}`);
}

export function cleanupFiles(): void {
  rmSync(dir, { recursive: true, force: true });
}
