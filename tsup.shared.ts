import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

/**
 * The entry points of the package being built (tsup runs in its folder): `src/index.ts` for
 * `"."`, and `src/<name>.ts` for each subpath `"./<name>"` of package.json's `exports` (e.g.
 * `@ops/metrics/schemas`, `@ops/interaction/adapters`), so that the exports map is the one
 * list of entries.
 */
function entries(): string[] {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { exports: Record<string, unknown> };
  return Object.keys(pkg.exports)
    .filter((key) => key !== "./package.json")
    .map((key) => (key === "." ? "src/index.ts" : `src/${key.slice(2)}.ts`));
}

/**
 * The build every @ops package shares: ESM + CJS with `.d.ts`/`.d.cts` for each entry,
 * types resolved against the other packages' built `dist` (tsconfig.build.json has no
 * source paths), so that each package's types reference its dependencies instead of
 * inlining them. Entries share their code through chunks in both formats (`splitting`), so
 * a subpath does not carry a second copy of what the root entry holds.
 */
export default defineConfig({
  entry: entries(),
  format: ["esm", "cjs"],
  dts: true,
  tsconfig: "tsconfig.build.json",
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  splitting: true,
});
