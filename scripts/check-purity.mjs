#!/usr/bin/env node
// Fails if package sources (not tests or benchmarks) read the clock, draw hidden randomness
// or print. Time, zone and randomness must come in as arguments (see CONVENTIONS.md).
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
  [/from\s+["']node:(fs|net|http|https|child_process|worker_threads)["']/, "does I/O (node built-in import)"],
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

export function findImpurities() {
  const problems = [];
  for (const name of packageNames) {
    for (const file of sourceFiles(join(root, "packages", name, "src"), isSource)) {
      for (const p of impuritiesIn(readFileSync(file, "utf8"))) problems.push(`${relative(root, file)}:${p}`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = findImpurities();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `purity: ${problems.length} problem(s)` : "purity: ok");
  process.exit(problems.length ? 1 : 0);
}
