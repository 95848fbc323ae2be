import { parseOrThrow, type Verification } from "@ops/core";
import type { ReportSection, SectionCell, SectionLabel } from "@ops/metrics";
import * as z from "zod/mini";
import type { AwardCertificate } from "../contest/AwardCertificateSchema";
import type { QuizCertificate } from "../contest/QuizCertificateSchema";
import type { DrawCertificate } from "../draw/DrawCertificateSchema";

/**
 * A draw, quiz or award held: its certificate and, when it was checked, the answer of
 * `verifyDraw` / `verifyQuiz` / `verifyAward` (or of `verifyBeacon` — any `Verification`).
 */
export interface DrawHeld {
  readonly certificate: DrawCertificate | QuizCertificate | AwardCertificate;
  /** Omitted or null: not checked. */
  readonly verification?: Verification<unknown> | null;
}

const Id = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(256)))();
const Count = /* @__PURE__ */ (() => z.int().check(z.nonnegative()))();
const Randomness = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("drand"), round: z.int().check(z.positive()) }),
    z.object({ kind: z.literal("commit") }),
  ]))();
const Spec = /* @__PURE__ */ (() => z.object({ campaignId: Id, closeAt: z.optional(z.number()) }))();
const Verified = /* @__PURE__ */ (() =>
  z.nullable(
    z.optional(
      z.discriminatedUnion("ok", [
        z.object({ ok: z.literal(true) }),
        z.object({
          ok: z.literal(false),
          error: z.array(z.object({ code: Id })).check(z.maxLength(10_000)),
        }),
      ]),
    ),
  ))();

/** Schema of what {@link drawsHeldSection} reads of each {@link DrawHeld} (other fields are ignored). */
export const DrawHeldSchema = /* @__PURE__ */ (() =>
  z.object({
    certificate: z.discriminatedUnion("type", [
      z.object({
        type: z.optional(z.literal("draw")),
        spec: z.extend(Spec, { closeAt: z.number().check(z.minimum(-8.64e15), z.maximum(8.64e15)) }),
        list: z.object({ size: Count, totalWeight: Count }),
        randomness: Randomness,
        winners: z.array(z.object({ tier: z.string().check(z.maxLength(256)) })).check(z.maxLength(100_000)),
      }),
      z.object({
        type: z.literal("quiz"),
        spec: z.extend(Spec, { closeAt: z.number().check(z.minimum(-8.64e15), z.maximum(8.64e15)) }),
        submissions: z.object({ size: Count }),
        randomness: Randomness,
        places: z.array(z.unknown()).check(z.maxLength(1000)),
      }),
      z.object({
        type: z.literal("award"),
        spec: z.extend(Spec, { closeAt: z.number().check(z.minimum(-8.64e15), z.maximum(8.64e15)) }),
        entries: z.object({ size: Count }),
        randomness: Randomness,
        places: z.array(z.unknown()).check(z.maxLength(1000)),
      }),
    ]),
    verification: Verified,
  }))();

const L = (key: string, en: string, zh: string): SectionLabel => ({ key: `raffle.${key}`, en, "zh-CN": zh });
const count = (value: number | null): SectionCell => ({ kind: "count", value });

const TYPE = {
  draw: L("type.draw", "lucky draw", "抽奖"),
  quiz: L("type.quiz", "quiz", "答题竞赛"),
  award: L("type.award", "judged award", "评选"),
} as const;
const PLACES = L("places", "ranked places", "名次");

/**
 * The "draws held" section of a report (for `@ops/metrics`' `composeReport` /
 * `renderMarkdown`): how many draws, quizzes and awards were held and how many of them
 * were verified, refused or not checked; a table with one row per campaign — its type,
 * when entries closed, entrants (a draw's list size and total weight, a quiz's
 * submissions, an award's entries), winners, the randomness source (a drand round, or a
 * seed committed beforehand) and the verification status with the refusal codes; and a
 * table of winners per prize tier (a quiz's or award's places are one tier). Read from
 * the certificates as written, in the order given; the certificates are not re-verified
 * here — pass the `verify*` answers. Labels in English and Simplified Chinese, keys `raffle.*`.
 *
 * @param draws - certificates with their verification, if any (not mutated)
 * @returns a `ReportSection` with id `"raffle"`
 * @throws {OpsError} `invalid_argument` for a list that is not an array of at most 1000, or a
 *   certificate or verification whose read fields are missing or of the wrong type
 *
 * @example
 * ```ts
 * import { commitSeed, drawWinners, drawsHeldSection, verifyDraw } from "@ops/raffle";
 * import { renderMarkdown, weeklyReport } from "@ops/metrics";
 * const secret = "5a".repeat(32);
 * const spec = {
 *   format: "ops-raffle/v1.1", campaignId: "spring-lipstick", tiers: [{ name: "voucher", count: 1 }, { name: "sample kit", count: 2 }],
 *   alternates: 0, eligibility: { ruleVersion: "1", rules: {} }, weights: { max: 1, rule: "" }, privacy: "public",
 *   closeAt: Date.parse("2026-03-12T20:00:00+08:00"), randomness: { kind: "commit", commitment: commitSeed(secret) },
 * } as const;
 * const entrants = ["weibo::1", "weibo::2", "weibo::3", "weibo::4", "weibo::5"].map((id) => ({ id }));
 * const certificate = drawWinners(spec, entrants, { secret });
 * const section = drawsHeldSection([{ certificate, verification: verifyDraw(certificate, entrants) }]);
 * const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: Date.parse("2026-03-09T00:00:00+08:00") });
 * renderMarkdown(kpis, { locale: "zh-CN", sections: [section] }).split("\n").slice(-14, -6);
 * // => ["- 举办的抽奖和竞赛：1", "- 已验证：1", "- 验证未通过：0", "- 未验证：0", "", "| 活动 | 类型 | 截止时间 | 参与者 | 总权重 | 中奖 | 随机来源 | drand 轮次 | 验证 | 未通过原因 |", "| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |", "| `spring-lipstick` | 抽奖 | 2026年3月12日 20:00 | 5 | 5 | 3 | 预先承诺的种子 | — | 已验证 | — |"]
 * ```
 */
export function drawsHeldSection(draws: readonly DrawHeld[]): ReportSection {
  const fn = "drawsHeldSection";
  const list = parseOrThrow(z.array(DrawHeldSchema).check(z.maxLength(1000)), draws, { fn, path: ["draws"] });
  let verified = 0;
  let refused = 0;
  const rows: SectionCell[][] = [];
  const tierRows: SectionCell[][] = [];
  for (const { certificate: c, verification: v } of list) {
    const type = c.type ?? "draw";
    const campaign: SectionCell = { kind: "code", value: c.spec.campaignId };
    const codes = v?.ok === false ? [...new Set(v.error.map((f) => f.code))].join(", ") : "";
    if (v?.ok === true) verified++;
    else if (v?.ok === false) refused++;
    const winners = c.type === "quiz" || c.type === "award" ? c.places.length : c.winners.length;
    rows.push([
      campaign,
      { kind: "text", value: TYPE[type] },
      { kind: "instant", value: c.spec.closeAt },
      count(c.type === "quiz" ? c.submissions.size : c.type === "award" ? c.entries.size : c.list.size),
      count(c.type === "quiz" || c.type === "award" ? null : c.list.totalWeight),
      count(winners),
      {
        kind: "text",
        value:
          c.randomness.kind === "drand"
            ? L("source.drand", "drand beacon", "drand 信标")
            : L("source.commit", "committed seed", "预先承诺的种子"),
      },
      c.randomness.kind === "drand" ? { kind: "code", value: String(c.randomness.round) } : { kind: "code", value: "" },
      {
        kind: "text",
        value:
          v === undefined || v === null
            ? L("status.unchecked", "not checked", "未验证")
            : v.ok
              ? L("status.verified", "verified", "已验证")
              : L("status.refused", "refused", "未通过"),
      },
      { kind: "code", value: codes.slice(0, 2000) },
    ]);
    if (c.type === "quiz" || c.type === "award")
      tierRows.push([campaign, { kind: "text", value: PLACES }, count(winners)]);
    else {
      const perTier = new Map<string, number>();
      for (const w of c.winners) perTier.set(w.tier, (perTier.get(w.tier) ?? 0) + 1);
      for (const [tier, n] of perTier) tierRows.push([campaign, { kind: "text", value: tier }, count(n)]);
    }
  }
  return {
    id: "raffle",
    title: L("title", "Draws held", "抽奖与竞赛"),
    blocks: [
      {
        kind: "figures",
        items: [
          { label: L("held", "Draws and contests held", "举办的抽奖和竞赛"), value: count(list.length) },
          { label: L("verified", "Verified", "已验证"), value: count(verified) },
          { label: L("refused", "Refused by verification", "验证未通过"), value: count(refused) },
          { label: L("unchecked", "Not checked", "未验证"), value: count(list.length - verified - refused) },
        ],
      },
      ...(rows.length === 0
        ? []
        : [
            {
              kind: "table" as const,
              columns: [
                L("campaign", "Campaign", "活动"),
                L("type", "Type", "类型"),
                L("closeAt", "Entries closed", "截止时间"),
                L("entrants", "Entrants", "参与者"),
                L("totalWeight", "Total weight", "总权重"),
                L("winners", "Winners", "中奖"),
                L("source", "Randomness", "随机来源"),
                L("round", "drand round", "drand 轮次"),
                L("status", "Verification", "验证"),
                L("codes", "Refusal codes", "未通过原因"),
              ].map((label) => ({ label })),
              rows,
            },
            {
              kind: "table" as const,
              columns: [
                L("campaign", "Campaign", "活动"),
                L("tier", "Tier", "奖项"),
                L("winners", "Winners", "中奖"),
              ].map((label) => ({ label })),
              rows: tierRows.slice(0, 10_000),
            },
          ]),
    ],
  };
}
