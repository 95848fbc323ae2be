import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as api from "@ops/raffle";

const src = fileURLToPath(new URL("../src/", import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const files = walk(src).filter((f) => f.endsWith(".ts") && !f.includes("/_lib/") && !f.endsWith("index.ts"));
const index = readFileSync(join(src, "index.ts"), "utf8");

describe("index.ts", () => {
  it("re-exports every public file and every value each file exports", () => {
    const missing: string[] = [];
    for (const file of files) {
      const rel = `./${relative(src, file).replace(/\.ts$/, "")}`;
      if (!index.includes(`from "${rel}"`)) missing.push(rel);
      for (const m of readFileSync(file, "utf8").matchAll(/^export (?:function|const) ([A-Za-z_$][\w$]*)/gm)) {
        if (!(m[1]! in api)) missing.push(`${rel}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("is sorted by path", () => {
    const paths = [...index.matchAll(/from "(\.\/[^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    expect(paths).toEqual([...paths].sort());
  });
});
