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
