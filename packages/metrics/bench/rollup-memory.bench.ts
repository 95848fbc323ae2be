// Peak memory (RSS) of a child process that builds 10 M events as EventColumns and runs
// only rollupByChannel over them (target ≤ 400 MB), next to the same child doing nothing
// (the Node + tsx baseline). Usage: `pnpm bench rollup-memory`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx/cli");
const child = fileURLToPath(new URL("./_rollupChild.ts", import.meta.url));
const N = process.env.N ?? "10000000";

function run(mode: string): { rows: number; maxRssMB: number } {
  const r = spawnSync(process.execPath, [tsx, child], { env: { ...process.env, N, MODE: mode }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { rows: number; maxRssMB: number };
}

const baseline = run("baseline");
const rollup = run("rollup");
console.table([
  { process: "node + tsx, nothing loaded", "peak RSS MB": Math.round(baseline.maxRssMB) },
  {
    process: `build ${Number(N).toLocaleString("en")} EventColumns + rollupByChannel (${rollup.rows} rows)`,
    "peak RSS MB": Math.round(rollup.maxRssMB),
  },
]);
console.log(
  `peak RSS ${Math.round(rollup.maxRssMB)} MB (target ≤ 400 MB): ${rollup.maxRssMB <= 400 ? "met" : "NOT met"}`,
);
if (rollup.maxRssMB > 400) process.exitCode = 1;
