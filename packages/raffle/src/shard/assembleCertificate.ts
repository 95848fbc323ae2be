import { OpsError, parseOrThrow } from "@ops/core";
import * as z from "zod/mini";
import { DrandChainSchema, type DrandChain } from "../beacon/quicknet";
import { certificateOf } from "../_lib/certificateOf";
import { resolveRandomnessOrThrow, type DrawRandomness } from "../_lib/resolveRandomness";
import { fillTiers, placesNeeded } from "../_lib/select";
import { specHash as hashSpec } from "../canonical/specHash";
import type { DrawCertificate } from "../draw/DrawCertificateSchema";
import { drawSeed } from "../draw/drawSeed";
import { CampaignSpecSchema, type CampaignSpecInput } from "../spec/CampaignSpecSchema";
import { mergeShards } from "./mergeShards";
import type { ScoredShard } from "./scoreShard";

const Hex32 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 64 lower-case hex digits" })))();

/** Schema of a {@link ListSummary}. */
const ListSummarySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    root: Hex32,
    size: z.int().check(z.minimum(0)),
    totalWeight: z.int().check(z.minimum(0)),
    privacy: z.literal(["public", "pseudonymous"]),
  }))();

const AssembleOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ trustedChains: z.optional(z.array(DrandChainSchema).check(z.maxLength(100))) }))();

/** Options of {@link assembleCertificate}. */
export interface AssembleCertificateOptions {
  /** drand chains the caller trusts besides the pinned quicknet, as in {@link drawWinners}. */
  readonly trustedChains?: readonly DrandChain[];
}

/** What the coordinator of a sharded draw knows about the whole list. */
export interface ListSummary {
  readonly root: string;
  readonly size: number;
  readonly totalWeight: number;
  readonly privacy: "public" | "pseudonymous";
}

/**
 * Finishes a sharded draw: checks the randomness against the spec as {@link drawWinners}
 * does (a drand beacon must come verified from {@link verifyBeacon}; no BLS code is bundled
 * here), derives the seed, checks every shard was scored under it and that the shards cover
 * `list.size` entrants, merges their top-K and fills the tiers. The certificate is the one
 * {@link drawWinners} would return for the whole list.
 *
 * @param spec - the published spec
 * @param list - root, size, total weight and privacy mode of the whole list
 * @param randomness - the beacon as {@link verifyBeacon} returned it (its `value`), or `{ secret }`
 * @param shards - results of {@link scoreShard} over a partition of the list
 * @param options - trusted drand chains besides quicknet
 * @returns the certificate
 * @throws {OpsError} as {@link drawWinners} for spec and randomness; `invalid_argument` for a
 *   malformed list summary (root 64 hex digits, size and total weight whole numbers) or shard;
 *   `conflict` for shards scored under another seed or not covering the list, or a summary
 *   whose privacy differs from the spec's
 *
 * @example
 * ```ts
 * import { assembleCertificate, commitSeed, compileEntrants, drawSeed, drawWinners, scoreShard, specHash } from "@ops/raffle";
 * const secret = "0a".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "big", tiers: [{ name: "gift", count: 2 }], alternates: 1,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "commit", commitment: commitSeed(secret) }, privacy: "public",
 * } as const;
 * const list = compileEntrants(Array.from({ length: 50 }, (_, i) => ({ id: `qq::${i}` })));
 * const reveal = drawWinners(spec, [], { secret }).randomness.randomness;
 * const seed = drawSeed(specHash(spec), list.root, reveal);
 * const shards = [scoreShard(seed, { list, start: 0, end: 20 }, 3), scoreShard(seed, { list, start: 20, end: 50 }, 3)];
 * const cert = assembleCertificate(spec, { root: list.root, size: 50, totalWeight: 50, privacy: "public" }, { secret }, shards);
 * JSON.stringify(cert) === JSON.stringify(drawWinners(spec, list, { secret }));
 * // => true
 * ```
 */
export function assembleCertificate(
  spec: CampaignSpecInput,
  list: ListSummary,
  randomness: DrawRandomness,
  shards: readonly ScoredShard[],
  options: AssembleCertificateOptions = {},
): DrawCertificate {
  const fn = "assembleCertificate";
  const parsed = parseOrThrow(CampaignSpecSchema, spec, { fn, path: ["spec"] });
  const summary = parseOrThrow(ListSummarySchema, list, { fn, path: ["list"] });
  const opts = parseOrThrow(AssembleOptionsSchema, options, { fn, path: ["options"] });
  if (summary.privacy !== parsed.privacy)
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["list", "privacy"],
      rule: `must match the spec's privacy mode "${parsed.privacy}"`,
      received: summary.privacy,
    });
  const sHash = hashSpec(parsed);
  const resolved = resolveRandomnessOrThrow(parsed, randomness, fn, opts.trustedChains);
  const seed = drawSeed(sHash, summary.root, resolved.randomness);
  const merged = mergeShards(shards, placesNeeded(parsed)); // checks every shard's shape first
  shards.forEach((s, i) => {
    if (s.seed !== seed)
      throw new OpsError({
        code: "conflict",
        fn,
        path: ["shards", i, "seed"],
        rule: "must be the seed of this spec, list root and randomness",
        received: s.seed,
      });
  });
  const covered = shards.reduce((n, s) => n + s.size, 0);
  if (covered !== summary.size)
    throw new OpsError({
      code: "conflict",
      fn,
      path: ["shards"],
      rule: `must cover the list's ${summary.size} entrants`,
      received: covered,
    });
  const selection = fillTiers(parsed, [...merged]);
  return certificateOf(parsed, sHash, summary, resolved, seed, selection);
}
