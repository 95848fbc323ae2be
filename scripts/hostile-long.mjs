#!/usr/bin/env node
// The long run of the hostile-input suite (issue 20): scripts/test/hostile.test.ts with
// OPS_HOSTILE_LONG=1 — more values (MAX_VALUE, 2^31, date strings, "__proto__", Maps, typed
// arrays, 100 000- and 1 000 000-element arrays, 10 000-deep nesting, 60 seeded fast-check
// values), deeper places, every known call that never returns checked, and the inputs at
// the largest sizes (1 000 000 keywords, entrants, events). It takes minutes, not seconds.
//
//   node scripts/hostile-long.mjs [--report <file.md>] [--suggest <file.ts>]
//
// --report writes every finding as Markdown tables (default .tmp/hostile-long.md);
// --suggest writes them in the form of KNOWN_FINDINGS entries, marked `long: true`, for review.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const env = {
  ...process.env,
  NO_COLOR: "1",
  OPS_HOSTILE_LONG: "1",
  OPS_HOSTILE_REPORT: option("--report", join(root, ".tmp", "hostile-long.md")),
};
const suggest = option("--suggest", undefined);
if (suggest) env.OPS_HOSTILE_SUGGEST = suggest;

const r = spawnSync(
  process.execPath,
  [join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--project", "scripts", "scripts/test/hostile.test.ts"],
  { cwd: root, env, stdio: "inherit" },
);
console.log(`\nfindings: ${env.OPS_HOSTILE_REPORT}`);
process.exit(r.status ?? 1);
