/**
 * Runs the hostile-input sweep in child processes (runner.ts) and watches them: a call that
 * has not returned after `hangMs` is a finding ("does not return"), the child is stopped and
 * a new one resumes after that call. A child that dies (out of memory, a native crash) is a
 * finding at the call it was in, too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Finding } from "./harness.ts";
import type { RunnerConfig } from "./runner.ts";
import type { ExportSummary } from "./sweep.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const runner = fileURLToPath(new URL("./runner.ts", import.meta.url));

/** The outcome of a call that never returned. */
export const hangOutcome = (ms: number): string => `does not return (> ${ms / 1000} s)`;
/** The outcome of a call during which the process died. */
export const CRASH = "kills the process";

/** What the sweep saw in one package. */
export interface PackageResult {
  summary: ExportSummary;
  /** Every case, `target|at|value`, in order. */
  keys: string[];
  findings: Finding[];
  /** `target|at|value` → ms, for calls over 250 ms. */
  slow: Map<string, number>;
  /** Fixtures whose valid call threw. */
  broken: string[];
  calls: number;
  /** Time the runner spent on the package's cases (builders included). */
  ms: number;
  /** The functions the runner spent most time on, for the log. */
  heaviest: string[];
}

export interface SweepOptions {
  readonly packages: readonly string[];
  readonly long: boolean;
  /** Cases not to run (known never to return). */
  readonly skip: readonly string[];
  /** A call that has not returned after this long is stopped and reported. */
  readonly hangMs: number;
  /** How many children sweep at once. */
  readonly parallel: number;
}

interface ChildRun {
  readonly lines: Record<string, unknown>[];
  /** `[pkg, index]` of the call in progress when the child was stopped, or null when it finished. */
  readonly stoppedAt: readonly [string, number] | null;
  readonly exitCode: number | null;
  readonly stderr: string;
}

/** Runs one child to the end, or until a call takes longer than `hangMs`. */
async function runChild(config: Omit<RunnerConfig, "out" | "progress">, hangMs: number): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), "ops-hostile-"));
  const out = join(dir, "out.jsonl");
  const progress = join(dir, "progress");
  const configFile = join(dir, "config.json");
  writeFileSync(configFile, JSON.stringify({ ...config, out, progress }));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", runner, configFile], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, "tsconfig.source.json"), NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const readProgress = (): string => (existsSync(progress) ? readFileSync(progress, "utf8").trim() : "");
  let last = "";
  let since = Date.now();
  let stopped = false;
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setInterval(() => {
      const now = readProgress();
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (now !== "" && now !== "finished" && Date.now() - since > hangMs) {
        stopped = true;
        child.kill("SIGKILL");
      }
    }, 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve(code);
    });
  });
  last = readProgress();
  const lines = existsSync(out)
    ? readFileSync(out, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  rmSync(dir, { recursive: true, force: true });
  const [pkg, index] = last.split(" ");
  const unfinished = last !== "finished" && pkg !== undefined && index !== undefined && pkg !== "";
  return {
    lines,
    stoppedAt: (stopped || (exitCode !== 0 && unfinished)) && pkg && index ? [pkg, Number(index)] : null,
    exitCode: stopped ? null : exitCode,
    stderr,
  };
}

/**
 * Sweeps the packages in `parallel` children (packages dealt out by size), each resuming
 * after any call that does not return or kills its process.
 */
export async function runSweep(options: SweepOptions): Promise<Record<string, PackageResult>> {
  const groups: { packages: string[]; weight: number }[] = Array.from(
    { length: Math.max(1, options.parallel) },
    () => ({
      packages: [],
      weight: 0,
    }),
  );
  const bySize = [...options.packages].sort((a, b) => sourceSize(b) - sourceSize(a));
  for (const pkg of bySize) {
    const lightest = groups.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.packages.push(pkg);
    lightest.weight += sourceSize(pkg);
  }
  const parts = await Promise.all(
    groups.filter((g) => g.packages.length > 0).map((g) => sweepGroup({ ...options, packages: g.packages })),
  );
  return Object.assign({}, ...parts) as Record<string, PackageResult>;
}

/** Bytes of a package's sources: a stand-in for how long its sweep takes. */
function sourceSize(pkg: string): number {
  const walk = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (sum, e) => sum + (e.isDirectory() ? walk(join(dir, e.name)) : statSync(join(dir, e.name)).size),
      0,
    );
  return walk(join(root, "packages", pkg, "src"));
}

async function sweepGroup(options: SweepOptions): Promise<Record<string, PackageResult>> {
  const results: Record<string, PackageResult> = {};
  let resume: RunnerConfig["resume"];
  for (let attempt = 0; attempt < 200; attempt++) {
    const run = await runChild(
      { packages: options.packages, long: options.long, skip: options.skip, ...(resume ? { resume } : {}) },
      options.hangMs,
    );
    for (const line of run.lines) {
      const pkg = String(line.pkg ?? "");
      switch (line.t) {
        case "package":
          results[pkg] = {
            summary: line.summary as ExportSummary,
            keys: line.keys as string[],
            findings: results[pkg]?.findings ?? [],
            slow: results[pkg]?.slow ?? new Map(),
            broken: results[pkg]?.broken ?? [],
            calls: results[pkg]?.calls ?? 0,
            ms: results[pkg]?.ms ?? 0,
            heaviest: [],
          };
          break;
        case "finding":
          packageOf(results, line.target as string).findings.push(line as unknown as Finding);
          break;
        case "slow":
          packageOf(results, line.key as string).slow.set(line.key as string, line.ms as number);
          break;
        case "broken":
          packageOf(results, line.message as string).broken.push(line.message as string);
          break;
        case "done":
          if (results[pkg]) {
            results[pkg].calls += line.calls as number;
            results[pkg].ms += line.ms as number;
            results[pkg].heaviest = line.heaviest as string[];
          }
          break;
      }
    }
    if (run.stoppedAt === null) {
      if (run.exitCode !== 0) throw new Error(`the hostile-input runner failed (exit ${run.exitCode}):\n${run.stderr}`);
      return results;
    }
    const [pkg, index] = run.stoppedAt;
    if (resume && resume.pkg === pkg && resume.after === index)
      throw new Error(`the hostile-input runner dies between cases, after ${pkg} case ${index}:\n${run.stderr}`);
    const result = results[pkg];
    const key = result?.keys[index];
    if (!result || key === undefined)
      throw new Error(`the hostile-input runner stopped outside a case:\n${run.stderr}`);
    const [target = "", at = "", value = ""] = key.split("|");
    result.findings.push({
      target,
      at,
      value,
      outcome: run.exitCode === null ? hangOutcome(options.hangMs) : CRASH,
      detail: run.exitCode === null ? "stopped" : (run.stderr.trim().split("\n").slice(-1)[0]?.slice(0, 160) ?? ""),
    });
    resume = { pkg, after: index };
  }
  throw new Error("the hostile-input runner was restarted 200 times");
}

function packageOf(results: Record<string, PackageResult>, targetOrKey: string): PackageResult {
  const pkg = targetOrKey.split(".")[0] ?? "";
  const r = results[pkg];
  if (!r) throw new Error(`a result for ${targetOrKey} before its package summary`);
  return r;
}

/**
 * Whether known never-returning calls still do not return within `ms`: each in a child of its
 * own, all at once. Resolves to `key → null` (still does not return) or what the call does now.
 */
export async function checkHangs(
  keys: readonly string[],
  long: boolean,
  ms: number,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const queue = [...keys];
  const check = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const pkg = key.split(".")[0] ?? "";
      const run = await runChild({ packages: [pkg], long, only: [key] }, ms);
      if (run.stoppedAt !== null && run.exitCode === null) out.set(key, null);
      else {
        const line = run.lines.find((l) => l.t === "finding" || l.t === "verdict");
        out.set(key, line ? String(line.outcome ?? line.verdict) : `no such case any more (exit ${run.exitCode})`);
      }
    }
  };
  // four at a time: each is a process of its own that loads every package
  await Promise.all(Array.from({ length: Math.min(4, keys.length) }, check));
  return out;
}
