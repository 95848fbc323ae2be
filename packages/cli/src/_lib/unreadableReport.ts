import type { ReportKind, ReportLine, VerificationReport } from "./verificationTypes";
import type { ReportText } from "../raffle/reportMessages";
import { fillText } from "./reportLine";

/** The report's title: the verdict and what was verified. */
export function reportTitle(verdict: VerificationReport["verdict"], kind: ReportKind, campaign: string): ReportText {
  const head = fillText(`verdict.${verdict}`);
  const what = fillText(`kind.${kind}`, { campaign: campaign === "" ? "" : `“${campaign}”` });
  return { en: `${head.en} — ${what.en}`.trim(), zh: `${head.zh} — ${what.zh}`.trim() };
}

/** A report of an input that could not be read: nothing checked, the reason as the problem. */
export function unreadableReport(kind: ReportKind, problems: readonly ReportLine[]): VerificationReport {
  return {
    kind,
    verdict: "unreadable",
    title: reportTitle("unreadable", kind, ""),
    checked: [],
    notChecked: [],
    problems,
  };
}
