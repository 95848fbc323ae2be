import { isOpsError, OpsError } from "@ops/core";
import { contestReport } from "./_lib/contestReport";
import { drawReport } from "./_lib/drawReport";
import { reportLine } from "../_lib/reportLine";
import { unreadableReport } from "../_lib/unreadableReport";
import type { ReportMessageKey } from "./reportMessages";
import type { ReportLine, VerificationReport, VerificationInputs } from "../_lib/verificationTypes";
export type {
  ReportVerdict,
  ReportKind,
  ReportLine,
  VerificationReport,
  VerificationInputs,
} from "../_lib/verificationTypes";

const INPUT_KEYS: readonly string[] = [
  "list",
  "receipt",
  "submissions",
  "inputs",
  "expectedSpecHash",
  "expectedListRoot",
  "trustedChains",
];

/** The inputs checked (a plain object, known members, published hashes of 64 hex digits), else an OpsError. */
function checkInputs(inputs: unknown): VerificationInputs {
  const fn = "verificationReport";
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs))
    throw new OpsError({ code: "invalid_argument", fn, path: ["inputs"], rule: "must be an object", received: inputs });
  for (const key of Object.keys(inputs)) {
    if (!INPUT_KEYS.includes(key))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["inputs", key],
        rule: `is not a known member (${INPUT_KEYS.join(", ")})`,
      });
  }
  for (const key of ["expectedSpecHash", "expectedListRoot"] as const) {
    const value = (inputs as VerificationInputs)[key];
    if (value !== undefined && (typeof value !== "string" || !/^[0-9a-fA-F]{64}$/.test(value)))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["inputs", key],
        rule: "must be 32 bytes as 64 hex digits",
        received: value,
      });
  }
  return inputs as VerificationInputs;
}

/**
 * Verifies a raffle certificate — a draw, a quiz or a judged award (its `type`; a
 * certificate without one is a draw), or one entrant's place in a draw when a `receipt` is
 * given — with @ops/raffle's verifiers, and says in plain English and Chinese what was
 * checked, what could not be checked with what was given (without the list: that nobody
 * with a better score was left out), and every problem found. Pure and browser-safe: the
 * `ops` command and the verification page both print this report.
 *
 * Verdicts: `verified` when every check held; `refused` when a check failed (the
 * certificate does not hold up); `unreadable` when the certificate or a file is malformed
 * or of an unknown format (the verifier threw an OpsError: the report carries its rule).
 *
 * @param certificate - the certificate, parsed from JSON
 * @param inputs - list, receipt, submissions or inputs, and the published spec hash and list root
 * @returns the report
 * @throws {OpsError} `invalid_argument` when `inputs` is not an object, has an unknown
 *   member, or a published hash that is not 64 hex digits
 *
 * @example
 * ```ts
 * import { commitSeed, drawWinners } from "@ops/raffle";
 * import { verificationReport } from "@ops/cli";
 * const secret = "01".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "c", tiers: [{ name: "gift", count: 1 }], alternates: 0,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const list = [{ id: "qq::1" }, { id: "qq::2" }];
 * const cert = drawWinners(spec, list, { secret });
 * const report = verificationReport(cert, {});
 * [report.verdict, report.notChecked[0]?.key];
 * // => ["verified", "not_checked.list"]
 * verificationReport({ ...cert, seed: "00".repeat(32) }, { list }).problems.map((p) => p.code);
 * // => ["seed", "score", "winners"]
 * verificationReport("not a certificate", {}).verdict;
 * // => "unreadable"
 * ```
 */
export function verificationReport(certificate: unknown, inputs: VerificationInputs = {}): VerificationReport {
  const given = checkInputs(inputs);
  if (certificate === null || typeof certificate !== "object" || Array.isArray(certificate))
    return unreadableReport("unknown", [
      reportLine(
        "unreadable.not_object",
        {},
        {
          code: "corrupt_data",
          message: "a certificate must be a JSON object",
          path: ["certificate"],
        },
      ),
    ]);
  const type = (certificate as { type?: unknown }).type ?? "draw";
  // the one place that knows which verifier reads which certificate type
  const kind = type === "draw" ? (given.receipt === undefined ? "draw" : "entry") : type;
  if (kind === "draw" || kind === "entry" || kind === "quiz" || kind === "award") {
    // inputs of another kind of certificate are a mistake to say, never silently ignored
    const base = kind === "entry" ? "draw" : kind;
    const unused = UNUSED[base].filter((key) => given[key] !== undefined);
    if (unused.length > 0)
      return unreadableReport(
        kind,
        unused.map((key) =>
          reportLine(
            "unreadable.unused",
            { what: reportLine(WHAT[key] as ReportMessageKey).text, kind: reportLine(`type.${base}`).text },
            {
              code: "invalid_argument",
              message: `inputs.${key} is not used to verify a ${base} certificate`,
              path: ["inputs", key],
            },
          ),
        ),
      );
    const options = {
      ...(given.expectedSpecHash === undefined ? {} : { expectedSpecHash: given.expectedSpecHash.toLowerCase() }),
      ...(given.expectedListRoot === undefined ? {} : { expectedListRoot: given.expectedListRoot.toLowerCase() }),
      ...(given.trustedChains === undefined ? {} : { trustedChains: given.trustedChains as never }),
    };
    try {
      if (kind === "quiz" || kind === "award") return contestReport(kind, certificate, given, options);
      return drawReport(certificate, given, options);
    } catch (error) {
      if (!isOpsError(error)) throw error;
      return unreadableReport(kind, [unreadableLine(error)]);
    }
  }
  const shown = (typeof type === "string" ? JSON.stringify(type) : typeof type).slice(0, 60);
  return unreadableReport("unknown", [
    reportLine(
      "unreadable.type",
      { type: shown },
      {
        code: "corrupt_data",
        message: `certificate.type must be "draw", "quiz" or "award", got ${shown}`,
        path: ["certificate", "type"],
      },
    ),
  ]);
}

/** The inputs each kind of certificate is not checked with. */
const UNUSED: Readonly<Record<"draw" | "quiz" | "award", readonly ("list" | "receipt" | "submissions" | "inputs")[]>> =
  {
    draw: ["submissions", "inputs"],
    quiz: ["list", "receipt", "inputs"],
    award: ["list", "receipt", "submissions"],
  };

const WHAT: Readonly<Record<string, ReportMessageKey>> = {
  certificate: "what.certificate",
  entrants: "what.list",
  list: "what.list",
  entrant: "what.receipt",
  proof: "what.receipt",
  receipt: "what.receipt",
  submissions: "what.submissions",
  inputs: "what.inputs",
  options: "what.input",
};

/** The line of an OpsError a verifier threw: which input was malformed, by which rule. */
function unreadableLine(error: {
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly rule: string;
}): ReportLine {
  const found = { code: error.code, message: error.message, path: error.path };
  if (error.code === "unsupported_version") return reportLine("unreadable.version", {}, found);
  const head = error.path[0];
  const what = (typeof head === "string" ? WHAT[head] : undefined) ?? "what.input";
  return reportLine("unreadable.input", { what: reportLine(what).text, rule: error.rule }, found);
}
