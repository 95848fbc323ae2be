import * as z from "zod/mini";
import { CampaignSpecSchema } from "../spec/CampaignSpecSchema";

const Hex32 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 64 lower-case hex digits" })))();
const Count = /* @__PURE__ */ (() => z.int().check(z.minimum(0)))();
const Rank = /* @__PURE__ */ (() => z.int().check(z.minimum(1)))();
const Weight = /* @__PURE__ */ (() => z.int().check(z.minimum(1)))();
const ListId = /* @__PURE__ */ (() => z.string().check(z.minLength(1)))();

/** Schema of one winner in a certificate. */
export const WinnerSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    tier: z.string(),
    tierIndex: Count,
    /** 1-based place in the overall ranking. */
    rank: Rank,
    id: ListId,
    weight: Weight,
    score: Hex32,
  }))();

/** Schema of one alternate (runner-up) in a certificate. */
export const AlternateSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    rank: Rank,
    id: ListId,
    weight: Weight,
    score: Hex32,
  }))();

/** Rule of a certificate's version-dependent members (docs/raffle-spec.md §9). */
const VERSION_RULE =
  'an "ops-raffle/v1.1" certificate has "type": "draw" and, for drand, "randomness.chainTrust"; an "ops-raffle/v1" certificate has neither';

/**
 * Schema of a draw certificate, format `ops-raffle/v1.1` (or the older `ops-raffle/v1`,
 * still read): everything needed to re-run and check a draw — the spec and its hash, the
 * list's root, size and total weight, the randomness (the beacon, or the revealed secret),
 * the seed, the winners with their scores, the alternates in rank order, the cutoff score
 * of each tier (the worst winning score in it, before rerolls) and the rerolls. See
 * docs/raffle-spec.md §9.
 *
 * v1.1 adds `"type": "draw"` (quiz and award certificates carry `"quiz"` / `"award"`) and,
 * for a drand draw, `randomness.chainTrust`: `"pinned"` when the chain is one this release
 * pins (quicknet), `"caller"` when the drawer passed it in `trustedChains`. A v1 certificate
 * has neither member (it is a draw). Unknown members are refused everywhere.
 *
 * @example
 * ```ts
 * import { DrawCertificateSchema } from "@ops/raffle";
 * DrawCertificateSchema.safeParse({ format: "ops-raffle/v0" }).success;
 * // => false
 * ```
 */
export const DrawCertificateSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      format: z.literal(["ops-raffle/v1.1", "ops-raffle/v1"]),
      type: z.optional(z.literal("draw")),
      spec: CampaignSpecSchema,
      specHash: Hex32,
      list: z.strictObject({
        root: Hex32,
        size: Count,
        totalWeight: Count,
        privacy: z.literal(["public", "pseudonymous"]),
      }),
      randomness: z.discriminatedUnion("kind", [
        z.strictObject({
          kind: z.literal("drand"),
          chainHash: Hex32,
          round: Rank,
          signature: z.string().check(z.regex(/^[0-9a-f]+$/)),
          randomness: Hex32,
          chainTrust: z.optional(z.literal(["pinned", "caller"])),
        }),
        z.strictObject({ kind: z.literal("commit"), secret: Hex32, randomness: Hex32 }),
      ]),
      seed: Hex32,
      winners: z.array(WinnerSchema),
      alternates: z.array(AlternateSchema),
      cutoffs: z.array(z.strictObject({ tier: z.string(), score: z.nullable(Hex32) })),
      rerolls: z.array(
        z.strictObject({ out: AlternateSchema, in: z.string(), reason: z.string().check(z.maxLength(2000)) }),
      ),
    })
    .check(z.refine(versionMembersAgree, { error: VERSION_RULE })))();

function versionMembersAgree(c: {
  readonly format: string;
  readonly type?: string | undefined;
  readonly randomness: { readonly kind: string; readonly chainTrust?: string | undefined };
}): boolean {
  const v11 = c.format === "ops-raffle/v1.1";
  const trust = c.randomness.kind === "drand" ? c.randomness.chainTrust !== undefined : false;
  return v11 ? c.type === "draw" && trust === (c.randomness.kind === "drand") : c.type === undefined && !trust;
}

/** A draw certificate; see {@link DrawCertificateSchema}. */
export type DrawCertificate = z.output<typeof DrawCertificateSchema>;
/** One winner. */
export type Winner = z.output<typeof WinnerSchema>;
/** One alternate. */
export type Alternate = z.output<typeof AlternateSchema>;
