import { commitSeed, compileEntrants, drawWinners, entrantReceipt, type DrawCertificate } from "@ops/raffle";

export const SECRET = "5e".repeat(32);
export const AUDIT_KEY = "00".repeat(32);

/** A commit-randomness spec: two tiers (2 + 1 places) and two alternates, weights up to 3. */
export const spec = (privacy: "public" | "pseudonymous" = "public") =>
  ({
    format: "ops-raffle/v1.1",
    campaignId: "mug-draw",
    title: "春日马克杯抽奖",
    tiers: [
      { name: "mug", count: 2 },
      { name: "sticker", count: 1 },
    ],
    alternates: 2,
    eligibility: { ruleVersion: "1", rules: {} },
    weights: { max: 3, rule: "1 + reposts, at most 3" },
    closeAt: 1772933400000,
    randomness: { kind: "commit", commitment: commitSeed(SECRET) },
    privacy,
  }) as const;

/** Ten entrants, some with more chances. */
export const entrants = () => Array.from({ length: 10 }, (_, i) => ({ id: `weibo::${1000 + i}`, weight: 1 + (i % 3) }));

/** The list as published: list ids and weights. */
export const publishedList = (privacy: "public" | "pseudonymous" = "public") => {
  const list = compileEntrants(entrants(), {
    privacy,
    maxWeight: 3,
    ...(privacy === "pseudonymous" ? { auditKey: AUDIT_KEY } : {}),
  });
  return list.ids.map((id, i) => ({ id, weight: list.weights[i] as number }));
};

/** An honest certificate. */
export const certificate = (privacy: "public" | "pseudonymous" = "public"): DrawCertificate =>
  drawWinners(spec(privacy), entrants(), { secret: SECRET }, privacy === "pseudonymous" ? { auditKey: AUDIT_KEY } : {});

/** Each entrant's receipt, by canonical id. */
export const receipts = (privacy: "public" | "pseudonymous" = "public") => {
  const list = compileEntrants(entrants(), {
    privacy,
    maxWeight: 3,
    ...(privacy === "pseudonymous" ? { auditKey: AUDIT_KEY } : {}),
  });
  return Object.fromEntries(
    entrants().map((e) => [
      e.id,
      entrantReceipt(list, e.id, privacy === "pseudonymous" ? { auditKey: AUDIT_KEY } : {}),
    ]),
  );
};
