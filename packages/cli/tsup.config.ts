import { writeFile } from "node:fs/promises";
import { defineConfig, type Options } from "tsup";
import shared from "../../tsup.shared";

/**
 * Writes the self-contained verification page next to the bin (dist/verify.html), which
 * `ops raffle page` prints: page/build.mjs bundles page/main.ts (the same verification
 * report the CLI prints) into one HTML file.
 */
async function writePage(): Promise<void> {
  const { buildPage } = await import("./page/build.mjs");
  await writeFile(new URL("./dist/verify.html", import.meta.url), await buildPage(), "utf8");
}

// Two builds: the library (ESM + CJS + d.ts, from src/index.ts, pure) and the `ops` bin
// (ESM with a shebang, the only entry that touches the file system and the process).
export default defineConfig([
  shared as Options,
  {
    entry: { bin: "src/node/bin.ts" },
    format: ["esm"],
    dts: false,
    tsconfig: "tsconfig.build.json",
    clean: false,
    sourcemap: false,
    target: "es2022",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    onSuccess: writePage,
  },
]);
