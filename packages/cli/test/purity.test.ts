import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM scripts without type declarations
import { findImpurities, impuritiesIn, IO_ALLOWED } from "../../../scripts/check-purity.mjs";

describe("purity of @ops/cli", () => {
  it("does I/O only in its Node wiring (src/node/): every other source file is pure", () => {
    expect(IO_ALLOWED).toEqual(["packages/cli/src/node/"]);
    expect(findImpurities().filter((p: string) => p.startsWith("packages/cli/"))).toEqual([]);
  });

  it("would be flagged for the bin's file and process access, were src/node/ not the exception", () => {
    const bin = readFileSync(new URL("../src/node/bin.ts", import.meta.url), "utf8");
    const why = impuritiesIn(bin).map((p: string) => p.replace(/^\d+: /, ""));
    expect(why).toContain("does I/O (node built-in import)");
    expect(why).toContain("touches the process (process.*)");
  });

  it("flags node:fs/promises, dynamic imports of node built-ins and fetch() anywhere else", () => {
    expect(impuritiesIn('import { readFile } from "node:fs/promises";')).toHaveLength(1);
    expect(impuritiesIn('const fs = await import("node:fs");')).toHaveLength(1);
    expect(impuritiesIn('const os = require("os");')).toHaveLength(1);
    expect(impuritiesIn('const r = await fetch("https://api.drand.sh");')).toHaveLength(1);
    expect(impuritiesIn('import { run } from "./cli/run";')).toEqual([]);
  });
});
