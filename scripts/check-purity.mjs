#!/usr/bin/env node
// Fails if package sources (not tests or benchmarks) read the clock, draw hidden randomness,
// print, touch the process or do I/O. Time, zone and randomness must come in as arguments (see
// CONVENTIONS.md). The one exception: @ops/cli's Node wiring (packages/cli/src/node/, which
// holds the `ops` bin) reads files and writes to the process streams; the rest of @ops/cli —
// the commands, which get an injected Io, and the verification report — is checked like every
// other package.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { packageNames, root, sourceFiles, stripComments } from "./workspace.mjs";

const isSource = (name) => /\.(ts|tsx|js|mjs)$/.test(name) && !/\.(test|bench|test-d)\.ts$/.test(name);

const rules = [
  [/\bDate\.now\s*\(/, "reads the clock (Date.now()); take `now` as an argument"],
  [/\bnew\s+Date\s*\(\s*\)/, "reads the clock (new Date() without arguments); take `now` as an argument"],
  [/\bperformance\.now\s*\(/, "reads the clock (performance.now())"],
  [/\bMath\.random\s*\(/, "draws hidden randomness (Math.random()); take a RandomSource as an argument"],
  [
    /\bcrypto\.getRandomValues\s*\(/,
    "draws hidden randomness (crypto.getRandomValues()); take a generator as an argument",
  ],
  [/\bconsole\.[a-z]+\s*\(/, "prints (console.*); return data instead"],
  [/\bprocess\.(env|stdout|stderr|argv|exit)\b/, "touches the process (process.*)"],
  [
    /(from\s+|import\s*\(\s*|require\s*\(\s*)["'](node:)?(fs|fs\/promises|net|http|https|http2|dgram|dns|child_process|worker_threads|process|os)["']/,
    "does I/O (node built-in import)",
  ],
  [/\bfetch\s*\(/, "does network I/O (fetch())"],
];

/** The impurities in one source text, as `line: reason` strings. */
export function impuritiesIn(text) {
  const problems = [];
  stripComments(text)
    .split("\n")
    .forEach((line, i) => {
      for (const [re, why] of rules) if (re.test(line)) problems.push(`${i + 1}: ${why}`);
    });
  return problems;
}

/** The folders allowed to do I/O: @ops/cli's Node wiring (its bin), relative to the repository root. */
export const IO_ALLOWED = ["packages/cli/src/node/"];

const mayDoIo = (file) => IO_ALLOWED.some((dir) => relative(root, file).split("\\").join("/").startsWith(dir));

export function findImpurities() {
  const problems = [];
  for (const name of packageNames) {
    for (const file of sourceFiles(join(root, "packages", name, "src"), isSource)) {
      if (mayDoIo(file)) continue;
      for (const p of impuritiesIn(readFileSync(file, "utf8"))) problems.push(`${relative(root, file)}:${p}`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = findImpurities();
  for (const p of problems) console.error(p);
  console.log(
    problems.length
      ? `purity: ${problems.length} problem(s)`
      : `purity: ok (I/O allowed only in ${IO_ALLOWED.join(", ")}; every other source file of every package is pure)`,
  );
  process.exit(problems.length ? 1 : 0);
}
