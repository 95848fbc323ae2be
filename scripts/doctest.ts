/**
 * Runs the `@example` blocks of a package's JSDoc as vitest tests, so that the docs cannot
 * lie (Effect does the same with its docs). Each package has a `test/examples.test.ts`:
 *
 * ```ts
 * import { describeExamples } from "../../../scripts/doctest.ts";
 * describeExamples(new URL("../src/", import.meta.url));
 * ```
 *
 * Rules for an example (a ```ts fence after `@example`):
 * - it imports what it uses from the package name (`import { x } from "@ops/metrics"`);
 * - a line `// => value` asserts, with `toEqual`, the one-line expression statement
 *   just above it (`expr;`, optionally followed by a `// remark`); a value may continue
 *   on following `//` lines until its brackets balance;
 * - everything else runs as written, inside an async test.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

export interface Example {
  readonly file: string;
  readonly symbol: string;
  readonly index: number;
  readonly code: string;
}

export function describeExamples(srcDir: URL): void {
  const root = fileURLToPath(srcDir);
  const outDir = join(root, "..", "node_modules", ".doctest");
  const files = walk(root).filter((f) => f.endsWith(".ts") && !f.includes("/_lib/") && !f.endsWith(".d.ts"));
  it("every exported function has an @example", () => {
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const documented = new Set(extractExamples(source, file).map((e) => e.symbol));
      for (const fn of source.matchAll(/^export (?:async )?function\*? ?([A-Za-z_$][\w$]*)/gm)) {
        if (!documented.has(fn[1] ?? "")) missing.push(`${relative(root, file)}: ${fn[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
  for (const file of files) {
    const examples = extractExamples(readFileSync(file, "utf8"), relative(root, file));
    if (examples.length === 0) continue;
    describe(`examples in ${relative(root, file)}`, () => {
      for (const [k, ex] of examples.entries()) {
        it(`${ex.symbol} #${ex.index + 1}`, async () => {
          // one module per example, numbered through the file: several symbols of one file each have an
          // example #1, and a shared module name made the import cache rerun the first one (symbol names
          // are no help: Verification and verification differ only in case)
          const modPath = join(outDir, `${ex.file.replace(/[\\/]/g, "__").replace(/\.ts$/, "")}_${k}.ts`);
          mkdirSync(dirname(modPath), { recursive: true });
          writeFileSync(modPath, toModule(ex));
          const mod = (await import(/* @vite-ignore */ modPath)) as { default: (e: typeof expect) => Promise<void> };
          await mod.default(expect);
        });
      }
    });
  }
}

/**
 * Runs the ```ts blocks of a Markdown file that assert something (contain a `// =>` line),
 * with the same rules as JSDoc examples. Used for the READMEs and docs/.
 */
export function describeMarkdownExamples(file: URL): void {
  const path = fileURLToPath(file);
  const name = path.split(/[\\/]/).slice(-2).join("/");
  const outDir = join(dirname(path), "node_modules", ".doctest");
  const blocks = [...readFileSync(path, "utf8").matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? "")
    .filter((code) => /^\s*\/\/ =>/m.test(code));
  describe(`examples in ${name}`, () => {
    it("has at least one checked example", () => {
      expect(blocks.length).toBeGreaterThan(0);
    });
    blocks.forEach((code, index) => {
      it(`block #${index + 1}`, async () => {
        const ex: Example = { file: name, symbol: "markdown", index, code };
        const modPath = join(outDir, `${name.replace(/[\\/.]/g, "_")}_${index}.ts`);
        mkdirSync(dirname(modPath), { recursive: true });
        writeFileSync(modPath, toModule(ex));
        const mod = (await import(/* @vite-ignore */ modPath)) as { default: (e: typeof expect) => Promise<void> };
        await mod.default(expect);
      });
    });
  });
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

export function extractExamples(source: string, file: string): Example[] {
  const out: Example[] = [];
  const blockRe =
    /\/\*\*([\s\S]*?)\*\/\s*(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)?\s*([A-Za-z_$][\w$]*)?/g;
  for (const m of source.matchAll(blockRe)) {
    const body = (m[1] ?? "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""))
      .join("\n");
    const symbol = m[2] ?? "(anonymous)";
    const exRe = /@example[^\n]*\n\s*```(?:ts|typescript|js)\n([\s\S]*?)```/g;
    let index = 0;
    for (const e of body.matchAll(exRe)) out.push({ file, symbol, index: index++, code: e[1] ?? "" });
  }
  return out;
}

export function toModule(ex: Example): string {
  const lines = ex.code.split("\n");
  const imports: string[] = [];
  const body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*import\s/.test(line)) {
      imports.push(line);
      continue;
    }
    const arrow = /^\s*\/\/ =>\s?(.*)$/.exec(line);
    if (!arrow) {
      body.push(line);
      continue;
    }
    let value = arrow[1] ?? "";
    while (!balanced(value) && i + 1 < lines.length && /^\s*\/\//.test(lines[i + 1] ?? "")) {
      i++;
      value += `\n${(lines[i] ?? "").replace(/^\s*\/\/ ?/, "")}`;
    }
    let j = body.length - 1;
    while (j >= 0 && (/^\s*$/.test(body[j] ?? "") || /^\s*\/\//.test(body[j] ?? ""))) j--;
    // a trailing `// remark` after the statement is allowed (when it holds no quotes)
    const target = (body[j] ?? "").replace(/;\s*\/\/[^"'`]*$/, ";");
    if (!/;\s*$/.test(target)) {
      throw new Error(
        `doctest ${ex.file} ${ex.symbol} #${ex.index + 1}: the line before "// =>" must be a one-line expression statement ending in ";", got: ${target}`,
      );
    }
    const expr = target.trim().replace(/;\s*$/, "");
    body[j] = `__expect(${expr}).toEqual(${value});`;
  }
  return `${imports.join("\n")}\nexport default async function (__expect: any): Promise<void> {\n${body.join("\n")}\n}\n`;
}

function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
  }
  return depth <= 0 && quote === null;
}
