// Loads examples/sample-data/brand-8-weeks.json and shapes it into the inputs the @ops
// packages take. Runs in Node and in Deno (notebooks): only node:fs and @ops/core.
import { readFileSync } from "node:fs";
import { addLocalDays, parseInstant } from "@ops/core";

export const SAMPLE_PATH = new URL("../sample-data/brand-8-weeks.json", import.meta.url);
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

const at = (row, ...fields) => {
  const out = { ...row };
  for (const f of fields) if (typeof out[f] === "string") out[f] = parseInstant(out[f]);
  return out;
};

/**
 * The sample data with every instant as epoch milliseconds, plus derived views:
 * `weeks` (the eight local weeks as periods), `posts` as @ops/metrics PostMetrics,
 * `inbound` (DMs and question comments with their first reply), `events` (MetricEvents).
 */
export function loadSample(path = SAMPLE_PATH) {
  const raw = JSON.parse(readFileSync(path, "utf8"));
  const start = parseInstant(raw.start);
  // local calendar weeks (zone-aware: a week that holds a DST change is 167 or 169 hours long)
  const weekStart = (i) => addLocalDays(start, raw.timeZone, 7 * i);
  const weeks = Array.from({ length: raw.weeks }, (_, i) => ({
    index: i + 1,
    start: weekStart(i),
    end: weekStart(i + 1),
  }));
  const interactions = raw.interactions.map((r) => at(r, "at"));
  const byId = new Map(interactions.map((i) => [i.id, i]));
  // first reply per inbound interaction
  const firstReply = new Map();
  for (const r of interactions) {
    if (r.kind !== "reply") continue;
    const prev = firstReply.get(r.replyTo);
    if (!prev || r.at < prev.at) firstReply.set(r.replyTo, r);
  }
  const perPost = new Map();
  for (const i of interactions) {
    if (!i.post) continue;
    const c = perPost.get(i.post) ?? { likes: 0, comments: 0, shares: 0 };
    if (i.kind === "like") c.likes++;
    else if (i.kind === "comment") c.comments++;
    else if (i.kind === "repost") c.shares++;
    perPost.set(i.post, c);
  }
  const posts = raw.posts.map((p) => {
    const q = at(p, "at");
    const c = perPost.get(q.id) ?? { likes: 0, comments: 0, shares: 0 };
    return {
      id: q.id,
      platform: q.platform,
      form: q.form,
      topic: q.topic,
      campaign: q.campaign ?? null,
      publishedAt: q.at,
      impressions: q.impressions,
      reach: q.reach,
      ...c,
    };
  });
  const inbound = interactions
    .filter((i) => i.kind === "dm" || (i.kind === "comment" && i.intent === "question"))
    .map((i) => {
      const r = firstReply.get(i.id);
      return {
        id: i.id,
        platform: i.platform,
        kind: i.kind,
        actor: i.actor,
        receivedAt: i.at,
        firstReplyAt: r ? r.at : null,
        agent: r ? r.actor : null,
      };
    });
  const orders = raw.orders.map((o) => at(o, "at"));
  const events = [
    ...interactions
      .filter((i) => i.kind !== "reply")
      .map((i) => ({ at: i.at, actor: i.actor, channel: i.platform, kind: i.kind })),
    ...orders.map((o) => ({ at: o.at, actor: o.actor, channel: o.platform, kind: "order", value: o.value })),
    // an inbound DM or question answered: the asker received a reply (a funnel step)
    ...inbound
      .filter((i) => i.firstReplyAt !== null)
      .map((i) => ({ at: i.firstReplyAt, actor: i.actor, channel: i.platform, kind: `${i.kind}_answered` })),
  ].sort((a, b) => a.at - b.at);
  return {
    raw,
    brand: raw.brand,
    timeZone: raw.timeZone,
    platforms: raw.platforms,
    start,
    end: addLocalDays(start, raw.timeZone, 7 * raw.weeks),
    weeks,
    injected: raw.injected.map((x) => at(x, "start", "end")),
    interactions,
    interactionById: byId,
    posts,
    inbound,
    orders,
    events,
    followerSnapshots: raw.followerSnapshots.map((s) => at(s, "at")),
    feedbackEvents: raw.feedbackEvents.map((e) => at(e, "at")),
    survey: raw.survey.map((s) => at(s, "at")),
    community: {
      group: raw.community.group,
      groupId: raw.community.groupId,
      joins: raw.community.joins.map((j) => at(j, "at")),
      messages: raw.community.messages.map((m) => at(m, "at")),
      // @ops/community CommunityEvent, Registration and Attendance records
      events: (raw.community.events ?? []).map((e) => at(e, "startsAt", "endsAt")),
      registrations: (raw.community.registrations ?? []).map((r) => at(r, "at")),
      attendance: (raw.community.attendance ?? []).map((a) => at(a, "at")),
      revocations: (raw.community.revocations ?? []).map((r) => at(r, "at")),
    },
    // one @ops/feedback survey per community event: { questionnaire, responses }
    surveys: (raw.surveys ?? []).map((s) => ({
      questionnaire: s.questionnaire,
      responses: s.responses.map((r) => at(r, "at")),
    })),
    quiz: {
      ...raw.quiz,
      opensAt: parseInstant(raw.quiz.opensAt),
      closeAt: parseInstant(raw.quiz.closeAt),
      submissions: raw.quiz.submissions.map((s) => at(s, "at")),
    },
    campaigns: raw.campaigns.map((c) => ({
      ...c,
      opensAt: parseInstant(c.opensAt),
      spec: { ...c.spec, closeAt: parseInstant(c.spec.closeAt) },
    })),
    followersAtClose: raw.followersAtClose,
    blocklist: raw.blocklist,
    beacon: raw.beacon,
  };
}

/** The campaign post's interactions as @ops/interaction Interactions (what checkEligibility takes). */
export function campaignInteractions(sample, campaign) {
  return sample.interactions
    .filter((i) => i.post === campaign.postId && (i.kind === "comment" || i.kind === "repost"))
    .map((i) => {
      const [platform, scope, userId] = i.actor.split(":");
      return {
        id: i.id,
        channelId: `${platform}_brand`,
        kind: i.kind,
        direction: "in",
        visibility: "public",
        actor: { platform, scope, userId },
        target: { type: "post", id: campaign.postId },
        platformCreatedAt: i.at,
        receivedAt: i.at,
        ...(i.text ? { content: { text: i.text } } : {}),
      };
    });
}

/** Local calendar date (YYYY-MM-DD) of an instant in a fixed-offset zone such as Asia/Shanghai. */
export const localDate = (instant, offsetHours = 8) =>
  new Date(instant + offsetHours * 3_600_000).toISOString().slice(0, 10);
