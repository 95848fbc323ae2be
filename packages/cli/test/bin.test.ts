import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificate, publishedList } from "./fixtures";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const bin = join(pkg, "dist", "bin.js");

/** The newest modification time under a folder. */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/** The @ops packages a package depends on, transitively, dependencies first. */
function opsDependencies(name: string, seen = new Set<string>()): string[] {
  const manifest = JSON.parse(readFileSync(join(pkg, "..", name, "package.json"), "utf8"));
  for (const dep of Object.keys(manifest.dependencies ?? {}).filter((d) => d.startsWith("@ops/"))) {
    const n = dep.slice(5);
    if (!seen.has(n)) {
      opsDependencies(n, seen);
      seen.add(n);
    }
  }
  return [...seen];
}

const tsup = (dir: string) =>
  execFileSync(process.execPath, [join(pkg, "..", "..", "node_modules", "tsup", "dist", "cli-default.js")], {
    cwd: dir,
    stdio: "pipe",
  });

let work = "";
beforeAll(() => {
  // the end-to-end test runs the built bin over the built dependencies (as `pnpm test` leaves them):
  // build what is missing, and the bin when it is older than the sources
  for (const dep of opsDependencies("cli"))
    if (!existsSync(join(pkg, "..", dep, "dist", "index.js"))) tsup(join(pkg, "..", dep));
  if (!existsSync(bin) || statSync(bin).mtimeMs < newest(join(pkg, "src"))) tsup(pkg);
  work = mkdtempSync(join(tmpdir(), "ops-cli-bin-"));
  const cert = certificate();
  writeFileSync(join(work, "cert.json"), JSON.stringify(cert));
  writeFileSync(join(work, "list.json"), JSON.stringify(publishedList()));
  writeFileSync(join(work, "forged.json"), JSON.stringify({ ...cert, seed: "00".repeat(32) }));
  writeFileSync(join(work, "garbage.json"), "<html>");
}, 300_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const ops = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the built ops bin, as a child process", () => {
  it("is an ES module with a shebang", () => {
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("exits 0 for an honest certificate, 1 for a forged one, 2 for garbage and a missing file", () => {
    const good = ops("raffle", "verify", "cert.json", "--list", "list.json");
    expect(good.stderr).toBe("");
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^VERIFIED — lucky draw “mug-draw”\n/);
    const forged = ops("raffle", "verify", "forged.json", "--json");
    expect(forged.status).toBe(1);
    expect(JSON.parse(forged.stdout).problems.map((p: { code: string }) => p.code)).toContain("seed");
    expect(ops("raffle", "verify", "garbage.json").status).toBe(2);
    const missing = ops("raffle", "verify", "missing.json");
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain("ENOENT");
  });

  it("reads the certificate from standard input with -", () => {
    const piped = spawnSync(process.execPath, [bin, "raffle", "verify", "-"], {
      cwd: work,
      encoding: "utf8",
      input: readFileSync(join(work, "cert.json"), "utf8"),
    });
    expect(piped.status).toBe(0);
  });

  it("prints its package version and the usage", () => {
    const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
    expect(ops("--version").stdout).toBe(`${version}\n`);
    const none = ops();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Usage: ops <command>");
  });

  it.skipIf(!existsSync(join(pkg, "dist", "verify.html")))("prints the built verification page", () => {
    const page = ops("raffle", "page");
    expect(page.status).toBe(0);
    expect(page.stdout).toBe(readFileSync(join(pkg, "dist", "verify.html"), "utf8"));
    expect(page.stdout).toMatch(/^<!doctype html>/i);
  });
});
