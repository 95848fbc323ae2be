// Facts about the workspace shared by the repo scripts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The packages — the folders of packages/ that hold a package.json — in dependency order
 * (each only depends on those before it; ties by name). This is the one list: every script,
 * the vitest projects (a glob), the source aliases (a pattern) and tsconfig paths (a wildcard)
 * derive from the folder, so adding a package is adding its folder.
 */
export const packageNames = dependencyOrder(
  readdirSync(join(root, "packages"))
    .filter((n) => existsSync(join(root, "packages", n, "package.json")))
    .sort(),
);

function dependencyOrder(names) {
  const deps = Object.fromEntries(
    names.map((n) => {
      const pkg = JSON.parse(readFileSync(join(root, "packages", n, "package.json"), "utf8"));
      const ops = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })
        .filter((d) => d.startsWith("@ops/"))
        .map((d) => d.slice(5));
      return [n, ops.filter((d) => names.includes(d))];
    }),
  );
  const out = [];
  const visiting = new Set();
  const visit = (n) => {
    if (out.includes(n) || visiting.has(n)) return; // a cycle is reported by check-graph, not here
    visiting.add(n);
    for (const d of deps[n]) visit(d);
    visiting.delete(n);
    out.push(n);
  };
  for (const n of names) visit(n);
  return out;
}

/**
 * The allowed dependency edges between @ops packages — a design rule, checked by
 * check-graph against what package.json declares and src imports (every package on disk
 * must have an entry): every package may use core; sla, feedback, raffle and community may
 * use interaction; feedback may use sla; the domain packages may use metrics; metrics uses
 * core only (backends import it alone); sql compiles metrics' definitions; cli is the one
 * package with I/O and may use the packages whose files it reads and writes.
 */
export const allowedDeps = {
  core: [],
  interaction: ["core", "metrics"],
  metrics: ["core"],
  sla: ["core", "interaction", "metrics"],
  raffle: ["core", "interaction", "metrics"],
  feedback: ["core", "interaction", "sla", "metrics"],
  community: ["core", "interaction", "metrics"],
  sql: ["core", "metrics"],
  ingest: ["core", "interaction", "metrics"],
  cli: ["core", "interaction", "metrics", "raffle"],
};

/**
 * How to call the pnpm that runs this script: `npm_execpath` when pnpm started us (pnpm 12
 * is a native binary; older ones are JavaScript run by node), else `pnpm` from PATH.
 */
export function pnpmCommand() {
  const exec = process.env.npm_execpath;
  if (!exec || !/pnpm/.test(exec)) return ["pnpm"];
  return /\.(c|m)?js$/.test(exec) ? [process.execPath, exec] : [exec];
}

/** Every file below `dir` (recursively, sorted) whose name passes `keep`. */
export function sourceFiles(dir, keep) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p, keep));
    else if (keep(name)) out.push(p);
  }
  return out;
}

/**
 * Blanks comments (keeping line numbers), so that checks read code only and documentation
 * may mention `Date.now()` or `import … from "@ops/x"`. A `//` after `:` or a quote is kept
 * (URLs in strings).
 */
export function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/**
 * The entry points of a package, from its package.json `exports` (the one list of them):
 * `{ specifier, barrel }` with `barrel` the file under src/ — `index.ts` for `"."` and
 * `<name>.ts` for a subpath `"./<name>"` (`@ops/metrics/schemas` is src/schemas.ts).
 */
export function entryPoints(name) {
  const { exports } = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
  return Object.keys(exports)
    .filter((key) => key !== "./package.json")
    .map((key) =>
      key === "."
        ? { specifier: `@ops/${name}`, barrel: "index.ts" }
        : { specifier: `@ops/${name}/${key.slice(2)}`, barrel: `${key.slice(2)}.ts` },
    );
}
