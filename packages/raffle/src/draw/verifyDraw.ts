import {
  type ErrorPath,
  type Failure,
  failure,
  OpsError,
  parseOrThrow,
  type Verification,
  verification,
} from "@ops/core";
import * as z from "zod/mini";
import { applyRerolls } from "./_lib/applyRerolls";
import { hexToBytes } from "../_lib/bytes";
import { certificateRandomnessProblems } from "../_lib/certificateRandomness";
import { isEntrantList } from "../_lib/isEntrantList";
import { chainTrustOf } from "../_lib/resolveRandomness";
import { compareUtf8 } from "../_lib/utf8Order";
import { DrandChainSchema, type DrandChain } from "../beacon/quicknet";
import type { CampaignSpec } from "../spec/CampaignSpecSchema";
import { parseCertificate } from "./_lib/parseCertificate";
import { fillTiers, placesNeeded, selectFromList } from "../_lib/select";
import { specHash as hashSpec } from "../canonical/specHash";
import { compileEntrants, type EntrantInput, type EntrantList } from "../list/compileEntrants";
import type { Alternate, DrawCertificate, Winner } from "./DrawCertificateSchema";
import { drawSeed } from "./drawSeed";
import { entrantScore } from "./entrantScore";

/** Codes of the mismatches {@link verifyDraw} reports. */
export type DrawMismatchCode =
  | "spec_hash"
  | "expected_spec_hash"
  | "untrusted_chain"
  | "randomness"
  | "seed"
  | "list_root"
  | "expected_list_root"
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

/** Options of {@link verifyDraw}: what was published before the draw, and the chains the caller trusts. */
export interface VerifyDrawOptions {
  /** The spec hash the organiser published before entries opened (64 hex digits). */
  readonly expectedSpecHash?: string;
  /** The list root the organiser published after entries closed, before the randomness existed. */
  readonly expectedListRoot?: string;
  /**
   * drand chains (whole {@link DrandChain} values) the caller trusts besides the pinned
   * quicknet. A certificate on any other chain fails with `untrusted_chain`.
   */
  readonly trustedChains?: readonly DrandChain[];
}

/** What a successful {@link verifyDraw} established, and what it could not check. */
export interface DrawVerified {
  /** The certificate's format. */
  readonly format: "ops-raffle/v1" | "ops-raffle/v1.1";
  /** True when the full list was given, so that the whole ranking was re-run (nobody left out). */
  readonly listChecked: boolean;
  /** True when `expectedSpecHash` was given (and matched): the spec is the one published beforehand. */
  readonly specHashChecked: boolean;
  /** True when `expectedListRoot` was given (and matched): the list is the one committed before the randomness. */
  readonly listRootChecked: boolean;
  /**
   * drand: `"pinned"` (quicknet, pinned in this release) or `"caller"` (a chain the caller
   * passed in `trustedChains`); null for a committed secret (which needs trust in the organiser).
   */
  readonly chainTrust: "pinned" | "caller" | null;
}

const Hex32 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 64 lower-case hex digits" })))();

/** Schema of {@link VerifyDrawOptions}. */
const VerifyDrawOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    expectedSpecHash: z.optional(Hex32),
    expectedListRoot: z.optional(Hex32),
    trustedChains: z.optional(z.array(DrandChainSchema).check(z.maxLength(100))),
  }))();

/**
 * Re-runs a draw from its certificate and reports every field that does not match
 * (docs/raffle-spec.md §10).
 *
 * Always checked: the spec hash; the randomness (the beacon's BLS signature under the
 * spec's chain, with {@link verifyBeacon}, that the chain is quicknet (pinned) or in
 * `trustedChains`, and that its round is the one the spec fixes; or the secret against the
 * commitment); the seed; every listed score (recomputed from seed, id and weight, winners,
 * alternates and rerolled-out entrants); that winners and alternates are in ascending
 * (score, UTF-8 id) order, alternates listed in rank order, and fill the tiers as the spec
 * says; the cutoffs; the rerolls (each replaced a then-current winner, recorded as seated,
 * by the first unused alternate, in order). With `expectedSpecHash` / `expectedListRoot`
 * (published before the draw), also that the certificate is for that spec and list — without
 * them, a consistent redraw under another spec or list verifies. With the published list
 * (`entrants`: canonical ids, or pseudonyms in pseudonymous mode, with weights), also its
 * root, size and total weight and the full ranking — so that nobody with a better score was
 * left out.
 *
 * Reads `ops-raffle/v1` and `ops-raffle/v1.1` certificates.
 *
 * @param certificate - a certificate from {@link drawWinners} or {@link rerollWinner}
 * @param entrants - the published list, optional (`null` or `undefined`: not checked)
 * @param options - expected spec hash and list root, trusted chains
 * @returns a {@link Verification}: `ok(DrawVerified)`, or `err` with every {@link DrawMismatch}
 * @throws {OpsError} `unsupported_version` for a format this release cannot read;
 *   `corrupt_data` for a certificate that is not even well-formed (this includes a spec
 *   that names quicknet's chain hash with another key, period, genesis or scheme);
 *   `invalid_argument` for malformed options or list
 *
 * @example
 * ```ts
 * import { commitSeed, drawWinners, specHash, verifyDraw } from "@ops/raffle";
 * const secret = "01".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "c", tiers: [{ name: "gift", count: 1 }], alternates: 0,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const entrants = [{ id: "qq::1" }, { id: "qq::2" }];
 * const cert = drawWinners(spec, entrants, { secret });
 * const forged = { ...cert, winners: [{ ...cert.winners[0]!, id: cert.winners[0]!.id === "qq::1" ? "qq::2" : "qq::1" }] };
 * verifyDraw(forged, entrants).ok;
 * // => false
 * const checked = verifyDraw(cert, null, { expectedSpecHash: specHash(spec) });
 * checked.ok && [checked.value.specHashChecked, checked.value.listChecked];
 * // => [true, false]
 * ```
 */
export function verifyDraw(
  certificate: DrawCertificate,
  entrants?: readonly EntrantInput[] | EntrantList | null,
  options: VerifyDrawOptions = {},
): Verification<DrawVerified, DrawMismatchCode> {
  const fn = "verifyDraw";
  const cert = parseCertificate(certificate, fn);
  const opts = parseOrThrow(VerifyDrawOptionsSchema, options, { fn, path: ["options"] });
  if (
    entrants !== undefined &&
    entrants !== null &&
    !Array.isArray(entrants) &&
    !isEntrantList(entrants, fn, ["entrants"])
  )
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrants"],
      rule: "must be the published list (an array of { id, weight }), a compiled list, or null",
      received: entrants,
    });
  const spec = cert.spec;
  const out: DrawMismatch[] = [];
  const add = (code: DrawMismatchCode, message: string, path: ErrorPath): void => {
    out.push(failure(code, message, path));
  };
  if (hashSpec(spec) !== cert.specHash)
    add("spec_hash", "specHash is not SHA-256 of the spec's canonical JSON", ["specHash"]);
  if (opts.expectedSpecHash !== undefined && opts.expectedSpecHash !== cert.specHash)
    add("expected_spec_hash", "specHash is not the spec hash published before entries opened", ["specHash"]);
  if (opts.expectedListRoot !== undefined && opts.expectedListRoot !== cert.list.root)
    add("expected_list_root", "the list root is not the one published before the randomness existed", ["list", "root"]);
  if (cert.list.privacy !== spec.privacy)
    add("list_privacy", `the list is ${cert.list.privacy} but the spec says ${spec.privacy}`, ["list", "privacy"]);
  const r = cert.randomness;
  for (const problem of certificateRandomnessProblems(spec, r, opts.trustedChains))
    add(problem.code ?? "randomness", problem.message, problem.path);
  if (drawSeed(cert.specHash, cert.list.root, r.randomness) !== cert.seed)
    add("seed", "seed is not SHA-256(tag ‖ specHash ‖ listRoot ‖ randomness)", ["seed"]);
  // Scores of what the certificate lists (checked with the certificate's own seed).
  const listed = [
    ...cert.winners.map((w, i) => ({ ...w, path: ["winners", i] })),
    ...cert.alternates.map((a, i) => ({ ...a, path: ["alternates", i] })),
    ...cert.rerolls.map((x, i) => ({ ...x.out, path: ["rerolls", i, "out"] })),
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
    add("reroll", "the rerolls cannot be undone: a replacement is not a current winner", ["rerolls"]);
  } else {
    checkOriginal(spec, cert, original, add);
    if (entrants !== undefined && entrants !== null) {
      const list = isEntrantList(entrants, fn, ["entrants"])
        ? entrants
        : compileEntrants(entrants, { maxWeight: spec.weights.max });
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
  return verification(
    {
      format: cert.format,
      listChecked: entrants !== undefined && entrants !== null,
      specHashChecked: opts.expectedSpecHash !== undefined,
      listRootChecked: opts.expectedListRoot !== undefined,
      chainTrust: spec.randomness.kind === "drand" ? chainTrustOf(spec.randomness.chain.hash) : null,
    },
    out,
  );
}

type Add = (code: DrawMismatchCode, message: string, path: ErrorPath) => void;

/** §10 step 5: the selection before rerolls is a ranking that fills the tiers, and replaying the rerolls gives the certificate. */
function checkOriginal(
  spec: CampaignSpec,
  cert: DrawCertificate,
  original: { winners: Winner[]; alternates: Alternate[] },
  add: Add,
): void {
  const inOrder = (xs: readonly { rank: number }[]): boolean =>
    xs.every((x, i) => i === 0 || (xs[i - 1] as { rank: number }).rank < x.rank);
  if (!inOrder(original.winners))
    add("ranking", "winners are not listed in rank order (each seat keeps its place when rerolled)", ["winners"]);
  if (!inOrder(original.alternates))
    add("alternates", "alternates are not listed in rank order, or a reroll did not take the first unused alternate", [
      "alternates",
    ]);
  const ranked = [...original.winners, ...original.alternates].sort((a, b) => a.rank - b.rank);
  ranked.forEach((e, i) => {
    if (e.rank !== i + 1)
      add("ranking", `ranks must run 1, 2, 3 … without gaps; found ${e.rank} at place ${i + 1}`, ["winners"]);
    const prev = ranked[i - 1];
    if (prev && !(prev.score < e.score || (prev.score === e.score && compareUtf8(prev.id, e.id) < 0)))
      add("ranking", `${e.id} is ranked after ${prev.id} but does not score higher (score, then UTF-8 id)`, [
        "winners",
      ]);
  });
  const enough = Math.min(placesNeeded(spec), cert.list.size);
  if (ranked.length !== enough)
    add("tiers", `the certificate ranks ${ranked.length} entrants; the spec and list size call for ${enough}`, [
      "winners",
    ]);
  const expected = fillTiers(spec, ranked);
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
  return { winners, alternates };
}
