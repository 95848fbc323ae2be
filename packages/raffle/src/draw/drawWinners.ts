import { hexToBytes } from "@noble/hashes/utils.js";
import { OpsError, parseOrThrow } from "@ops/core";
import { isEntrantList } from "../_lib/isEntrantList";
import { certificateOf } from "../_lib/certificateOf";
import { resolveRandomnessOrThrow, type DrawRandomness } from "../_lib/resolveRandomness";
import { selectFromList } from "../_lib/select";
import { specHash as hashSpec } from "../canonical/specHash";
import { compileEntrants, type EntrantInput, type EntrantList } from "../list/compileEntrants";
import { CampaignSpecSchema, type CampaignSpecInput } from "../spec/CampaignSpecSchema";
import type { DrawCertificate } from "./DrawCertificateSchema";
import { drawSeed } from "./drawSeed";

export type { DrawRandomness } from "../_lib/resolveRandomness";

/** Options of {@link drawWinners}. */
export interface DrawWinnersOptions {
  /** The audit key (64 hex digits), needed to compile raw entrants in pseudonymous mode. */
  readonly auditKey?: string;
  /** Receives the number of SHA-256 computations (leaves, nodes, scores) for benchmarks. */
  readonly counter?: { hashes: number };
}

/**
 * Runs a draw and returns its certificate (format `ops-raffle/v1`).
 *
 * Steps (docs/raffle-spec.md): validate the spec and hash it; build the canonical entrant
 * list and its Merkle root (or take a compiled {@link EntrantList}); check the randomness
 * — the drand beacon of exactly the round the spec fixes, BLS-verified, or the secret
 * that opens the spec's commitment; `seed = SHA-256(tag ‖ specHash ‖ listRoot ‖ randomness)`;
 * score every entrant (min over its chances of SHA-256(tag ‖ seed ‖ id ‖ u32be(j))); rank by
 * (score, id bytes) ascending; fill the tiers in order, then the alternates. Each list id
 * appears once in the ranking, so nobody wins twice. If there are fewer entrants than
 * places, the later places stay empty (a tier's cutoff is null when it has no winner).
 *
 * @param spec - the published campaign spec
 * @param entrants - raw `{ id, weight }` entrants or a compiled list
 * @param randomness - the drand beacon JSON, or `{ secret }` for a commit source
 * @param options - audit key (pseudonymous mode), hash counter
 * @returns the certificate
 * @throws {OpsError} `invalid_argument` for a bad spec, entrant or randomness (including a
 *   forged beacon or one from another chain); `out_of_range` for a beacon round earlier than
 *   the spec allows; `conflict` for a compiled list whose privacy mode or weights do not fit
 *   the spec, a later round than the spec fixes, or a secret that does not open the commitment;
 *   `duplicate` for one id with two weights
 *
 * @example
 * ```ts
 * import { commitSeed, drawWinners, verifyDraw } from "@ops/raffle";
 * const secret = "5e".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1", campaignId: "mug-draw", tiers: [{ name: "mug", count: 2 }], alternates: 1,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 3, rule: "1 + reposts, at most 3" },
 *   closeAt: 1772933400000, randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const entrants = [{ id: "weibo::1" }, { id: "weibo::2", weight: 3 }, { id: "douyin:app1:x9" }, { id: "qq::42" }];
 * const cert = drawWinners(spec, entrants, { secret });
 * [cert.winners.length, cert.alternates.length];
 * // => [2, 1]
 * verifyDraw(cert, entrants).ok;
 * // => true
 * ```
 */
export function drawWinners(
  spec: CampaignSpecInput,
  entrants: readonly EntrantInput[] | EntrantList,
  randomness: DrawRandomness,
  options: DrawWinnersOptions = {},
): DrawCertificate {
  const fn = "drawWinners";
  const parsed = parseOrThrow(CampaignSpecSchema, spec, { fn, path: ["spec"] });
  const sHash = hashSpec(parsed);
  const list = isEntrantList(entrants)
    ? checkList(entrants, parsed.privacy, parsed.weights.max)
    : compileEntrants(entrants, {
        privacy: parsed.privacy,
        maxWeight: parsed.weights.max,
        ...(options.auditKey === undefined ? {} : { auditKey: options.auditKey }),
      });
  const resolved = resolveRandomnessOrThrow(parsed, randomness, fn);
  const seed = drawSeed(sHash, list.root, resolved.randomness);
  if (options.counter) options.counter.hashes += 2 * list.size - (list.size > 0 ? 1 : 0);
  const selection = selectFromList(parsed, list, hexToBytes(seed), options.counter);
  return certificateOf(parsed, sHash, list, resolved, seed, selection);
}

function checkList(list: EntrantList, privacy: "public" | "pseudonymous", maxWeight: number): EntrantList {
  if (list.privacy !== privacy) {
    throw new OpsError({
      code: "conflict",
      fn: "drawWinners",
      path: ["entrants", "privacy"],
      rule: `must match the spec's privacy mode "${privacy}"`,
      received: list.privacy,
    });
  }
  for (let i = 0; i < list.size; i++) {
    if ((list.weights[i] as number) > maxWeight) {
      throw new OpsError({
        code: "conflict",
        fn: "drawWinners",
        path: ["entrants", i, "weight"],
        rule: `must be ≤ the spec's weights.max ${maxWeight}`,
        received: list.weights[i],
      });
    }
  }
  return list;
}
