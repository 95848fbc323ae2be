#!/usr/bin/env node
// A package README is shown on the registry page from the tarball, where a relative link
// works only if it points at a file the tarball ships ("files" in package.json, plus
// package.json and README). Links out of the package (../../docs/…) or into unpublished
// folders (test/, bench/, src/) are dead there: write an absolute URL or plain text instead.
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { packageNames, root } from "./workspace.mjs";

/** Relative link targets in a Markdown text (inline links and images; anchors and URLs skipped). */
export function relativeLinks(markdown) {
  const out = [];
  for (const m of markdown.replace(/```[\s\S]*?```/g, "").matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1];
    if (/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target)) continue;
    out.push(target.split("#")[0]);
  }
  return out.filter((t) => t !== "");
}

/** Whether `target` (relative to the package folder) is a file the tarball ships. */
export function isShipped(target, files) {
  const path = normalize(target).replace(/\/$/, "");
  if (path.startsWith("..")) return false;
  if (path === "package.json" || /^readme(\.md)?$/i.test(path) || /^licen[cs]e/i.test(path)) return true;
  return files.some(
    (f) => path === normalize(f).replace(/\/$/, "") || path.startsWith(`${normalize(f).replace(/\/$/, "")}/`),
  );
}

export function checkReadmeLinks() {
  const problems = [];
  for (const name of packageNames) {
    const dir = join(root, "packages", name);
    const readme = join(dir, "README.md");
    if (!existsSync(readme)) {
      problems.push(`@ops/${name}: no README.md`);
      continue;
    }
    const files = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).files ?? [];
    for (const target of relativeLinks(readFileSync(readme, "utf8"))) {
      if (!isShipped(target, files))
        problems.push(`@ops/${name}: README links to ${target}, which the published package does not contain`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkReadmeLinks();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `readme links: ${problems.length} problem(s)` : "readme links: ok");
  process.exit(problems.length ? 1 : 0);
}
