import { PeriodSchema, parseOrThrow, type Period } from "@ops/core";
import type { ReportSection, SectionCell, SectionLabel } from "@ops/metrics";
import * as z from "zod/mini";
import type { CadenceReport } from "../content/checkCadence";
import { CommunityEventSchema, EVENT_KINDS, type CommunityEvent, type EventKind } from "../event/CommunityEvent";
import type { EventParticipation } from "../event/eventParticipation";
import type { Evaluation } from "../rule/evaluate";
import { StrikeLogSchema, type StrikeLog, type StrikeRecord } from "../strike/StrikeLog";
import { DEFAULT_LADDER, EscalationLadderSchema, type LadderStep } from "../strike/escalationAt";

/** One moderated message: who wrote it and what {@link evaluate} decided. */
export interface ModerationOutcome {
  readonly actor: string;
  readonly evaluation: Evaluation;
}

/** A community event held, with its {@link eventParticipation} figures. */
export interface EventHeld {
  readonly event: CommunityEvent;
  readonly participation: EventParticipation;
}

/** What {@link communityHealthSection} reads; each part is optional and its figures are left out when absent. */
export interface CommunityHealthInput {
  /** The evaluations of the period's messages, one per message. */
  readonly moderation?: readonly ModerationOutcome[];
  /** The strike log (all of it: strikes before the period count towards the ladder). */
  readonly strikes?: StrikeLog;
  /** Events with their participation; those starting in the period are reported. */
  readonly events?: readonly EventHeld[];
  /** {@link checkCadence} over the period. */
  readonly cadence?: CadenceReport;
}

/** Options of {@link communityHealthSection}. */
export interface CommunityHealthSectionOptions {
  /** The escalation ladder the strikes are read against; default {@link DEFAULT_LADDER}. */
  readonly ladder?: readonly LadderStep[];
}

const list = <T extends z.core.SomeType>(item: T, max: number) =>
  z.array(item).check(z.maxLength(max, { error: `must hold at most ${max} items` }));
const Id = /* @__PURE__ */ (() => z.string().check(z.maxLength(256, { error: "must be at most 256 characters" })))();
const ActionKind = /* @__PURE__ */ (() => z.object({ kind: z.string() }))();
const RateValue = /* @__PURE__ */ (() => z.object({ value: z.nullable(z.number()) }))();

/** Schema of what {@link communityHealthSection} reads of its input (other fields are ignored). */
export const CommunityHealthInputSchema = /* @__PURE__ */ (() =>
  z.object({
    moderation: z.optional(
      list(
        z.object({
          actor: Id,
          evaluation: z.object({
            decisions: list(z.object({ ruleId: Id, actions: list(ActionKind, 100) }), 10_000),
            actions: list(ActionKind, 100),
          }),
        }),
        10_000,
      ),
    ),
    strikes: z.optional(StrikeLogSchema.check(z.maxLength(10_000, { error: "must hold at most 10000 entries" }))),
    events: z.optional(
      list(
        z.object({
          event: CommunityEventSchema,
          participation: z.object({
            eventId: z.string(),
            registered: z.int().check(z.nonnegative()),
            attended: z.int().check(z.nonnegative()),
            showRate: RateValue,
            participationRate: z.nullable(RateValue),
          }),
        }),
        10_000,
      ),
    ),
    cadence: z.optional(
      z.object({
        weeksMet: z.int().check(z.nonnegative()),
        weeksComplete: z.int().check(z.nonnegative()),
        weeks: list(
          z.object({
            complete: z.boolean(),
            gaps: list(z.object({ form: z.string(), by: z.int().check(z.nonnegative()) }), 100),
          }),
          1000,
        ),
      }),
    ),
  }))();

/** Schema of {@link CommunityHealthSectionOptions}. */
export const CommunityHealthSectionOptionsSchema = /* @__PURE__ */ (() =>
  z.object({ ladder: z.optional(EscalationLadderSchema) }))();

const L = (key: string, en: string, zh: string): SectionLabel => ({ key: `community.${key}`, en, "zh-CN": zh });
const count = (value: number | null): SectionCell => ({ kind: "count", value });

const KIND: Record<EventKind, SectionLabel> = {
  talk: L("kind.talk", "talk", "讲座"),
  sharing_session: L("kind.sharing_session", "sharing session", "分享会"),
  group_buy: L("kind.group_buy", "group buy", "团购"),
  qa: L("kind.qa", "Q&A", "问答"),
};

/**
 * The points of one actor's strikes at any instant, as {@link escalationAt} sums them (a
 * strike counts when `at ≤ t` and `t < min(expiresAt, revokedAt)`), in O(log n) per
 * question: prefix sums of the weights by start and by end. Rounded to 1e-9 so that the
 * difference of two sums reads as the direct sum does (weights are ≤ 1000).
 */
function pointsOver(records: readonly StrikeRecord[]): (t: number) => number {
  const starts = records.map((r) => [r.at, r.weight] as const).sort((a, b) => a[0] - b[0]);
  const ends = records
    .map(
      (r) =>
        [Math.min(r.expiresAt ?? Number.POSITIVE_INFINITY, r.revokedAt ?? Number.POSITIVE_INFINITY), r.weight] as const,
    )
    .sort((a, b) => a[0] - b[0]);
  const prefix = (xs: readonly (readonly [number, number])[]) => {
    const out = [0];
    for (const [, w] of xs) out.push((out.at(-1) as number) + w);
    return out;
  };
  const startSums = prefix(starts);
  const endSums = prefix(ends);
  /** How many of `xs` are at or before `t`. */
  const upTo = (xs: readonly (readonly [number, number])[], t: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] as readonly [number, number])[0] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (t) => Math.round(((startSums[upTo(starts, t)] as number) - (endSums[upTo(ends, t)] as number)) * 1e9) / 1e9;
}

/**
 * The community health section of a report (for `@ops/metrics`' `composeReport` /
 * `renderMarkdown`), for a period: moderation — messages checked, messages a rule fired
 * on, messages hidden or deleted; strikes issued and revoked in the period; members muted
 * (a `timeout`) and removed, each counted once, whether a rule's action or the escalation
 * ladder's step right after a strike of the period ({@link escalationAt}'s arithmetic:
 * points = Σ weights of the strikes that count at that instant) did it; the events that
 * started in the period with registrations, attendance, show-up and participation rates
 * ({@link eventParticipation}); and the weeks on the content plan ({@link checkCadence}).
 * A table lists the rules that fired, most messages first (the first 100). Parts not given are left out.
 * Labels in English and Simplified Chinese, keys `community.*`.
 *
 * @param input - `moderation` (at most 10 000 messages), `strikes` (a log of at most 10 000
 *   entries), `events` (at most 10 000), `cadence`, each optional (not mutated)
 * @param period - the report's period (a core `Period`, half-open)
 * @param options - `ladder` (default {@link DEFAULT_LADDER})
 * @returns a `ReportSection` with id `"community"`
 * @throws {OpsError} `invalid_argument` for a malformed input, strike log, period or ladder
 *
 * @example
 * ```ts
 * import { communityHealthSection } from "@ops/community";
 * import { renderMarkdown, weeklyReport } from "@ops/metrics";
 * const t0 = Date.parse("2026-03-09T00:00:00+08:00");
 * const strike = (id: string, at: number) => ({ type: "strike", id, actor: "wx:g:7", ruleId: "no-ads", weight: 1, at, expiresAt: null }) as const;
 * const section = communityHealthSection(
 *   { strikes: [strike("s1", t0 + 1000), strike("s2", t0 + 2000), { type: "revocation", strikeId: "s1", at: t0 + 3000 }] },
 *   { start: t0, end: t0 + 7 * 86_400_000 },
 * );
 * renderMarkdown(weeklyReport({}, { timeZone: "Asia/Shanghai", at: t0 }), { sections: [section] }).split("\n").slice(-5, -1);
 * // => ["- Strikes issued: 2", "- Strikes revoked: 1", "- Members muted: 1", "- Members removed: 0"]
 * ```
 */
export function communityHealthSection(
  input: CommunityHealthInput,
  period: Period,
  options: CommunityHealthSectionOptions = {},
): ReportSection {
  const fn = "communityHealthSection";
  const inp = parseOrThrow(CommunityHealthInputSchema, input, { fn, path: ["input"] });
  const { start, end } = parseOrThrow(PeriodSchema, period, { fn, path: ["period"] });
  const ladder = parseOrThrow(CommunityHealthSectionOptionsSchema, options, { fn, path: ["options"] }).ladder ?? [
    ...DEFAULT_LADDER,
  ];
  const inPeriod = (t: number) => t >= start && t < end;
  const muted = new Set<string>();
  const removed = new Set<string>();
  const mark = (actor: string, kind: string | undefined) => {
    if (kind === "timeout") muted.add(actor);
    else if (kind === "remove") removed.add(actor);
  };
  const figures: { label: SectionLabel; value: SectionCell }[] = [];
  const blocks: ReportSection["blocks"][number][] = [];

  let ruleRows: SectionCell[][] = [];
  if (inp.moderation !== undefined) {
    const byRule = new Map<string, number>();
    let fired = 0;
    let hidden = 0;
    for (const m of inp.moderation) {
      if (m.evaluation.decisions.length > 0) fired++;
      if (m.evaluation.actions.some((a) => a.kind === "hide" || a.kind === "delete")) hidden++;
      for (const a of m.evaluation.actions) mark(m.actor, a.kind);
      for (const ruleId of new Set(m.evaluation.decisions.map((d) => d.ruleId)))
        byRule.set(ruleId, (byRule.get(ruleId) ?? 0) + 1);
    }
    figures.push(
      { label: L("checked", "Messages checked", "检查的消息"), value: count(inp.moderation.length) },
      { label: L("fired", "Messages a rule fired on", "触发规则的消息"), value: count(fired) },
      { label: L("hidden", "Messages hidden or deleted", "隐藏或删除的消息"), value: count(hidden) },
    );
    ruleRows = [...byRule]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([ruleId, n]) => [{ kind: "code", value: ruleId }, count(n)]);
  }

  if (inp.strikes !== undefined || inp.moderation !== undefined) {
    const revokedAt = new Map<string, number>();
    for (const e of inp.strikes ?? [])
      if (e.type === "revocation") revokedAt.set(e.strikeId, Math.min(revokedAt.get(e.strikeId) ?? e.at, e.at));
    // strikeRecords' fold, on the log already checked above
    const records: StrikeRecord[] = (inp.strikes ?? []).flatMap((e) =>
      e.type === "strike" ? [{ ...e, revokedAt: revokedAt.get(e.id) ?? null }] : [],
    );
    const byActor = new Map<string, StrikeRecord[]>();
    for (const r of records) {
      const mine = byActor.get(r.actor);
      if (mine === undefined) byActor.set(r.actor, [r]);
      else mine.push(r);
    }
    const issued = records.filter((r) => inPeriod(r.at));
    const points = new Map<string, (t: number) => number>();
    for (const s of issued) {
      let at = points.get(s.actor);
      if (at === undefined) {
        at = pointsOver(byActor.get(s.actor) ?? []);
        points.set(s.actor, at);
      }
      const p = at(s.at);
      mark(s.actor, ladder.findLast((step) => step.minPoints <= p)?.action.kind);
    }
    if (inp.strikes !== undefined) {
      const revoked = new Set(
        inp.strikes.flatMap((e) => (e.type === "revocation" && inPeriod(e.at) ? [e.strikeId] : [])),
      );
      figures.push(
        { label: L("strikesIssued", "Strikes issued", "新增警告记录"), value: count(issued.length) },
        { label: L("strikesRevoked", "Strikes revoked", "撤销的警告记录"), value: count(revoked.size) },
      );
    }
    figures.push(
      { label: L("muted", "Members muted", "被禁言成员"), value: count(muted.size) },
      { label: L("removed", "Members removed", "被移出成员"), value: count(removed.size) },
    );
  }

  const held = (inp.events ?? [])
    .filter((e) => inPeriod(e.event.startsAt))
    .sort((a, b) => a.event.startsAt - b.event.startsAt || (a.event.id < b.event.id ? -1 : 1));
  if (inp.events !== undefined)
    figures.push(
      { label: L("eventsHeld", "Events held", "举办的活动"), value: count(held.length) },
      {
        label: L("attendance", "Attendance", "参与人次"),
        value: count(held.reduce((s, e) => s + e.participation.attended, 0)),
      },
    );

  if (inp.cadence !== undefined) {
    const missing = inp.cadence.weeks
      .filter((w) => w.complete)
      .reduce((s, w) => s + w.gaps.reduce((t, g) => t + g.by, 0), 0);
    figures.push(
      {
        label: L("weeksOnPlan", "Weeks on the content plan", "达成内容计划的周数"),
        value: count(inp.cadence.weeksMet),
      },
      {
        label: L("weeksChecked", "Complete weeks checked", "已检查的完整周数"),
        value: count(inp.cadence.weeksComplete),
      },
      { label: L("postsMissing", "Posts missing from the plan", "计划内缺少的内容"), value: count(missing) },
    );
  }

  if (figures.length > 0) blocks.push({ kind: "figures", items: figures });
  if (ruleRows.length > 0)
    blocks.push({
      kind: "table",
      columns: [L("rule", "Rule", "规则"), L("ruleMessages", "Messages", "消息数")].map((label) => ({ label })),
      rows: ruleRows.slice(0, 100),
    });
  if (held.length > 0)
    blocks.push({
      kind: "table",
      columns: [
        L("event", "Event", "活动"),
        L("kind", "Kind", "类型"),
        L("startsAt", "Starts", "开始时间"),
        L("registered", "Registered", "报名"),
        L("attended", "Attended", "参与"),
        L("showRate", "Show-up rate", "到场率"),
        L("participationRate", "Participation", "参与率"),
      ].map((label) => ({ label })),
      rows: held
        .slice(0, 1000)
        .map(({ event: e, participation: p }) => [
          { kind: "text", value: e.title },
          { kind: "text", value: EVENT_KINDS.includes(e.kind) ? KIND[e.kind] : e.kind },
          { kind: "instant", value: e.startsAt },
          count(p.registered),
          count(p.attended),
          { kind: "rate", value: p.showRate.value },
          { kind: "rate", value: p.participationRate?.value ?? null },
        ]),
    });
  return { id: "community", title: L("title", "Community health", "社群健康度"), blocks };
}
