#!/usr/bin/env node
// Declared = imported. For each package: every package that src/ imports (values or types)
// is in `dependencies` (or `peerDependencies`), unless the build bundles it (tsup
// `noExternal` in the package's tsup.config.ts); every entry of `dependencies` is imported
// by src/ (a dependency nobody imports is install weight and a false statement); whatever
// test/ and bench/ import is declared by the package (any field) or by the root package.json.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { packageNames, root, sourceFiles, stripComments } from "./workspace.mjs";

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or null for relative and built-in ones. */
export function packageOf(specifier) {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return null;
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/i.test(specifier)) return null; // not a specifier (text in a regex or string)
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return builtinModules.includes(name) ? null : name;
}

/** Bare packages imported (statically, dynamically, type-only or re-exported) by a source text. */
export function importsIn(text) {
  const code = stripComments(text);
  const out = new Set();
  const patterns = [
    // import … from "x", export … from "x": statements (at the start of a line), not a message that shows one
    /^\s*(?:import|export)\s+(?:type\s+)?[^;"'`]*?\bfrom\s*["']([^"'\s]+)["']/gm,
    /\bimport\s*["']([^"'\s]+)["']/g, // import "x"
    /\b(?:import|require)\s*\(\s*["']([^"'\s]+)["']\s*\)/g, // import("x"), require("x")
  ];
  for (const m of patterns.flatMap((re) => [...code.matchAll(re)])) {
    const p = packageOf(m[1]);
    if (p) out.add(p);
  }
  return out;
}

/** Pure core: problems for one package given what it declares and what each part imports. */
export function analyseDependencies(name, { dependencies, devDependencies, rootDev, bundled, src, other }) {
  const problems = [];
  const runtime = new Set([...dependencies]);
  for (const p of src) {
    if (!runtime.has(p) && !bundled.includes(p))
      problems.push(`@ops/${name}: src imports ${p} but "dependencies" does not declare it`);
  }
  for (const d of dependencies) {
    if (!src.has(d)) problems.push(`@ops/${name}: "dependencies" declares ${d} but src never imports it`);
  }
  for (const b of bundled) {
    if (dependencies.includes(b))
      problems.push(`@ops/${name}: ${b} is bundled into dist (noExternal) and also a runtime dependency`);
  }
  const known = new Set([...dependencies, ...devDependencies, ...rootDev, `@ops/${name}`]);
  for (const p of other) {
    if (!known.has(p)) problems.push(`@ops/${name}: test/ or bench/ imports ${p}, declared nowhere`);
  }
  return problems;
}

export function checkDependencies() {
  const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const rootDev = Object.keys({ ...rootPkg.dependencies, ...rootPkg.devDependencies });
  const problems = [];
  for (const name of packageNames) {
    const dir = join(root, "packages", name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const collect = (sub) => {
      const out = new Set();
      let files = [];
      try {
        files = sourceFiles(join(dir, sub), (n) => /\.(m|c)?[jt]s$/.test(n));
      } catch {
        return out;
      }
      for (const f of files) for (const p of importsIn(readFileSync(f, "utf8"))) out.add(p);
      return out;
    };
    let tsup = "";
    try {
      tsup = readFileSync(join(dir, "tsup.config.ts"), "utf8");
    } catch {}
    const bundled = [...(tsup.match(/noExternal:\s*\[([^\]]*)\]/)?.[1] ?? "").matchAll(/["']([^"']+)["']/g)].map(
      (m) => m[1],
    );
    problems.push(
      ...analyseDependencies(name, {
        dependencies: Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }),
        devDependencies: Object.keys(pkg.devDependencies ?? {}),
        rootDev,
        bundled,
        src: collect("src"),
        other: new Set([...collect("test"), ...collect("bench")]),
      }),
    );
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkDependencies();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `dependencies: ${problems.length} problem(s)` : "dependencies: ok");
  process.exit(problems.length ? 1 : 0);
}
