#!/usr/bin/env node
// Checks the dependency graph between @ops packages: every edge (declared in package.json
// or imported in src) must be allowed by scripts/workspace.mjs, every import must be
// declared, and there must be no cycle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
      const code = stripComments(readFileSync(file, "utf8"));
      for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']@ops\/([a-z-]+)/g)) imported.add(m[1]);
    }
    packages[name] = {
      declared: [...ops(pkg.dependencies), ...ops(pkg.peerDependencies)],
      dev: ops(pkg.devDependencies),
      imported: [...imported],
    };
  }
  return analyseGraph(packages, allowedDeps);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkGraph();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `graph: ${problems.length} problem(s)` : "graph: ok");
  process.exit(problems.length ? 1 : 0);
}
