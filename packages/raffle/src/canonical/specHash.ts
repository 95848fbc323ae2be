import { parseOrThrow } from "@ops/core";
import { hashSpec } from "../_lib/hashSpec";
import { CampaignSpecSchema, type CampaignSpecInput } from "../spec/CampaignSpecSchema";

/**
 * The fingerprint of a campaign spec: SHA-256 of the UTF-8 bytes of its canonical JSON
 * (RFC 8785), as 64 lower-case hex digits. The spec is validated (and defaults applied)
 * first, so two specs that mean the same thing hash the same. Publish it before entries
 * close; every certificate repeats it and the seed depends on it.
 *
 * Definition: `specHash = SHA-256(UTF-8(JCS(spec)))` — docs/raffle-spec.md §3.
 *
 * @param spec - a campaign spec
 * @returns 64 lower-case hex digits
 * @throws {OpsError} `invalid_argument` if the spec breaks {@link CampaignSpecSchema}
 *
 * @example
 * ```ts
 * import { specHash, QUICKNET } from "@ops/raffle";
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "demo", tiers: [{ name: "mug", count: 1 }], alternates: 0,
 *   eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, closeAt: 0,
 *   randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 0 }, privacy: "public",
 * } as const;
 * specHash(spec).length;
 * // => 64
 * specHash(spec) === specHash({ ...spec, tiers: [{ count: 1, name: "mug" }] });
 * // => true
 * ```
 */
export function specHash(spec: CampaignSpecInput): string {
  return hashSpec(parseOrThrow(CampaignSpecSchema, spec, { fn: "specHash", path: ["spec"] }));
}
