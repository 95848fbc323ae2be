/**
 * @ops/cli — the `ops` command: verify raffle certificates and run draws from files.
 *
 * @packageDocumentation
 */
export { EXIT } from "./cli/EXIT";
export type { Io } from "./cli/Io";
export { run } from "./cli/run";
export { REPORT_MESSAGES } from "./raffle/reportMessages";
export type { ReportLanguage, ReportMessageKey, ReportText, VerifierFailureCode } from "./raffle/reportMessages";
export { verificationReport } from "./raffle/verificationReport";
export type {
  ReportKind,
  ReportLine,
  ReportVerdict,
  VerificationInputs,
  VerificationReport,
} from "./raffle/verificationReport";
