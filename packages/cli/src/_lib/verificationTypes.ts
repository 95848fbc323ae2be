// The types of a verification report, below the files that build one (no import cycles).
import type { ReportMessageKey, ReportText } from "../raffle/reportMessages";

/** What a report concluded: everything checked held, something did not, or the input could not be read. */
export type ReportVerdict = "verified" | "refused" | "unreadable";

/** What was verified: a draw, one entrant's place in a draw (a receipt was given), a quiz, a judged award. */
export type ReportKind = "draw" | "entry" | "quiz" | "award" | "unknown";

/** One line of a report: a stable key, its text in English and Chinese, and for a problem the verifier's own words. */
export interface ReportLine {
  /** The key in {@link REPORT_MESSAGES}: `checked.seed`, `not_checked.list`, or a failure code like `winners`. */
  readonly key: ReportMessageKey;
  /** For a problem: the verifier's failure code (`winners`, `omitted`) or the OpsError code of an unreadable input. */
  readonly code?: string;
  /** The sentence, with the certificate's values filled in. */
  readonly text: ReportText;
  /** For a problem: the verifier's technical message (English). */
  readonly detail?: string;
  /** For a problem: where in the input, e.g. `winners[0].score`. */
  readonly path?: string;
}

/** The plain-language outcome of verifying a raffle certificate. */
export interface VerificationReport {
  readonly kind: ReportKind;
  readonly verdict: ReportVerdict;
  /** One line naming the verdict and what was verified, in both languages. */
  readonly title: ReportText;
  /** What was checked (and held, unless listed under problems). */
  readonly checked: readonly ReportLine[];
  /** What could not be checked with what was given, and how to check it. */
  readonly notChecked: readonly ReportLine[];
  /** Every check that failed, or why the input could not be read. */
  readonly problems: readonly ReportLine[];
}

/**
 * What {@link verificationReport} takes besides the certificate: the published list
 * (draws), an entrant's receipt (their own place in a draw), the submissions (quizzes) or
 * judging inputs (awards) — each parsed JSON, checked by the raffle verifiers, so that a
 * content they refuse makes the report `unreadable`, not a throw — and the spec hash and
 * list root the organiser published beforehand (64 hex digits each).
 */
export interface VerificationInputs {
  readonly list?: unknown;
  readonly receipt?: unknown;
  readonly submissions?: unknown;
  readonly inputs?: unknown;
  readonly expectedSpecHash?: string;
  readonly expectedListRoot?: string;
  /** drand chains to trust besides the pinned quicknet (whole chain objects, as @ops/raffle's DrandChainSchema). */
  readonly trustedChains?: unknown;
}
