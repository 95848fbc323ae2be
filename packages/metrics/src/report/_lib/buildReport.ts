// The engine behind weeklyReport and monthlyReport: the indicators of one period, computed
// with the public functions, for the period and the previous one.
import { isOpsError, OpsError, parseOrThrow, type Period, type WeekStartsOn } from "@ops/core";
import type { EventColumns } from "../../column/EventColumns";
import { periodChange } from "../../compare/periodChange";
import { previousPeriod } from "../../compare/previousPeriod";
import { funnel } from "../../funnel/funnel";
import {
  followerGrowthFromSnapshots,
  type FollowerGrowthFromSnapshotsOptions,
} from "../../growth/followerGrowthFromSnapshots";
import { engagementRate } from "../../rate/engagementRate";
import { type ReplyItem, replyRate } from "../../rate/replyRate";
import {
  ReportOptionsSchema,
  type Indicator,
  type IndicatorGroup,
  type IndicatorKey,
  type IndicatorUnit,
  type Report,
  type ReportInput,
  type ReportOptions,
} from "../Report";
import { planBuckets } from "../../_lib/bucketPlan";
import { measureElapsed } from "../../_lib/measureElapsed";
import { toColumns } from "../../_lib/columns";
import { quantileOfSorted } from "../../_lib/quantileOfSorted";

type Values = Map<IndicatorKey, number | null>;
const META: Record<IndicatorKey, readonly [IndicatorGroup, IndicatorUnit]> = {
  postsPublished: ["interaction", "count"],
  comments: ["interaction", "count"],
  likes: ["interaction", "count"],
  shares: ["interaction", "count"],
  engagementRate: ["interaction", "rate"],
  inboundMessages: ["interaction", "count"],
  replyRate: ["interaction", "rate"],
  replyRateWithinTarget: ["interaction", "rate"],
  repliesPending: ["interaction", "count"],
  medianFirstReplyMs: ["interaction", "duration"],
  followers: ["retention", "count"],
  followerNetGrowth: ["retention", "count"],
  followerGrowthRate: ["retention", "rate"],
  activeActors: ["retention", "count"],
  returningActorRate: ["retention", "rate"],
  funnelConversion: ["conversion", "rate"],
};

export function buildReport(
  kind: "weekly" | "monthly",
  input: ReportInput,
  options: ReportOptions,
  fn: string,
): Report {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["input"],
      rule: "must be an object { posts?, inbound?, followerSnapshots?, events? }",
      received: input,
    });
  }
  const opts = parseOrThrow(ReportOptionsSchema, options, { fn, path: ["options"] });
  const zone = opts.timeZone;
  const plan = planBuckets(
    kind === "weekly" ? "week" : "month",
    zone,
    (opts.weekStartsOn ?? 1) as WeekStartsOn,
    opts.at,
    opts.at,
    fn,
  );
  const period: Period = { start: plan.bounds[0] as number, end: plan.bounds[1] as number };
  const against = kind === "weekly" ? "wow" : "mom";
  const prev = previousPeriod(period, { against, timeZone: zone });
  const prevPrev = previousPeriod(prev, { against, timeZone: zone });
  const cols = input.events === undefined ? undefined : toColumns(input.events, fn, ["input", "events"]);
  const current = valuesOf(input, cols, period, prev, opts, fn);
  const previous = valuesOf(input, cols, prev, prevPrev, opts, fn);
  const indicators: Indicator[] = [];
  for (const [key, value] of current) {
    const [group, unit] = META[key];
    const before = previous.get(key) ?? null;
    indicators.push({ key, group, unit, current: value, previous: before, change: periodChange(value, before) });
  }
  const dayOf = (t: number): string => planBuckets("day", zone, 1, t, t, fn).labels[0] as string;
  return {
    kind,
    timeZone: zone,
    period,
    previousPeriod: prev,
    days: [dayOf(period.start), dayOf(period.end - 1)],
    indicators,
  };
}

/** The target of an item: the first `replyTargets` entry matching its kind and channel, else the default. */
function targetOf(
  item: ReplyItem,
  targets: readonly { kind?: string | undefined; channelId?: string | undefined; withinMs: number }[] | undefined,
  fallback: number | undefined,
): number | undefined {
  for (const t of targets ?? []) {
    if ((t.kind === undefined || t.kind === item.kind) && (t.channelId === undefined || t.channelId === item.channelId))
      return t.withinMs;
  }
  return fallback;
}

function valuesOf(
  input: ReportInput,
  cols: EventColumns | undefined,
  period: Period,
  before: Period,
  opts: ReturnType<typeof ReportOptionsSchema.parse>,
  fn: string,
): Values {
  const v: Values = new Map();
  const inPeriod = (t: number): boolean => t >= period.start && t < period.end;
  if (input.posts !== undefined) {
    const e = engagementRate(input.posts, {
      period,
      denominator: opts.engagementDenominator ?? "impressions",
      aggregation: opts.engagementAggregation ?? "ratioOfSums",
    });
    const published = input.posts.filter((p) => inPeriod(p.publishedAt));
    v.set("postsPublished", published.length);
    v.set(
      "comments",
      published.reduce((s, p) => s + (p.comments ?? 0), 0),
    );
    v.set(
      "likes",
      published.reduce((s, p) => s + (p.likes ?? 0), 0),
    );
    v.set(
      "shares",
      published.reduce((s, p) => s + (p.shares ?? 0), 0),
    );
    v.set("engagementRate", e.value);
  }
  if (input.inbound !== undefined) {
    replyRate(input.inbound); // validates the whole list, so that an error names the caller's index
    const asOf = opts.asOf;
    // errors from the caller's function name this call and its option
    const userElapsed = opts.elapsed;
    const elapsed =
      userElapsed === undefined
        ? undefined
        : (from: number, to: number) => measureElapsed(userElapsed, from, to, fn, ["options", "elapsed"]);
    // received in the period and, with asOf, before the data was taken
    const items = input.inbound.filter((i) => inPeriod(i.receivedAt) && (asOf === undefined || i.receivedAt < asOf));
    v.set("inboundMessages", items.length);
    v.set("replyRate", replyRate(items).value);
    const targeted = opts.replyTargetMs !== undefined || (opts.replyTargets?.length ?? 0) > 0;
    if (targeted) {
      // one replyRate per target value, summed: each item judged against its own target
      const byTarget = new Map<number, ReplyItem[]>();
      for (const item of items) {
        const within = targetOf(item, opts.replyTargets, opts.replyTargetMs);
        if (within === undefined) continue;
        const group = byTarget.get(within);
        if (group === undefined) byTarget.set(within, [item]);
        else group.push(item);
      }
      let numerator = 0;
      let denominator = 0;
      let pending = 0;
      for (const [within, group] of byTarget) {
        const r = replyRate(group, {
          within,
          ...(asOf === undefined ? {} : { now: asOf }),
          ...(elapsed === undefined ? {} : { elapsed }),
        });
        numerator += r.numerator;
        denominator += r.denominator;
        pending += r.pending;
      }
      v.set("replyRateWithinTarget", denominator === 0 ? null : numerator / denominator);
      if (asOf !== undefined) v.set("repliesPending", pending);
    }
    const times = items.flatMap((i) =>
      i.firstReplyAt == null || (asOf !== undefined && i.firstReplyAt > asOf)
        ? []
        : [elapsed === undefined ? i.firstReplyAt - i.receivedAt : elapsed(i.receivedAt, i.firstReplyAt)],
    );
    v.set("medianFirstReplyMs", times.length === 0 ? null : quantileOfSorted(Float64Array.from(times).sort(), 0.5, 7));
  }
  if (input.followerSnapshots !== undefined) {
    const growthOptions: FollowerGrowthFromSnapshotsOptions = { period };
    let growth: ReturnType<typeof followerGrowthFromSnapshots> | null = null;
    try {
      growth = followerGrowthFromSnapshots(input.followerSnapshots, growthOptions);
    } catch (error) {
      // no reading at or before the period's start: the period has no growth figures
      if (!isOpsError(error, "out_of_range")) throw error;
    }
    v.set("followers", growth?.end ?? null);
    v.set("followerNetGrowth", growth?.net ?? null);
    v.set("followerGrowthRate", growth?.netGrowthRate.value ?? null);
  }
  if (cols !== undefined) {
    const seenNow = new Uint8Array(cols.actors.length);
    const seenBefore = new Uint8Array(cols.actors.length);
    let active = 0;
    let activeBefore = 0;
    let returning = 0;
    for (let i = 0; i < cols.at.length; i++) {
      const t = cols.at[i] as number;
      const a = cols.actor[i] as number;
      if (inPeriod(t) && seenNow[a] === 0) {
        seenNow[a] = 1;
        active++;
      } else if (t >= before.start && t < before.end && seenBefore[a] === 0) {
        seenBefore[a] = 1;
        activeBefore++;
      }
    }
    for (let a = 0; a < seenNow.length; a++) if (seenNow[a] === 1 && seenBefore[a] === 1) returning++;
    v.set("activeActors", active);
    v.set("returningActorRate", activeBefore === 0 ? null : returning / activeBefore);
    if (opts.funnelSteps !== undefined) {
      const f = funnel(cols, {
        steps: opts.funnelSteps,
        range: period,
        ...(opts.funnelWindowMs === undefined ? {} : { windowMs: opts.funnelWindowMs }),
      });
      v.set("funnelConversion", f.steps[f.steps.length - 1]?.conversionFromStart.value ?? null);
    }
  }
  return v;
}
