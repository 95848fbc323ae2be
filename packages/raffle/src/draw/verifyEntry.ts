import { type Failure, failure, OpsError, type Verification, verification } from "@ops/core";
import { verifyInclusion } from "../merkle/verifyInclusion";
import type { InclusionProof } from "../merkle/inclusionProof";
import { pseudonymOf } from "../privacy/entrantReceipt";
import { entrantScore } from "./entrantScore";
import { parseCertificate } from "../_lib/parseCertificate";
import type { DrawCertificate } from "./DrawCertificateSchema";

/** One entrant's own record, as they know it. */
export interface EntrantClaim {
  /** The canonical id (see {@link entrantId}). */
  readonly id: string;
  /** Chances, default 1. */
  readonly weight?: number;
  /** In pseudonymous mode: the entrant key from their receipt. */
  readonly entrantKey?: string;
}

/** Where an entrant stands in a draw. */
export type EntryOutcome =
  | { readonly kind: "winner"; readonly tier: string; readonly rank: number }
  | { readonly kind: "alternate"; readonly rank: number }
  | { readonly kind: "rerolled_out"; readonly rank: number; readonly reason: string }
  | { readonly kind: "not_selected" };

/** What {@link verifyEntry} found. */
export interface EntryCheck {
  readonly listId: string;
  readonly score: string;
  readonly outcome: EntryOutcome;
}

/** Codes of the problems {@link verifyEntry} reports. */
export type EntryFailureCode = "not_in_list" | "score_mismatch" | "omitted";

/**
 * Lets one entrant check a draw alone, without the full list: that their (id, weight) is a
 * leaf under the certificate's list root (inclusion proof), their score from the
 * certificate's seed, and where that score puts them. A score at or below the last ranked
 * score (the worst of winners, alternates and rerolled-out winners) must appear in the
 * certificate with that score, or the entrant was `omitted`. Run {@link verifyDraw} on the
 * certificate too: it checks the seed and beacon this relies on.
 *
 * @param certificate - the published certificate
 * @param entrant - the entrant's id, weight and (pseudonymous mode) entrant key
 * @param proof - their inclusion proof
 * @returns a {@link Verification}: `ok(EntryCheck)`, or `err` with every failure —
 *   `not_in_list`, `score_mismatch`, `omitted`
 * @throws {OpsError} `invalid_argument` when the entrant key is missing in pseudonymous mode;
 *   `corrupt_data` / `unsupported_version` for a bad certificate
 *
 * @example
 * ```ts
 * import { commitSeed, compileEntrants, drawWinners, inclusionProof, verifyEntry } from "@ops/raffle";
 * const secret = "03".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1", campaignId: "c", tiers: [{ name: "gift", count: 3 }], alternates: 0,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const list = compileEntrants([{ id: "qq::1" }, { id: "qq::2" }]);
 * const cert = drawWinners(spec, list, { secret });
 * const check = verifyEntry(cert, { id: "qq::1" }, inclusionProof(list, "qq::1"));
 * check.ok && check.value.outcome.kind;
 * // => "winner"
 * ```
 */
export function verifyEntry(
  certificate: DrawCertificate,
  entrant: EntrantClaim,
  proof: InclusionProof,
): Verification<EntryCheck, EntryFailureCode> {
  const fn = "verifyEntry";
  const cert = parseCertificate(certificate, fn);
  if (typeof entrant?.id !== "string" || entrant.id.length === 0)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrant", "id"],
      rule: "must be a non-empty canonical id",
      received: entrant?.id,
    });
  const weight = entrant.weight ?? 1;
  let listId = entrant.id.normalize("NFC");
  if (cert.list.privacy === "pseudonymous") {
    if (entrant.entrantKey === undefined)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["entrant", "entrantKey"],
        rule: "is required in pseudonymous mode (it is in the entrant's receipt)",
      });
    listId = pseudonymOf(entrant.entrantKey, listId);
  }
  const problems: Failure<EntryFailureCode>[] = [];
  if (proof.size !== cert.list.size) {
    problems.push(
      failure(
        "not_in_list",
        `the proof is for a list of ${proof.size} entrants; the certificate's list has ${cert.list.size}`,
        ["proof", "size"],
      ),
    );
  } else {
    const included = verifyInclusion(cert.list.root, { id: listId, weight }, proof);
    if (!included.ok)
      problems.push(
        failure(
          "not_in_list",
          `the proof does not lead from this (id, weight) to the certificate's list root (${included.error.map((f) => f.message).join("; ")})`,
          ["proof"],
        ),
      );
  }
  const score = entrantScore(cert.seed, listId, weight);
  const winner = cert.winners.find((w) => w.id === listId);
  const alternate = cert.alternates.find((a) => a.id === listId);
  const rerolled = cert.rerolls.find((r) => r.out.id === listId);
  const listed = winner ?? alternate ?? rerolled?.out;
  let outcome: EntryOutcome = { kind: "not_selected" };
  if (listed !== undefined) {
    if (listed.score !== score || listed.weight !== weight)
      problems.push(
        failure("score_mismatch", "the certificate lists this entrant with another score or weight", ["certificate"]),
      );
    if (winner) outcome = { kind: "winner", tier: winner.tier, rank: winner.rank };
    else if (alternate) outcome = { kind: "alternate", rank: alternate.rank };
    else if (rerolled) outcome = { kind: "rerolled_out", rank: rerolled.out.rank, reason: rerolled.reason };
  } else {
    const ranked = [...cert.winners, ...cert.alternates, ...cert.rerolls.map((r) => r.out)];
    const full =
      ranked.length > 0 && ranked.length >= cert.spec.tiers.reduce((s, t) => s + t.count, 0) + cert.spec.alternates;
    const worst = ranked.reduce<string | null>((m, e) => (m === null || e.score > m ? e.score : m), null);
    if (!full || (worst !== null && score < worst))
      problems.push(
        failure(
          "omitted",
          `score ${score} should have placed this entrant among those ranked, but the certificate does not list them`,
          ["certificate", "winners"],
        ),
      );
  }
  return verification({ listId, score, outcome }, problems);
}
