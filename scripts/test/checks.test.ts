import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM scripts without type declarations
import { analyseGraph } from "../check-graph.mjs";
// @ts-expect-error plain ESM scripts without type declarations
import { analyseDependencies, importsIn } from "../check-dependencies.mjs";
// @ts-expect-error plain ESM scripts without type declarations
import { checkSurface } from "../check-barrels.mjs";
import { checkLibPlacement, findFileCycles } from "../check-graph.mjs";
// @ts-expect-error plain ESM scripts without type declarations
import { impuritiesIn } from "../check-purity.mjs";
// @ts-expect-error plain ESM scripts without type declarations
import { isShipped, relativeLinks } from "../check-readme-links.mjs";
// @ts-expect-error plain ESM scripts without type declarations
import { allowedDeps } from "../workspace.mjs";
import { extractExamples, toModule } from "../doctest.ts";

const ok = (declared: string[] = [], imported: string[] = declared) => ({ declared, imported });

describe("analyseGraph", () => {
  it("accepts the edges the design allows", () => {
    expect(
      analyseGraph(
        {
          core: ok(),
          metrics: ok(["core"]),
          interaction: ok(["core"]),
          sla: ok(["core", "interaction", "metrics"]),
          feedback: ok(["core", "sla"]),
        },
        allowedDeps,
      ),
    ).toEqual([]);
  });
  it("refuses metrics → interaction (backends import metrics alone)", () => {
    expect(
      analyseGraph({ core: ok(), interaction: ok(["core"]), metrics: ok(["core", "interaction"]) }, allowedDeps),
    ).toEqual(["@ops/metrics → @ops/interaction is not an allowed edge (allowed: core)"]);
  });
  it("refuses sla → feedback (feedback may use sla, not the reverse)", () => {
    const problems = analyseGraph(
      { core: ok(), sla: ok(["core", "feedback"]), feedback: ok(["core", "sla"]) },
      allowedDeps,
    );
    expect(problems).toContain("@ops/sla → @ops/feedback is not an allowed edge (allowed: core, interaction, metrics)");
    expect(problems.some((p: string) => p.startsWith("cycle: "))).toBe(true);
  });
  it("finds a cycle even between allowed edges", () => {
    expect(analyseGraph({ a: ok(["b"]), b: ok(["a"]) }, { a: ["b"], b: ["a"] })).toEqual([
      "cycle: @ops/a → @ops/b → @ops/a",
    ]);
  });
  it("refuses an import that package.json does not declare, and @ops packages as devDependencies", () => {
    expect(
      analyseGraph({ core: ok(), raffle: { declared: [], imported: ["core"], dev: ["core"] } }, allowedDeps),
    ).toEqual([
      "@ops/raffle: @ops packages belong in dependencies, not devDependencies (@ops/core)",
      "@ops/raffle: src imports @ops/core but package.json does not declare it",
    ]);
  });
});

describe("impuritiesIn", () => {
  it("flags the clock, hidden randomness and printing, with line numbers", () => {
    const src = [
      "const a = Date.now();",
      "const b = new Date();",
      "const c = Math.random();",
      "console.log(a);",
      "const d = performance.now();",
    ].join("\n");
    expect(impuritiesIn(src).map((p: string) => p.split(":")[0])).toEqual(["1", "2", "3", "4", "5"]);
  });
  it("allows dates built from arguments and mentions in comments", () => {
    expect(impuritiesIn("/** Unlike Date.now(), … */\nconst d = new Date(instant); // not Math.random()\n")).toEqual(
      [],
    );
  });
});

describe("doctest", () => {
  it("turns `// =>` lines into assertions on the statement above", () => {
    const [ex] = extractExamples(
      '/**\n * Doubles.\n * @example\n * ```ts\n * import { double } from "x";\n * double(2);\n * // => 4\n * ```\n */\nexport function double() {}',
      "f.ts",
    );
    expect(ex?.symbol).toBe("double");
    const mod = toModule(ex!);
    expect(mod).toContain('import { double } from "x";');
    expect(mod).toContain("__expect(double(2)).toEqual(4);");
  });
  it("joins a value that continues on the next comment lines", () => {
    const mod = toModule({ file: "f", symbol: "s", index: 0, code: "f();\n// => { a: 1,\n//      b: 2 }\n" });
    expect(mod).toContain("__expect(f()).toEqual({ a: 1,\n     b: 2 });");
  });
  it("refuses an assertion that follows no one-line statement", () => {
    expect(() => toModule({ file: "f", symbol: "s", index: 0, code: "if (x) {\n}\n// => 1\n" })).toThrow(
      /must be a one-line expression statement/,
    );
  });
});

describe("doctest remarks", () => {
  it("allows a remark after the asserted statement", () => {
    expect(toModule({ file: "f", symbol: "s", index: 0, code: "f(); // why\n// => 1\n" })).toContain(
      "__expect(f()).toEqual(1);",
    );
  });
});

describe("workspace lists", () => {
  it("every package folder is a vitest project, aliased to its source, with an allowed-edges entry", async () => {
    // @ts-expect-error plain ESM script without type declarations
    const { packageNames, allowedDeps, root } = await import("../workspace.mjs");
    const { projects } = await import("../../vitest.workspace.ts");
    const shared = (await import("../../vitest.shared.ts")).default as {
      resolve: { alias: { find: RegExp; replacement: string }[] };
    };
    const { existsSync, readdirSync } = await import("node:fs");
    const folders = readdirSync(`${root}packages`).filter((n: string) =>
      existsSync(`${root}packages/${n}/package.json`),
    );
    expect([...packageNames].sort()).toEqual(folders.sort());
    expect(projects).toEqual(["packages/*", "scripts"]);
    for (const n of packageNames) {
      expect(existsSync(`${root}packages/${n}/vitest.config.ts`)).toBe(true);
      expect(Object.keys(allowedDeps)).toContain(n);
      const alias = shared.resolve.alias.find((a) => a.find.test(`@ops/${n}`));
      expect(alias && `@ops/${n}`.replace(alias.find, alias.replacement)).toBe(`${root}packages/${n}/src/index.ts`);
    }
  });
  it("the root package.json lists every package as a workspace devDependency (Deno and the examples resolve them there)", async () => {
    // @ts-expect-error plain ESM script without type declarations
    const { packageNames, root } = await import("../workspace.mjs");
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
    const listed = Object.entries(pkg.devDependencies).filter(([n]) => n.startsWith("@ops/"));
    expect(listed.sort()).toEqual(packageNames.map((n: string) => [`@ops/${n}`, "workspace:*"]).sort());
  });
  it("lists packages in dependency order", async () => {
    // @ts-expect-error plain ESM script without type declarations
    const { packageNames } = await import("../workspace.mjs");
    expect(packageNames[0]).toBe("core");
    expect(packageNames.indexOf("metrics")).toBeLessThan(packageNames.indexOf("feedback"));
    expect(packageNames.indexOf("sla")).toBeLessThan(packageNames.indexOf("feedback"));
  });
});

describe("analyseDependencies", () => {
  const base = {
    dependencies: [],
    devDependencies: [],
    rootDev: ["vitest"],
    bundled: [],
    src: new Set<string>(),
    other: new Set<string>(),
  };
  it("refuses a dependency src never imports, and an import nobody declares", () => {
    expect(
      analyseDependencies("m", { ...base, dependencies: ["zod", "date-fns"], src: new Set(["zod", "seedrandom"]) }),
    ).toEqual([
      '@ops/m: src imports seedrandom but "dependencies" does not declare it',
      '@ops/m: "dependencies" declares date-fns but src never imports it',
    ]);
  });
  it("accepts a bundled package as a devDependency, and test imports declared at the root", () => {
    expect(
      analyseDependencies("f", {
        ...base,
        devDependencies: ["immer"],
        bundled: ["immer"],
        src: new Set(["immer"]),
        other: new Set(["vitest", "immer"]),
      }),
    ).toEqual([]);
    expect(analyseDependencies("f", { ...base, other: new Set(["arquero"]) })).toEqual([
      "@ops/f: test/ or bench/ imports arquero, declared nowhere",
    ]);
  });
  it("reads every import form and ignores relative, built-in and non-specifier strings", () => {
    const src = [
      'import { a } from "zod/mini";',
      'import type { B } from "@noble/hashes/sha2.js";',
      'export { c } from "@ops/core";',
      'const d = await import("immer");',
      'import "./side";',
      'import { e } from "node:fs";',
      'import { f } from "fs";',
      'const re = /from "([^"]+)"/;',
      '// import { x } from "commented-out";',
      // a message that shows an import is not one (metrics' sketch codecs name the export to import)
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a template literal, on purpose
      'const rule = `pass ${name} (import { ${name} } from "in-a-string")`;',
      'import {\n  g,\n  h,\n} from "multi-line";',
    ].join("\n");
    expect([...importsIn(src)].sort()).toEqual(["@noble/hashes", "@ops/core", "immer", "multi-line", "zod"]);
  });
});

describe("findFileCycles", () => {
  it("finds each cycle once, from its smallest file", () => {
    expect(findFileCycles({ "b.ts": ["c.ts"], "c.ts": ["a.ts"], "a.ts": ["b.ts"], "d.ts": ["a.ts"] })).toEqual([
      ["a.ts", "b.ts", "c.ts"],
    ]);
    expect(findFileCycles({ "a.ts": ["b.ts"], "b.ts": [] })).toEqual([]);
  });
});

describe("checkSurface", () => {
  it("keeps option schemas off the root entry and nothing else in /schemas", () => {
    expect(
      checkSurface("metrics", {
        "index.ts": new Set(["funnel", "FunnelOptions", "PostMetricsSchema", "FunnelOptionsSchema"]),
        "schemas.ts": new Set(["WilsonIntervalOptionsSchema", "PostMetricsSchema"]),
      }),
    ).toEqual([
      "@ops/metrics: src/index.ts exports FunnelOptionsSchema; option schemas belong in src/schemas.ts (@ops/metrics/schemas)",
      "@ops/metrics: src/schemas.ts exports PostMetricsSchema; it holds the option schemas only",
    ]);
    expect(
      checkSurface("interaction", {
        "index.ts": new Set(["buildThreads"]),
        "adapters.ts": new Set(["handleWebhook", "HandleWebhookOptionsSchema"]),
      }),
    ).toEqual([]);
  });
});

describe("checkLibPlacement", () => {
  it("keeps in src/_lib what two concepts reach, directly or through another _lib file", () => {
    expect(
      checkLibPlacement({
        "a/x.ts": ["_lib/shared.ts"],
        "b/y.ts": ["_lib/inner.ts"],
        "_lib/inner.ts": ["_lib/shared.ts"],
        "_lib/shared.ts": [],
        "index.ts": ["a/x.ts", "b/y.ts"],
      }),
    ).toEqual(["_lib/inner.ts serves only b/: move it to b/_lib/ (src/_lib is for what several concepts share)"]);
  });
  it("refuses a concept's private half imported from another concept", () => {
    expect(
      checkLibPlacement({ "a/x.ts": ["a/_lib/h.ts"], "a/_lib/h.ts": [], "b/y.ts": ["a/_lib/h.ts", "a/x.ts"] }),
    ).toEqual(["b/y.ts imports a/_lib/h.ts, the private half of a/: move what both need to src/_lib/"]);
  });
});

describe("README links", () => {
  it("finds relative links outside code blocks, skipping URLs and anchors", () => {
    const md =
      "See [spec](../../docs/spec.md), [api](https://x.dev/a), [below](#use), ![img](dist/a.svg).\n```md\n[not](./code.md)\n```";
    expect(relativeLinks(md)).toEqual(["../../docs/spec.md", "dist/a.svg"]);
  });
  it("accepts only what the tarball ships", () => {
    expect(isShipped("dist/index.d.ts", ["dist"])).toBe(true);
    expect(isShipped("README.md", ["dist"])).toBe(true);
    expect(isShipped("test/vectors/v1.json", ["dist"])).toBe(false);
    expect(isShipped("../../docs/spec.md", ["dist"])).toBe(false);
  });
});
