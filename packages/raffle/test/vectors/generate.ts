// Regenerates raffle-v1.json from the implementation: `npx tsx test/vectors/generate.ts`.
// test/vectors.test.ts then re-derives every value with an independent reading of
// docs/raffle-spec.md (plain @noble/hashes calls), so the file pins spec and code together.
import { writeFileSync } from "node:fs";
import {
  canonicalJson,
  commitSeed,
  compileEntrants,
  drawWinners,
  entrantScore,
  inclusionProof,
  QUICKNET,
  specHash,
  verifyBeacon,
  type CampaignSpecInput,
  type DrandBeacon,
} from "../../src/index";

const round1000 = {
  round: 1000,
  signature: "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39",
  randomness: "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd",
};

const entrants = [
  { id: "weibo::1669879400", weight: 1 },
  { id: "weibo::2", weight: 3 },
  { id: "wechat_oa:gh_3a8f:oX1y2-Zq", weight: 1 },
  { id: "douyin:app7:老王", weight: 2 },
  { id: "douyin:app7:Ａlice", weight: 1 },
  { id: "douyin:app7:😀fan", weight: 5 },
  { id: "xiaohongshu::José", weight: 1 },
  { id: "qq::10001", weight: 4 },
  { id: "qq::9", weight: 1 },
  { id: "bilibili::小明", weight: 2 },
  { id: "x::44196397", weight: 1 },
  { id: "instagram:17841400000000000:IGSID-1", weight: 1 },
];

function caseOf(
  name: string,
  spec: CampaignSpecInput,
  list: { id: string; weight: number }[],
  randomness: DrandBeacon | { secret: string },
  auditKey?: string,
) {
  // the file keeps the beacon JSON as published; the draw takes it verified
  let drawRandomness: Parameters<typeof drawWinners>[2];
  if ("secret" in randomness) drawRandomness = randomness;
  else {
    const checked = verifyBeacon(randomness, QUICKNET);
    if (!checked.ok) throw new Error(JSON.stringify(checked.error));
    drawRandomness = checked.value;
  }
  const compiled = compileEntrants(
    list,
    auditKey === undefined ? { privacy: spec.privacy } : { privacy: spec.privacy, auditKey },
  );
  const cert = drawWinners(spec, list, drawRandomness, auditKey === undefined ? {} : { auditKey });
  return {
    name,
    input: { spec, entrants: list, randomness, ...(auditKey === undefined ? {} : { auditKey }) },
    expected: {
      canonicalSpec: canonicalJson(cert.spec),
      specHash: specHash(spec),
      sortedListIds: compiled.ids,
      leafHashes: compiled.ids.map((_, i) =>
        Buffer.from(compiled.leafHashes!.subarray(32 * i, 32 * i + 32)).toString("hex"),
      ),
      listRoot: compiled.root,
      randomness: cert.randomness.randomness,
      seed: cert.seed,
      scores: Object.fromEntries(compiled.ids.map((id, i) => [id, entrantScore(cert.seed, id, compiled.weights[i]!)])),
      proofs:
        compiled.size > 0
          ? [
              {
                listId: compiled.ids[compiled.size - 1],
                weight: compiled.weights[compiled.size - 1],
                ...inclusionProof(compiled, compiled.ids[compiled.size - 1]!),
              },
            ]
          : [],
      certificate: cert,
    },
  };
}

const base: CampaignSpecInput = {
  format: "ops-raffle/v1",
  campaignId: "spring-lipstick-2026",
  title: "春日口红抽奖 — follow + repost + comment",
  tiers: [
    { name: "500-yuan voucher", count: 1 },
    { name: "sample kit", count: 3 },
  ],
  alternates: 2,
  eligibility: {
    ruleVersion: "2026-03",
    rules: { mustFollow: true, mustRepost: true, comment: { keywords: ["#春日妆容"], minMentions: 1 } },
  },
  weights: { max: 5, rule: "1 + one per friend tagged, at most 5" },
  closeAt: (1692803367 + 999 * 3) * 1000 - 60_000,
  randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
  privacy: "public",
};
const secret = "c0ffee".padEnd(64, "0");
const vectors = {
  format: "ops-raffle/v1 test vectors",
  about:
    "Inputs and expected outputs of docs/raffle-spec.md. Hex is lower-case. 'certificate' is the full ops-raffle/v1 certificate drawWinners returns.",
  cases: [
    caseOf("drand-public", base, entrants, round1000),
    caseOf(
      "commit-pseudonymous",
      {
        ...base,
        campaignId: "quiz-week-12",
        privacy: "pseudonymous",
        randomness: { kind: "commit", commitment: commitSeed(secret) },
      },
      entrants,
      { secret },
      "a5".repeat(32),
    ),
    caseOf(
      "single-entrant",
      { ...base, randomness: { kind: "commit", commitment: commitSeed(secret) } },
      [{ id: "weibo::1", weight: 2 }],
      { secret },
    ),
    caseOf("empty-list", { ...base, randomness: { kind: "commit", commitment: commitSeed(secret) } }, [], { secret }),
  ],
};
writeFileSync(new URL("./raffle-v1.json", import.meta.url), `${JSON.stringify(vectors, null, 2)}\n`);
