import { OpsError } from "@ops/core";
import { describeThrown } from "./_lib/describeThrown";
import { raffleDraw } from "./_lib/raffleDraw";
import { raffleVerify } from "./_lib/raffleVerify";
import { RAFFLE_USAGE, TOP_USAGE } from "./_lib/usage";
import { usageError } from "./_lib/usageError";
import { EXIT } from "./EXIT";
import type { Io } from "./Io";

/**
 * Runs the `ops` command line and returns its exit code: 0 verified (or done), 1 refused
 * (a certificate that does not hold up, a beacon that does not verify), 2 usage error or
 * unreadable input. Commands:
 *
 * - `ops raffle verify <certificate> [--list <file>] [--submissions <file>] [--inputs <file>]
 *   [--receipt <file>] [--spec-hash H] [--list-root H] [--json] [--lang en|zh]`
 * - `ops raffle check-entry <certificate> --receipt <file> [--json] [--lang en|zh]`
 * - `ops raffle draw --spec <file> --entrants <file> (--beacon <file> | --secret <hex>)
 *   [--audit-key <hex>] [--out <file>]`
 * - `ops raffle page` (the self-contained verification page, HTML, to stdout)
 * - `ops --help`, `ops --version`
 *
 * All I/O goes through `io`, so the command runs anywhere and is tested without a disk.
 *
 * @param argv - the arguments after the program name (`process.argv.slice(2)` in Node)
 * @param io - file access and output
 * @returns the exit code
 * @throws {OpsError} `invalid_argument` when `argv` is not an array of strings or `io` lacks a function
 *
 * @example
 * ```ts
 * import { run } from "@ops/cli";
 * const out: string[] = [];
 * const io = { readFile: () => "{}", writeFile: () => {}, stdout: (t: string) => void out.push(t), stderr: () => {}, version: "1.2.3" };
 * run(["--version"], io);
 * // => 0
 * out.join("");
 * // => "1.2.3\n"
 * run(["raffle", "verify"], io);
 * // => 2
 * ```
 */
export function run(argv: readonly string[], io: Io): number {
  checkArguments(argv, io);
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(TOP_USAGE);
    return EXIT.usage;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout(TOP_USAGE);
    return EXIT.ok;
  }
  if (command === "--version" || command === "-v") {
    io.stdout(`${typeof io.version === "string" ? io.version : "unknown"}\n`);
    return EXIT.ok;
  }
  if (command !== "raffle") return usageError(io, `unknown command ${JSON.stringify(command)}`, TOP_USAGE);
  const [sub, ...args] = rest;
  switch (sub) {
    case "verify":
      return raffleVerify(args, io, "verify");
    case "check-entry":
      return raffleVerify(args, io, "check-entry");
    case "draw":
      return raffleDraw(args, io);
    case "page":
      return rafflePage(args, io);
    case undefined:
    case "--help":
    case "-h":
    case "help":
      if (sub === undefined) return usageError(io, "which raffle command?", RAFFLE_USAGE);
      io.stdout(RAFFLE_USAGE);
      return EXIT.ok;
    default:
      return usageError(io, `unknown raffle command ${JSON.stringify(sub)}`, RAFFLE_USAGE);
  }
}

function rafflePage(args: readonly string[], io: Io): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(RAFFLE_USAGE);
    return EXIT.ok;
  }
  if (args.length > 0) return usageError(io, "ops raffle page takes no arguments", RAFFLE_USAGE);
  if (typeof io.pageFile !== "string") {
    io.stderr("ops: this build has no verification page (dist/verify.html)\n");
    return EXIT.usage;
  }
  let html: unknown;
  try {
    html = io.readFile(io.pageFile);
  } catch (error) {
    html = error;
  }
  if (typeof html !== "string") {
    io.stderr(`ops: cannot read the verification page ${io.pageFile}: ${describeThrown(html)}\n`);
    return EXIT.usage;
  }
  io.stdout(html);
  return EXIT.ok;
}

function checkArguments(argv: unknown, io: unknown): void {
  const fn = "run";
  if (!Array.isArray(argv))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["argv"],
      rule: "must be an array of strings",
      received: argv,
    });
  for (let i = 0; i < argv.length; i++) {
    if (typeof argv[i] !== "string")
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["argv", i],
        rule: "must be a string",
        received: argv[i],
      });
  }
  if (io === null || typeof io !== "object")
    throw new OpsError({ code: "invalid_argument", fn, path: ["io"], rule: "must be an object", received: io });
  for (const name of ["readFile", "writeFile", "stdout", "stderr"] as const) {
    const f = (io as Record<string, unknown>)[name];
    if (typeof f !== "function")
      throw new OpsError({ code: "invalid_argument", fn, path: ["io", name], rule: "must be a function", received: f });
  }
}
