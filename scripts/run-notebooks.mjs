#!/usr/bin/env node
// Executes every Deno notebook in examples/notebooks headless, as the test command does:
//   scripts/nbexec.py (nbclient, as `jupyter nbconvert --execute` runs it, with the Deno kernel)
// with the kernel spec committed in examples/notebooks/jupyter/kernels/deno (found through
// JUPYTER_PATH; its argv is ["deno", "jupyter", "--kernel", "--conn", "{connection_file}"])
// and the workspace's node_modules/.bin first on PATH, so `deno` is the pinned devDependency.
// The packages must be built first (`pnpm build`): notebooks import them by name.
// Executed copies go to .tmp/notebooks/ (the committed notebooks stay without outputs).
// Returns [{ name, ok, detail, seconds }]; run directly it prints them and exits 1 on failure.
//
// Every code cell must show the outputs listed for it in examples/notebooks/expected-outputs.json
// (output types per code cell: "stream", "execute_result", "display_data"), so that a cell whose
// result was lost fails the check. `node scripts/run-notebooks.mjs --record` rewrites that file
// from a run (review the diff).
//
// Lost outputs (issue 19: a cell's result missing in 4 of 6 runs): nbclient stops collecting
// a cell's outputs at the kernel's `status: idle` for it, and the Deno kernel sometimes
// publishes an execute_result after that idle — seen here as "late outputs: N" from
// scripts/nbexec.py, which executes notebooks with nbclient (as nbconvert does) but drains the
// IOPub channel for a grace period after idle. Raising `iopub_timeout` did not help: it is not
// a timeout. As a safety net, a run that executed without error but still lacks an expected
// output is executed again (up to 3 attempts, each retry printed); an error, or outputs
// missing 3 times, fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./workspace.mjs";

export const NOTEBOOK_DIR = join(root, "examples", "notebooks");
export const EXPECTED_OUTPUTS = join(NOTEBOOK_DIR, "expected-outputs.json");

/** Output types of each code cell of an executed notebook, sorted (one entry per code cell). */
export function outputTypesByCell(notebook) {
  return notebook.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (c.outputs ?? []).map((o) => o.output_type).sort());
}

/** What is missing from `actual` (output types per code cell) against `expected`: one line per cell, empty when nothing. */
export function missingOutputs(expected, actual) {
  if (!Array.isArray(expected))
    return ["no entry in expected-outputs.json (record one: node scripts/run-notebooks.mjs --record)"];
  if (expected.length !== actual.length)
    return [
      `${actual.length} code cells, expected-outputs.json lists ${expected.length} (record again after editing a notebook)`,
    ];
  const lines = [];
  expected.forEach((types, i) => {
    const have = [...actual[i]];
    const lost = [];
    for (const t of types) {
      const k = have.indexOf(t);
      if (k >= 0) have.splice(k, 1);
      else lost.push(t);
    }
    if (lost.length)
      lines.push(`code cell ${i + 1}: missing ${lost.join(", ")} (has ${actual[i].join(", ") || "no output"})`);
  });
  return lines;
}

/** The environment a notebook kernel needs: JUPYTER_PATH to the committed spec, the pinned deno on PATH. */
export function notebookEnv(base = process.env) {
  return {
    ...base,
    JUPYTER_PATH: [join(NOTEBOOK_DIR, "jupyter"), base.JUPYTER_PATH].filter(Boolean).join(delimiter),
    PATH: [join(root, "node_modules", ".bin"), "/usr/bin", base.PATH].filter(Boolean).join(delimiter),
    // connection files go inside the checkout, so a read-only or missing HOME does not matter
    JUPYTER_RUNTIME_DIR: base.JUPYTER_RUNTIME_DIR ?? join(root, ".tmp", "jupyter-runtime"),
    NO_COLOR: "1",
    DENO_NO_UPDATE_CHECK: "1",
  };
}

export function runNotebooks({ outDir = join(root, ".tmp", "notebooks"), record = false } = {}) {
  const expectedAll = existsSync(EXPECTED_OUTPUTS) ? JSON.parse(readFileSync(EXPECTED_OUTPUTS, "utf8")) : {};
  const recorded = {};
  // scripts/nbexec.py runs on Debian's python3 with the nbclient that jupyter-nbconvert brings
  if (!existsSync("/usr/bin/jupyter-nbconvert") || !existsSync("/usr/bin/python3"))
    return [
      {
        name: "notebooks: jupyter-nbconvert is installed",
        ok: false,
        detail: "run scripts/system-deps.sh",
        seconds: 0,
      },
    ];
  mkdirSync(outDir, { recursive: true });
  mkdirSync(join(root, ".tmp", "jupyter-runtime"), { recursive: true });
  const results = [];
  for (const file of readdirSync(NOTEBOOK_DIR)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()) {
    const started = performance.now();
    let run = executeOnce(file, outDir, expectedAll[file], record);
    const lost = [];
    // a run that only lost outputs (no error) is executed again, up to 3 attempts: see the header
    for (let attempt = 2; !run.ok && run.lostOnly && attempt <= 3; attempt++) {
      lost.push(run.detail);
      run = executeOnce(file, outDir, expectedAll[file], record);
    }
    if (run.actual) recorded[file] = run.actual;
    const seconds = (performance.now() - started) / 1000;
    const retried = lost.length ? ` (outputs lost in ${lost.length} earlier attempt${lost.length > 1 ? "s" : ""})` : "";
    results.push({
      name: `notebook executes headless: examples/notebooks/${file}`,
      ok: run.ok,
      detail: `${run.detail}${retried ? `\n${retried}: ${lost.join(" | ")}` : ""}`,
      seconds,
      retried: lost.length,
    });
    if (run.ok && lost.length) console.log(`notebook ${file}${retried}: ${lost.join(" | ").replace(/\n/g, " ")}`);
  }
  if (results.length === 0)
    results.push({ name: "notebooks: at least one in examples/notebooks", ok: false, detail: "", seconds: 0 });
  if (record && results.every((r) => r.ok)) writeFileSync(EXPECTED_OUTPUTS, `${JSON.stringify(recorded, null, 1)}\n`);
  return results;
}

/** Executes one notebook once; `lostOnly`: it ran without error but some cell lacks an expected output. */
function executeOnce(file, outDir, expected, record) {
  // scripts/nbexec.py: nbclient (what nbconvert --execute runs) keeping outputs that arrive after a cell's idle
  const r = spawnSync(
    "/usr/bin/python3",
    [join(root, "scripts", "nbexec.py"), join(NOTEBOOK_DIR, file), join(outDir, file)],
    {
      cwd: NOTEBOOK_DIR,
      env: notebookEnv(),
      encoding: "utf8",
      maxBuffer: 1 << 26,
      timeout: 900_000,
    },
  );
  let detail = `${r.stdout ?? ""}${r.stderr ?? ""}`
    .split("\n")
    .filter((l) => !/MissingIDFieldWarning|validate\(nb\)|"deno jupyter" is unstable/.test(l))
    .join("\n")
    .slice(-4000);
  const cellError = detail.indexOf("CellExecutionError:");
  if (cellError >= 0) detail = detail.slice(cellError);
  if (r.status !== 0) return { ok: false, lostOnly: false, detail, actual: null };
  // an executed notebook must carry no error output, and every code cell the outputs listed for it
  const executed = JSON.parse(readFileSync(join(outDir, file), "utf8"));
  const outputs = executed.cells.flatMap((c) => c.outputs ?? []);
  const errors = outputs.filter((o) => o.output_type === "error");
  const actual = outputTypesByCell(executed);
  const missing = record ? [] : missingOutputs(expected, actual);
  const ok = errors.length === 0 && outputs.length > 0 && missing.length === 0;
  return {
    ok,
    lostOnly: !ok && errors.length === 0 && Array.isArray(expected) && expected.length === actual.length,
    detail: ok
      ? ""
      : `${errors.length} error outputs, ${outputs.length} outputs\n${missing.join("\n")}\n${JSON.stringify(errors).slice(0, 2000)}`,
    actual,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const results = runNotebooks({ record: process.argv.includes("--record") });
  for (const r of results)
    console.log(`${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds.toFixed(1)} s)${r.ok ? "" : `\n${r.detail}`}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
