// Builds the draw verification page: one self-contained HTML file (docs/raffle-verify.md).
//
// The page script (page/main.ts, which imports the CLI's own verification report and, through
// it, @ops/raffle and @noble/curves) is bundled by esbuild into one minified IIFE and inlined
// into page/template.html. The @ops packages are bundled from their source (as the tests and
// tsc resolve them), so the page is a function of the repository's source alone: the
// committed copy (docs/raffle-verify.html) is checked against a fresh build.
//
// Used by tsup's onSuccess (writes dist/verify.html for `ops raffle page`) and by
// `node packages/cli/page/build.mjs --write` (rewrites docs/raffle-verify.html).
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const packages = join(here, "..", "..");

/** Where the committed copy of the page lives, relative to the repository root. */
export const COMMITTED_PAGE = "docs/raffle-verify.html";

/** Resolves `@ops/<name>` to the package's source entry, as vitest.shared.ts and tsconfig.source.json do. */
const opsSource = {
  name: "ops-source",
  setup(b) {
    b.onResolve({ filter: /^@ops\/[a-z][a-z0-9-]*$/ }, (args) => ({
      path: join(packages, args.path.slice("@ops/".length), "src", "index.ts"),
    }));
  },
};

/**
 * Bundles the page script and inlines it into the template.
 *
 * @returns {Promise<string>} the page's HTML (UTF-8 text, no external references)
 * @throws {Error} when the bundle fails or would end its inline script early
 */
export async function buildPage() {
  const result = await build({
    absWorkingDir: here,
    entryPoints: [join(here, "main.ts")],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    platform: "browser",
    // noble v2 is ES2022 (BigInt arithmetic, class fields): browsers since 2022 (Chrome 94, Safari 15.4, Firefox 93)
    target: "es2022",
    charset: "utf8",
    legalComments: "eof",
    treeShaking: true,
    logLevel: "silent",
    plugins: [opsSource],
  });
  const [output] = result.outputFiles;
  if (!output || result.outputFiles.length !== 1)
    throw new Error(`buildPage: expected one output file, got ${result.outputFiles.length}`);
  const script = output.text.trimEnd();
  // An inline <script> ends at the first "</script" and "<!--" can switch the tokenizer's
  // state; neither may occur in the bundle (esbuild escapes "</script" in strings already).
  for (const bad of ["</script", "<!--"]) {
    if (script.toLowerCase().includes(bad))
      throw new Error(`buildPage: the bundled script contains "${bad}", which would break its inline <script>`);
  }
  const template = await readFile(join(here, "template.html"), "utf8");
  const marker = "<!-- page script -->";
  const at = template.indexOf(marker);
  if (at < 0 || template.indexOf(marker, at + 1) >= 0)
    throw new Error(`buildPage: template.html must contain "${marker}" exactly once`);
  return `${template.slice(0, at)}<script>${script}</script>${template.slice(at + marker.length)}`;
}

export default buildPage;

// `node packages/cli/page/build.mjs --write` regenerates the committed copy;
// `node packages/cli/page/build.mjs` prints the page to stdout.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const html = await buildPage();
  if (process.argv.includes("--write")) {
    const target = join(packages, "..", COMMITTED_PAGE);
    await writeFile(target, html);
    process.stdout.write(`wrote ${COMMITTED_PAGE} (${Buffer.byteLength(html)} bytes)\n`);
  } else {
    // a reader that stops early (`| head`, `| cmp`) is not an error
    process.stdout.on("error", (error) => {
      if (error.code !== "EPIPE") throw error;
    });
    process.stdout.write(html);
  }
}
