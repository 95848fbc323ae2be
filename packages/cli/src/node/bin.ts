import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isOpsError } from "@ops/core";
import type { Io } from "../cli/Io";
import { run } from "../cli/run";

/**
 * The Node wiring of the `ops` command: files through node:fs (`-` reads standard input),
 * output to the process streams, the version from package.json and the verification page
 * built next to the bin (dist/verify.html). Only src/node/ may do I/O (scripts/check-purity.mjs).
 */
function nodeIo(): Io {
  const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
  let version = "unknown";
  try {
    version = (JSON.parse(readFileSync(here("../package.json"), "utf8")) as { version?: string }).version ?? version;
  } catch {
    // a copied bin without its package.json: --version says "unknown"
  }
  return {
    readFile: (path) => readFileSync(path === "-" ? 0 : path, "utf8"),
    writeFile: (path, text) => writeFileSync(path, text, "utf8"),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    pageFile: here("./verify.html"),
    version,
  };
}

// `ops`: the exit code is set, not forced, so that piped output is flushed before Node exits;
// a reader that stops early (`ops raffle page | head`) closes the pipe, which is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});
try {
  process.exitCode = run(process.argv.slice(2), nodeIo());
} catch (error) {
  process.stderr.write(`ops: ${isOpsError(error) ? error.message : `internal error: ${String(error)}`}\n`);
  process.exitCode = 2;
}
