import { readFileSync } from "node:fs";
import { commitSeed, QUICKNET, verifyBeacon, type CampaignSpecInput, type VerifiedBeacon } from "@ops/raffle";

export interface QuicknetFixture {
  chain: { hash: string; public_key: string; period: number; genesis_time: number };
  rounds: { round: number; signature: string; randomness: string }[];
}

/** Real quicknet rounds (copied from the shared fixtures; see the file's "about"). */
export const quicknet = JSON.parse(
  readFileSync(new URL("./fixtures/drand-quicknet.json", import.meta.url), "utf8"),
) as QuicknetFixture;

export function round(n: number): { round: number; signature: string; randomness: string } {
  const r = quicknet.rounds.find((x) => x.round === n);
  if (!r) throw new Error(`no fixture round ${n}`);
  return r;
}

/** Fixture round `n`, verified with verifyBeacon: the randomness drawWinners takes. */
export function verified(n: number): VerifiedBeacon {
  const checked = verifyBeacon(round(n), QUICKNET);
  if (!checked.ok) throw new Error(`fixture round ${n} does not verify: ${JSON.stringify(checked.error)}`);
  return checked.value;
}

/** Real rounds of the drand default mainnet chain (chained, G2 signatures; see the file's "about"). */
export const mainnet = JSON.parse(
  readFileSync(new URL("./fixtures/drand-mainnet-default.json", import.meta.url), "utf8"),
) as {
  chain: { hash: string; public_key: string; period: number; genesis_time: number };
  rounds: { round: number; signature: string; previous_signature: string; randomness: string }[];
};

/** Round 1000 of quicknet is published at genesis + 999 × 3 s = 1692806364 s. */
export const ROUND_1000_MS = (1692803367 + 999 * 3) * 1000;

export const SECRET = "a1".repeat(32);

/** A spec whose drand round is exactly `round` (closeAt one minute before it, delay 60 s). */
export function drandSpec(roundNo = 1000, overrides: Partial<CampaignSpecInput> = {}): CampaignSpecInput {
  const publishedAt = (1692803367 + (roundNo - 1) * 3) * 1000;
  return {
    format: "ops-raffle/v1",
    campaignId: "spring-lipstick-2026",
    title: "春日口红抽奖",
    tiers: [
      { name: "500-yuan voucher", count: 1 },
      { name: "sample kit", count: 3 },
    ],
    alternates: 2,
    eligibility: {
      ruleVersion: "2026-03",
      rules: { mustFollow: true, mustRepost: true, comment: { keywords: ["#春日妆容"] } },
    },
    weights: { max: 5, rule: "1 + one per friend tagged, at most 5" },
    closeAt: publishedAt - 60_000,
    randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
    privacy: "public",
    ...overrides,
  };
}

export function commitSpec(overrides: Partial<CampaignSpecInput> = {}): CampaignSpecInput {
  return drandSpec(1000, { randomness: { kind: "commit", commitment: commitSeed(SECRET) }, ...overrides });
}

/** n entrants with mixed platforms, CJK ids and weights 1…5. */
export function sampleEntrants(n: number): { id: string; weight: number }[] {
  const platforms = ["weibo::", "wechat_oa:gh_3a8f:o", "douyin:app7:", "qq::", "xiaohongshu::用户"];
  return Array.from({ length: n }, (_, i) => ({ id: `${platforms[i % platforms.length]}${i}`, weight: (i % 5) + 1 }));
}
