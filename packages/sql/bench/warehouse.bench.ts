// Warehouse scale: N events (default 10 M; N=100000000 for 100 M) generated once into a
// Parquet file in a temp folder by DuckDB's COPY … TO (never committed), then, each in its own
// child process (time and peak RSS): DuckDB running the compiled rollupByChannel and
// retentionTable SQL over read_parquet; chdb the same over file(…, Parquet) (≤ 10 M unless
// CHDB=1); @ops/metrics columnar (the Parquet rows read into EventColumns typed arrays, then
// rollupByChannel / retentionTable); arquero 8 (aq.table over the same typed arrays, arquero
// expressions with params — no aq.escape). Usage: `pnpm bench warehouse`; KEEP=1 keeps the file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { generateSql } from "./_warehouseData";

const N = Number(process.env.N ?? 10_000_000);
const dir = join(tmpdir(), "ops-sql-bench");
mkdirSync(dir, { recursive: true });
const file = join(dir, `events-${N}.parquet`);
if (!existsSync(file)) {
  const t = performance.now();
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(generateSql(N, file));
  conn.closeSync();
  console.log(`wrote ${file} in ${Math.round(performance.now() - t)} ms`);
}
const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx/cli");
const child = fileURLToPath(new URL("./_warehouseChild.ts", import.meta.url));
const modes = (
  process.env.MODES ?? `duckdb,${N <= 10_000_000 || process.env.CHDB ? "chdb," : ""}metrics,arquero`
).split(",");
const rows: Record<string, unknown>[] = [];
for (const mode of modes) {
  const before = loadavg()[0]?.toFixed(1);
  const r = spawnSync(process.execPath, [tsx, "--expose-gc", child], {
    env: { ...process.env, FILE: file, MODE: mode },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    rows.push({ mode, error: (r.stderr || r.stdout).slice(-300) });
    continue;
  }
  rows.push({ ...JSON.parse(r.stdout), load1: `${before} → ${loadavg()[0]?.toFixed(1)}` });
}
console.log(`${N.toLocaleString("en")} events; times in ms (wall), peak RSS of each child process`);
console.table(rows);
if (!process.env.KEEP) rmSync(file);
