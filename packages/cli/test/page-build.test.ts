// The verification page's build (page/build.mjs): deterministic, within its size budget, and
// the committed copy docs/raffle-verify.html is what a fresh build gives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildPage, COMMITTED_PAGE } from "../page/build.mjs";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The page's budget: it is loaded once per verification, often on a phone (docs/raffle-verify.md). */
const MAX_RAW_BYTES = 256 * 1024;
const MAX_GZIP_BYTES = 96 * 1024;

describe("buildPage", () => {
  it("gives the same page twice", async () => {
    const [a, b] = await Promise.all([buildPage(), buildPage()]);
    expect(a === b).toBe(true);
  });

  it("inlines the bundled script once into the template, in UTF-8", async () => {
    const html = await buildPage();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toContain("<!-- page script -->");
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    // the BLS12-381 verification is in the page (noble's curve order, as a hex literal or in decimal)
    expect(html).toMatch(
      /73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001|52435875175126190479447740508185965837690552500527637822603658699938581184513/i,
    );
  });

  it(`stays within its budget (${MAX_RAW_BYTES} bytes, ${MAX_GZIP_BYTES} gzipped)`, async () => {
    const html = await buildPage();
    expect(new TextEncoder().encode(html).length).toBeLessThanOrEqual(MAX_RAW_BYTES);
    expect(gzipSync(html, { level: 9 }).length).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });
});

describe(COMMITTED_PAGE, () => {
  it("is what a fresh build gives (regenerate: node packages/cli/page/build.mjs --write)", async () => {
    const committed = readFileSync(join(repoRoot, COMMITTED_PAGE), "utf8");
    const fresh = await buildPage();
    expect(committed === fresh, `${COMMITTED_PAGE} is stale: run node packages/cli/page/build.mjs --write`).toBe(true);
  });
});
