import {
  type AwardCertificate,
  type AwardInputs,
  type QuizCertificate,
  QUICKNET,
  type QuizSubmission,
  type VerifyContestOptions,
  verifyAward,
  verifyQuiz,
} from "@ops/raffle";
import type { ReportMessageKey } from "../reportMessages";
import type { ReportLine, VerificationInputs, VerificationReport } from "../../_lib/verificationTypes";
import { reportLine } from "../../_lib/reportLine";
import { reportTitle } from "../../_lib/unreadableReport";

const SHARED: ReadonlySet<string> = new Set([
  "spec_hash",
  "expected_spec_hash",
  "expected_list_root",
  "untrusted_chain",
  "randomness",
  "seed",
]);

/**
 * The report of a quiz or award certificate: runs verifyQuiz (with the submissions) or
 * verifyAward (with the entries and scores), then lists what was checked and what was not.
 * Throws the verifiers' OpsError for a malformed certificate or inputs.
 */
export function contestReport(
  kind: "quiz" | "award",
  certificate: object,
  inputs: VerificationInputs,
  options: VerifyContestOptions,
): VerificationReport {
  const quiz = kind === "quiz";
  const given = quiz ? inputs.submissions : inputs.inputs;
  const result = quiz
    ? verifyQuiz(certificate as QuizCertificate, given as readonly QuizSubmission[] | undefined, options)
    : verifyAward(certificate as AwardCertificate, given as AwardInputs | undefined, options);
  const problems: ReportLine[] = [];
  if (!result.ok)
    for (const f of result.error)
      problems.push(reportLine((SHARED.has(f.code) ? f.code : `${kind}.${f.code}`) as ReportMessageKey, {}, f));
  const cert = certificate as QuizCertificate | AwardCertificate;
  const list = "submissions" in cert ? cert.submissions : cert.entries;
  const { specHash, randomness, spec } = cert;
  // a chain the caller passed in trustedChains: quicknet is pinned, any other drand chain is the caller's
  const trusted = randomness.kind === "drand" && result.ok && randomness.chainHash !== QUICKNET.hash;
  const published = (key: "expectedSpecHash" | "expectedListRoot") => inputs[key] !== undefined;
  const checked: ReportLine[] = [
    reportLine("checked.spec_hash", { specHash }),
    ...(published("expectedSpecHash") ? [reportLine("checked.spec_published", { specHash })] : []),
    ...(published("expectedListRoot") ? [reportLine("checked.list_root_published", { listRoot: list.root })] : []),
    randomness.kind === "drand"
      ? reportLine(trusted ? "checked.randomness_drand_trusted" : "checked.randomness_drand", {
          round: randomness.round,
        })
      : reportLine("checked.randomness_commit"),
    reportLine("checked.seed"),
    reportLine(quiz ? "checked.quiz_answer_key" : "checked.award_rubric"),
    reportLine(quiz ? "checked.quiz_places" : "checked.award_places", { places: cert.places.length }),
    ...(given === undefined
      ? []
      : [reportLine(quiz ? "checked.quiz_rerun" : "checked.award_rerun", { size: list.size })]),
  ];
  const notChecked: ReportLine[] = [
    ...(given === undefined
      ? [reportLine(quiz ? "not_checked.quiz_submissions" : "not_checked.award_inputs", { size: list.size })]
      : []),
    ...(published("expectedSpecHash") ? [] : [reportLine("not_checked.spec_published", { specHash })]),
    ...(published("expectedListRoot") ? [] : [reportLine("not_checked.list_root_published", { listRoot: list.root })]),
    ...(randomness.kind === "commit" ? [reportLine("not_checked.commit_trust")] : []),
    reportLine(quiz ? "not_checked.quiz_received" : "not_checked.award_judging"),
  ];
  const verdict = problems.length === 0 ? "verified" : "refused";
  return { kind, verdict, title: reportTitle(verdict, kind, spec.campaignId), checked, notChecked, problems };
}
