import { renderMarkdown, weeklyReport } from "@ops/metrics";
import { describe, expect, it } from "vitest";
import {
  type CommunityHealthInput,
  checkCadence,
  communityHealthSection,
  compileRules,
  eventParticipation,
  evaluate,
  issueStrike,
  type StrikeLog,
} from "./helpers";

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = Date.parse("2026-03-09T00:00:00+08:00"); // Monday
const period = { start: t0, end: t0 + 7 * DAY };
const kpis = weeklyReport({}, { timeZone: "Asia/Shanghai", at: t0 });

const rules = compileRules([
  {
    id: "no-ads",
    triggers: [{ kind: "links" }],
    actions: [{ kind: "delete" }, { kind: "warn" }],
    strike: { weight: 1, ttlMs: null },
  },
  {
    id: "no-attacks",
    triggers: [{ kind: "keywords", keywords: ["蠢货"] }],
    actions: [{ kind: "hide" }],
    strike: { weight: 2, ttlMs: null },
  },
]);
const messages = [
  { id: "m1", actor: "wx:g:a", text: "看这里 www.maimai.com", at: t0 + 9 * 60 * MIN },
  { id: "m2", actor: "wx:g:b", text: "你是蠢货", at: t0 + 10 * 60 * MIN },
  { id: "m3", actor: "wx:g:c", text: "今天试了新色号", at: t0 + 11 * 60 * MIN },
  { id: "m4", actor: "wx:g:a", text: "买代购请上 maimai.com", at: t0 + 12 * 60 * MIN },
];
const moderation = messages.map((m) => ({
  actor: m.actor,
  evaluation: evaluate(m, rules, { roles: ["member"], recent: [] }),
}));
// before the period: b's first strike (still counting) and d's strike, revoked in the period
const log: StrikeLog = [
  issueStrike({ weight: 1, ttlMs: null }, { id: "s0", actor: "wx:g:b", ruleId: "no-ads", at: t0 - DAY }),
  issueStrike({ weight: 1, ttlMs: null }, { id: "s9", actor: "wx:g:d", ruleId: "no-ads", at: t0 - 2 * DAY }),
  ...moderation.flatMap((m, i) =>
    m.evaluation.decisions.flatMap((d) =>
      d.strike === null
        ? []
        : [issueStrike(d.strike, { id: `s${i + 1}`, actor: m.actor, ruleId: d.ruleId, at: messages[i]?.at ?? 0 })],
    ),
  ),
  { type: "revocation", strikeId: "s9", at: t0 + DAY },
];
const talk = {
  id: "e1",
  group: "g",
  kind: "talk",
  title: "育儿专家讲座",
  startsAt: Date.parse("2026-03-10T20:00:00+08:00"),
  endsAt: Date.parse("2026-03-10T21:00:00+08:00"),
} as const;
const groupBuy = {
  ...talk,
  id: "e2",
  kind: "group_buy",
  title: "周末团购",
  startsAt: t0 - DAY,
  endsAt: t0 - 1,
} as const;
const sharing = {
  ...talk,
  id: "e3",
  kind: "sharing_session",
  title: "护肤分享会",
  startsAt: Date.parse("2026-03-12T19:30:00+08:00"),
  endsAt: Date.parse("2026-03-12T20:30:00+08:00"),
} as const;
const regs = ["a", "b", "c"].map((member) => ({ eventId: "e1", member, at: t0 }));
const att = [
  ...["a", "b", "d"].map((member) => ({ eventId: "e1", member })),
  ...["a", "x"].map((member) => ({ eventId: "e3", member })),
  { eventId: "e2", member: "a" },
];
const events = [
  { event: sharing, participation: eventParticipation(sharing, regs, att) },
  { event: talk, participation: eventParticipation(talk, regs, att, { memberCount: 40 }) },
  { event: groupBuy, participation: eventParticipation(groupBuy, regs, att) },
];
const plan = {
  timeZone: "Asia/Shanghai",
  targets: [
    { form: "article", min: 3, max: 5 },
    { form: "short_video", min: 2, max: 3 },
  ],
} as const;
const published = [
  ...[0, 2, 4].map((d) => ({ id: `a${d}`, form: "article", publishedAt: t0 + d * DAY + 10 * 60 * MIN }) as const),
  { id: "v1", form: "short_video", publishedAt: t0 + DAY } as const,
];
const input: CommunityHealthInput = {
  moderation,
  strikes: log,
  events,
  cadence: checkCadence(plan, published, period),
};

describe("communityHealthSection", () => {
  // a: strikes at 09:00 (1 point: warning) and 12:00 (2 points: 24 h timeout, DEFAULT_LADDER) → muted;
  // b: 1 point from before the period + 2 at 10:00 = 3 points → removal; d's old strike revoked on Tuesday.
  // Talk: 2 of 3 registered came (66.7%), 3 of 40 members took part (7.5%); the sharing session had
  // no registrations and no member count (—); the group buy started before the period (left out).
  // Content: 3 articles (min 3) and 1 short video (min 2) → the week missed the plan by 1.
  it("renders moderation, strikes, events and cadence in English", () => {
    expect(
      renderMarkdown(kpis, { sections: [communityHealthSection(input, period)] })
        .split("\n## ")
        .at(-1),
    ).toBe(
      `Community health

- Messages checked: 4
- Messages a rule fired on: 3
- Messages hidden or deleted: 3
- Strikes issued: 3
- Strikes revoked: 1
- Members muted: 1
- Members removed: 1
- Events held: 2
- Attendance: 5
- Weeks on the content plan: 0
- Complete weeks checked: 1
- Posts missing from the plan: 1

| Rule | Messages |
| --- | ---: |
| \`no-ads\` | 2 |
| \`no-attacks\` | 1 |

| Event | Kind | Starts | Registered | Attended | Show-up rate | Participation |
| --- | --- | --- | ---: | ---: | ---: | ---: |
| 育儿专家讲座 | talk | Mar 10, 2026 20:00 | 3 | 3 | 66.7% | 7.5% |
| 护肤分享会 | sharing session | Mar 12, 2026 19:30 | 0 | 2 | — | — |
`,
    );
  });

  it("renders in Simplified Chinese with the analyst's words", () => {
    const md = renderMarkdown(kpis, {
      locale: "zh-CN",
      sections: [communityHealthSection(input, period)],
      labels: { "community.title": "微信群运营", "community.kind.talk": "专家讲座" },
    });
    expect(md.split("\n## ").at(-1)).toBe(
      `微信群运营

- 检查的消息：4
- 触发规则的消息：3
- 隐藏或删除的消息：3
- 新增警告记录：3
- 撤销的警告记录：1
- 被禁言成员：1
- 被移出成员：1
- 举办的活动：2
- 参与人次：5
- 达成内容计划的周数：0
- 已检查的完整周数：1
- 计划内缺少的内容：1

| 规则 | 消息数 |
| --- | ---: |
| \`no-ads\` | 2 |
| \`no-attacks\` | 1 |

| 活动 | 类型 | 开始时间 | 报名 | 参与 | 到场率 | 参与率 |
| --- | --- | --- | ---: | ---: | ---: | ---: |
| 育儿专家讲座 | 专家讲座 | 2026年3月10日 20:00 | 3 | 3 | 66.7% | 7.5% |
| 护肤分享会 | 分享会 | 2026年3月12日 19:30 | 0 | 2 | — | — |
`,
    );
  });

  it("leaves out the parts not given, and reads strikes against the ladder passed", () => {
    const ladder = [{ minPoints: 2, action: { kind: "remove" as const } }];
    const s = communityHealthSection({ strikes: log }, period, { ladder });
    expect(
      renderMarkdown(kpis, { sections: [s] })
        .split("\n## ")
        .at(-1),
    ).toBe(
      `Community health

- Strikes issued: 3
- Strikes revoked: 1
- Members muted: 0
- Members removed: 2
`,
    );
    expect(communityHealthSection({}, period).blocks).toEqual([]);
  });

  it("counts a rule's own timeout as a muted member", () => {
    const flood = compileRules([
      { id: "flood", triggers: [{ kind: "mentions", max: 1 }], actions: [{ kind: "timeout", durationMs: 600_000 }] },
    ]);
    const e = evaluate({ id: "m", actor: "wx:g:z", text: "@甲 @乙 @丙", at: t0 }, flood, { roles: [], recent: [] });
    const s = communityHealthSection({ moderation: [{ actor: "wx:g:z", evaluation: e }] }, period);
    expect(s.blocks[0]).toMatchObject({ kind: "figures" });
    const figures = s.blocks[0]?.kind === "figures" ? s.blocks[0].items : [];
    expect(figures.map((f) => [f.label.key, f.value.kind === "count" ? f.value.value : null])).toEqual([
      ["community.checked", 1],
      ["community.fired", 1],
      ["community.hidden", 0],
      ["community.muted", 1],
      ["community.removed", 0],
    ]);
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify(input);
    communityHealthSection(input, period);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("refuses malformed input, naming the field", () => {
    expect(() =>
      communityHealthSection({ strikes: [{ type: "strike" }] as unknown as StrikeLog }, period),
    ).toThrowOpsError("invalid_argument", { fn: "communityHealthSection", path: ["input", "strikes", 0, "id"] });
    expect(() => communityHealthSection(input, { start: t0, end: t0 })).toThrowOpsError("invalid_argument", {
      path: ["period", "end"],
    });
    expect(() => communityHealthSection(null as unknown as CommunityHealthInput, period)).toThrowOpsError(
      "invalid_argument",
    );
    expect(() => communityHealthSection({}, period, { ladder: [] })).toThrowOpsError("invalid_argument", {
      path: ["options", "ladder"],
    });
  });
});
