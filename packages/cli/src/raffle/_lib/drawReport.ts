import {
  type DrawCertificate,
  type EntrantReceipt,
  type VerifyDrawOptions,
  verifyDraw,
  verifyEntry,
} from "@ops/raffle";
import type { ReportLine, VerificationInputs, VerificationReport } from "../../_lib/verificationTypes";
import { reportLine } from "../../_lib/reportLine";
import { reportTitle } from "../../_lib/unreadableReport";

/**
 * The report of a draw certificate (and, with a receipt, of one entrant's place in it): runs
 * verifyDraw (and verifyEntry), then lists what was checked and what was not.
 * Throws the verifiers' OpsError for a malformed certificate, list or receipt.
 */
export function drawReport(
  certificate: object,
  inputs: VerificationInputs,
  options: VerifyDrawOptions,
): VerificationReport {
  const cert = certificate as DrawCertificate;
  const { list, receipt, expectedSpecHash, expectedListRoot } = inputs;
  const result = verifyDraw(cert, list as Parameters<typeof verifyDraw>[1], options);
  const problems: ReportLine[] = [];
  if (!result.ok) for (const f of result.error) problems.push(reportLine(f.code, {}, f));
  const { specHash, list: summary, randomness, spec } = cert;
  // a chain the caller passed in trustedChains, not the pinned quicknet (known once the draw verified)
  const trusted = result.ok && result.value.chainTrust === "caller";
  const checked: ReportLine[] = [
    reportLine("checked.spec_hash", { specHash }),
    ...(expectedSpecHash === undefined ? [] : [reportLine("checked.spec_published", { specHash })]),
    ...(expectedListRoot === undefined ? [] : [reportLine("checked.list_root_published", { listRoot: summary.root })]),
    randomness.kind === "drand"
      ? reportLine(trusted ? "checked.randomness_drand_trusted" : "checked.randomness_drand", {
          round: randomness.round,
        })
      : reportLine("checked.randomness_commit"),
    reportLine("checked.seed"),
    reportLine("checked.scores"),
    reportLine("checked.order"),
    ...(cert.rerolls.length > 0 ? [reportLine("checked.rerolls")] : []),
    ...(list === undefined
      ? []
      : [
          reportLine("checked.list", { size: summary.size, totalWeight: summary.totalWeight }),
          reportLine("checked.full_rerun"),
        ]),
  ];
  const notChecked: ReportLine[] = [
    ...(list === undefined
      ? [reportLine("not_checked.list", { size: summary.size, totalWeight: summary.totalWeight })]
      : []),
    ...(expectedSpecHash === undefined ? [reportLine("not_checked.spec_published", { specHash })] : []),
    ...(expectedListRoot === undefined
      ? [reportLine("not_checked.list_root_published", { listRoot: summary.root })]
      : []),
    ...(randomness.kind === "commit" ? [reportLine("not_checked.commit_trust")] : []),
    reportLine("not_checked.eligibility"),
    ...(summary.privacy === "pseudonymous" ? [reportLine("not_checked.pseudonyms")] : []),
  ];
  let kind: VerificationReport["kind"] = "draw";
  if (receipt !== undefined) {
    kind = "entry";
    const entry = verifyEntry(cert, receipt as EntrantReceipt);
    if (!entry.ok) for (const f of entry.error) problems.push(reportLine(f.code, {}, f));
    else {
      const { outcome, score, weight } = entry.value;
      checked.push(reportLine("checked.entry_included", { weight }));
      checked.push(reportLine("checked.entry_score", { score }));
      if (outcome.kind === "winner")
        checked.push(reportLine("checked.entry_winner", { tier: outcome.tier, rank: outcome.rank }));
      else if (outcome.kind === "alternate")
        checked.push(reportLine("checked.entry_alternate", { rank: outcome.rank }));
      else if (outcome.kind === "rerolled_out")
        checked.push(reportLine("checked.entry_rerolled_out", { rank: outcome.rank, reason: outcome.reason }));
      else checked.push(reportLine("checked.entry_not_selected"));
    }
  }
  const verdict = problems.length === 0 ? "verified" : "refused";
  return { kind, verdict, title: reportTitle(verdict, kind, spec.campaignId), checked, notChecked, problems };
}
