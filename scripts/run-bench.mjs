#!/usr/bin/env node
// Runs every bench/*.bench.ts of the package in the current folder, one child process each
// (so that one benchmark's heap does not skew the next), with tsx so that TypeScript runs
// directly against the workspace sources. Usage (from a package): `pnpm bench [filter]`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsxCli = require.resolve("tsx/cli");
const filter = process.argv[2];
const dir = join(process.cwd(), "bench");
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
      .sort()
  : [];
if (files.length === 0) {
  console.log(`no benchmarks in ${dir}`);
  process.exit(0);
}
let failed = 0;
for (const file of files) {
  console.log(`\n# ${process.env.npm_package_name ?? ""} ${file}`);
  // node flags go after the tsx path: tsx runs the bench in a child process and passes them
  // on to it (before the path they reach only the parent, and globalThis.gc stays undefined)
  const r = spawnSync(process.execPath, [tsxCli, "--expose-gc", join(dir, file)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
