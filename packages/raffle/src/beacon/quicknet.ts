import * as z from "zod/mini";
import { QUICKNET_HASH, QUICKNET_VALUES } from "../_lib/knownChains";

/**
 * Schema of the parameters of a drand chain that @ops/raffle can verify: the chain hash,
 * the group public key, the round period and genesis time (seconds), and the scheme. Only
 * `bls-unchained-g1-rfc9380` ("quicknet": signatures on G1, public key on G2) is
 * supported. Values are those of the chain's `/info` endpoint.
 *
 * This schema checks a chain's shape. Known chains are pinned whole: {@link CampaignSpecSchema}
 * and {@link verifyBeacon} refuse a chain that names quicknet's hash with another public key,
 * period, genesis time or scheme (otherwise an organiser could name quicknet and sign
 * beacons with a key they hold); a chain of another hash is refused by {@link drawWinners}
 * and {@link verifyDraw} unless the caller lists it in `trustedChains`.
 *
 * Source: drand documentation, "Cryptography specification" and the quicknet launch note,
 * https://docs.drand.love/docs/specification/ ; https://drand.love/blog/2023/10/16/quicknet-is-live/
 *
 * @example
 * ```ts
 * import { DrandChainSchema, QUICKNET } from "@ops/raffle";
 * DrandChainSchema.safeParse(QUICKNET).success;
 * // => true
 * ```
 */
export const DrandChainSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    hash: z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be the chain hash as 64 lower-case hex digits" })),
    publicKey: z
      .string()
      .check(z.regex(/^[0-9a-f]{192}$/, { error: "must be a compressed G2 public key as 192 lower-case hex digits" })),
    period: z.int().check(z.minimum(1, { error: "must be a whole number of seconds ≥ 1" }), z.maximum(3600)),
    genesisTime: z
      .int()
      .check(z.minimum(0, { error: "must be whole seconds since the Unix epoch" }), z.maximum(8.64e12)),
    scheme: z.literal("bls-unchained-g1-rfc9380", { error: "must be bls-unchained-g1-rfc9380 (quicknet's scheme)" }),
  }))();

/** A drand chain description; see {@link DrandChainSchema}. */
export type DrandChain = z.output<typeof DrandChainSchema>;

/**
 * The drand "quicknet" chain of the League of Entropy (3-second rounds since
 * 2023-08-23T15:09:27Z, unchained BLS signatures on G1). Values as published at
 * `/52db9ba7…e971/info`.
 *
 * @example
 * ```ts
 * import { QUICKNET } from "@ops/raffle";
 * QUICKNET.period;
 * // => 3
 * ```
 */
export const QUICKNET: DrandChain = /* @__PURE__ */ (() =>
  Object.freeze({ hash: QUICKNET_HASH, ...QUICKNET_VALUES }))();
