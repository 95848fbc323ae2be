// Regenerates raffle-v1.1.json from the implementation: `npx tsx test/vectors/generate-v1.1.ts`.
// test/vectors.test.ts re-derives every value — and every refusal's reason — with an
// independent reading of docs/raffle-spec.md (plain @noble calls).
import { readFileSync, writeFileSync } from "node:fs";
import {
  type CampaignSpecInput,
  canonicalJson,
  commitSeed,
  compileEntrants,
  drawWinners,
  entrantReceipt,
  entrantScore,
  isOpsError,
  QUICKNET,
  rerollWinner,
  specHash,
  verifyBeacon,
} from "./imports";
import { ORGANISER_PUBLIC_KEY } from "./forge";

const rounds = JSON.parse(readFileSync(new URL("../fixtures/drand-quicknet.json", import.meta.url), "utf8")).rounds as {
  round: number;
  signature: string;
  randomness: string;
}[];
const beaconJson = (n: number) => {
  const r = rounds.find((x) => x.round === n);
  if (!r) throw new Error(`no round ${n}`);
  return r;
};
const closeBefore = (round: number) => (1692803367 + (round - 1) * 3) * 1000 - 60_000;
const SECRET = "5eed".padEnd(64, "0");
const AUDIT_KEY = "a5".repeat(32);

type Entrant = { id: string; weight: number };
type Randomness = { round: number; signature: string; randomness: string } | { secret: string };

const base = (over: Partial<CampaignSpecInput> = {}): CampaignSpecInput => ({
  format: "ops-raffle/v1.1",
  campaignId: "autumn-tea-2026",
  title: "秋茶抽奖",
  tiers: [
    { name: "tea set", count: 1 },
    { name: "sample", count: 2 },
  ],
  alternates: 3,
  eligibility: { ruleVersion: "2026-09", rules: { mustFollow: true, mustRepost: true } },
  weights: { max: 5, rule: "1 + friends tagged, at most 5" },
  closeAt: closeBefore(5928395),
  randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
  privacy: "public",
  ...over,
});
const commit = { kind: "commit", commitment: commitSeed(SECRET) } as const;

const entrants: Entrant[] = [
  { id: "weibo::1669879400", weight: 1 },
  { id: "weibo::2", weight: 3 },
  { id: "wechat_oa:gh_3a8f:oX1y2-Zq", weight: 1 },
  { id: "douyin:app7:老王", weight: 2 },
  { id: "douyin:app7:Ａlice", weight: 1 },
  { id: "douyin:app7:😀fan", weight: 5 },
  { id: "xiaohongshu::Jose\u0301", weight: 1 }, // NFD: listed as NFC "José"
  { id: "qq::10001", weight: 4 },
  { id: "qq::9", weight: 1 },
  { id: "bilibili::小明", weight: 2 },
];

function drawOf(spec: CampaignSpecInput, list: Entrant[], randomness: Randomness, auditKey?: string) {
  let r: Parameters<typeof drawWinners>[2];
  if ("secret" in randomness) r = randomness;
  else {
    const checked = verifyBeacon(randomness, QUICKNET);
    if (!checked.ok) throw new Error(JSON.stringify(checked.error));
    r = checked.value;
  }
  return drawWinners(spec, list, r, auditKey === undefined ? {} : { auditKey });
}

function caseOf(
  name: string,
  about: string,
  spec: CampaignSpecInput,
  list: Entrant[],
  randomness: Randomness,
  extra: { auditKey?: string; rerolls?: { winner: number; reason: string }[]; receiptFor?: string } = {},
) {
  const { auditKey } = extra;
  const compiled = compileEntrants(
    list,
    auditKey === undefined ? { privacy: spec.privacy } : { privacy: spec.privacy, auditKey },
  );
  let cert = drawOf(spec, list, randomness, auditKey);
  const original = cert;
  const rerolls = extra.rerolls ?? [];
  // each reroll names the seat (index into the current winners) whose winner is replaced
  for (const r of rerolls) cert = rerollWinner(cert, cert.winners[r.winner]!.id, r.reason);
  const receiptId = extra.receiptFor;
  return {
    name,
    about,
    input: {
      spec,
      entrants: list,
      randomness,
      ...(auditKey === undefined ? {} : { auditKey }),
      ...(rerolls.length > 0 ? { rerolls } : {}),
    },
    expected: {
      canonicalSpec: canonicalJson(cert.spec),
      specHash: specHash(spec),
      sortedListIds: compiled.ids,
      weights: [...compiled.weights],
      duplicatesMerged: compiled.duplicatesMerged,
      leafHashes: compiled.ids.map((_, i) =>
        Buffer.from(compiled.leafHashes!.subarray(32 * i, 32 * i + 32)).toString("hex"),
      ),
      listRoot: compiled.root,
      randomness: cert.randomness.randomness,
      seed: cert.seed,
      scores: Object.fromEntries(compiled.ids.map((id, i) => [id, entrantScore(cert.seed, id, compiled.weights[i]!)])),
      ...(rerolls.length > 0 ? { originalWinners: original.winners, originalAlternates: original.alternates } : {}),
      ...(receiptId === undefined
        ? {}
        : { receipt: entrantReceipt(compiled, receiptId, auditKey === undefined ? {} : { auditKey }) }),
      certificate: cert,
    },
  };
}

/** An input that must be refused: the reason (docs/raffle-spec.md §12) and the OpsError code drawWinners throws. */
function refusal(
  name: string,
  reason: string,
  spec: unknown,
  list: unknown[],
  randomness: Randomness,
  extra: { trustedChains?: unknown[] } = {},
) {
  let opsError: string | null = null;
  try {
    drawOf(spec as CampaignSpecInput, list as Entrant[], randomness);
  } catch (e) {
    if (!isOpsError(e)) throw e;
    opsError = e.code;
  }
  if (opsError === null) throw new Error(`${name} was not refused`);
  return { name, reason, opsError, input: { spec, entrants: list, randomness, ...extra } };
}

const r5928395 = beaconJson(5928395);
const commitSpec = base({ campaignId: "autumn-tea-rehearsal", randomness: commit });
const long = `weibo::${"a".repeat(1015)}e\u0301`; // 1025 UTF-8 bytes as given, 1024 after NFC

const vectors = {
  format: "ops-raffle/v1.1 test vectors",
  about:
    "Inputs and expected outputs of docs/raffle-spec.md (v1.1). Hex is lower-case. 'certificate' is the full ops-raffle/v1.1 certificate (after the listed rerolls). 'refusals' are inputs a conforming implementation must reject, with the reason of §12 and the OpsError code @ops/raffle throws.",
  cases: [
    caseOf(
      "drand-pseudonymous",
      "real quicknet round 5928395, pseudonymous mode, an NFD id, weights 1–5, one receipt",
      base({ privacy: "pseudonymous" }),
      entrants,
      r5928395,
      { auditKey: AUDIT_KEY, receiptFor: "xiaohongshu::Jos\u00e9" },
    ),
    caseOf(
      "commit-public-rerolls",
      "committed secret, public mode, two rerolls (the second replaces the alternate the first seated), one receipt",
      commitSpec,
      entrants,
      { secret: SECRET },
      {
        rerolls: [
          { winner: 1, reason: "did not reply within 7 days" },
          { winner: 1, reason: "found ineligible" },
        ],
        receiptFor: "qq::9",
      },
    ),
    caseOf(
      "nfd-and-duplicates",
      "the same ids in NFC and NFD and exact duplicates count once; an id of 1025 bytes as given and 1024 after NFC is accepted",
      base({ campaignId: "autumn-tea-nfd", randomness: commit }),
      [
        { id: "xiaohongshu::José", weight: 2 },
        { id: "xiaohongshu::Jose\u0301", weight: 2 },
        { id: "weibo::2", weight: 1 },
        { id: "weibo::2", weight: 1 },
        { id: "douyin:app7:\u1100\u1161", weight: 1 }, // conjoining jamo → U+AC00 under NFC
        { id: "douyin:app7:\uAC00", weight: 1 },
        { id: long, weight: 1 },
      ],
      { secret: SECRET },
    ),
  ],
  refusals: [
    refusal(
      "quicknet-hash-other-key",
      "pinned_chain",
      base({
        randomness: { kind: "drand", chain: { ...QUICKNET, publicKey: ORGANISER_PUBLIC_KEY }, delaySeconds: 60 },
      } as never),
      entrants,
      r5928395,
    ),
    refusal(
      "quicknet-hash-other-period",
      "pinned_chain",
      base({ randomness: { kind: "drand", chain: { ...QUICKNET, period: 30 }, delaySeconds: 60 } } as never),
      entrants,
      r5928395,
    ),
    refusal(
      "unknown-chain",
      "untrusted_chain",
      base({
        randomness: {
          kind: "drand",
          chain: { ...QUICKNET, hash: "0d".repeat(32), publicKey: ORGANISER_PUBLIC_KEY },
          delaySeconds: 60,
        },
      } as never),
      entrants,
      r5928395,
    ),
    refusal("unknown-spec-member", "spec_invalid", { ...commitSpec, prize: "tea" }, entrants, { secret: SECRET }),
    refusal("no-tiers", "spec_invalid", { ...commitSpec, tiers: [] }, entrants, { secret: SECRET }),
    refusal(
      "duplicate-tier-names",
      "spec_invalid",
      {
        ...commitSpec,
        tiers: [
          { name: "tea", count: 1 },
          { name: "tea", count: 1 },
        ],
      },
      entrants,
      { secret: SECRET },
    ),
    refusal("empty-campaign-id", "spec_invalid", { ...commitSpec, campaignId: "" }, entrants, { secret: SECRET }),
    refusal("negative-close", "spec_invalid", { ...commitSpec, closeAt: -1 }, entrants, { secret: SECRET }),
    refusal("unknown-format", "spec_invalid", { ...commitSpec, format: "ops-raffle/v2" }, entrants, { secret: SECRET }),
    refusal("lone-surrogate-id", "invalid_id", commitSpec, [{ id: "weibo::a\uD800", weight: 1 }], { secret: SECRET }),
    refusal("control-character-id", "invalid_id", commitSpec, [{ id: "weibo::a\u0007", weight: 1 }], {
      secret: SECRET,
    }),
    refusal("unassigned-code-point-id", "invalid_id", commitSpec, [{ id: "weibo::a\u0378", weight: 1 }], {
      secret: SECRET,
    }),
    refusal("empty-id", "invalid_id", commitSpec, [{ id: "", weight: 1 }], { secret: SECRET }),
    refusal("id-too-long-after-nfc", "invalid_id", commitSpec, [{ id: `${long}b`, weight: 1 }], { secret: SECRET }),
    refusal("weight-above-max", "invalid_weight", commitSpec, [{ id: "qq::1", weight: 6 }], { secret: SECRET }),
    refusal("weight-zero", "invalid_weight", commitSpec, [{ id: "qq::1", weight: 0 }], { secret: SECRET }),
    refusal("weight-fraction", "invalid_weight", commitSpec, [{ id: "qq::1", weight: 1.5 }], { secret: SECRET }),
    refusal(
      "one-id-two-weights",
      "duplicate_id",
      commitSpec,
      [
        { id: "xiaohongshu::José", weight: 1 },
        { id: "xiaohongshu::Jose\u0301", weight: 2 },
      ],
      { secret: SECRET },
    ),
    refusal("round-too-early", "round_too_early", base(), entrants, beaconJson(4810223)),
    refusal("round-too-late", "round_mismatch", base({ closeAt: closeBefore(4810223) }), entrants, r5928395),
    refusal("secret-does-not-open-commitment", "commitment", commitSpec, entrants, { secret: "00".repeat(32) }),
  ],
};
writeFileSync(new URL("./raffle-v1.1.json", import.meta.url), `${JSON.stringify(vectors, null, 2)}\n`);
console.log(`${vectors.cases.length} cases, ${vectors.refusals.length} refusals`);
