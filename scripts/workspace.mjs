// Facts about the workspace shared by the repo scripts.
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
