import { type Failure, failure, OpsError, parseOrThrow, type Verification, verification } from "@ops/core";
import { compareUtf8 } from "../_lib/utf8Order";
import { verifyInclusion } from "../merkle/verifyInclusion";
import { canonicalIdOrThrow } from "../_lib/canonicalId";
import { pseudonymOf } from "../privacy/entrantPseudonym";
import { type EntrantReceipt, EntrantReceiptSchema } from "../privacy/entrantReceipt";
import { entrantScore } from "./entrantScore";
import { parseCertificate } from "./_lib/parseCertificate";
import type { DrawCertificate } from "./DrawCertificateSchema";

/** Where an entrant stands in a draw. */
export type EntryOutcome =
  | { readonly kind: "winner"; readonly tier: string; readonly rank: number }
  | { readonly kind: "alternate"; readonly rank: number }
  | { readonly kind: "rerolled_out"; readonly rank: number; readonly reason: string }
  | { readonly kind: "not_selected" };

/** What {@link verifyEntry} found. */
export interface EntryCheck {
  /** The leaf's list id (canonical id, or pseudonym). */
  readonly listId: string;
  readonly weight: number;
  /** The entrant's score under the certificate's seed (§8). */
  readonly score: string;
  readonly outcome: EntryOutcome;
}

/** Codes of the problems {@link verifyEntry} reports. */
export type EntryFailureCode = "not_in_list" | "pseudonym_mismatch" | "score_mismatch" | "omitted";

/**
 * Lets one entrant check a draw alone, from the certificate and their receipt (one file,
 * {@link EntrantReceiptSchema}), without the full list (docs/raffle-spec.md §10):
 * that the receipt is for the certificate's list (root and size), that their (list id,
 * weight) is a leaf under that root (inclusion proof, RFC 9162 §2.1.3.2), in pseudonymous
 * mode that the list id is the pseudonym of their id under their entrant key, their score
 * from the certificate's seed, and where that score puts them. An entrant whose (score, id)
 * sorts before the worst ranked one (winners, alternates and rerolled-out winners, compared
 * by score then UTF-8 id) must appear in the certificate with that score, or the entrant was
 * `omitted`; so must any entrant while places are left empty. Run {@link verifyDraw} on the
 * certificate too: it checks the seed and beacon this relies on.
 *
 * @param certificate - the published certificate
 * @param receipt - the entrant's receipt (from {@link entrantReceipt})
 * @returns a {@link Verification}: `ok(EntryCheck)`, or `err` with every failure —
 *   `not_in_list`, `pseudonym_mismatch`, `score_mismatch`, `omitted`
 * @throws {OpsError} `invalid_argument` for a malformed receipt, or one without id and
 *   entrant key for a pseudonymous certificate (or with them for a public one);
 *   `corrupt_data` / `unsupported_version` for a bad certificate
 *
 * @example
 * ```ts
 * import { commitSeed, compileEntrants, drawWinners, entrantReceipt, verifyEntry } from "@ops/raffle";
 * const secret = "03".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "c", tiers: [{ name: "gift", count: 3 }], alternates: 0,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const list = compileEntrants([{ id: "qq::1" }, { id: "qq::2" }]);
 * const cert = drawWinners(spec, list, { secret });
 * const check = verifyEntry(cert, entrantReceipt(list, "qq::1"));
 * check.ok && check.value.outcome.kind;
 * // => "winner"
 * ```
 */
export function verifyEntry(
  certificate: DrawCertificate,
  receipt: EntrantReceipt,
): Verification<EntryCheck, EntryFailureCode> {
  const fn = "verifyEntry";
  const cert = parseCertificate(certificate, fn);
  const r = parseOrThrow(EntrantReceiptSchema, receipt, { fn, path: ["receipt"] });
  const problems: Failure<EntryFailureCode>[] = [];
  const pseudonymous = cert.list.privacy === "pseudonymous";
  if (pseudonymous !== (r.entrantKey !== undefined))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["receipt", "entrantKey"],
      rule: pseudonymous
        ? "is required for a pseudonymous draw (with id): the receipt must let the entrant check their pseudonym"
        : "must be absent for a public draw (the list id is the id)",
      received: r.entrantKey,
    });
  const listId = pseudonymous ? r.listId : canonicalIdOrThrow(r.listId, fn, ["receipt", "listId"]);
  if (pseudonymous && pseudonymOf(r.entrantKey as string, r.id as string) !== listId)
    problems.push(
      failure("pseudonym_mismatch", "the list id is not the pseudonym of this id under this entrant key", [
        "receipt",
        "listId",
      ]),
    );
  const weight = r.weight;
  if (r.listRoot !== cert.list.root)
    problems.push(
      failure("not_in_list", `the receipt is for list root ${r.listRoot}, not the certificate's ${cert.list.root}`, [
        "receipt",
        "listRoot",
      ]),
    );
  if (r.proof.size !== cert.list.size) {
    problems.push(
      failure(
        "not_in_list",
        `the proof is for a list of ${r.proof.size} entrants; the certificate's list has ${cert.list.size}`,
        ["receipt", "proof", "size"],
      ),
    );
  } else {
    const included = verifyInclusion(cert.list.root, { id: listId, weight }, r.proof);
    if (!included.ok)
      problems.push(
        failure(
          "not_in_list",
          `the proof does not lead from this (id, weight) to the certificate's list root (${included.error.map((f) => f.message).join("; ")})`,
          ["receipt", "proof"],
        ),
      );
  }
  const score = entrantScore(cert.seed, listId, weight);
  const winner = cert.winners.find((w) => w.id === listId);
  const alternate = cert.alternates.find((a) => a.id === listId);
  const rerolled = cert.rerolls.find((x) => x.out.id === listId);
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
    const ranked = [...cert.winners, ...cert.alternates, ...cert.rerolls.map((x) => x.out)];
    const places = cert.spec.tiers.reduce((n, t) => n + t.count, 0) + cert.spec.alternates;
    const full = ranked.length > 0 && ranked.length >= places;
    // the worst ranked (score, id): an entrant ordered before it should have been ranked (§10)
    const worst = ranked.reduce<{ score: string; id: string } | null>(
      (m, e) => (m === null || before(m, e) ? e : m),
      null,
    );
    if (!full || (worst !== null && before({ score, id: listId }, worst)))
      problems.push(
        failure(
          "omitted",
          `score ${score} should have placed this entrant among those ranked, but the certificate does not list them`,
          ["certificate", "winners"],
        ),
      );
  }
  return verification({ listId, weight, score, outcome }, problems);
}

/** True when (a.score, a.id) sorts before (b.score, b.id): score, then UTF-8 id bytes. */
function before(a: { score: string; id: string }, b: { score: string; id: string }): boolean {
  return a.score < b.score || (a.score === b.score && compareUtf8(a.id, b.id) < 0);
}
