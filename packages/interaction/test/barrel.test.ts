import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src/", import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

describe("src/index.ts", () => {
  const index = readFileSync(join(src, "index.ts"), "utf8");
  it("re-exports every public module (not _lib) and nothing from _lib", () => {
    const modules = walk(src)
      .filter((f) => f.endsWith(".ts") && !f.includes("/_lib/") && !f.endsWith("index.ts"))
      .map((f) => `./${relative(src, f).replace(/\.ts$/, "")}`);
    const exported = new Set([...index.matchAll(/from "(\.\/[^"]+)"/g)].map((m) => m[1]));
    expect(modules.filter((m) => !exported.has(m))).toEqual([]);
    expect([...exported].filter((m) => m?.includes("_lib"))).toEqual([]);
  });

  it("keeps its export statements sorted by module path (case-insensitive, as the folder tree reads; values before types)", () => {
    const order = [...index.matchAll(/export (type )?\{[^}]*\} from "(\.\/[^"]+)"/g)].map(
      (m) => `${(m[2] as string).toLowerCase()}\u0000${m[1] ? 1 : 0}`,
    );
    expect(order.length).toBeGreaterThan(40);
    expect(order).toEqual([...order].sort());
  });
});
