#!/usr/bin/env node
// The README's demo (`pnpm demo`): the weekly operations report on eight weeks of sample
// data, computed with the built @ops packages as a user's code would import them.
// Prints a summary and writes report.html (SVG charts inline) and report.md.
//
//   node examples/demo.mjs [--out <dir>] [--week <1-8>] [--data <sample.json>]
//   OPS_REPORT_DIR=<dir> node examples/demo.mjs
// Default output folder: the repository root (report.html and report.md are git-ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderHtml, renderMd, renderText } from "./lib/render.mjs";
import { loadSample, SAMPLE_PATH } from "./lib/sample.mjs";
import { buildWeeklyReport } from "./lib/weekly-report.mjs";

const { values } = parseArgs({
  options: { out: { type: "string" }, week: { type: "string" }, data: { type: "string" } },
});
const outDir = resolve(values.out ?? process.env.OPS_REPORT_DIR ?? fileURLToPath(new URL("..", import.meta.url)));
const started = performance.now();
const sample = loadSample(values.data ? resolve(values.data) : SAMPLE_PATH);
const report = buildWeeklyReport(sample, values.week ? { week: Number(values.week) } : {});
console.log(renderText(report));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "report.html"), renderHtml(report));
writeFileSync(join(outDir, "report.md"), renderMd(report));
console.log(
  `\nwrote ${join(outDir, "report.html")} and ${join(outDir, "report.md")} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
