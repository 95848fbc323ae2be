// The barrel is the whole public API: every value exported from a public source file is
// exported from src/index.ts, and the index exports nothing from src/_lib.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as api from "@ops/feedback";

const src = fileURLToPath(new URL("../src/", import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

describe("index", () => {
  const files = walk(src).filter((f) => f.endsWith(".ts") && !f.includes("/_lib/") && !f.endsWith("index.ts"));
  it("exports every exported value of the public files", () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(/^export (?:function|const|class) ([A-Za-z_$][\w$]*)/gm)) {
        if (!((m[1] as string) in api)) missing.push(`${relative(src, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps src/_lib private and its export lines sorted by path", () => {
    const index = readFileSync(join(src, "index.ts"), "utf8");
    expect(index).not.toMatch(/_lib/);
    const paths = [...index.matchAll(/^export (?:type )?\{[^}]*\} from "([^"]+)";$/gm)].map((m) => m[1] as string);
    const unique = [...new Set(paths)];
    expect(unique).toEqual([...unique].sort());
  });
});
