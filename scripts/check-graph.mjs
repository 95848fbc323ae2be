#!/usr/bin/env node
// Checks the dependency graph between @ops packages: every edge (declared in package.json
// or imported in src) must be allowed by scripts/workspace.mjs, every import must be
// declared, and there must be no cycle — between packages or between the files of one; a
// private helper lives in src/_lib only when several concepts share it.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { importsIn } from "./check-dependencies.mjs";
import { allowedDeps, packageNames, root, sourceFiles, stripComments } from "./workspace.mjs";

/**
 * Pure core of the check: `packages` maps a package name to the @ops packages it declares
 * in package.json (`declared`), lists as devDependencies (`dev`) and imports in src
 * (`imported`); `allowed` maps a name to the packages it may use.
 */
export function analyseGraph(packages, allowed) {
  const problems = [];
  const edges = {};
  const names = Object.keys(packages);
  for (const name of names) {
    const { declared, dev = [], imported } = packages[name];
    for (const d of dev)
      problems.push(`@ops/${name}: @ops packages belong in dependencies, not devDependencies (@ops/${d})`);
    for (const dep of imported) {
      if (!declared.includes(dep))
        problems.push(`@ops/${name}: src imports @ops/${dep} but package.json does not declare it`);
    }
    edges[name] = [...new Set([...declared, ...imported])];
    for (const dep of edges[name]) {
      if (!names.includes(dep)) problems.push(`@ops/${name}: depends on unknown package @ops/${dep}`);
      else if (!(allowed[name] ?? []).includes(dep))
        problems.push(
          `@ops/${name} → @ops/${dep} is not an allowed edge (allowed: ${(allowed[name] ?? []).join(", ") || "none"})`,
        );
    }
  }
  // cycle detection (depth-first, three colours)
  const colour = {};
  const visit = (n, stack) => {
    colour[n] = "grey";
    for (const d of edges[n] ?? []) {
      if (colour[d] === "grey") problems.push(`cycle: ${[...stack, n, d].map((x) => `@ops/${x}`).join(" → ")}`);
      else if (!colour[d] && names.includes(d)) visit(d, [...stack, n]);
    }
    colour[n] = "black";
  };
  for (const n of names) if (!colour[n]) visit(n, []);
  return problems;
}

/**
 * Pure core of the file-level check: `imports` maps each source file to the files it
 * imports (`import type` included: a type cycle is erased at run time but still ties two
 * files together — issue 21 asks for none). Returns every cycle once, each as
 * the list of files along it, starting from its smallest file name.
 */
export function findFileCycles(imports) {
  const cycles = new Map();
  const state = {};
  const stack = [];
  const visit = (f) => {
    state[f] = "open";
    stack.push(f);
    for (const g of imports[f] ?? []) {
      if (state[g] === "open") {
        const cycle = stack.slice(stack.indexOf(g));
        const start = cycle.indexOf([...cycle].sort()[0]);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(" → "), canonical);
      } else if (state[g] === undefined) visit(g);
    }
    stack.pop();
    state[f] = "done";
  };
  for (const f of Object.keys(imports).sort()) if (state[f] === undefined) visit(f);
  return [...cycles.values()];
}

/**
 * Pure core of the placement check (issue 21: "`_lib` keeps what several concepts share"):
 * `imports` maps each source file (relative to src) to the files it imports. A concept is a
 * folder at the top of src; a file in `src/_lib/` must be reached — directly or through
 * other `_lib` files — from at least two concepts (or from a file at the top of src),
 * else it belongs beside its one concept in `src/<concept>/_lib/`; a file in
 * `src/<concept>/_lib/` must be imported from inside `src/<concept>/` only.
 */
export function checkLibPlacement(imports) {
  const problems = [];
  const isShared = (f) => f.startsWith("_lib/");
  const conceptOf = (f) => (f.includes("/") ? f.split("/")[0] : `(${f})`);
  const reach = new Map(
    Object.keys(imports)
      .filter(isShared)
      .map((f) => [f, new Set()]),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const [f, targets] of Object.entries(imports)) {
      const from = isShared(f) ? reach.get(f) : new Set([conceptOf(f)]);
      for (const t of targets) {
        const s = reach.get(t);
        if (!s) continue;
        for (const c of from)
          if (!s.has(c)) {
            s.add(c);
            changed = true;
          }
      }
    }
  }
  for (const [f, concepts] of reach) {
    const [only] = concepts;
    if (concepts.size === 1 && !only.startsWith("("))
      problems.push(
        `${f} serves only ${only}/: move it to ${only}/_lib/ (src/_lib is for what several concepts share)`,
      );
  }
  for (const [f, targets] of Object.entries(imports))
    for (const t of targets) {
      const parts = t.split("/");
      if (parts.length > 2 && parts[1] === "_lib" && conceptOf(f) !== parts[0])
        problems.push(`${f} imports ${t}, the private half of ${parts[0]}/: move what both need to src/_lib/`);
    }
  return problems;
}

/** The imports (values and types) between one package's source files (relative specifiers resolved to files). */
function fileImports(src) {
  const files = sourceFiles(src, (n) => n.endsWith(".ts"));
  const imports = {};
  for (const file of files) {
    const code = stripComments(readFileSync(file, "utf8"));
    const targets = new Set();
    // statements at the start of a line, as importsIn reads them (a string that shows one is not one)
    for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^;"'`]*?)\bfrom\s*["'](\.[^"']*)["']/gm)) {
      if (!m[2] && /^\{?\s*$/.test(m[3] ?? "")) continue; // nothing imported
      const base = join(dirname(file), m[4]);
      const target = [`${base}.ts`, join(base, "index.ts"), base].find((c) => existsSync(c) && c.endsWith(".ts"));
      if (target) targets.add(relative(src, target));
    }
    imports[relative(src, file)] = [...targets];
  }
  return imports;
}

/** Reads the workspace and checks its graph against scripts/workspace.mjs. */
export function checkGraph() {
  const packages = {};
  for (const name of packageNames) {
    const pkg = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
    const ops = (deps) =>
      Object.keys(deps ?? {})
        .filter((d) => d.startsWith("@ops/"))
        .map((d) => d.slice(5));
    const imported = new Set();
    for (const file of sourceFiles(join(root, "packages", name, "src"), (n) => n.endsWith(".ts"))) {
      // the one reading of import statements (check-dependencies'): not a message that shows one
      for (const p of importsIn(readFileSync(file, "utf8"))) if (p.startsWith("@ops/")) imported.add(p.slice(5));
    }
    packages[name] = {
      declared: [...ops(pkg.dependencies), ...ops(pkg.peerDependencies)],
      dev: ops(pkg.devDependencies),
      imported: [...imported],
    };
  }
  const problems = analyseGraph(packages, allowedDeps);
  for (const name of packageNames) {
    if (!(name in allowedDeps))
      problems.push(`@ops/${name}: no entry in allowedDeps (scripts/workspace.mjs) naming the packages it may use`);
    const imports = fileImports(join(root, "packages", name, "src"));
    for (const p of checkLibPlacement(imports)) problems.push(`@ops/${name}: ${p}`);
    for (const cycle of findFileCycles(imports))
      problems.push(`@ops/${name}: import cycle inside the package: ${[...cycle, cycle[0]].join(" → ")}`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkGraph();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `graph: ${problems.length} problem(s)` : "graph: ok");
  process.exit(problems.length ? 1 : 0);
}
