import type { ReportLanguage } from "../../raffle/reportMessages";
import type { ReportLine, VerificationReport } from "../../raffle/verificationReport";
import { fillText } from "../../_lib/reportLine";

/** A report as the terminal shows it, in one language: the title, then checked, not checked and problems. */
export function formatReport(report: VerificationReport, lang: ReportLanguage): string {
  const out: string[] = [report.title[lang], ""];
  const section = (heading: "checked" | "notChecked" | "problems", mark: string, lines: readonly ReportLine[]) => {
    if (lines.length === 0) return;
    out.push(`${fillText(`heading.${heading}`)[lang]}${lang === "zh" ? "：" : ":"}`);
    for (const line of lines) {
      out.push(`  ${mark} ${line.text[lang]}`);
      if (line.detail !== undefined) out.push(`      ${line.path ? `${line.path}: ` : ""}${line.detail}`);
    }
    out.push("");
  };
  section("problems", "✗", report.problems);
  section("checked", report.verdict === "verified" ? "✓" : "•", report.checked);
  section("notChecked", "?", report.notChecked);
  return `${out.join("\n").trimEnd()}\n`;
}
