import { OpsError } from "@ops/core";
import { applyRerolls } from "./_lib/applyRerolls";
import { hasLoneSurrogate } from "../_lib/bytes";
import type { DrawCertificate, Winner } from "./DrawCertificateSchema";
import { parseCertificate } from "./_lib/parseCertificate";

/**
 * Replaces a winner who cannot take the prize (unreachable, declined, found ineligible) by
 * the next alternate, never by a new draw. The alternate takes the winner's tier; the
 * reroll is recorded in the returned certificate (with the reason), so that
 * {@link verifyDraw} can check it followed the order. The input is not changed.
 *
 * @param certificate - the current certificate
 * @param winnerId - the list id of the winner to replace
 * @param reason - why, published with the result
 * @returns a new certificate
 * @throws {OpsError} `not_found` if `winnerId` is not a current winner; `illegal_state` when no
 *   alternate is left; `invalid_argument` for a reason that is not a string of at most 2000
 *   characters; `corrupt_data` / `unsupported_version` for a bad certificate
 *
 * @example
 * ```ts
 * import { commitSeed, drawWinners, rerollWinner, verifyDraw } from "@ops/raffle";
 * const secret = "02".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "c", tiers: [{ name: "gift", count: 1 }], alternates: 2,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const entrants = [{ id: "qq::1" }, { id: "qq::2" }, { id: "qq::3" }];
 * const cert = drawWinners(spec, entrants, { secret });
 * const next = rerollWinner(cert, cert.winners[0]!.id, "did not answer within 7 days");
 * next.winners[0]!.id === cert.alternates[0]!.id && verifyDraw(next, entrants).ok;
 * // => true
 * ```
 */
export function rerollWinner(certificate: DrawCertificate, winnerId: string, reason: string): DrawCertificate {
  const fn = "rerollWinner";
  const cert = parseCertificate(certificate, fn);
  if (typeof reason !== "string" || reason.length > 2000 || hasLoneSurrogate(reason))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["reason"],
      rule: "must be a well-formed string of at most 2000 characters",
      received: reason,
    });
  const seat = cert.winners.find((w) => w.id === winnerId);
  if (seat === undefined)
    throw new OpsError({
      code: "not_found",
      fn,
      path: ["winnerId"],
      rule: "must be the list id of a current winner",
      received: winnerId,
    });
  const next = cert.alternates[0];
  if (next === undefined)
    throw new OpsError({
      code: "illegal_state",
      fn,
      path: ["certificate", "alternates"],
      rule: "has no alternate left to take the prize",
    });
  const reroll = {
    out: { rank: seat.rank, id: seat.id, weight: seat.weight, score: seat.score },
    in: next.id,
    reason,
  };
  const applied = applyRerolls(cert.winners, cert.alternates, [reroll]) as {
    winners: Winner[];
    alternates: DrawCertificate["alternates"];
  };
  return { ...cert, winners: applied.winners, alternates: applied.alternates, rerolls: [...cert.rerolls, reroll] };
}
