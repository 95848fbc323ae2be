// The campaign both draw benchmarks run: a committed secret (no beacon needed), two tiers,
// 20 alternates, one chance each.
import { commitSeed, type CampaignSpecInput } from "../src/index";

export const secret = "be".repeat(32);

export const spec: CampaignSpecInput = {
  format: "ops-raffle/v1",
  campaignId: "bench",
  tiers: [
    { name: "voucher", count: 10 },
    { name: "sample", count: 90 },
  ],
  alternates: 20,
  eligibility: { ruleVersion: "1", rules: {} },
  weights: { max: 1, rule: "one chance each" },
  closeAt: 0,
  randomness: { kind: "commit", commitment: commitSeed(secret) },
  privacy: "public",
};
