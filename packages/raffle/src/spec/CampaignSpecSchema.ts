import * as z from "zod/mini";
import type { ReadonlyDeep } from "@ops/core";
import { PINNED_RULE, pinnedChainProblem } from "../_lib/knownChains";
import { DrandChainSchema } from "../beacon/quicknet";
import { EligibilityRulesSchema } from "../eligibility/EligibilityRulesSchema";

/**
 * The format tag of a certificate written by this release, `"ops-raffle/v1.1"`
 * (docs/raffle-spec.md §9). Readers accept `"ops-raffle/v1"` and `"ops-raffle/v1.1"`
 * specs and certificates; the hashing and the draw are the same in both.
 */
export const RAFFLE_FORMAT = "ops-raffle/v1.1";

/** What a spec's `format` must be. */
const SPEC_FORMAT_RULE = 'must be "ops-raffle/v1.1" or "ops-raffle/v1"';

/** Tier names identify tiers in cutoffs and announcements: no two tiers share one. */
const DUPLICATE_TIER_RULE = "must not give two tiers the same name";

const Name = /* @__PURE__ */ (() =>
  z.string().check(z.minLength(1, { error: "must be a non-empty name" }), z.maxLength(200)))();
const Hex32 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 32 bytes as 64 lower-case hex digits" })))();

/** Schema of one prize tier: a name and how many winners it has. */
export const PrizeTierSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: Name,
    count: z
      .int({ error: "must be a whole number of winners" })
      .check(z.minimum(1, { error: "must be ≥ 1" }), z.maximum(100_000)),
  }))();

/**
 * Schema of a draw's randomness source: a drand beacon round fixed by the close time
 * (`round = first round at or after closeAt + delaySeconds`), or a pre-committed seed
 * (`commitment = SHA-256(tag ‖ secret)`, for tests and offline draws — weaker: the
 * organiser knows the secret before entries close).
 */
export const RandomnessSourceSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("drand"),
      // known chains are pinned whole (docs/raffle-spec.md §6.1)
      chain: DrandChainSchema.check(z.refine((chain) => pinnedChainProblem(chain) === null, { error: PINNED_RULE })),
      delaySeconds: z.int().check(z.minimum(0, { error: "must be whole seconds ≥ 0" }), z.maximum(30 * 86_400)),
    }),
    z.strictObject({ kind: z.literal("commit"), commitment: Hex32 }),
  ]))();

/**
 * Schema of a campaign spec, published (with its {@link specHash}) before entries close.
 *
 * - `tiers`: prize tiers in order of rank (first tier = best scores), 1 to 100, names
 *   distinct;
 * - `alternates`: how many runners-up are ranked after the tiers, for rerolls;
 * - `eligibility`: the entry rules and their version (see {@link checkEligibility});
 * - `weights.max`: the largest number of chances an entrant may hold (integers ≥ 1), and a
 *   human description of the rule that grants extra chances;
 * - `closeAt`: epoch milliseconds after which entries are not accepted;
 * - `randomness`: see {@link RandomnessSourceSchema};
 * - `privacy`: `"public"` lists canonical ids, `"pseudonymous"` lists keyed hashes of them.
 *
 * @example
 * ```ts
 * import { CampaignSpecSchema, QUICKNET } from "@ops/raffle";
 * const spec = CampaignSpecSchema.parse({
 *   format: "ops-raffle/v1.1",
 *   campaignId: "spring-lipstick-2026",
 *   tiers: [{ name: "500-yuan voucher", count: 1 }, { name: "sample kit", count: 10 }],
 *   alternates: 3,
 *   eligibility: { ruleVersion: "1", rules: { mustFollow: true, mustRepost: true } },
 *   weights: { max: 1, rule: "one chance each" },
 *   closeAt: 1772933400000,
 *   randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
 *   privacy: "public",
 * });
 * spec.tiers.length;
 * // => 2
 * ```
 */
export const CampaignSpecSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z.literal(["ops-raffle/v1.1", "ops-raffle/v1"], { error: SPEC_FORMAT_RULE }),
    campaignId: Name,
    title: z.optional(z.string().check(z.maxLength(1000))),
    tiers: z.array(PrizeTierSchema).check(
      z.minLength(1, { error: "must list at least one prize tier" }),
      z.maxLength(100),
      z.refine((tiers) => new Set(tiers.map((t) => t.name)).size === tiers.length, { error: DUPLICATE_TIER_RULE }),
    ),
    alternates: z.int().check(z.minimum(0, { error: "must be a whole number ≥ 0" }), z.maximum(100_000)),
    eligibility: z.strictObject({ ruleVersion: Name, rules: EligibilityRulesSchema }),
    weights: z.strictObject({
      max: z
        .int()
        .check(
          z.minimum(1, { error: "must be a whole number ≥ 1" }),
          z.maximum(1_000_000, { error: "must be ≤ 1000000" }),
        ),
      rule: z.string().check(z.maxLength(2000)),
    }),
    closeAt: z.int({ error: "must be integer epoch milliseconds" }).check(z.minimum(0), z.maximum(8.64e15)),
    randomness: RandomnessSourceSchema,
    privacy: z.literal(["public", "pseudonymous"], { error: 'must be "public" or "pseudonymous"' }),
  }))();

/** A validated campaign spec; see {@link CampaignSpecSchema}. */
export type CampaignSpec = z.output<typeof CampaignSpecSchema>;
/**
 * A campaign spec as callers write it (before validation). Arrays and objects may be
 * read-only, so a spec written `as const` is accepted as it is.
 */
export type CampaignSpecInput = ReadonlyDeep<z.input<typeof CampaignSpecSchema>>;
/** One prize tier. */
export type PrizeTier = z.output<typeof PrizeTierSchema>;
/** A randomness source; see {@link RandomnessSourceSchema}. */
export type RandomnessSource = z.output<typeof RandomnessSourceSchema>;
