// Facts about the workspace shared by the repo scripts.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** The packages, in dependency order (each only depends on those before it). */
export const packageNames = ["core", "interaction", "metrics", "sla", "raffle", "feedback", "community"];

/**
 * The allowed dependency edges between @ops packages (issue 2): every package may use core;
 * sla, feedback, raffle and community may use interaction; feedback may use sla; the domain
 * packages may use metrics; metrics uses core only.
 */
export const allowedDeps = {
  core: [],
  interaction: ["core", "metrics"],
  metrics: ["core"],
  sla: ["core", "interaction", "metrics"],
  raffle: ["core", "interaction", "metrics"],
  feedback: ["core", "interaction", "sla", "metrics"],
  community: ["core", "interaction", "metrics"],
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
