#!/usr/bin/env node
// Packs every package (pnpm pack, so that workspace: ranges become versions), installs the
// tarballs with npm into a fresh project outside the workspace, and imports each package —
// its root and every subpath export — from Node ESM, Node CJS, Deno, and TypeScript with
// `node16` and `bundler` resolution.
// Runs the packed `ops` bin (@ops/cli) as installed: a test-vector certificate verifies (exit
// 0), a tampered one is refused (1), input that is not a certificate is unreadable (2).
// Needs the packages built first. Prints one line per check; exits 1 if any failed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { entryPoints, packageNames, pnpmCommand, root } from "./workspace.mjs";

const pnpm = pnpmCommand();
const bin = (name) => join(root, "node_modules", ".bin", name);
const results = [];
const check = (name, fn) => {
  try {
    fn();
    results.push({ name, ok: true });
    console.log(`  ✓ smoke: ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✗ smoke: ${name}\n${String(error?.stderr ?? "") || String(error?.stdout ?? "") || error.message}`);
  }
};
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: "pipe", env: { ...process.env, NO_COLOR: "1" } });

export function smoke() {
  const work = mkdtempSync(join(tmpdir(), "ops-smoke-"));
  const tarballs = join(work, "tarballs");
  const project = join(work, "project");
  mkdirSync(tarballs);
  mkdirSync(project);
  try {
    check("pack every package", () => {
      for (const name of packageNames)
        run(pnpm[0], [...pnpm.slice(1), "pack", "--pack-destination", tarballs], join(root, "packages", name));
      const count = readdirSync(tarballs).filter((f) => f.endsWith(".tgz")).length;
      if (count !== packageNames.length) throw new Error(`expected ${packageNames.length} tarballs, got ${count}`);
    });
    for (const name of packageNames) {
      check(`publint --strict @ops/${name}`, () => {
        const out = run(bin("publint"), ["--strict"], join(root, "packages", name));
        if (/warning|error|suggestion/i.test(out) && !/All good/i.test(out)) throw new Error(out);
      });
      check(`attw (are the types wrong) @ops/${name}`, () => {
        const tgz = readdirSync(tarballs).find((f) => f.startsWith(`ops-${name}-`));
        if (!tgz) throw new Error("no tarball");
        run(bin("attw"), ["--format", "ascii", join(tarballs, tgz)], project);
      });
    }
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "ops-smoke", private: true, type: "module" }, null, 2),
    );
    check("npm install the tarballs into a fresh project", () => {
      const files = readdirSync(tarballs).map((f) => join(tarballs, f));
      run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...files], project);
    });
    // the `ops` bin of @ops/cli, as npm linked it from the tarball (node_modules/.bin/ops)
    check(
      "the packed ops bin verifies a test-vector certificate (0), refuses a tampered one (1), calls junk unreadable (2)",
      () => {
        const vectors = JSON.parse(
          readFileSync(join(root, "packages", "raffle", "test", "vectors", "raffle-v1.json"), "utf8"),
        );
        const certificate = vectors.cases[0].expected.certificate;
        writeFileSync(join(project, "certificate.json"), JSON.stringify(certificate));
        writeFileSync(join(project, "tampered.json"), JSON.stringify({ ...certificate, seed: "00".repeat(32) }));
        writeFileSync(join(project, "junk.json"), "this is not a certificate");
        const ops = join(project, "node_modules", ".bin", "ops");
        for (const [file, status, first] of [
          ["certificate.json", 0, /^VERIFIED/],
          ["tampered.json", 1, /^REFUSED/],
          ["junk.json", 2, /^UNREADABLE/],
        ]) {
          const r = spawnSync(ops, ["raffle", "verify", file], { cwd: project, encoding: "utf8" });
          if (r.status !== status || !first.test(r.stdout))
            throw new Error(`ops raffle verify ${file}: exit ${r.status}, expected ${status}\n${r.stdout}${r.stderr}`);
        }
        const usage = spawnSync(ops, ["raffle", "verify"], { cwd: project, encoding: "utf8" });
        if (usage.status !== 2) throw new Error(`ops raffle verify without a file: exit ${usage.status}, expected 2`);
        const page = spawnSync(ops, ["raffle", "page"], { cwd: project, encoding: "utf8", maxBuffer: 1 << 26 });
        if (page.status !== 0 || !/^<!doctype html>/i.test(page.stdout))
          throw new Error(`ops raffle page: exit ${page.status}, ${page.stderr || page.stdout.slice(0, 80)}`);
      },
    );
    // every entry point: each package's root and its subpath exports (`@ops/metrics/schemas`, …)
    const names = packageNames.flatMap((n) => entryPoints(n).map((e) => e.specifier));
    writeFileSync(
      join(project, "esm.mjs"),
      `const out = {};\nfor (const n of ${JSON.stringify(names)}) out[n] = Object.keys(await import(n)).sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    writeFileSync(
      join(project, "cjs.cjs"),
      `const out = {};\nfor (const n of ${JSON.stringify(names)}) out[n] = Object.keys(require(n)).filter((k) => k !== "__esModule").sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    let esm;
    check("import every package and subpath export from Node ESM", () => {
      esm = JSON.parse(run(process.execPath, ["esm.mjs"], project));
      if (esm["@ops/core"].length === 0) throw new Error("@ops/core has no exports");
    });
    check("require every package from Node CJS, with the same exports as ESM", () => {
      const cjs = JSON.parse(run(process.execPath, ["cjs.cjs"], project));
      for (const n of names) {
        if (JSON.stringify(cjs[n]) !== JSON.stringify(esm?.[n]))
          throw new Error(`${n}: CJS exports ${cjs[n]} differ from ESM ${esm?.[n]}`);
      }
    });
    // no permission flags: a package that reads the environment (immer's process.env.NODE_ENV),
    // the file system or the system at import would fail here (--no-prompt turns a prompt into a failure)
    check("import every package from Deno with no permission flags, with the same exports as Node", () => {
      const out = run(bin("deno"), ["run", "--quiet", "--no-prompt", "esm.mjs"], project);
      const deno = JSON.parse(out);
      for (const n of names) {
        if (JSON.stringify(deno[n]) !== JSON.stringify(esm?.[n]))
          throw new Error(`${n}: Deno exports differ from Node's`);
      }
    });
    // Bundled for the browser and for neutral platforms (edge runtimes, Deno deploy): esbuild resolves
    // the installed tarballs, then Deno runs each bundle with no flags (no Node built-ins, no process.env).
    for (const platform of ["browser", "neutral"]) {
      check(`bundle every package with esbuild --platform=${platform} and run the bundle in Deno with no flags`, () => {
        for (const n of names) {
          const entry = join(project, `bundle-entry.mjs`);
          writeFileSync(entry, `import * as m from "${n}";\nconsole.log(String(Object.keys(m).length));\n`);
          const out = join(project, `bundle-${platform}-${n.slice(5).replace("/", "-")}.mjs`);
          run(
            bin("esbuild"),
            [
              entry,
              "--bundle",
              "--minify",
              "--format=esm",
              `--platform=${platform}`,
              `--outfile=${out}`,
              "--log-level=error",
            ],
            project,
          );
          // one retry; a real failure fails both times, and the message shows what Deno printed
          const exportsIn = () => run(bin("deno"), ["run", "--quiet", "--no-prompt", out], project);
          let printed = exportsIn();
          // a string, and colour codes stripped: Deno colours a logged number, and takes FORCE_COLOR=0 (set by
          // .ci/run) as a request for colour
          const countIn = (text) => Number(/(\d+)\s*$/.exec(text.replace(/\x1b\[[0-9;]*m/g, ""))?.[1]);
          let count = countIn(printed);
          if (count !== esm?.[n]?.length) {
            printed = `${printed} / retry: ${exportsIn()}`;
            count = countIn(printed);
          }
          if (count !== esm?.[n]?.length)
            throw new Error(
              `${n}: the ${platform} bundle exports ${count} names, Node ${esm?.[n]?.length}; Deno printed: ${printed}`,
            );
        }
      });
    }
    // TypeScript consumers: a file that imports every package and uses a core type.
    const tsFile = `${names.map((n, i) => `import * as p${i} from "${n}";`).join("\n")}\nimport type { Instant } from "@ops/core";\nconst t: Instant = p0.parseInstant("2026-01-01T00:00:00Z");\nexport const loaded = [${names.map((_, i) => `p${i}`).join(", ")}].length + t;\n`;
    writeFileSync(join(project, "consumer.mts"), tsFile);
    writeFileSync(
      join(project, "consumer-cjs.cts"),
      `import core = require("@ops/core");\nimport schemas = require("@ops/metrics/schemas");\nexport const t: number = core.parseInstant("2026-01-01T00:00:00Z") + Object.keys(schemas.FunnelOptionsSchema).length;\n`,
    );
    writeFileSync(join(project, "consumer-bundler.ts"), tsFile);
    const tsc = (options, files) =>
      run(
        process.execPath,
        [join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", ...options, ...files],
        project,
      );
    check("type-check a TypeScript consumer with module/moduleResolution node16 (ESM and CJS)", () => {
      tsc(
        ["--module", "node16", "--moduleResolution", "node16", "--target", "es2022"],
        ["consumer.mts", "consumer-cjs.cts"],
      );
    });
    check("type-check a TypeScript consumer with moduleResolution bundler", () => {
      tsc(["--module", "esnext", "--moduleResolution", "bundler", "--target", "es2022"], ["consumer-bundler.ts"]);
    });
    return { results, tarballs };
  } finally {
    if (!process.env.OPS_KEEP_SMOKE) rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  smoke();
  const failed = results.filter((r) => !r.ok).length;
  console.log(`smoke: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
