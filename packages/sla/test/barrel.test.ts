// The barrel is the whole public API: every export of every public source file is re-exported
// from src/index.ts, and index.ts re-exports nothing from src/_lib.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as sla from "@ops/sla";

const src = fileURLToPath(new URL("../src/", import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );

describe("index", () => {
  const index = readFileSync(join(src, "index.ts"), "utf8");
  const files = walk(src).filter((f) => f.endsWith(".ts") && !f.includes("/_lib/") && !f.endsWith("index.ts"));
  it("re-exports every value export of every public file", () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(/^export (?:function|const|class) ([A-Za-z_$][\w$]*)/gm)) {
        if (!((m[1] as string) in sla)) missing.push(`${relative(src, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it("re-exports every type export of every public file", () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)/gm)) {
        if (!new RegExp(`\\b${m[1]}\\b`).test(index)) missing.push(`${relative(src, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it("exposes nothing from _lib", () => {
    expect(index).not.toMatch(/_lib/);
  });
});
