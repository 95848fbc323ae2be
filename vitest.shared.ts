import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packages = ["core", "interaction", "metrics", "sla", "raffle", "feedback", "community"];
const root = fileURLToPath(new URL("./", import.meta.url));

/**
 * Configuration every package's vitest project merges. Tests import `@ops/<name>` and run
 * against the package's source (no build needed first).
 */
export default defineConfig({
  resolve: {
    alias: packages.map((name) => ({
      find: new RegExp(`^@ops/${name}$`),
      replacement: `${root}packages/${name}/src/index.ts`,
    })),
  },
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 30_000,
  },
});
