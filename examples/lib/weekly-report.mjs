// The weekly operations report, computed with the packages' public APIs only. Shared by
// examples/demo.mjs (terminal, report.html, report.md) and the weekly-report notebook.
import {
  composeReport,
  csat,
  detectCountAnomalies,
  detectSeasonalAnomalies,
  followerGrowth,
  funnel,
  periodChange,
  quantile,
  rate,
  retentionTable,
  weeklyReport,
} from "@ops/metrics";
import {
  compileSlaPolicies,
  computeSlaClocks,
  replyDeadline,
  slaComplianceReport,
  slaComplianceSection,
} from "@ops/sla";
import { evaluateReplyWindow, REPLY_WINDOW_POLICIES } from "@ops/interaction";
import { checkEligibility, drawsHeldSection, drawWinners, QUICKNET, verifyBeacon, verifyDraw } from "@ops/raffle";
import {
  checkCadence,
  communityHealthSection,
  compileRules,
  evaluate,
  eventParticipation,
  issueStrike,
} from "@ops/community";
import { closingTheLoop, feedbackLoopSection, overdueItems, replayLog, resolvedNotReported } from "@ops/feedback";
import { campaignInteractions, DAY, localDate, WEEK } from "./sample.mjs";
import { buildSurveySection } from "./survey-section.mjs";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** First-reply SLA policies: DMs within 1 hour, product questions in comments within 2 hours (calendar time). */
export const SLA_POLICIES = [
  {
    id: "dm-1h",
    name: "DM first reply within 1 h",
    match: { kinds: ["dm"] },
    targets: { first_reply: { goal: 1 * HOUR, hours: "calendar" } },
  },
  {
    id: "question-2h",
    name: "Comment question first reply within 2 h",
    match: { kinds: ["comment"] },
    targets: { first_reply: { goal: 2 * HOUR, hours: "calendar" } },
  },
];

/** The group's conduct rules (ads out, personal attacks hidden) and the content plan of the domain's rule of thumb. */
export const GROUP_RULES = [
  {
    id: "no-ads",
    triggers: [{ kind: "links" }],
    actions: [{ kind: "delete" }, { kind: "warn" }],
    strike: { weight: 1, ttlMs: 30 * DAY },
  },
  {
    id: "no-attacks",
    triggers: [{ kind: "keywords", category: "personal_attack", keywords: ["蠢货", "脑残", "idiot"] }],
    actions: [{ kind: "hide" }],
    strike: { weight: 2, ttlMs: 30 * DAY },
  },
];
export const CONTENT_PLAN = {
  targets: [
    { form: "article", min: 3, max: 5 },
    { form: "short_video", min: 2, max: 3 },
  ],
};

/** The platform reply-window policy used for each platform's DMs (none is published for Xiaohongshu). */
export const DM_WINDOW_POLICY = {
  weibo: "weibo.fan_service",
  douyin: "douyin.im",
  wechat_oa: "wechat_oa.customer_service",
};

/** SLA events of one inbound item: created, then the first outbound reply if any. */
export function slaEvents(item) {
  const events = [
    {
      type: "created",
      at: item.receivedAt,
      subject: { platform: item.platform, kind: item.kind, channelId: item.platform },
    },
  ];
  if (item.firstReplyAt !== null)
    events.push({
      type: "message",
      at: item.firstReplyAt,
      direction: "out",
      visibility: item.kind === "dm" ? "private" : "public",
    });
  return events;
}

/** Clocks of every inbound item read at `now` (items received after `now` are left out). */
export function slaItems(inbound, policies, now) {
  return inbound
    .filter((i) => i.receivedAt < now)
    .map((i) => {
      const events = slaEvents(i).filter((e) => e.at <= now);
      return { item: i, channelId: i.platform, clocks: computeSlaClocks(events, policies, { now }) };
    });
}

const sumSnapshots = (sample) => {
  const byAt = new Map();
  for (const s of sample.followerSnapshots) byAt.set(s.at, (byAt.get(s.at) ?? 0) + s.followers);
  return [...byAt].sort((a, b) => a[0] - b[0]).map(([at, followers]) => ({ at, followers }));
};

/** The typed weekly KPI report of metrics for week `index` (1-based). */
export function kpiReport(sample, index) {
  const week = sample.weeks[index - 1];
  return weeklyReport(
    { posts: sample.posts, inbound: sample.inbound, followerSnapshots: sumSnapshots(sample), events: sample.events },
    {
      timeZone: sample.timeZone,
      at: week.start + 3 * DAY,
      // each item against its own policy's target (DMs 1 h, question comments 2 h), as the SLA table;
      // items still inside their target when the data ends are pending, not misses
      replyTargets: SLA_POLICIES.flatMap((p) =>
        p.match.kinds.map((kind) => ({ kind, withinMs: p.targets.first_reply.goal })),
      ),
      asOf: sample.end,
      funnelSteps: ["dm", "dm_answered", "order"],
      funnelWindowMs: 3 * DAY,
    },
  );
}

/** Builds the whole report for week `index` (default: the last week of the data). */
export function buildWeeklyReport(sample, options = {}) {
  const index = options.week ?? sample.weeks.length;
  const week = sample.weeks[index - 1];
  const previous = sample.weeks[index - 2] ?? null;
  const now = week.end;
  const zone = sample.timeZone;

  // --- KPIs with week-on-week change, and their eight-week trends
  const kpis = kpiReport(sample, index);
  const trendReports = sample.weeks.map((w) => kpiReport(sample, w.index));
  const trend = (key) => trendReports.map((r) => r.indicators.find((i) => i.key === key)?.current ?? null);
  const policies = compileSlaPolicies(SLA_POLICIES);
  const weeklyCompliance = sample.weeks.map((w) => {
    const items = slaItems(
      sample.inbound.filter((i) => i.receivedAt >= w.start && i.receivedAt < w.end),
      policies,
      w.end + 7 * DAY,
    );
    return slaComplianceReport(items, { timeZone: zone }).overall.achievementRate.value;
  });
  const followerTrend = sample.weeks.map((w) => {
    const g = followerGrowth(
      sample.interactions
        .filter((i) => i.kind === "follow" || i.kind === "unfollow")
        .map((i) => ({ at: i.at, type: i.kind })),
      {
        period: w,
        baseFollowers: sample.followerSnapshots.filter((s) => s.at === w.start).reduce((a, s) => a + s.followers, 0),
      },
    );
    return { week: w.index, gained: g.gained, lost: g.lost, net: g.net, netGrowthRate: g.netGrowthRate.value };
  });
  const trends = {
    weeks: sample.weeks.map((w) => `W${w.index}`),
    series: [
      {
        key: "followerNetGrowth",
        label: "Net follower growth",
        unit: "count",
        values: followerTrend.map((f) => f.net),
      },
      { key: "engagementRate", label: "Engagement rate", unit: "rate", values: trend("engagementRate") },
      {
        key: "medianFirstReplyMs",
        label: "Median first reply, min",
        unit: "minutes",
        values: trend("medianFirstReplyMs").map((v) => (v === null ? null : v / MIN)),
      },
      { key: "slaCompliance", label: "First-reply SLA compliance", unit: "rate", values: weeklyCompliance },
    ],
  };

  // --- conversion: DM enquiry → answered → order within 3 days, for enquiries this week
  const dmFunnel = funnel(sample.events, { steps: ["dm", "dm_answered", "order"], windowMs: 3 * DAY, range: week });
  const campaignRates = sample.campaigns.map((c) => {
    const entered = new Set(
      sample.interactions.filter((i) => i.post === c.postId && i.kind === "comment").map((i) => i.actor),
    ).size;
    return { variant: c.variant, prize: c.prize, reached: c.reached, entered, participation: rate(entered, c.reached) };
  });

  // --- first-reply SLA for items received this week, read at the end of the week
  const weekItems = slaItems(
    sample.inbound.filter((i) => i.receivedAt >= week.start && i.receivedAt < week.end),
    policies,
    now,
  );
  const compliance = slaComplianceReport(weekItems, { timeZone: zone });
  const breaches = weekItems
    .filter((x) => x.clocks.cycles.first_reply.some((c) => c.status === "breached"))
    .map((x) => {
      const cycle = x.clocks.cycles.first_reply[0];
      return {
        id: x.item.id,
        platform: x.item.platform,
        kind: x.item.kind,
        receivedAt: x.item.receivedAt,
        policyId: x.clocks.policyId,
        breachedAt: cycle.breachedAt,
        answeredAt: x.item.firstReplyAt,
      };
    });
  const replyMinutes = weekItems
    .filter((x) => x.item.firstReplyAt !== null)
    .map((x) => (x.item.firstReplyAt - x.item.receivedAt) / MIN);
  const allReplyMinutes = sample.inbound
    .filter((i) => i.firstReplyAt !== null && i.receivedAt < now)
    .map((i) => (i.firstReplyAt - i.receivedAt) / MIN);

  // --- platform reply-window risks for DMs still unanswered at the end of the week
  const windowRisks = [];
  for (const x of weekItems) {
    if (x.item.kind !== "dm" || x.item.firstReplyAt !== null) continue;
    const policyId = DM_WINDOW_POLICY[x.item.platform];
    if (!policyId) {
      windowRisks.push({
        id: x.item.id,
        platform: x.item.platform,
        receivedAt: x.item.receivedAt,
        code: "no_policy",
        canReply: null,
        dueAt: null,
        windowClosesAt: null,
        binding: null,
        warnings: ["no published reply-window rule for this platform: check by hand"],
      });
      continue;
    }
    const allowance = evaluateReplyWindow(
      REPLY_WINDOW_POLICIES[policyId],
      [{ kind: "dm", at: x.item.receivedAt, sentSince: 0 }],
      "message",
      now,
    );
    const d = replyDeadline(x.clocks, allowance);
    windowRisks.push({
      id: x.item.id,
      platform: x.item.platform,
      receivedAt: x.item.receivedAt,
      code: allowance.code,
      canReply: d.canReply,
      dueAt: d.dueAt,
      windowClosesAt: d.windowClosesAt,
      binding: d.binding,
      warnings: d.warnings.map((w) => w.message),
    });
  }

  // --- the lucky draw (variant A, drawn with a real drand quicknet round) and its verification
  const draws = sample.campaigns.map((c) => {
    const spec = {
      ...c.spec,
      randomness: { kind: "drand", chain: QUICKNET, delaySeconds: c.spec.randomness.delaySeconds },
    };
    if (c.spec.randomness.chainHash !== QUICKNET.hash)
      throw new Error(`sample campaign ${c.campaignId} names another drand chain`);
    const eligibility = checkEligibility(
      spec.eligibility.rules,
      campaignInteractions(sample, c),
      {
        postId: c.postId,
        opensAt: c.opensAt,
        closeAt: spec.closeAt,
        followers: sample.followersAtClose,
        blocklist: sample.blocklist,
      },
      {
        weight: ({ events }) =>
          Math.min(4, 1 + Math.max(0, ...events.map((e) => (e.content?.text?.match(/@\S+/g) ?? []).length))),
      },
    );
    const beacon = {
      round: sample.beacon.round,
      signature: sample.beacon.signature,
      randomness: sample.beacon.randomness,
    };
    // drawWinners takes the beacon as verifyBeacon returned it (BLS signature checked)
    const beaconCheck = verifyBeacon(beacon, QUICKNET);
    if (!beaconCheck.ok)
      throw new Error(`sample beacon does not verify: ${beaconCheck.error.map((f) => f.message).join("; ")}`);
    const certificate = drawWinners(spec, eligibility.entrants, beaconCheck.value);
    const verification = verifyDraw(certificate, eligibility.entrants);
    return {
      campaign: c,
      spec,
      eligibility,
      beacon,
      beaconCheck,
      certificate,
      verification,
    };
  });

  // --- feedback backlog and closing the loop
  const feedbackItems = [...replayLog(sample.feedbackEvents.filter((e) => e.at < now)).values()];
  const open = feedbackItems.filter(
    (i) => !["reported", "closed", "rejected", "duplicate", "follow_up"].includes(i.status) && i.status !== "resolved",
  );
  const byStatus = {};
  for (const i of open) byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
  const feedback = {
    total: feedbackItems.length,
    openedThisWeek: feedbackItems.filter((i) => i.openedAt >= week.start).length,
    backlog: open.length,
    byStatus,
    overdue: overdueItems(feedbackItems, now).map((i) => ({
      id: i.id,
      status: i.status,
      category: i.category,
      dueAt: i.dueAt,
    })),
    loopThisWeek: closingTheLoop(feedbackItems, { period: week }),
    loopAll: closingTheLoop(feedbackItems),
    resolvedNotReported: resolvedNotReported(feedbackItems, now, { olderThanMs: DAY }).map((i) => ({
      id: i.id,
      category: i.category,
      resolvedAt: i.resolvedAt,
    })),
    csat: csat(feedbackItems.filter((i) => i.csat).map((i) => i.csat.score)),
  };

  // --- anomalies with explanations
  const days = Math.round((sample.end - sample.start) / DAY);
  const dayOf = (t) => Math.floor((t - sample.start) / DAY);
  const net = new Array(days).fill(0);
  for (const i of sample.interactions)
    if ((i.kind === "follow" || i.kind === "unfollow") && i.at < sample.end)
      net[dayOf(i.at)] += i.kind === "follow" ? 1 : -1;
  const received = new Array(days).fill(0);
  const breached = new Array(days).fill(0);
  for (const x of slaItems(
    sample.inbound.filter((i) => i.receivedAt < sample.end),
    policies,
    sample.end + 2 * DAY,
  )) {
    const d = dayOf(x.item.receivedAt);
    received[d]++;
    if (x.clocks.cycles.first_reply.some((c) => c.status === "breached")) breached[d]++;
  }
  const dailyFollows = net.map((value, d) => ({ at: sample.start + d * DAY, value }));
  const dailyBreaches = breached.map((count, d) => ({ at: sample.start + d * DAY, count, trials: received[d] }));
  const growthAnomalies = detectSeasonalAnomalies(dailyFollows).map((a) => ({
    ...a,
    series: "daily net follower growth",
  }));
  const breachAnomalies = detectCountAnomalies(dailyBreaches, { minHistory: 7 }).map((a) => ({
    ...a,
    series: "daily first-reply SLA breaches",
  }));
  const anomalies = [...growthAnomalies, ...breachAnomalies]
    .sort((a, b) => a.at - b.at)
    .map((a) => ({ ...a, day: localDate(a.at) }));
  // consecutive flagged days of one series form an episode, explained once
  const episodes = [];
  for (const a of anomalies) {
    const last = episodes.findLast((e) => e.series === a.series);
    if (last && a.at - last.anomalies.at(-1).at <= DAY) last.anomalies.push(a);
    else episodes.push({ series: a.series, anomalies: [a] });
  }
  for (const e of episodes) {
    e.start = e.anomalies[0].at;
    e.end = e.anomalies.at(-1).at + DAY;
    e.from = e.anomalies[0].day;
    e.to = e.anomalies.at(-1).day;
    e.direction = e.anomalies[0].direction;
    e.explanation = explain(sample, e);
  }
  episodes.sort((a, b) => a.start - b.start);

  // --- community retention (weekly cohorts of group joins, returning = posting a message)
  const communityEvents = [
    ...sample.community.joins.map((j) => ({ at: j.at, actor: j.actor, kind: "join" })),
    ...sample.community.messages.map((m) => ({ at: m.at, actor: m.actor, kind: "message" })),
  ];
  const retention = retentionTable(communityEvents, {
    timeZone: zone,
    interval: "week",
    startEvent: "join",
    returnEvent: "message",
    periods: sample.weeks.length,
    range: { start: sample.start, end: sample.end },
  });

  // --- satisfaction with the activities
  const survey = ["lucky_draw", "quiz", "group_talk"].map((activity) => ({
    activity,
    csat: csat(sample.survey.filter((s) => s.activity === activity && s.at < now).map((s) => s.score)),
  }));

  // --- community health: the group's messages of the week through the conduct rules, the strikes
  // they gave (the log from the start of the data, with the moderators' revocations), the group's
  // events with their registrations and attendance, and the week's publishing against the content plan
  const rules = compileRules(GROUP_RULES);
  const groupMessages = sample.community.messages
    .map((m) => ({ id: m.id, actor: m.actor, text: m.text, at: m.at }))
    .filter((m) => m.at < now);
  const moderated = groupMessages.map((m) => ({
    m,
    evaluation: evaluate(m, rules, { roles: ["member"], recent: [] }),
  }));
  const strikeId = (messageId, ruleId) => `strike_${messageId}_${ruleId}`;
  const strikes = [
    ...moderated.flatMap(({ m, evaluation }) =>
      evaluation.decisions.flatMap((d) =>
        d.strike
          ? [issueStrike(d.strike, { id: strikeId(m.id, d.ruleId), actor: m.actor, ruleId: d.ruleId, at: m.at })]
          : [],
      ),
    ),
    ...sample.community.revocations
      .filter((r) => r.at < now)
      .map((r) => ({ type: "revocation", strikeId: strikeId(r.messageId, r.ruleId), at: r.at })),
  ].sort((a, b) => a.at - b.at);
  const eventsHeld = sample.community.events
    .filter((e) => e.startsAt < now)
    .map((event) => ({
      event,
      participation: eventParticipation(event, sample.community.registrations, sample.community.attendance, {
        // members never leave the sample's group: its members at the start are everyone who joined before
        memberCount: sample.community.joins.filter((j) => j.at < event.startsAt).length,
      }),
    }));
  const community = communityHealthSection(
    {
      moderation: moderated
        .filter(({ m }) => m.at >= week.start)
        .map(({ m, evaluation }) => ({ actor: m.actor, evaluation })),
      strikes,
      events: eventsHeld,
      cadence: checkCadence(
        { ...CONTENT_PLAN, timeZone: zone },
        sample.posts.map((p) => ({ id: p.id, form: p.form, publishedAt: p.publishedAt })),
        week,
      ),
    },
    week,
  );
  const surveys = buildSurveySection(sample, week, now);

  // --- the report the library renders: the KPIs, then the sections of the packages that own the data
  const composed = composeReport(kpis, [
    slaComplianceSection(compliance),
    feedbackLoopSection(feedbackItems, now, { period: week }),
    community,
    surveys.section,
    drawsHeldSection(draws.map((d) => ({ certificate: d.certificate, verification: d.verification }))),
  ]);

  return {
    brand: sample.brand,
    composed,
    timeZone: zone,
    week: { index, start: week.start, end: week.end, days: kpis.days },
    previousWeek: previous && { index: previous.index },
    kpis,
    trends,
    followerTrend,
    dmFunnel,
    campaignRates,
    sla: {
      policies: SLA_POLICIES,
      compliance,
      breaches,
      replyMinutes,
      allReplyMinutes,
      p50: compliance.overall.firstReply?.p50 ?? null,
      p90: compliance.overall.firstReply?.p90 ?? null,
      windowRisks,
    },
    draws,
    feedback,
    anomalies,
    episodes,
    retention,
    survey,
    community: {
      section: community,
      eventsHeld,
      strikesIssued: strikes.filter((x) => x.type === "strike" && x.at >= week.start).length,
      violations: moderated.filter(({ m, evaluation }) => m.at >= week.start && evaluation.decisions.length > 0).length,
    },
    surveys: surveys.figures,
    injected: sample.injected,
  };
}

/**
 * Why an anomaly episode (consecutive flagged days of one series) may have happened: the
 * drivers of its week against the average of the other weeks (posts published,
 * impressions) for follower growth, or who answered and how fast for reply breaches —
 * each compared with metrics' periodChange / quantile — plus the injected event it
 * matches, if any. (@ops/metrics flags anomalies; explaining them is the analyst's step.)
 */
export function explain(sample, episode) {
  const w = sample.weeks.find((x) => episode.start >= x.start && episode.start < x.end);
  const others = sample.weeks.filter((x) => x !== w);
  const inside = (x, at) => at >= x.start && at < x.end;
  const postsIn = (x) => sample.posts.filter((p) => inside(x, p.publishedAt) && !p.campaign);
  const reasons = [];
  if (episode.series.includes("follower")) {
    const posts = periodChange(postsIn(w).length, others.reduce((s, x) => s + postsIn(x).length, 0) / others.length);
    const reach = periodChange(
      postsIn(w).reduce((s, p) => s + p.impressions, 0),
      others.reduce((s, x) => s + postsIn(x).reduce((t, p) => t + p.impressions, 0), 0) / others.length,
    );
    const unfollows = (x) => sample.interactions.filter((i) => i.kind === "unfollow" && inside(x, i.at)).length;
    const churn = periodChange(unfollows(w), others.reduce((s, x) => s + unfollows(x), 0) / others.length);
    reasons.push(
      `posts published in week ${w.index}: ${posts.current} against ${posts.previous?.toFixed(1)} a week on average (${pct(posts.relative)})`,
    );
    reasons.push(`impressions of week ${w.index}'s posts: ${pct(reach.relative)} against the other weeks' average`);
    reasons.push(
      `unfollows in week ${w.index}: ${churn.current} against ${churn.previous?.toFixed(0)} a week on average (${pct(churn.relative)})`,
    );
  } else {
    const replies = sample.interactions.filter((i) => i.kind === "reply" && inside(episode, i.at));
    const agents = new Set(replies.map((r) => r.actor));
    const typicalAgents = others.map(
      (x) =>
        new Set(
          sample.interactions
            .filter((i) => i.kind === "reply" && inside({ start: x.start + 5 * DAY, end: x.end }, i.at))
            .map((r) => r.actor),
        ).size,
    );
    const times = sample.inbound
      .filter((i) => inside(episode, i.receivedAt) && i.firstReplyAt !== null)
      .map((i) => (i.firstReplyAt - i.receivedAt) / MIN);
    const usual = sample.inbound
      .filter((i) => !inside(episode, i.receivedAt) && i.firstReplyAt !== null)
      .map((i) => (i.firstReplyAt - i.receivedAt) / MIN);
    reasons.push(
      `agents who replied: ${agents.size} (${[...agents].sort().join(", ")}) for ${replies.length} replies; other weekends had ${Math.round(quantile(typicalAgents, 0.5))}`,
    );
    if (times.length)
      reasons.push(
        `median first reply: ${Math.round(quantile(times, 0.5))} min against ${Math.round(quantile(usual, 0.5))} min on other days`,
      );
  }
  const injected = sample.injected.find((e) => episode.start < e.end && episode.end > e.start);
  return { reasons, injected: injected ? `${injected.id}: ${injected.what} — ${injected.why}` : null };
}

export const pct = (x, digits = 1) =>
  x === null || x === undefined ? "—" : `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(digits)}%`;
export { HOUR, MIN, WEEK };
