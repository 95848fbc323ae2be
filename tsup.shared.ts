import { defineConfig } from "tsup";

/**
 * The build every @ops package shares: ESM + CJS with `.d.ts`/`.d.cts` from `src/index.ts`,
 * types resolved against the other packages' built `dist` (tsconfig.build.json has no
 * source paths), so that each package's types reference its dependencies instead of
 * inlining them.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  tsconfig: "tsconfig.build.json",
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
