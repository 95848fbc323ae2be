import { type ErrorPath, type Failure, failure, type Verification, verification } from "@ops/core";
import { applyRerolls } from "../_lib/applyRerolls";
import { hexToBytes } from "../_lib/bytes";
import { certificateRandomnessProblems } from "../_lib/certificateRandomness";
import { isEntrantList } from "../_lib/isEntrantList";
import { parseCertificate } from "../_lib/parseCertificate";
import { fillTiers, placesNeeded, selectFromList } from "../_lib/select";
import { specHash as hashSpec } from "../canonical/specHash";
import { compileEntrants, type EntrantInput, type EntrantList } from "../list/compileEntrants";
import type { DrawCertificate } from "./DrawCertificateSchema";
import { drawSeed } from "./drawSeed";
import { entrantScore } from "./entrantScore";

/** Codes of the mismatches {@link verifyDraw} reports. */
export type DrawMismatchCode =
  | "spec_hash"
  | "randomness"
  | "seed"
  | "list_root"
  | "list_privacy"
  | "list_size"
  | "total_weight"
  | "score"
  | "ranking"
  | "tiers"
  | "winners"
  | "alternates"
  | "cutoffs"
  | "reroll";

/** One thing in a certificate that does not match a re-run. */
export type DrawMismatch = Failure<DrawMismatchCode>;

/** What a successful {@link verifyDraw} could check. */
export interface DrawVerified {
  /** True when the full list was given, so that the whole ranking was re-run. */
  readonly listChecked: boolean;
}

/**
 * Re-runs a draw from its certificate and reports every field that does not match.
 *
 * Always checked: the spec hash; the randomness (the beacon's BLS signature under the
 * spec's chain, with {@link verifyBeacon}, and that its round is the one the spec fixes, or
 * the secret against the commitment); the seed; every
 * listed score (recomputed from seed, id and weight); that winners and alternates are in
 * ascending (score, id) order and fill the tiers as the spec says; the cutoffs; the
 * rerolls. With the published list (`entrants`: canonical ids, or pseudonyms in
 * pseudonymous mode, with weights), also its root, size and total weight and the full
 * ranking — so that nobody with a better score was left out.
 *
 * @param certificate - a certificate from {@link drawWinners} or {@link rerollWinner}
 * @param entrants - the published list, optional
 * @returns a {@link Verification}: `ok({ listChecked })`, or `err` with every {@link DrawMismatch}
 * @throws {OpsError} `unsupported_version` for a format this release cannot read;
 *   `corrupt_data` for a certificate that is not even well-formed
 *
 * @example
 * ```ts
 * import { commitSeed, drawWinners, verifyDraw } from "@ops/raffle";
 * const secret = "01".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1", campaignId: "c", tiers: [{ name: "gift", count: 1 }], alternates: 0,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const entrants = [{ id: "qq::1" }, { id: "qq::2" }];
 * const cert = drawWinners(spec, entrants, { secret });
 * const forged = { ...cert, winners: [{ ...cert.winners[0]!, id: cert.winners[0]!.id === "qq::1" ? "qq::2" : "qq::1" }] };
 * verifyDraw(forged, entrants).ok;
 * // => false
 * ```
 */
export function verifyDraw(
  certificate: DrawCertificate,
  entrants?: readonly EntrantInput[] | EntrantList,
): Verification<DrawVerified, DrawMismatchCode> {
  const cert = parseCertificate(certificate, "verifyDraw");
  const spec = cert.spec;
  const out: DrawMismatch[] = [];
  const add = (code: DrawMismatchCode, message: string, path: ErrorPath): void => {
    out.push(failure(code, message, path));
  };
  if (hashSpec(spec) !== cert.specHash)
    add("spec_hash", "specHash is not SHA-256 of the spec's canonical JSON", ["specHash"]);
  if (cert.list.privacy !== spec.privacy)
    add("list_privacy", `the list is ${cert.list.privacy} but the spec says ${spec.privacy}`, ["list", "privacy"]);
  const r = cert.randomness;
  for (const problem of certificateRandomnessProblems(spec, r)) add("randomness", problem.message, problem.path);
  if (drawSeed(cert.specHash, cert.list.root, r.randomness) !== cert.seed)
    add("seed", "seed is not SHA-256(tag ‖ specHash ‖ listRoot ‖ randomness)", ["seed"]);
  // Scores and order of what the certificate lists (checked with the certificate's own seed).
  const listed = [
    ...cert.winners.map((w, i) => ({ ...w, path: ["winners", i] })),
    ...cert.alternates.map((a, i) => ({ ...a, path: ["alternates", i] })),
  ];
  for (const e of listed) {
    if (e.weight > spec.weights.max)
      add("score", `weight ${e.weight} is above the spec's weights.max`, [...e.path, "weight"]);
    else if (entrantScore(cert.seed, e.id, e.weight) !== e.score)
      add("score", `score of ${e.id} does not follow from seed, id and weight`, [...e.path, "score"]);
  }
  // Undo rerolls to recover the original selection, then check it is a valid fill.
  const original = undoRerolls(cert);
  if (original === null) {
    add("reroll", "the rerolls cannot be undone: an entrant appears twice or a replacement is unknown", ["rerolls"]);
  } else {
    const ranked = [...original.winners, ...original.alternates].sort((a, b) => a.rank - b.rank);
    const expected = fillTiers(spec, ranked);
    ranked.forEach((e, i) => {
      if (e.rank !== i + 1)
        add("ranking", `ranks must run 1, 2, 3 … without gaps; found ${e.rank} at place ${i + 1}`, ["winners"]);
      const prev = ranked[i - 1];
      if (prev && !(prev.score < e.score || (prev.score === e.score && prev.id < e.id)))
        add("ranking", `${e.id} is ranked after ${prev.id} but does not score higher`, ["winners"]);
    });
    const enough = Math.min(placesNeeded(spec), cert.list.size);
    if (ranked.length !== enough)
      add("tiers", `the certificate ranks ${ranked.length} entrants; the spec and list size call for ${enough}`, [
        "winners",
      ]);
    if (!sameWinners(expected.winners, original.winners))
      add("tiers", "winners do not fill the spec's tiers in rank order", ["winners"]);
    if (JSON.stringify(expected.cutoffs) !== JSON.stringify(cert.cutoffs))
      add("cutoffs", "cutoffs are not the worst winning score of each tier", ["cutoffs"]);
    const replay = applyRerolls(original.winners, original.alternates, cert.rerolls);
    if ("bad" in replay) add("reroll", replay.reason, ["rerolls", replay.bad]);
    else if (
      !sameWinners(replay.winners, cert.winners) ||
      JSON.stringify(replay.alternates) !== JSON.stringify(cert.alternates)
    ) {
      add("reroll", "winners and alternates are not what the rerolls give", ["winners"]);
    }
    if (entrants !== undefined) {
      const list = isEntrantList(entrants) ? entrants : compileEntrants(entrants, { maxWeight: spec.weights.max });
      if (list.root !== cert.list.root)
        add("list_root", "the given list's Merkle root differs from the certificate's", ["list", "root"]);
      if (list.size !== cert.list.size)
        add("list_size", `the given list has ${list.size} entrants, the certificate says ${cert.list.size}`, [
          "list",
          "size",
        ]);
      if (list.totalWeight !== cert.list.totalWeight)
        add(
          "total_weight",
          `the given list's total weight is ${list.totalWeight}, the certificate says ${cert.list.totalWeight}`,
          ["list", "totalWeight"],
        );
      const rerun = selectFromList(spec, list, hexToBytes(cert.seed));
      if (!sameWinners(rerun.winners, original.winners))
        add("winners", "re-running the draw over the list gives other winners", ["winners"]);
      if (JSON.stringify(rerun.alternates) !== JSON.stringify(original.alternates))
        add("alternates", "re-running the draw over the list gives other alternates", ["alternates"]);
    }
  }
  return verification({ listChecked: entrants !== undefined }, out);
}

function sameWinners(
  a: readonly DrawCertificate["winners"][number][],
  b: readonly DrawCertificate["winners"][number][],
): boolean {
  return JSON.stringify(a.map(key)) === JSON.stringify(b.map(key));
}

function key(w: DrawCertificate["winners"][number]): unknown[] {
  return [w.tier, w.tierIndex, w.rank, w.id, w.weight, w.score];
}

/** Reverses the rerolls: each `in` goes back to the alternates, each `out` back to its seat. */
function undoRerolls(
  cert: DrawCertificate,
): { winners: DrawCertificate["winners"]; alternates: DrawCertificate["alternates"] } | null {
  const winners = cert.winners.map((w) => ({ ...w }));
  const alternates = cert.alternates.map((a) => ({ ...a }));
  for (let r = cert.rerolls.length - 1; r >= 0; r--) {
    const reroll = cert.rerolls[r] as DrawCertificate["rerolls"][number];
    const at = winners.findIndex((w) => w.id === reroll.in);
    if (at < 0) return null;
    const seat = winners[at] as DrawCertificate["winners"][number];
    alternates.unshift({ rank: seat.rank, id: seat.id, weight: seat.weight, score: seat.score });
    winners[at] = { ...reroll.out, tier: seat.tier, tierIndex: seat.tierIndex };
  }
  winners.sort((a, b) => a.rank - b.rank);
  return { winners, alternates };
}
