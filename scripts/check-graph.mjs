#!/usr/bin/env node
// Checks the dependency graph between @ops packages: every edge (declared in package.json
// or imported in src) must be allowed by scripts/workspace.mjs, every import must be
// declared, and there must be no cycle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { allowedDeps, packageNames, root } from "./workspace.mjs";

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

export function checkGraph() {
  const problems = [];
  const edges = {};
  for (const name of packageNames) {
    const pkg = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
    const declared = new Set(
      [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]
        .filter((d) => d.startsWith("@ops/"))
        .map((d) => d.slice(5)),
    );
    for (const dev of Object.keys(pkg.devDependencies ?? {})) {
      if (dev.startsWith("@ops/")) problems.push(`@ops/${name}: @ops packages belong in dependencies, not devDependencies (${dev})`);
    }
    const imported = new Set();
    for (const file of walk(join(root, "packages", name, "src"))) {
      const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
      for (const m of code.matchAll(/from\s+["']@ops\/([a-z-]+)/g)) imported.add(m[1]);
    }
    for (const dep of imported) {
      if (!declared.has(dep)) problems.push(`@ops/${name}: src imports @ops/${dep} but package.json does not declare it`);
    }
    edges[name] = [...new Set([...declared, ...imported])];
    for (const dep of edges[name]) {
      if (!packageNames.includes(dep)) problems.push(`@ops/${name}: depends on unknown package @ops/${dep}`);
      else if (!(allowedDeps[name] ?? []).includes(dep)) problems.push(`@ops/${name} → @ops/${dep} is not an allowed edge (allowed: ${(allowedDeps[name] ?? []).join(", ") || "none"})`);
    }
  }
  // cycle detection (depth-first, three colours)
  const colour = {};
  const visit = (n, stack) => {
    colour[n] = "grey";
    for (const d of edges[n] ?? []) {
      if (colour[d] === "grey") problems.push(`cycle: ${[...stack, n, d].map((x) => `@ops/${x}`).join(" → ")}`);
      else if (!colour[d]) visit(d, [...stack, n]);
    }
    colour[n] = "black";
  };
  for (const n of packageNames) if (!colour[n]) visit(n, []);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkGraph();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `graph: ${problems.length} problem(s)` : "graph: ok");
  process.exit(problems.length ? 1 : 0);
}
