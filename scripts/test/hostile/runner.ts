/**
 * The child process of the hostile-input sweep: `node --import tsx runner.ts <config.json>`,
 * with TSX_TSCONFIG_PATH pointing at tsconfig.source.json (so that `@ops/*` is each
 * package's source). It runs the cases of the configured packages and writes, synchronously
 * as it goes, the index of the case it is in (so that the supervisor can name a call that
 * never returns) and one JSON line per package summary, finding, slow call and broken
 * fixture. It runs in a process of its own because a hostile value can make a call loop
 * for ever, and only a process can be stopped in the middle of a synchronous loop.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { judge, SLOW } from "./harness.ts";
import { caseKey, packageCases, privateMethodNames, summarize } from "./sweep.ts";
import { valueSets } from "./values.ts";
import { entryPoints } from "../../workspace.mjs";

/** What the supervisor asks for. */
export interface RunnerConfig {
  readonly packages: readonly string[];
  readonly long: boolean;
  /** Where to write the JSON lines. */
  readonly out: string;
  /** Where to write the case in progress (`<pkg> <index>`). */
  readonly progress: string;
  /** Resume in this package after this case index (the one that did not return). */
  readonly resume?: { readonly pkg: string; readonly after: number };
  /** Run only these cases (`target|at|value`). */
  readonly only?: readonly string[];
  /** Do not run these cases (known never to return). */
  readonly skip?: readonly string[];
}

const config = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as RunnerConfig;
const packagesDir = fileURLToPath(new URL("../../../packages/", import.meta.url));
const out = openSync(config.out, "a");
const progress = openSync(config.progress, "w");
const emit = (line: object) => writeSync(out, `${JSON.stringify(line)}\n`);

const all = readdirSync(packagesDir).filter((n) => existsSync(join(packagesDir, n, "src", "index.ts")));
const modules: Record<string, Record<string, unknown>> = {};
// a package's surface: its root entry and each subpath export (src/<name>.ts for "./<name>")
for (const name of all) {
  const barrels = entryPoints(name).map((e) => e.barrel);
  modules[name] = Object.assign(
    {},
    ...(await Promise.all(barrels.map((b) => import(join(packagesDir, name, "src", b))))),
  );
}
const { FIXTURES } = await import("./fixtures/index.ts");
const codes = new Set((modules.core as { OPS_ERROR_CODES: readonly string[] }).OPS_ERROR_CODES);
const sets = valueSets(config.long);
const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourcesOf(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [readFileSync(join(dir, e.name), "utf8")]
        : [],
  );
const privateMethods = privateMethodNames(all.flatMap((name) => sourcesOf(join(packagesDir, name, "src"))));
const only = config.only ? new Set(config.only) : null;
const skip = new Set(config.skip ?? []);

emit({ t: "start", packages: all });
for (const pkg of config.packages) {
  if (config.resume && config.packages.indexOf(pkg) < config.packages.indexOf(config.resume.pkg)) continue;
  const mod = modules[pkg]!;
  const fixtures = FIXTURES[pkg] ?? {};
  const cases = [...packageCases(pkg, mod, fixtures, sets, { long: config.long, privateMethods })];
  if (!only) emit({ t: "package", pkg, summary: summarize(mod, fixtures), keys: cases.map(caseKey) });
  const from = config.resume?.pkg === pkg ? config.resume.after + 1 : 0;
  let calls = 0;
  const t0 = performance.now();
  const byTarget = new Map<string, number>();
  for (let i = from; i < cases.length; i++) {
    const c = cases[i]!;
    const key = caseKey(c);
    if ((only && !only.has(key)) || skip.has(key)) continue;
    writeSync(progress, `${pkg} ${i}`.padEnd(40), 0);
    c.prepare?.();
    const t1 = performance.now();
    let v = judge(c.call, codes, c.echo);
    if (v.kind === "finding" && v.outcome === SLOW) {
      // once more, so that a moment of load on a shared machine is not a finding: the faster run counts
      c.prepare?.();
      const again = judge(c.call, codes, c.echo);
      if (again.ms < v.ms) v = again;
    }
    calls++;
    const fn = c.target.split(/[(]|\.safeParse/)[0]!;
    byTarget.set(fn, (byTarget.get(fn) ?? 0) + performance.now() - t1);
    if (v.ms > 250) emit({ t: "slow", key, ms: Math.round(v.ms) });
    if (v.kind === "finding")
      emit({ t: "finding", target: c.target, at: c.at, value: c.value, outcome: v.outcome, detail: v.detail });
    else if (only) emit({ t: "verdict", key, verdict: v.kind === "ops" ? `OpsError ${v.code}` : "a valid result" });
    if (c.at === "valid" && v.kind === "ops")
      emit({ t: "broken", message: `${c.target}: the valid call threw OpsError ${v.code}` });
  }
  const heaviest = [...byTarget]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, ms]) => `${k} ${Math.round(ms)} ms`);
  emit({ t: "done", pkg, calls, ms: Math.round(performance.now() - t0), heaviest });
}
writeSync(progress, "finished".padEnd(40), 0);
closeSync(out);
closeSync(progress);
process.exit(0);
