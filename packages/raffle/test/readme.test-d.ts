// The README's "A draw, end to end" as a user writes it in a strict TypeScript project:
// the spec `as const` (read-only tiers and keywords) must be accepted everywhere.
import type { InteractionInput } from "@ops/interaction";
import {
  checkEligibility,
  compileEntrants,
  drawWinners,
  entrantReceipt,
  QUICKNET,
  specHash,
  verifyBeacon,
  verifyDraw,
  verifyEntry,
  type DrawCertificate,
} from "@ops/raffle";
import { describe, expectTypeOf, it } from "vitest";

declare const interactions: readonly InteractionInput[];
declare const beaconJson: { round: number; signature: string; randomness: string };

describe("README example", () => {
  it("type-checks with a spec written as const", () => {
    const spec = {
      format: "ops-raffle/v1",
      campaignId: "spring-lipstick-2026",
      tiers: [
        { name: "500-yuan voucher", count: 1 },
        { name: "sample kit", count: 10 },
      ],
      alternates: 5,
      eligibility: {
        ruleVersion: "2026-03",
        rules: { mustFollow: true, mustRepost: true, comment: { keywords: ["#春日妆容"], minMentions: 1 } },
      },
      weights: { max: 1, rule: "one chance each" },
      closeAt: Date.parse("2026-03-31T16:00:00Z"),
      randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 300 },
      privacy: "public",
    } as const;
    expectTypeOf(specHash(spec)).toEqualTypeOf<string>();
    const { entrants } = checkEligibility(spec.eligibility.rules, interactions, {
      postId: "4934811234567890",
      closeAt: spec.closeAt,
    });
    const list = compileEntrants(entrants);
    const beacon = verifyBeacon(beaconJson, spec.randomness.chain);
    if (!beacon.ok) return;
    const certificate = drawWinners(spec, list, beacon.value);
    expectTypeOf(certificate).toEqualTypeOf<DrawCertificate>();
    verifyDraw(certificate, entrants);
    verifyEntry(certificate, entrantReceipt(list, "weibo::1669879400"));
  });

  it("accepts read-only inputs for quizzes, awards and eligibility context", async () => {
    const { rankAwards, rankQuiz } = await import("@ops/raffle");
    const key = { q1: ["b", "B"] } as const;
    rankQuiz([{ id: "qq::1", answers: { q1: "b" }, receivedAt: 1 }] as const, key, "00".repeat(32));
    const rubric = { version: "1", criteria: [{ id: "story", weight: 2, max: 10 }] } as const;
    rankAwards(rubric, [] as const, "00".repeat(32));
    checkEligibility({}, [], { postId: "P1", closeAt: 1, followers: ["weibo::1"] } as const);
  });
});
