#!/usr/bin/env node
// Checks that each package's barrels are complete: every name exported by a public
// source file (outside any `_lib` folder) is re-exported by src/index.ts or by the barrel of
// a subpath export (src/schemas.ts for `@ops/<pkg>/schemas`), no barrel re-exports from a
// `_lib` folder (src/_lib for what several concepts share,
// src/<concept>/_lib for one concept's private half). A cheap stand-in for date-fns's generated barrel.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { entryPoints, packageNames, root, sourceFiles } from "./workspace.mjs";

/** Private files: those under a `_lib` folder, at the top of src or beside a concept. */
export const isPrivate = (rel) => rel.split("/").includes("_lib");

/** The names a barrel re-exports (values and types, under their exported names). */
function reexportsOf(barrel) {
  const names = new Set();
  for (const m of barrel.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const n = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (n) names.add(n);
    }
  }
  return names;
}

/** The barrels of a package: src/index.ts and one src/<name>.ts per subpath export. */
export const barrelsOf = (name) => entryPoints(name).map((e) => e.barrel);

/**
 * Pure core of the surface rule (issue 21, "a surface people can learn"): option schemas
 * (`*OptionsSchema`) are not on the root entry — `@ops/<pkg>/schemas` holds them, or the
 * feature subpath whose functions take them (`@ops/interaction/adapters`); `schemas.ts`
 * holds nothing else. `barrels` maps a barrel file to the names it re-exports.
 */
export function checkSurface(pkg, barrels) {
  const problems = [];
  for (const n of barrels["index.ts"] ?? [])
    if (/OptionsSchema$/.test(n))
      problems.push(
        `@ops/${pkg}: src/index.ts exports ${n}; option schemas belong in src/schemas.ts (@ops/${pkg}/schemas)`,
      );
  for (const n of barrels["schemas.ts"] ?? [])
    if (!/OptionsSchema$/.test(n))
      problems.push(`@ops/${pkg}: src/schemas.ts exports ${n}; it holds the option schemas only`);
  return problems;
}

export function checkBarrels() {
  const problems = [];
  for (const name of packageNames) {
    const src = join(root, "packages", name, "src");
    const barrels = {};
    for (const file of barrelsOf(name)) {
      const path = join(src, file);
      if (!existsSync(path)) {
        problems.push(`@ops/${name}: package.json exports a subpath whose barrel src/${file} does not exist`);
        continue;
      }
      const barrel = readFileSync(path, "utf8");
      barrels[file] = reexportsOf(barrel);
      // one order for every barrel: by module path, case-insensitive (as the folder tree reads), values before types
      const order = [...barrel.matchAll(/export\s+(type\s+)?\{[^}]*\}\s*from\s*["']([^"']+)["']/g)].map((m) => [
        m[2].toLowerCase(),
        m[1] ? 1 : 0,
      ]);
      for (let i = 1; i < order.length; i++) {
        const [pa, ta] = order[i - 1];
        const [pb, tb] = order[i];
        if (pa > pb || (pa === pb && ta > tb)) {
          problems.push(
            `@ops/${name}: src/${file} is not sorted by module path (case-insensitive; values before types): ${pb} after ${pa}`,
          );
          break;
        }
      }
      if (/from\s+["'][^"']*\/_lib\//.test(barrel))
        problems.push(`@ops/${name}: src/${file} re-exports from a _lib folder (private helpers)`);
    }
    // each subpath export is documented where users read about the package
    const readme = join(root, "packages", name, "README.md");
    const readmeText = existsSync(readme) ? readFileSync(readme, "utf8") : "";
    for (const file of barrelsOf(name).filter((f) => f !== "index.ts"))
      if (!readmeText.includes(`@ops/${name}/${file.slice(0, -3)}`))
        problems.push(`@ops/${name}: README.md does not document the entry point @ops/${name}/${file.slice(0, -3)}`);
    const files = new Set(barrelsOf(name));
    const exported = new Set(Object.values(barrels).flatMap((set) => [...set]));
    problems.push(...checkSurface(name, barrels));
    for (const file of sourceFiles(src, (n) => n.endsWith(".ts"))) {
      const rel = relative(src, file);
      if (files.has(rel)) continue;
      if (!rel.includes("/")) {
        problems.push(
          `@ops/${name}: src/${rel} is a barrel that package.json does not export (add "./${rel.slice(0, -3)}")`,
        );
        continue;
      }
      if (isPrivate(rel)) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
      )) {
        if (!exported.has(m[1]))
          problems.push(
            `@ops/${name}: ${rel} exports ${m[1]} but no barrel (${[...files].map((f) => `src/${f}`).join(", ")}) does (private helpers go to a _lib folder)`,
          );
      }
    }
  }
  return [...problems, ...checkOptionNames()];
}

/**
 * Options are named after their function: `fooBar(…, options)` takes `FooBarOptions`, checked
 * by `FooBarOptionsSchema` (a `create`/`compile` prefix may be dropped). A type or schema
 * shared by several functions keeps a concept name; its JSDoc then says "Shared by".
 */
export function checkOptionNames() {
  const problems = [];
  for (const name of packageNames) {
    const src = join(root, "packages", name, "src");
    const functions = new Set();
    const options = [];
    for (const file of sourceFiles(src, (n) => n.endsWith(".ts"))) {
      if (isPrivate(relative(src, file))) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/^export\s+(?:async\s+)?function\*?\s+([A-Za-z_$][\w$]*)/gm)) functions.add(m[1]);
      for (const m of text.matchAll(
        /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?^export\s+(?:const|interface|type)\s+([A-Z][\w$]*?)Options(Schema)?\b/gm,
      ))
        options.push({
          file: relative(src, file),
          stem: m[2],
          full: `${m[2]}Options${m[3] ?? ""}`,
          shared: /Shared by/.test(m[1] ?? ""),
        });
    }
    for (const o of options) {
      const fn = o.stem[0].toLowerCase() + o.stem.slice(1);
      if (o.shared || functions.has(fn) || functions.has(`create${o.stem}`) || functions.has(`compile${o.stem}`))
        continue;
      problems.push(
        `@ops/${name}: ${o.file} exports ${o.full}, but no function ${fn} (or create${o.stem}/compile${o.stem}) takes it; name it after its function, or say "Shared by …" in its JSDoc`,
      );
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkBarrels();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `barrels: ${problems.length} problem(s)` : "barrels: ok");
  process.exit(problems.length ? 1 : 0);
}
