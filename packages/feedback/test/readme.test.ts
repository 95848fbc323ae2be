// Runs the README's TypeScript walkthrough as a test, with the same rules as the JSDoc
// examples (scripts/doctest.ts): a `// =>` line asserts the expression statement above it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toModule } from "../../../scripts/doctest.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("README walkthrough", () => {
  it("has a walkthrough with assertions", () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks[0]?.match(/\/\/ =>/g)?.length ?? 0).toBeGreaterThan(10);
  });
  blocks.forEach((code, index) => {
    it(`block #${index + 1} runs and every // => holds`, async () => {
      const modPath = join(root, "node_modules", ".doctest", `README_${index}.ts`);
      mkdirSync(dirname(modPath), { recursive: true });
      writeFileSync(modPath, toModule({ file: "README.md", symbol: "README", index, code }));
      const mod = (await import(/* @vite-ignore */ modPath)) as { default: (e: typeof expect) => Promise<void> };
      await mod.default(expect);
    });
  });
});
