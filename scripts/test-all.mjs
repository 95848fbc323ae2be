#!/usr/bin/env node
// The test command (`pnpm test`): builds every package, then runs every check and counts.
//   1. build (tsup: ESM + CJS + d.ts)          5. barrel completeness
//   2. type-check each package (tsc), then     6. dependency graph (allowed edges, no cycle)
//      the Debian packages the browser checks need (system-deps.sh)
//   3. vitest over all projects, on source     7. smoke: pack, publint, attw, install the
//   4. purity, Biome, declared = imported         tarballs elsewhere, import from Node ESM,
//      bundle size per named function              CJS, Deno (no flags), TypeScript node16 +
//                                                  bundler, esbuild browser + neutral bundles
//   8. API docs (typedoc, 0 warnings)          9. examples: sample data, notebooks, report
// Every vitest test counts as one test, every other check as one more. The last line is
// `N passed, N failed` (what CI reads); the exit code is 1 if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { checkBarrels } from "./check-barrels.mjs";
import { checkBundleSizes } from "./check-bundle-size.mjs";
import { checkDependencies } from "./check-dependencies.mjs";
import { checkReadmeLinks } from "./check-readme-links.mjs";
import { checkGraph } from "./check-graph.mjs";
import { findImpurities } from "./check-purity.mjs";
import { smoke } from "./smoke.mjs";
import { packageNames, root } from "./workspace.mjs";

const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
let passed = 0;
let failed = 0;
const failures = [];
const record = (name, ok, detail = "") => {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  console.log(`${ok ? "✓" : "✗"} ${name}${!ok && detail ? `\n${detail}` : ""}`);
};
const sh = (cmd, args, options = {}) =>
  spawnSync(cmd, args, { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 28, ...options });
const section = (title) => console.log(`\n== ${title}`);

section("build");
for (const name of packageNames) {
  const r = sh(join(root, "node_modules", ".bin", "tsup"), [], { cwd: join(root, "packages", name) });
  record(`build @ops/${name}`, r.status === 0, `${r.stdout}${r.stderr}`);
}

section("type-check");
for (const name of packageNames) {
  const r = sh(process.execPath, [
    join(root, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    join("packages", name, "tsconfig.json"),
  ]);
  record(`tsc @ops/${name}`, r.status === 0, `${r.stdout}${r.stderr}`);
}

section("system deps");
// OPS_SKIP_SYSTEM_DEPS=1: no Debian packages installed, and the checks that need them skipped
// (the notebooks, the report render, @ops/cli's browser tests) — said on its own line before the counts
const skipSystemDeps = process.env.OPS_SKIP_SYSTEM_DEPS === "1";
const SKIPPED_SYSTEM_CHECKS =
  "skipped (OPS_SKIP_SYSTEM_DEPS=1): Debian packages not installed; Deno notebooks, report.html render and @ops/cli browser tests not run, not counted";
if (skipSystemDeps) {
  console.log(SKIPPED_SYSTEM_CHECKS);
} else {
  // Debian packages for the notebooks, the report render check and the draw verification page's
  // browser tests (apt-get when missing, saying what and why first; exit 3 names them where apt is
  // unavailable) — before vitest, whose @ops/cli tests drive /usr/bin/chromium. Its output streams.
  const deps = sh("bash", [join(root, "scripts", "system-deps.sh")], { stdio: ["ignore", "inherit", "inherit"] });
  record("system deps: jupyter-nbconvert, python3-ipykernel, chromium, CJK font", deps.status === 0);
}

section("vitest (all projects, against source)");
mkdirSync(join(root, ".tmp"), { recursive: true });
const report = join(root, ".tmp", "vitest.json");
rmSync(report, { force: true });
const v = sh(
  process.execPath,
  [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ],
  { stdio: ["ignore", "inherit", "inherit"] },
);
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, "utf8"));
  passed += j.numPassedTests ?? 0;
  failed += j.numFailedTests ?? 0;
  // a test file that fails to load has no tests to count: count the file itself
  const brokenFiles = (j.testResults ?? []).filter(
    (f) => f.status === "failed" && (f.assertionResults ?? []).length === 0,
  );
  for (const f of brokenFiles) record(`vitest file loads: ${f.name.replace(root, "")}`, false, f.message ?? "");
  if ((j.numTotalTests ?? 0) === 0) record("vitest ran at least one test", false);
  console.log(`vitest: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests ?? 0} skipped`);
  if (v.status !== 0 && (j.numFailedTests ?? 0) === 0 && brokenFiles.length === 0)
    record("vitest exit status", false, `vitest exited with ${v.status}`);
} else {
  record("vitest produced a report", false, `vitest exited with ${v.status}`);
}

section("doc examples type-check as a consumer writes them");
{
  // the modules vitest generated from every JSDoc @example and README/docs block (scripts/doctest.ts),
  // checked with a consumer's settings — `strict`, bundler resolution — against the built
  // packages' .d.ts, as a user's project would see them (not against our source)
  const { readdirSync, writeFileSync } = await import("node:fs");
  const dirs = [
    join(root, "node_modules"),
    join(root, "docs", "node_modules"),
    ...packageNames.map((n) => join(root, "packages", n, "node_modules")),
  ];
  const files = dirs.flatMap((d) => {
    const dir = join(d, ".doctest");
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".ts"))
          .map((f) => join(dir, f))
      : [];
  });
  const config = join(root, ".tmp", "tsconfig.doctest.json");
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        lib: ["es2023", "dom"], // a consumer's project: Web APIs such as crypto.randomUUID() are in scope
        module: "esnext",
        moduleResolution: "bundler",
        types: ["node"],
        skipLibCheck: true,
        paths: Object.fromEntries(
          packageNames.map((n) => [`@ops/${n}`, [join(root, "packages", n, "dist", "index.d.ts")]]),
        ),
      },
      files,
    }),
  );
  const t = sh(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", config]);
  record(
    `doc examples: ${files.length} generated example modules type-check (strict, bundler resolution, built types)`,
    files.length > 0 && t.status === 0,
    `${t.stdout}${t.stderr}`,
  );
}

section("source checks");
{
  // formatter and linter over everything git tracks (biome.jsonc); `biome check --write .` fixes most of it
  const b = sh(join(root, "node_modules", ".bin", "biome"), ["ci", "--reporter=summary", "."]);
  record("biome: formatted and lint-clean (biome ci)", b.status === 0, `${b.stdout}${b.stderr}`);
}
const impurities = findImpurities();
record(
  "purity: package sources read no clock, no hidden randomness, print nothing",
  impurities.length === 0,
  impurities.join("\n"),
);
const barrels = checkBarrels();
record("barrels: every public export is in src/index.ts", barrels.length === 0, barrels.join("\n"));
const graph = checkGraph();
record(
  "dependency graph: only allowed edges, no cycle between or inside packages",
  graph.length === 0,
  graph.join("\n"),
);
const links = checkReadmeLinks();
record("package READMEs: no relative link the published package cannot resolve", links.length === 0, links.join("\n"));
const declared = checkDependencies();
record("dependencies: declared = imported, in every package", declared.length === 0, declared.join("\n"));

section("bundle size: min+gz per named function (esbuild, browser and neutral platforms, built dist)");
for (const r of await checkBundleSizes()) record(`${r.name} — ${r.detail}`, r.ok);

section("API docs");
{
  // typedoc.json sets treatWarningsAsErrors: an undocumented export, a broken {@link} or a stray
  // @tag in prose fails here, not in a later release
  const d = sh(join(root, "node_modules", ".bin", "typedoc"), ["--out", join(root, ".tmp", "api")]);
  record(
    "typedoc: API docs of every package build with 0 warnings",
    d.status === 0,
    `${d.stdout}${d.stderr}`
      .split("\n")
      .filter((l) => /warning|error/i.test(l))
      .join("\n"),
  );
}

section("smoke: packed tarballs in a fresh project");
for (const r of smoke().results) record(`smoke: ${r.name}`, r.ok);

section("examples: sample data, Deno notebooks (headless), report.html in Chromium");
{
  const { createHash } = await import("node:crypto");
  const committed = join(root, "examples", "sample-data", "brand-8-weeks.json");
  const regenerated = join(root, ".tmp", "brand-8-weeks.json");
  const gen = sh(process.execPath, [join(root, "examples", "sample-data", "generate.mjs"), regenerated]);
  const hash = (p) => (existsSync(p) ? createHash("sha256").update(readFileSync(p)).digest("hex") : "missing");
  record(
    "sample data regenerates bit for bit (SHA-256)",
    gen.status === 0 && hash(regenerated) === hash(committed),
    `${gen.stdout}${gen.stderr}committed ${hash(committed)}\nregenerated ${hash(regenerated)}`,
  );
  record("sample data is at most 5 MB", existsSync(committed) && readFileSync(committed).length <= 5e6);
  if (!skipSystemDeps) {
    const { runNotebooks } = await import("./run-notebooks.mjs");
    for (const r of runNotebooks()) record(r.name, r.ok, r.detail);
    const { checkReportRender } = await import("./check-report-render.mjs");
    for (const r of checkReportRender()) record(r.name, r.ok, r.detail);
  }
}

if (failures.length) console.log(`\nfailed:\n  ${failures.join("\n  ")}`);
if (skipSystemDeps) console.log(`\n${SKIPPED_SYSTEM_CHECKS}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
