import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

/**
 * Configuration every package's vitest project merges. Tests import `@ops/<name>` and run
 * against the package's source (no build needed first).
 */
export default defineConfig({
  resolve: {
    // every @ops package, by name: adding a package adds nothing here
    alias: [
      { find: /^@ops\/([a-z][a-z0-9-]*)$/, replacement: `${root}packages/$1/src/index.ts` },
      // a subpath export (`@ops/metrics/schemas`) is the package's src/<subpath>.ts
      { find: /^@ops\/([a-z][a-z0-9-]*)\/([a-z][a-z0-9-]*)$/, replacement: `${root}packages/$1/src/$2.ts` },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: [`${root}vitest.setup.ts`],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 30_000,
  },
});
