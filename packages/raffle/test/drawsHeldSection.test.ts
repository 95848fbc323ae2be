import { renderMarkdown, weeklyReport } from "@ops/metrics";
import { describe, expect, it } from "vitest";
import {
  answerKeyCommitment,
  commitSeed,
  type DrawCertificate,
  type DrawHeld,
  drawsHeldSection,
  drawWinners,
  QUICKNET,
  runQuiz,
  verifyBeacon,
  verifyDraw,
} from "@ops/raffle";

const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: Date.parse("2026-03-09T00:00:00+08:00") });
const secret = "5a".repeat(32);
const base = {
  format: "ops-raffle/v1.1",
  alternates: 1,
  eligibility: { ruleVersion: "1", rules: {} },
  weights: { max: 3, rule: "1 + reposts, at most 3" },
  privacy: "public",
} as const;
const voucher = drawWinners(
  {
    ...base,
    campaignId: "spring-lipstick",
    tiers: [
      { name: "500-yuan voucher", count: 1 },
      { name: "sample kit", count: 2 },
    ],
    closeAt: Date.parse("2026-03-12T20:00:00+08:00"),
    randomness: { kind: "commit", commitment: commitSeed(secret) },
  },
  [
    { id: "weibo::1" },
    { id: "weibo::2", weight: 3 },
    { id: "weibo::3" },
    { id: "weibo::4", weight: 2 },
    { id: "qq::5" },
  ],
  { secret },
);
const voucherEntrants = [
  { id: "weibo::1" },
  { id: "weibo::2", weight: 3 },
  { id: "weibo::3" },
  { id: "weibo::4", weight: 2 },
  { id: "qq::5" },
];
// quicknet round 1000 (published 1692806364 s = 2023-08-23 23:59:24 +08:00), as in drawWinners' example
const beacon = verifyBeacon(
  {
    round: 1000,
    signature: "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39",
  },
  QUICKNET,
);
if (!beacon.ok) throw new Error("quicknet round 1000 must verify");
const mug = drawWinners(
  {
    ...base,
    alternates: 0,
    campaignId: "mug-draw",
    tiers: [{ name: "mug", count: 1 }],
    closeAt: 1692806304000,
    randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
  },
  [{ id: "qq::1" }, { id: "qq::2" }],
  beacon.value,
);
// a certificate whose campaign id was changed after the draw: its spec hash no longer matches
const tampered: DrawCertificate = {
  ...voucher,
  spec: { ...voucher.spec, campaignId: "spring-lipstick-b" },
};
const answerKey = { salt: "5a".repeat(32), key: { q1: "b" } };
const quiz = runQuiz(
  {
    format: "ops-raffle/v1.1",
    type: "quiz",
    campaignId: "riddles",
    places: 2,
    closeAt: Date.parse("2026-03-13T12:00:00+08:00"),
    answerKeyCommitment: answerKeyCommitment(answerKey),
    randomness: { kind: "commit", commitment: commitSeed("07".repeat(32)) },
  },
  answerKey,
  [
    { id: "weibo::1", answers: { q1: "b" }, receivedAt: Date.parse("2026-03-13T10:00:00+08:00") },
    { id: "weibo::2", answers: { q1: "a" }, receivedAt: Date.parse("2026-03-13T10:01:00+08:00") },
    { id: "weibo::3", answers: { q1: "b" }, receivedAt: Date.parse("2026-03-13T10:02:00+08:00") },
  ],
  { secret: "07".repeat(32) },
);
const draws: DrawHeld[] = [
  { certificate: voucher, verification: verifyDraw(voucher, voucherEntrants) },
  { certificate: mug },
  { certificate: tampered, verification: verifyDraw(tampered, voucherEntrants) },
  { certificate: quiz, verification: null },
];
const section = (md: string) => md.split("\n## ").at(-1);

describe("drawsHeldSection", () => {
  it("lists draws, entrants, winners per tier, randomness and verification in English", () => {
    const codes = verifyDraw(tampered, voucherEntrants);
    expect(codes.ok).toBe(false);
    expect(section(renderMarkdown(kpis, { sections: [drawsHeldSection(draws)] }))).toBe(
      `Draws held

- Draws and contests held: 4
- Verified: 1
- Refused by verification: 1
- Not checked: 2

| Campaign | Type | Entries closed | Entrants | Total weight | Winners | Randomness | drand round | Verification | Refusal codes |
| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |
| \`spring-lipstick\` | lucky draw | Mar 12, 2026 20:00 | 5 | 8 | 3 | committed seed | — | verified | — |
| \`mug-draw\` | lucky draw | Aug 23, 2023 23:58 | 2 | 2 | 1 | drand beacon | \`1000\` | not checked | — |
| \`spring-lipstick-b\` | lucky draw | Mar 12, 2026 20:00 | 5 | 8 | 3 | committed seed | — | refused | \`spec_hash\` |
| \`riddles\` | quiz | Mar 13, 2026 12:00 | 3 | — | 2 | committed seed | — | not checked | — |

| Campaign | Tier | Winners |
| --- | --- | ---: |
| \`spring-lipstick\` | 500-yuan voucher | 1 |
| \`spring-lipstick\` | sample kit | 2 |
| \`mug-draw\` | mug | 1 |
| \`spring-lipstick-b\` | 500-yuan voucher | 1 |
| \`spring-lipstick-b\` | sample kit | 2 |
| \`riddles\` | ranked places | 2 |
`,
    );
  });

  it("renders in Simplified Chinese with the analyst's words", () => {
    const md = renderMarkdown(kpis, {
      locale: "zh-CN",
      sections: [drawsHeldSection(draws.slice(0, 2))],
      labels: { "raffle.title": "本周抽奖", "raffle.type.draw": "转发抽奖" },
    });
    expect(section(md)).toBe(
      `本周抽奖

- 举办的抽奖和竞赛：2
- 已验证：1
- 验证未通过：0
- 未验证：1

| 活动 | 类型 | 截止时间 | 参与者 | 总权重 | 中奖 | 随机来源 | drand 轮次 | 验证 | 未通过原因 |
| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |
| \`spring-lipstick\` | 转发抽奖 | 2026年3月12日 20:00 | 5 | 8 | 3 | 预先承诺的种子 | — | 已验证 | — |
| \`mug-draw\` | 转发抽奖 | 2023年8月23日 23:58 | 2 | 2 | 1 | drand 信标 | \`1000\` | 未验证 | — |

| 活动 | 奖项 | 中奖 |
| --- | --- | ---: |
| \`spring-lipstick\` | 500-yuan voucher | 1 |
| \`spring-lipstick\` | sample kit | 2 |
| \`mug-draw\` | mug | 1 |
`,
    );
  });

  it("says no draw was held when the list is empty", () => {
    expect(section(renderMarkdown(kpis, { sections: [drawsHeldSection([])] }))).toBe(
      `Draws held

- Draws and contests held: 0
- Verified: 0
- Refused by verification: 0
- Not checked: 0
`,
    );
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify(draws);
    drawsHeldSection(draws);
    expect(JSON.stringify(draws)).toBe(before);
  });

  it("refuses a damaged certificate or verification, naming the field", () => {
    const broken = { certificate: { ...voucher, list: { ...voucher.list, size: -1 } } } as DrawHeld;
    expect(() => drawsHeldSection([broken])).toThrowOpsError("invalid_argument", {
      fn: "drawsHeldSection",
      path: ["draws", 0, "certificate", "list", "size"],
    });
    expect(() =>
      drawsHeldSection([{ certificate: voucher, verification: { ok: false } } as unknown as DrawHeld]),
    ).toThrowOpsError("invalid_argument", { path: ["draws", 0, "verification", "error"] });
    expect(() => drawsHeldSection(null as unknown as DrawHeld[])).toThrowOpsError("invalid_argument");
  });
});
