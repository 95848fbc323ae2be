// Generated event tables (fast-check) and their @ops/metrics views: plain events, posts,
// inbound items with first replies — the same rows seen by both paths.
import type { MetricEvent, PostActivity, PostMetrics, ReplyItem } from "@ops/metrics";
import fc from "fast-check";
import type { EventRow } from "./_engines";

const H = 3_600_000;
/** Instants around DST changes and zone midnights: New York's spring-forward and fall-back days, Shanghai midnights (16:00 UTC) and its 1991 DST start. */
export const ANCHORS = [
  Date.parse("2026-03-08T07:00:00Z"),
  Date.parse("2026-11-01T06:00:00Z"),
  Date.parse("2026-03-08T16:00:00Z"),
  Date.parse("1991-04-13T18:00:00Z"),
];
export const ZONES = ["America/New_York", "Asia/Shanghai", "UTC"] as const;
/** Hostile values: quotes, backslashes, SQL, CJK, emoji. */
export const CHANNELS = ["weibo", "douyin", "x'); DROP TABLE events; --", 'q"uote`b\\', "微信", ""];
export const ACTORS = ["a", "b", "c", "张三", "d'd", "e\\", "🙂", "f", "g", "h"];
export const KINDS = ["comment", "like", "join", "post_x", "follow", "unfollow", "read"];

const instant = fc
  .tuple(
    fc.constantFrom(...ANCHORS),
    fc.oneof(
      fc.integer({ min: -4 * 24, max: 9 * 24 }).map((h) => h * H),
      fc.integer({ min: -4 * 24 * H, max: 9 * 24 * H }),
    ),
  )
  .map(([a, d]) => a + d);

const plainRow = fc.record({
  occurred_at: instant,
  actor: fc.constantFrom(...ACTORS),
  channel: fc.constantFrom(...CHANNELS),
  kind: fc.constantFrom(...KINDS),
  value: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 4000 }).map((x) => x / 4),
  ),
});

const count = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null, freq: 4 });
const figures = fc
  .record({
    likes: count,
    comments: count,
    shares: count,
    saves: count,
    replies: count,
    reach: count,
    impressions: count,
    views: count,
    // WeChat 在看, derived from likes rather than drawn: the seeded cases stay the ones drawn before `wows` existed
  })
  .map((f) => ({ ...f, wows: f.likes === null ? null : f.likes % 97 }));

const post = fc.record({
  at: instant,
  figures,
  followers: count,
  activity: fc.option(fc.array(fc.record({ at: instant, figures }), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
  }),
});

const item = fc.record({
  at: instant,
  kind: fc.constantFrom("dm", "comment"),
  actor: fc.constantFrom(...ACTORS),
  channel: fc.constantFrom(...CHANNELS),
  replies: fc.array(fc.integer({ min: -2 * H, max: 6 * H }), { maxLength: 3 }),
});

export interface World {
  readonly rows: EventRow[];
  readonly events: MetricEvent[];
  readonly posts: PostMetrics[];
  readonly items: ReplyItem[];
  /** The inbound items with their kinds and receipt, for filtered views. */
  readonly inbound: { kind: string; receivedAt: number; firstReplyAt: number | null }[];
}

export const world: fc.Arbitrary<World> = fc
  .record({
    plain: fc.array(plainRow, { maxLength: 60 }),
    posts: fc.array(post, { maxLength: 6 }),
    items: fc.array(item, { maxLength: 12 }),
  })
  .map(({ plain, posts, items }) => {
    const rows: EventRow[] = plain.map((r) => ({ ...r }));
    const postList: PostMetrics[] = [];
    posts.forEach((p, i) => {
      const id = `p${i}'`;
      const clean = (f: Record<string, number | null>) =>
        Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null)) as Record<string, number>;
      rows.push({
        occurred_at: p.at,
        actor: "brand",
        channel: "weibo",
        kind: "post",
        value: 0,
        post: id,
        ...p.figures,
        followers: p.followers,
      });
      const activity: PostActivity[] | undefined = p.activity?.map((a) => {
        rows.push({
          occurred_at: a.at,
          actor: "brand",
          channel: "weibo",
          kind: "post_activity",
          value: 0,
          post: id,
          ...a.figures,
        });
        return { at: a.at, ...clean(a.figures) };
      });
      postList.push({
        id,
        publishedAt: p.at,
        ...clean(p.figures),
        ...(p.followers === null ? {} : { followers: p.followers }),
        ...(activity === undefined ? {} : { activity }),
      });
    });
    const inbound: World["inbound"] = [];
    items.forEach((it, i) => {
      const id = `i${i}"`;
      rows.push({
        occurred_at: it.at,
        actor: it.actor,
        channel: it.channel,
        kind: it.kind,
        value: 0,
        id,
        direction: "inbound",
      });
      let first: number | null = null;
      it.replies.forEach((dt, j) => {
        rows.push({
          occurred_at: it.at + dt,
          actor: "agent",
          channel: it.channel,
          kind: "reply",
          value: 0,
          id: `r${i}_${j}`,
          direction: "outbound",
          reply_to: id,
        });
        if (dt >= 0 && (first === null || it.at + dt < first)) first = it.at + dt;
      });
      inbound.push({ kind: it.kind, receivedAt: it.at, firstReplyAt: first });
    });
    const events = rows.map((r) => ({
      at: r.occurred_at,
      actor: r.actor,
      channel: r.channel,
      kind: r.kind,
      value: r.value,
    }));
    return {
      rows,
      events,
      posts: postList,
      items: inbound.map(({ receivedAt, firstReplyAt }) => ({ receivedAt, firstReplyAt })),
      inbound,
    };
  });

/** Funnel events: a few actors (hostile names), step kinds repeated, a noise kind, instants on a half-hour grid (ties, window edges) plus a few 1 ms offsets. */
export const FUNNEL_KINDS = ["seen", "click", "buy", "noise"] as const;
export const FUNNEL_BASE = ANCHORS[0] as number;
export const funnelWorld: fc.Arbitrary<{ rows: EventRow[]; events: MetricEvent[] }> = fc
  .array(
    fc.record({
      actor: fc.constantFrom("a", "d'd", "🙂"),
      kind: fc.constantFrom(...FUNNEL_KINDS),
      slot: fc.integer({ min: 0, max: 10 }),
      nudge: fc.constantFrom(0, 0, 0, 0, 1, -1),
    }),
    { maxLength: 40 },
  )
  .map((list) => {
    const rows: EventRow[] = list.map((e) => ({
      occurred_at: FUNNEL_BASE + e.slot * (H / 2) + e.nudge,
      actor: e.actor,
      channel: "weibo",
      kind: e.kind,
      value: 0,
    }));
    const events = rows.map((r) => ({ at: r.occurred_at, actor: r.actor, channel: r.channel, kind: r.kind, value: 0 }));
    return { rows, events };
  });
