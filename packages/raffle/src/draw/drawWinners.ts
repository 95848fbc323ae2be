import { OpsError } from "@ops/core";
import { hexToBytes } from "../_lib/bytes";
import { certificateOf } from "../_lib/certificateOf";
import { checkSpec } from "../_lib/checkSpec";
import { hashSpec } from "../_lib/hashSpec";
import { isEntrantList } from "../_lib/isEntrantList";
import { resolveRandomnessOrThrow, type DrawRandomness } from "../_lib/resolveRandomness";
import { selectFromList } from "../_lib/select";
import { compileEntrants, type EntrantInput, type EntrantList } from "../list/compileEntrants";
import type { DrandChain } from "../beacon/quicknet";
import type { CampaignSpec, CampaignSpecInput } from "../spec/CampaignSpecSchema";
import type { DrawCertificate } from "./DrawCertificateSchema";
import { drawSeed } from "./drawSeed";

export type { DrawRandomness } from "../_lib/resolveRandomness";

/** Options of {@link drawWinners}. */
export interface DrawWinnersOptions {
  /** The audit key (64 hex digits), needed to compile raw entrants in pseudonymous mode. */
  readonly auditKey?: string;
  /** Receives the number of SHA-256 computations (leaves, nodes, scores) for benchmarks. */
  readonly counter?: { hashes: number };
  /**
   * drand chains the caller trusts besides the pinned quicknet (whole {@link DrandChain}
   * values). A spec on any other chain is refused; the certificate of a draw on a trusted
   * chain records `randomness.chainTrust: "caller"`.
   */
  readonly trustedChains?: readonly DrandChain[];
}

/**
 * Runs a draw and returns its certificate (format `ops-raffle/v1.1`, `type: "draw"`).
 *
 * Steps (docs/raffle-spec.md): validate the spec and hash it; build the canonical entrant
 * list and its Merkle root (or take a compiled {@link EntrantList}); check the randomness
 * — a beacon that {@link verifyBeacon} accepted, of exactly the round the spec fixes and
 * verified under the spec's chain, or the secret that opens the spec's commitment;
 * `seed = SHA-256(tag ‖ specHash ‖ listRoot ‖ randomness)`; score every entrant (min over
 * its chances of SHA-256(tag ‖ seed ‖ id ‖ u32be(j))); rank by (score, id bytes) ascending;
 * fill the tiers in order, then the alternates. Each list id appears once in the ranking,
 * so nobody wins twice. If there are fewer entrants than places, the later places stay
 * empty (a tier's cutoff is null when it has no winner).
 *
 * drand randomness is given as the `value` of {@link verifyBeacon}, never as the raw JSON:
 * the BLS12-381 check lives in `verifyBeacon` (and {@link verifyDraw}), so `drawWinners`
 * does not import @noble/curves and a bundle of it holds none of the curve code (about
 * 27 kB min+gz) — the drand path only checks the verified beacon's brand, chain and round. A beacon that was not verified (beacon JSON, a copy, a hand-made object) is
 * refused, and so is one verified under another chain than the spec's.
 *
 * @param spec - the published campaign spec (may be written `as const`)
 * @param entrants - raw `{ id, weight }` entrants or a compiled list
 * @param randomness - `verifyBeacon(json, spec.randomness.chain).value` for a drand spec,
 *   or `{ secret }` for a commit spec
 * @param options - audit key (pseudonymous mode), hash counter
 * @returns the certificate
 * @throws {OpsError} `invalid_argument` for a bad spec, entrant or randomness (a beacon
 *   that `verifyBeacon` did not return, one verified under another chain, or a secret where
 *   the spec names a beacon); `out_of_range` for a beacon round earlier than the spec
 *   allows; `conflict` for a compiled list whose privacy mode or weights do not fit the
 *   spec, a later round than the spec fixes, or a secret that does not open the commitment;
 *   `duplicate` for one id with two weights
 *
 * @example
 * ```ts
 * import { commitSeed, drawWinners, verifyDraw } from "@ops/raffle";
 * const secret = "5e".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "mug-draw", tiers: [{ name: "mug", count: 2 }], alternates: 1,
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
 *
 * @example
 * ```ts
 * import { drawWinners, QUICKNET, verifyBeacon } from "@ops/raffle";
 * // quicknet round 1000 was published at 1692806364 s; the spec fixes it (close + 60 s)
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "drand-draw", tiers: [{ name: "mug", count: 1 }], alternates: 0,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" },
 *   closeAt: 1692806304000, randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 }, privacy: "public",
 * } as const;
 * const json = {
 *   round: 1000,
 *   signature: "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39",
 * };
 * const beacon = verifyBeacon(json, spec.randomness.chain);
 * if (!beacon.ok) throw new Error(beacon.error.map((f) => f.message).join("; "));
 * const { randomness } = drawWinners(spec, [{ id: "qq::1" }, { id: "qq::2" }], beacon.value);
 * randomness.kind === "drand" && randomness.round;
 * // => 1000
 * ```
 */
export function drawWinners(
  spec: CampaignSpecInput,
  entrants: readonly EntrantInput[] | EntrantList,
  randomness: DrawRandomness,
  options: DrawWinnersOptions = {},
): DrawCertificate {
  const fn = "drawWinners";
  checkOptions(options);
  const parsed = specOrThrow(spec);
  const sHash = hashSpec(parsed);
  const list = isEntrantList(entrants, "drawWinners", ["entrants"])
    ? checkList(entrants, parsed.privacy, parsed.weights.max)
    : compileEntrants(entrants, {
        privacy: parsed.privacy,
        maxWeight: parsed.weights.max,
        ...(options.auditKey === undefined ? {} : { auditKey: options.auditKey }),
      });
  const resolved = resolveRandomnessOrThrow(parsed, randomness, fn, options.trustedChains);
  const seed = drawSeed(sHash, list.root, resolved.randomness);
  if (options.counter) options.counter.hashes += 2 * list.size - (list.size > 0 ? 1 : 0);
  const selection = selectFromList(parsed, list, hexToBytes(seed), options.counter);
  return certificateOf(parsed, sHash, list, resolved, seed, selection);
}

/**
 * The spec checked as `parseOrThrow(CampaignSpecSchema, spec, …)` checks it — same result,
 * same error code, path, message and received value — by the zod-free mirror of the schema.
 */
function specOrThrow(spec: CampaignSpecInput): CampaignSpec {
  const checked = checkSpec(spec);
  if (checked.ok) return checked.value;
  const { path, rule, received } = checked.issue;
  throw new OpsError({ code: "invalid_argument", fn: "drawWinners", path: ["spec", ...path], rule, received });
}

/** The options' types (no zod here: drawWinners' bundle stays small). */
function checkOptions(options: DrawWinnersOptions): void {
  const bad = (path: (string | number)[], rule: string, received: unknown): never => {
    throw new OpsError({ code: "invalid_argument", fn: "drawWinners", path: ["options", ...path], rule, received });
  };
  if (typeof options !== "object" || options === null || Array.isArray(options))
    bad([], "must be an object of options", options);
  const { counter, trustedChains } = options;
  if (
    counter !== undefined &&
    (typeof counter !== "object" || counter === null || !Number.isSafeInteger(counter.hashes))
  )
    bad(["counter"], "must be an object { hashes } holding a whole number", counter);
  if (trustedChains === undefined) return;
  if (!Array.isArray(trustedChains) || trustedChains.length > 100)
    bad(["trustedChains"], "must be an array of at most 100 drand chains", trustedChains);
  trustedChains.forEach((chain, i) => {
    const c = chain as unknown as Record<string, unknown> | null;
    const ok =
      typeof c === "object" &&
      c !== null &&
      typeof c.hash === "string" &&
      /^[0-9a-f]{64}$/.test(c.hash) &&
      typeof c.publicKey === "string" &&
      /^[0-9a-f]{192}$/.test(c.publicKey) &&
      Number.isInteger(c.period) &&
      Number.isInteger(c.genesisTime) &&
      c.scheme === "bls-unchained-g1-rfc9380";
    if (!ok) bad(["trustedChains", i], "must be a drand chain { hash, publicKey, period, genesisTime, scheme }", chain);
  });
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
