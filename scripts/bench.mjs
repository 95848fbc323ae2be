#!/usr/bin/env node
// `pnpm bench`: every package's benchmarks, in dependency order. Not part of the test command.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageNames, root } from "./workspace.mjs";

let failed = 0;
for (const name of packageNames) {
  const dir = join(root, "packages", name);
  if (!existsSync(join(dir, "bench"))) continue;
  const r = spawnSync(process.execPath, [join(root, "scripts/run-bench.mjs"), ...process.argv.slice(2)], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, npm_package_name: `@ops/${name}` },
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
