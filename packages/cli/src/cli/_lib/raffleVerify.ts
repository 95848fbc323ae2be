import { EXIT } from "../EXIT";
import type { Io } from "../Io";
import { usageError } from "./usageError";
import type { ReportLanguage, ReportMessageKey } from "../../raffle/reportMessages";
import { type VerificationInputs, type VerificationReport, verificationReport } from "../../raffle/verificationReport";
import { formatReport } from "./formatReport";
import { parseArgs } from "./parseArgs";
import { readJson } from "./readJson";
import { unreadableReport } from "../../_lib/unreadableReport";
import { CHECK_ENTRY_USAGE, VERIFY_USAGE } from "./usage";

const FILES: readonly (readonly ["list" | "receipt" | "submissions" | "inputs", ReportMessageKey])[] = [
  ["list", "what.list"],
  ["receipt", "what.receipt"],
  ["submissions", "what.submissions"],
  ["inputs", "what.inputs"],
];

/** `ops raffle verify` and `ops raffle check-entry`: read the files, build the report, print it, exit 0 / 1 / 2. */
export function raffleVerify(argv: readonly string[], io: Io, command: "verify" | "check-entry"): number {
  const usage = command === "verify" ? VERIFY_USAGE : CHECK_ENTRY_USAGE;
  const parsed = parseArgs(argv, {
    ...(command === "verify"
      ? {
          list: "value",
          submissions: "value",
          inputs: "value",
          "spec-hash": "value",
          "list-root": "value",
          "trust-chain": "value",
        }
      : {}),
    receipt: "value",
    json: "flag",
    lang: "value",
    help: "flag",
  });
  if (!parsed.ok) return usageError(io, parsed.message, usage);
  if (parsed.flags.has("help")) {
    io.stdout(usage);
    return EXIT.ok;
  }
  const { positionals, values, flags } = parsed;
  if (positionals.length !== 1) return usageError(io, "give exactly one certificate file", usage);
  const lang = values.lang ?? "en";
  if (lang !== "en" && lang !== "zh") return usageError(io, "--lang must be en or zh", usage);
  if (command === "check-entry" && values.receipt === undefined) return usageError(io, "--receipt is required", usage);
  const inputs: { -readonly [K in keyof VerificationInputs]: VerificationInputs[K] } = {};
  for (const [name, published] of [
    ["spec-hash", "expectedSpecHash"],
    ["list-root", "expectedListRoot"],
  ] as const) {
    const value = values[name];
    if (value === undefined) continue;
    if (!/^[0-9a-fA-F]{64}$/.test(value)) return usageError(io, `--${name} must be 64 hex digits`, usage);
    inputs[published] = value;
  }
  const report = ((): VerificationReport => {
    const certificate = readJson(io, positionals[0] as string, "what.certificate");
    if (!certificate.ok) return unreadableReport("unknown", [certificate.line]);
    for (const [name, what] of FILES) {
      const path = values[name];
      if (path === undefined) continue;
      const file = readJson(io, path, what);
      if (!file.ok) return unreadableReport("unknown", [file.line]);
      inputs[name] = file.value;
    }
    const chains = values["trust-chain"];
    if (chains !== undefined) {
      const file = readJson(io, chains, "what.chain");
      if (!file.ok) return unreadableReport("unknown", [file.line]);
      inputs.trustedChains = Array.isArray(file.value) ? file.value : [file.value];
    }
    return verificationReport(certificate.value, inputs);
  })();
  io.stdout(flags.has("json") ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, lang as ReportLanguage));
  return report.verdict === "verified" ? EXIT.ok : report.verdict === "refused" ? EXIT.refused : EXIT.usage;
}
