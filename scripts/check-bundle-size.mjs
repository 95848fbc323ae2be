// Weight per imported function: bundles `export { names } from "@ops/<pkg>[/<entry>]"` with esbuild
// (minified, tree-shaken, as a user's bundler would) for the browser and for the neutral
// platform (Deno, edge runtimes: no Node built-ins, no browser fields) and gzips it (level 9).
// Budgets in kB (1 kB = 1000 bytes) are from issue 14. `--source` bundles the packages'
// src/ instead of their built dist/ (no build needed; sizes differ by a few bytes).
//   node scripts/check-bundle-size.mjs [--source] [--json]
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build } from "esbuild";
import { entryPoints, packageNames, root } from "./workspace.mjs";

/**
 * Named functions and their budget, min+gz, in kB. `entry`: the subpath export they come from
 * (`adapters` for `@ops/interaction/adapters`; default the root). `forbid`: inputs that must
 * not be in the bundle.
 */
export const budgets = [
  { pkg: "core", names: ["parseInstant"], kB: 4 },
  { pkg: "metrics", names: ["wilsonInterval"], kB: 8 },
  { pkg: "metrics", names: ["engagementRate"], kB: 8 },
  // sketches: the default ops formats bundle no foreign format (issue 17); those are codecs passed in
  { pkg: "metrics", names: ["createHyperLogLog"], kB: 8, forbid: [/dsHll|kllCore|ddsketchProto/] },
  { pkg: "metrics", names: ["deserializeSketch"], kB: 10, forbid: [/dsHll|kllCore|ddsketchProto/] },
  { pkg: "metrics", names: ["createQuantileSketch"], kB: 6, forbid: [/ddsketchProto/] },
  // honest weight: the DataSketches HLL codec carries the reference's empirical estimator tables
  // (sketch/_lib/dsHllTables.ts, 18 × 257 doubles, ~34 kB), which must be copied, not recomputed, for
  // estimates equal to the reference's bit for bit; only its users pay for it
  { pkg: "metrics", names: ["createHyperLogLog", "dataSketchesHll"], kB: 46 },
  { pkg: "sla", names: ["compileCalendar", "addBusinessTime"], kB: 10 },
  // the model without the adapters, their webhook toolkit or the conformance kit (subpath exports, issue 21)
  { pkg: "interaction", names: ["buildThreads"], kB: 12, forbid: [/src[\\/](adapter|toolkit|conformance)[\\/]/] },
  { pkg: "interaction", entry: "adapters", names: ["createWeiboAdapter", "handleWebhook"], kB: 24 },
  { pkg: "community", names: ["compileKeywords", "findKeywords"], kB: 10 },
  { pkg: "feedback", names: ["replayLog"], kB: 16 },
  // a draw with a committed seed must not carry BLS12-381 (only verifying a drand beacon needs it)
  { pkg: "raffle", names: ["drawWinners"], kB: 14, forbid: [/bls12-381|@noble[\\/]curves/] },
  { pkg: "raffle", names: ["verifyBeacon"], kB: 35 },
  // SQL text only: no engine may be bundled (DuckDB and chdb are test-time devDependencies)
  { pkg: "sql", names: ["compileRollupByChannel"], kB: 15, forbid: [/node_modules[\\/](@duckdb|chdb)[\\/]/] },
  // papaparse 5.7 ≈ 7 kB, zod/mini ≈ 6 kB of it. Measured for the browser: from src, papaparse (a UMD
  // "main" only) resolves through the browser field alone; the built dist bundles it, so neutral
  // consumers work (scripts/smoke.mjs bundles the packed dist for both platforms)
  { pkg: "ingest", names: ["mapWeiboComments"], kB: 24, platforms: ["browser"] },
];

/** Bundles one entry and returns its size and the inputs it pulled in. */
export async function measure({ pkg, entry, names }, { platform = "browser", source = false } = {}) {
  const result = await build({
    stdin: {
      contents: `export { ${names.join(", ")} } from "@ops/${pkg}${entry ? `/${entry}` : ""}";`,
      resolveDir: join(root, "packages", pkg),
      loader: "js",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    outfile: "bundle.js",
    metafile: true,
    logLevel: "silent",
    ...(source ? { alias: Object.fromEntries(names.length ? aliases() : []) } : {}),
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    // the inputs that left code in the bundle (esbuild reads every imported file, tree-shaken or not)
    inputs: Object.entries(Object.values(result.metafile.outputs)[0].inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k),
  };
}

/** Each package name and each of its subpath exports, to its source file. */
function aliases() {
  return packageNames.flatMap((n) =>
    entryPoints(n).map((e) => [e.specifier, join(root, "packages", n, "src", e.barrel)]),
  );
}

/** Every budget on both platforms: `{ name, ok, detail }` rows for the test command. */
export async function checkBundleSizes({ source = false } = {}) {
  const rows = [];
  for (const b of budgets) {
    for (const platform of b.platforms ?? ["browser", "neutral"]) {
      const label = `bundle size: @ops/${b.pkg}${b.entry ? `/${b.entry}` : ""} ${b.names.join(" + ")} (${platform}) ≤ ${b.kB} kB min+gz`;
      try {
        const m = await measure(b, { platform, source });
        const forbidden = (b.forbid ?? []).flatMap((re) => m.inputs.filter((i) => re.test(i)));
        const ok = m.gzipped <= b.kB * 1000 && forbidden.length === 0;
        rows.push({
          name: label,
          ok,
          gzipped: m.gzipped,
          detail: `${(m.gzipped / 1000).toFixed(2)} kB gzipped, ${(m.minified / 1000).toFixed(1)} kB minified${
            forbidden.length ? `; must not include ${forbidden.join(", ")}` : ""
          }`,
        });
      } catch (error) {
        rows.push({ name: label, ok: false, detail: String(error?.message ?? error) });
      }
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await checkBundleSizes({ source: process.argv.includes("--source") });
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows, null, 2));
  else for (const r of rows) console.log(`${r.ok ? "✓" : "✗"} ${r.name}: ${r.detail}`);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}
