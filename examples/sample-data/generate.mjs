#!/usr/bin/env node
// Generates examples/sample-data/brand-8-weeks.json: eight weeks (Mon 3 Jul – Sun 27 Aug
// 2023, Asia/Shanghai) of a cosmetics brand's operations on Weibo, Douyin, a WeChat
// official account and Xiaohongshu. Deterministic: every random number comes from
// @ops/core's createRandom(SEED) — the brand's WeChat group's events, their satisfaction
// surveys and the messages that break the group's rules from a second stream,
// createRandom(SEED + 1) — so `node examples/sample-data/generate.mjs` rewrites the
// committed file bit for bit (a test in `pnpm test` checks the SHA-256).
//
// Shapes: `surveys` are @ops/feedback questionnaires and survey responses (one survey per
// community event); `community.events`, `registrations` and `attendance` are @ops/community
// CommunityEvent / Registration / Attendance records; the group's messages carry ids, and
// `community.revocations` name the message whose strike a moderator revoked.
//
// Injected on purpose (listed in the file's `injected` section, found again by the demo):
//   - week 6 (7–13 Aug): follower growth collapses — follows at 30 % of normal, unfollows ×1.8,
//     half the planned posts skipped, a competitor's giveaway running;
//   - the weekend of 29–30 Jul (week 4): one agent on duty, first replies ~10× slower.
//
// Usage: node examples/sample-data/generate.mjs [output path]   (needs `pnpm build` first)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { actorKey, createRandom, formatInstant, parseInstant } from "@ops/core";

export const SEED = 20230703;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ZONE = "Asia/Shanghai";
const START = parseInstant("2023-07-03T00:00:00+08:00"); // Monday, local midnight
const WEEKS = 8;
const PLATFORMS = ["weibo", "douyin", "wechat_oa", "xiaohongshu"];
const SCOPE = { weibo: "", douyin: "", wechat_oa: "gh_ops", xiaohongshu: "" };
const BASE_FOLLOWERS = { weibo: 52_000, douyin: 88_000, wechat_oa: 23_000, xiaohongshu: 17_500 };
const FOLLOWS_PER_DAY = { weibo: 22, douyin: 40, wechat_oa: 9, xiaohongshu: 14 };
const DMS_PER_DAY = { weibo: 3, douyin: 4, wechat_oa: 6, xiaohongshu: 2.5 };
const SLOW_WEEKEND = {
  start: parseInstant("2023-07-29T00:00:00+08:00"),
  end: parseInstant("2023-07-31T00:00:00+08:00"),
};
const DROP_WEEK = { start: START + 5 * 7 * DAY, end: START + 6 * 7 * DAY };
// Publishing plan: local weekdays (1 = Monday … 7 = Sunday), hour, form and typical reach.
const PLAN = {
  weibo: { days: [1, 2, 3, 4, 5, 6, 7], hour: 12, form: "image", impressions: 9000 },
  douyin: { days: [2, 4, 6], hour: 19, form: "short_video", impressions: 24000 },
  wechat_oa: { days: [1, 3, 5], hour: 20, form: "article", impressions: 6000 },
  xiaohongshu: { days: [2, 5, 7], hour: 18, form: "image", impressions: 7000 },
};
const TOPICS = ["口红试色", "敏感肌护肤", "夏日防晒", "通勤妆容", "成分科普", "新品预告"];
const QUESTIONS = [
  "这个色号黄皮能用吗？",
  "敏感肌可以用吗？",
  "什么时候补货？",
  "孕妇能用吗？",
  "和上一代有什么区别？",
  "防晒需要卸妆吗？",
  "油皮夏天用会闷痘吗？",
  "直播间有优惠吗？",
  "Does this shade suit warm skin?",
];
const CHATTER = ["好看！", "已种草", "求链接", "太美了", "支持", "第一次用就爱上了", "颜色好温柔", "love this"];
const DM_TEXTS = [
  "快递三天了还没到",
  "收到的口红断了",
  "想要一款适合敏感肌的洁面",
  "能开发票吗？",
  "色号推荐一下",
  "包装可以做得更环保一点吗",
  "会员积分怎么用？",
  "How do I use the voucher?",
  "赠品没收到",
];
const AGENTS = ["agent_li", "agent_wang", "agent_chen", "agent_zhao"];

/** A Poisson-ish count: a rounded normal for large means, a sum of Bernoullis for small ones. */
function count(rng, mean) {
  if (mean <= 0) return 0;
  if (mean < 12) {
    let k = 0;
    let p = Math.exp(-mean);
    let s = p;
    const u = rng.next();
    while (u > s && k < 100) {
      k++;
      p = (p * mean) / k;
      s += p;
    }
    return k;
  }
  return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))));
}
/** Log-normal minutes with the given median. */
const lognormalMinutes = (rng, median, sigma = 0.8) => Math.exp(Math.log(median) + sigma * rng.normal()) * MIN;
/** A time of day (ms after local midnight): 88 % of people write between 08:00 and 23:00. */
const daytime = (rng) => (rng.next() < 0.88 ? rng.int(8 * HOUR, 23 * HOUR) : rng.int(23 * HOUR, 32 * HOUR) % DAY);
const localHour = (at) => new Date(at + 8 * HOUR).getUTCHours(); // Shanghai has no DST
const round = (at) => Math.round(at / 1000) * 1000;
const iso = (at) => formatInstant(round(at)).replace(".000Z", "Z");

export function generate() {
  const rng = createRandom(SEED);
  const fixture = JSON.parse(
    readFileSync(new URL("../../packages/raffle/test/fixtures/drand-quicknet.json", import.meta.url), "utf8"),
  );
  const beacon = fixture.rounds.find((r) => r.round === 1000);
  const drawRoundAt = (fixture.chain.genesis_time + (beacon.round - 1) * fixture.chain.period) * 1000;

  let seq = 0;
  const nextId = (prefix) => `${prefix}${String(++seq).padStart(6, "0")}`;
  const actors = new Map(); // key -> { platform, userId, since, propensity, birthday }
  const pools = Object.fromEntries(PLATFORMS.map((p) => [p, []]));
  const newActor = (platform, since) => {
    const userId = `${platform.slice(0, 2)}${String(actors.size + 1).padStart(5, "0")}`;
    const key = actorKey({ platform, scope: SCOPE[platform], userId });
    const propensity = Math.max(0.05, Math.exp(rng.normal(0, 1)));
    actors.set(key, { key, platform, userId, since, propensity });
    pools[platform].push(key);
    return key;
  };
  // Existing engaged fans (the followers who interact; the silent majority is baseFollowers).
  for (const p of PLATFORMS)
    for (let i = 0; i < { weibo: 700, douyin: 900, wechat_oa: 500, xiaohongshu: 400 }[p]; i++) newActor(p, null);
  // Weighted pick by propensity (rebuilt weekly, so new followers join the pool).
  const weighted = (platform) => {
    const keys = pools[platform];
    const cum = [];
    let s = 0;
    for (const k of keys) {
      s += actors.get(k).propensity;
      cum.push(s);
    }
    return () => {
      const u = rng.next() * s;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return keys[lo];
    };
  };

  const posts = [];
  const interactions = [];
  const orders = [];
  const agentOnDuty = (at) => {
    const inSlow = at >= SLOW_WEEKEND.start && at < SLOW_WEEKEND.end;
    return inSlow ? ["agent_zhao"] : AGENTS;
  };
  /** When the team answers an inbound item received at `at` (null: never answered). */
  const replyAt = (at, kind) => {
    const median = kind === "dm" ? 18 : 35;
    const slow = at >= SLOW_WEEKEND.start && at < SLOW_WEEKEND.end;
    const h = localHour(at);
    let start = at;
    if (h < 8 || h >= 23) {
      // overnight: answered after 08:00 local (the early shift)
      const local = at + 8 * HOUR;
      const dayStart = local - (local % DAY) - 8 * HOUR;
      start = (h >= 23 ? dayStart + DAY : dayStart) + 8 * HOUR;
    }
    const reply = start + lognormalMinutes(rng, slow ? median * 10 : median);
    return reply;
  };
  const reply = (inbound, platform, visibility) => {
    const at = replyAt(inbound.atMs, inbound.kind);
    const duty = agentOnDuty(inbound.atMs);
    interactions.push({
      id: nextId("r"),
      platform,
      kind: "reply",
      actor: rng.pick(duty),
      at: at,
      replyTo: inbound.id,
      visibility,
      text: inbound.kind === "dm" ? "您好，已为您查询，请看这里～" : "感谢关注！私信小助手为您详细解答～",
    });
  };

  for (let week = 0; week < WEEKS; week++) {
    const pick = Object.fromEntries(PLATFORMS.map((p) => [p, weighted(p)]));
    for (let d = 0; d < 7; d++) {
      const dayStart = START + (week * 7 + d) * DAY;
      const weekday = d + 1;
      const inDrop = dayStart >= DROP_WEEK.start && dayStart < DROP_WEEK.end;
      const campaignDay = dayStart >= START + 6 * 7 * DAY && dayStart < START + 7 * 7 * DAY + 3 * DAY;
      for (const p of PLATFORMS) {
        // follows and unfollows
        const weekendFactor = weekday >= 6 ? 1.2 : 1;
        const nFollow = count(
          rng,
          FOLLOWS_PER_DAY[p] * weekendFactor * (inDrop ? 0.3 : 1) * (campaignDay && p === "weibo" ? 1.8 : 1),
        );
        for (let i = 0; i < nFollow; i++) {
          const at = dayStart + rng.int(7 * HOUR, 24 * HOUR);
          const key = newActor(p, at);
          interactions.push({ id: nextId("f"), platform: p, kind: "follow", actor: key, at });
        }
        const nUnfollow = count(rng, FOLLOWS_PER_DAY[p] * 0.28 * (inDrop ? 1.8 : 1));
        for (let i = 0; i < nUnfollow; i++) {
          interactions.push({
            id: nextId("f"),
            platform: p,
            kind: "unfollow",
            actor: rng.pick(pools[p]),
            at: dayStart + rng.int(0, DAY),
          });
        }
        // posts and their engagement
        const plan = PLAN[p];
        if (plan.days.includes(weekday) && !(inDrop && rng.next() < 0.5)) {
          const at = dayStart + plan.hour * HOUR + rng.int(0, 40) * MIN;
          const topic = rng.pick(TOPICS);
          const impressions = Math.round(plan.impressions * Math.exp(rng.normal(0, 0.3)) * (inDrop ? 0.7 : 1));
          const post = {
            id: nextId("p"),
            platform: p,
            at,
            form: plan.form,
            topic,
            impressions,
            reach: Math.round(impressions * 0.72),
          };
          posts.push(post);
          engage(post, pick[p], inDrop ? 0.7 : 1);
        }
        // DMs
        const nDm = count(rng, DMS_PER_DAY[p] * (weekday >= 6 ? 1.3 : 1));
        for (let i = 0; i < nDm; i++) {
          const at = dayStart + daytime(rng);
          const dm = { id: nextId("d"), platform: p, kind: "dm", actor: pick[p](), at, text: rng.pick(DM_TEXTS) };
          interactions.push(dm);
          if (rng.next() < 0.97) reply({ id: dm.id, atMs: at, kind: "dm" }, p, "private");
          if (rng.next() < 0.14)
            orders.push({
              id: nextId("o"),
              platform: p,
              actor: dm.actor,
              at: at + rng.int(HOUR, 3 * DAY),
              value: Math.round(Math.max(39, rng.normal(260, 90))),
            });
        }
      }
    }
  }

  function engage(post, pickActor, factor) {
    const likes = count(rng, post.impressions * 0.0055 * factor);
    for (let i = 0; i < likes; i++)
      interactions.push({
        id: nextId("l"),
        platform: post.platform,
        kind: "like",
        actor: pickActor(),
        at: post.at + lognormalMinutes(rng, 180, 1.2),
        post: post.id,
      });
    const reposts = count(rng, post.impressions * 0.0007 * factor);
    for (let i = 0; i < reposts; i++)
      interactions.push({
        id: nextId("s"),
        platform: post.platform,
        kind: "repost",
        actor: pickActor(),
        at: post.at + lognormalMinutes(rng, 240, 1.1),
        post: post.id,
      });
    const comments = count(rng, post.impressions * 0.0011 * factor);
    for (let i = 0; i < comments; i++) {
      const at = post.at + lognormalMinutes(rng, 150, 1.2);
      const question = rng.next() < 0.35;
      const c = {
        id: nextId("c"),
        platform: post.platform,
        kind: "comment",
        actor: pickActor(),
        at,
        post: post.id,
        text: question ? rng.pick(QUESTIONS) : rng.pick(CHATTER),
        ...(question ? { intent: "question" } : {}),
      };
      interactions.push(c);
      if (question && rng.next() < 0.95) reply({ id: c.id, atMs: at, kind: "comment" }, post.platform, "public");
      if (rng.next() < 0.02)
        orders.push({
          id: nextId("o"),
          platform: post.platform,
          actor: c.actor,
          at: at + rng.int(HOUR, 2 * DAY),
          value: Math.round(Math.max(39, rng.normal(220, 70))),
        });
    }
  }

  // --- the 七夕 (Qixi) lucky draw on Weibo, A/B on the prize: two campaign posts, each pushed to
  // a random half of the followers. Closes one minute before drand quicknet round 1000.
  const closeAt = drawRoundAt - 60_000;
  const opensAt = parseInstant("2023-08-14T12:00:00+08:00");
  const campaigns = [];
  const drawPick = weighted("weibo");
  for (const variant of [
    {
      variant: "A",
      campaignId: "qixi-2023-a",
      prize: "500-yuan clothing voucher",
      tiers: [
        { name: "500-yuan clothing voucher", count: 1 },
        { name: "lipstick sample kit", count: 3 },
      ],
      reached: 24_600,
      enterRate: 0.0205,
    },
    {
      variant: "B",
      campaignId: "qixi-2023-b",
      prize: "limited lipstick gift set",
      tiers: [
        { name: "limited lipstick gift set", count: 1 },
        { name: "lipstick sample kit", count: 3 },
      ],
      reached: 24_300,
      enterRate: 0.0168,
    },
  ]) {
    const post = {
      id: nextId("p"),
      platform: "weibo",
      at: opensAt + (variant.variant === "B" ? 5 * MIN : 0),
      form: "image",
      topic: "七夕抽奖",
      impressions: Math.round(variant.reached * 1.35),
      reach: variant.reached,
      campaign: variant.campaignId,
    };
    posts.push(post);
    const candidates = count(rng, variant.reached * variant.enterRate);
    const seen = new Set();
    for (let i = 0; i < candidates; i++) {
      let actor = drawPick();
      let tries = 0;
      while (seen.has(actor) && tries++ < 20) actor = drawPick();
      if (seen.has(actor)) continue;
      seen.add(actor);
      const at = opensAt + Math.floor(rng.next() ** 1.6 * (closeAt - opensAt));
      const follows = rng.next() < 0.93; // most entrants follow; others get excluded
      if (!follows && actors.get(actor).since === null) actors.get(actor).lapsed = true;
      const reposted = rng.next() < 0.9;
      const keyword = rng.next() < 0.88;
      if (reposted) interactions.push({ id: nextId("s"), platform: "weibo", kind: "repost", actor, at, post: post.id });
      const tagged = rng.int(0, 4);
      const friends = Array.from({ length: tagged }, (_, k) => `@好友${k + 1}`).join(" ");
      interactions.push({
        id: nextId("c"),
        platform: "weibo",
        kind: "comment",
        actor,
        at: at + rng.int(5_000, 10 * MIN),
        post: post.id,
        text: `${keyword ? "#七夕心动礼# " : ""}${rng.pick(["想要！", "许愿中奖", "冲冲冲", "七夕快乐"])} ${friends}`.trim(),
      });
      if (rng.next() < 0.03)
        interactions.push({
          id: nextId("c"),
          platform: "weibo",
          kind: "comment",
          actor,
          at: closeAt + rng.int(MIN, 2 * HOUR),
          post: post.id,
          text: "#七夕心动礼# 还来得及吗",
        });
    }
    campaigns.push({
      campaignId: variant.campaignId,
      variant: variant.variant,
      prize: variant.prize,
      platform: "weibo",
      postId: post.id,
      reached: variant.reached,
      spec: {
        format: "ops-raffle/v1",
        campaignId: variant.campaignId,
        title: `七夕心动礼 — ${variant.prize}`,
        tiers: variant.tiers,
        alternates: 2,
        eligibility: {
          ruleVersion: "2023-08",
          rules: {
            mustFollow: true,
            mustRepost: true,
            comment: { keywords: ["#七夕心动礼#"] },
            excludeBlocklisted: true,
          },
        },
        weights: { max: 4, rule: "1 + one per friend tagged in the comment, at most 4" },
        closeAt,
        randomness: { kind: "drand", chainHash: fixture.chain.hash, delaySeconds: 60 },
        privacy: "public",
      },
      opensAt,
    });
  }
  // Entrants who do not follow at close: remove them from the follower snapshot.
  const weiboFollowersAtClose = pools.weibo.filter(
    (k) => !actors.get(k).lapsed && (actors.get(k).since === null || actors.get(k).since <= closeAt),
  );
  const blocklist = rng.shuffle(pools.weibo).slice(0, 25).sort();

  // --- a brand quiz on the WeChat official account in week 5 (five questions)
  const quizOpens = parseInstant("2023-08-02T20:00:00+08:00");
  const quizCloses = quizOpens + 24 * HOUR;
  const answerKey = { q1: "b", q2: ["28", "二十八"], q3: "c", q4: "a", q5: ["spf50", "spf 50"] };
  const choices = {
    q1: ["a", "b", "c"],
    q2: ["28", "30", "二十八", "25"],
    q3: ["a", "b", "c", "d"],
    q4: ["a", "b"],
    q5: ["spf30", "SPF50", "spf 50"],
  };
  const quizPick = weighted("wechat_oa");
  const quizSubmissions = [];
  for (let i = 0, n = count(rng, 160); i < n; i++) {
    const skill = rng.next();
    const answers = {};
    for (const [q, accepted] of Object.entries(answerKey)) {
      const right = Array.isArray(accepted) ? accepted[0] : accepted;
      answers[q] = rng.next() < 0.45 + skill * 0.5 ? (q === "q5" ? "SPF50" : right) : rng.pick(choices[q]);
    }
    quizSubmissions.push({
      actor: quizPick(),
      at: quizOpens + Math.floor(rng.next() ** 2 * (quizCloses - quizOpens + 2 * HOUR)),
      answers,
    });
  }

  // --- feedback items with their lifecycle events (@ops/feedback event inputs)
  const feedbackEvents = [];
  const inboundForFeedback = interactions.filter(
    (i) =>
      (i.kind === "dm" && /断|没到|没收到|环保|敏感肌/.test(i.text)) ||
      (i.kind === "comment" && /敏感肌|区别/.test(i.text ?? "")),
  );
  const categoryOf = (text) =>
    /断/.test(text)
      ? "quality"
      : /没到|没收到/.test(text)
        ? "delivery"
        : /环保/.test(text)
          ? "packaging"
          : "product_need";
  let fbSeq = 0;
  for (const src of inboundForFeedback) {
    if (rng.next() < (src.kind === "comment" ? 0.7 : 0.72)) continue;
    const itemId = `fb_${String(++fbSeq).padStart(4, "0")}`;
    let e = 0;
    const ev = (type, at, extra = {}) =>
      feedbackEvents.push({ type, id: `${itemId}_e${++e}`, itemId, at: round(at), ...extra });
    const category = categoryOf(src.text);
    const a = actors.get(src.actor);
    let t = src.at + rng.int(2 * MIN, 30 * MIN);
    ev("open", t, {
      source: { kind: src.kind === "dm" ? "dm" : "comment", interactionId: src.id },
      actor: { platform: a.platform, scope: SCOPE[a.platform], userId: a.userId },
      text: src.text,
    });
    const end = START + WEEKS * 7 * DAY;
    const step = (lo, hi) => (t += rng.int(lo, hi));
    if (step(20 * MIN, 6 * HOUR) >= end) continue;
    const priority = category === "quality" ? "high" : "normal";
    ev("triage", t, {
      category,
      priority,
      latentNeeds:
        category === "product_need" ? ["sensitive_skin_cleanser"] : category === "packaging" ? ["eco_packaging"] : [],
      dueAt: round(t + (priority === "high" ? 2 : 5) * DAY),
    });
    if (category === "product_need") {
      // needs are passed on and closed as explained
      if (step(HOUR, 2 * DAY) >= end) continue;
      ev("route", t, { department: "product" });
      if (step(HOUR, DAY) >= end) continue;
      ev("start", t, { assignee: rng.pick(AGENTS) });
      if (step(HOUR, 3 * DAY) >= end) continue;
      ev("resolve", t, { remedy: { kind: "explanation" } });
    } else {
      if (step(30 * MIN, DAY) >= end) continue;
      ev("route", t, { department: category === "delivery" ? "logistics" : "quality" });
      if (step(30 * MIN, 2 * DAY) >= end) continue;
      ev("start", t, { assignee: rng.pick(AGENTS) });
      if (rng.next() < 0.3) {
        if (step(HOUR, DAY) >= end) continue;
        ev("wait_for_customer", t);
        if (step(2 * HOUR, 3 * DAY) >= end) continue;
        ev("customer_message", t, { source: { kind: "dm", interactionId: null }, text: "照片已发" });
      }
      if (step(2 * HOUR, 5 * DAY) >= end) continue;
      const remedy =
        category === "quality"
          ? rng.next() < 0.6
            ? { kind: "exchange" }
            : { kind: "refund", amount: 189, currency: "CNY" }
          : category === "delivery"
            ? { kind: "compensation", amount: 20, currency: "CNY" }
            : { kind: "explanation" };
      ev("resolve", t, { remedy });
    }
    // closing the loop: most are reported back, some are forgotten
    if (rng.next() < 0.78) {
      if (step(30 * MIN, 2 * DAY) >= end) continue;
      ev("report_back", t, { via: rng.next() < 0.85 ? "dm" : "phone" });
      if (rng.next() < 0.55 && step(HOUR, DAY) < end)
        ev("record_csat", t, { score: Math.min(5, Math.max(1, Math.round(rng.normal(4.2, 0.9)))) });
    }
  }

  // --- satisfaction survey about the activities (week 8)
  const survey = [];
  const surveyPick = weighted("wechat_oa");
  for (let i = 0, n = count(rng, 240); i < n; i++) {
    const activity = rng.pick(["lucky_draw", "quiz", "group_talk"]);
    const mean = activity === "lucky_draw" ? 4.1 : activity === "quiz" ? 3.7 : 4.3;
    survey.push({
      id: `sv_${String(i + 1).padStart(4, "0")}`,
      actor: surveyPick(),
      at: parseInstant("2023-08-24T10:00:00+08:00") + rng.int(0, 3 * DAY),
      activity,
      score: Math.min(5, Math.max(1, Math.round(rng.normal(mean, 0.9)))),
    });
  }

  // --- a WeChat community group: joins and messages (community retention)
  const community = { group: "Ops 美妆研究所 (WeChat group)", joins: [], messages: [] };
  const members = [];
  for (let week = 0; week < WEEKS; week++) {
    for (let i = 0, n = count(rng, week === 5 ? 14 : 32); i < n; i++) {
      const at = START + week * 7 * DAY + rng.int(0, 7 * DAY);
      const actor = rng.pick(pools.wechat_oa);
      if (members.some((m) => m.actor === actor)) continue;
      const m = { actor, at, stickiness: 0.25 + rng.next() * 0.55 };
      members.push(m);
      community.joins.push({ actor, at });
    }
  }
  for (const m of members) {
    let w = 0;
    for (let t = m.at + rng.int(10 * MIN, 2 * DAY); t < START + WEEKS * 7 * DAY; t += rng.int(12 * HOUR, 5 * DAY)) {
      // each week a member stays with probability `stickiness`
      const week = Math.floor((t - m.at) / (7 * DAY));
      if (week > w) {
        w = week;
        if (rng.next() > m.stickiness + 0.2) break;
      }
      community.messages.push({
        actor: m.actor,
        at: t,
        text: rng.pick(["今天试了新色号", "求推荐", "打卡", "分享一个护肤小技巧", "周末团购吗？"]),
      });
    }
  }

  // --- daily follower-count snapshots at local midnight, as a platform's insights API reports them
  const followerSnapshots = [];
  for (const p of PLATFORMS) {
    const net = new Map();
    for (const i of interactions)
      if (i.platform === p && (i.kind === "follow" || i.kind === "unfollow")) {
        const d = Math.floor((i.at - START) / DAY);
        net.set(d, (net.get(d) ?? 0) + (i.kind === "follow" ? 1 : -1));
      }
    let followers = BASE_FOLLOWERS[p];
    for (let d = 0; d <= WEEKS * 7; d++) {
      followerSnapshots.push({ platform: p, at: START + d * DAY, followers });
      followers += net.get(d) ?? 0;
    }
  }

  // --- the group's calendar, the surveys after each event, and the messages that broke the group's
  // rules. Drawn from a second stream, createRandom(SEED + 1), so that adding them left every
  // record above (interactions, posts, feedback, joins, the other messages) exactly as it was.
  const rng2 = createRandom(SEED + 1);
  const GROUP_ID = "wx_group_ops_lab";
  const EVENTS = [
    // week, local day (1 = Monday), start "HH:MM", minutes, kind, title, capacity, mean satisfaction (1–5)
    [1, 3, "20:00", 60, "talk", "敏感肌护理讲座（皮肤科医生）", 120, 4.4],
    [2, 6, "15:00", 90, "sharing_session", "夏日通勤妆容分享会", null, 4.0],
    [3, 5, "20:00", 48 * 60, "group_buy", "防晒霜团购", null, 3.7],
    [4, 3, "20:00", 45, "qa", "新品答疑：丝绒口红", null, 3.9],
    [5, 3, "20:00", 60, "talk", "成分科普：烟酰胺与A醇", 120, 4.3],
    [6, 6, "15:00", 90, "sharing_session", "护肤小技巧分享会", null, 3.6],
    [7, 4, "20:00", 48 * 60, "group_buy", "七夕礼盒团购", null, 4.1],
    [8, 3, "20:00", 60, "talk", "换季护肤讲座", 120, 4.5],
  ];
  const REGISTER = { talk: 0.34, sharing_session: 0.22, group_buy: 0.3, qa: 0.18 };
  const SHOW = { talk: 0.72, sharing_session: 0.66, group_buy: 0.8, qa: 0.6 };
  const events = [];
  const registrations = [];
  const attendance = [];
  const surveys = [];
  const COMMENTS = [
    "希望推荐适合敏感肌的洁面",
    "敏感肌能用A醇吗？想多了解",
    "包装能不能更环保一点",
    "讲得很专业，学到了",
    "时间太晚了，希望周末白天",
    "团购价格可以再低一点",
    "想听防晒怎么选",
    "希望有回放",
    "赠品小样很实用",
    "More sessions in English please",
  ];
  const LIKERT_LABELS = ["非常不同意", "不同意", "一般", "同意", "非常同意"];
  for (const [week, weekday, hhmm, minutes, kind, title, capacity, mean] of EVENTS) {
    const [hh, mm] = hhmm.split(":").map(Number);
    const startsAt = START + ((week - 1) * 7 + weekday - 1) * DAY + hh * HOUR + mm * MIN;
    const endsAt = startsAt + minutes * MIN;
    const id = `ev_2023_w${week}_${kind}`;
    events.push({ id, group: GROUP_ID, kind, title, startsAt, endsAt, ...(capacity ? { capacity } : {}) });
    // registration opens with the announcement three days before; members who joined by then may sign up
    const announced = startsAt - 3 * DAY;
    const inGroup = members.filter((m) => m.at < startsAt);
    const drop = startsAt >= DROP_WEEK.start && startsAt < DROP_WEEK.end ? 0.6 : 1;
    const attendees = [];
    for (const m of inGroup) {
      const joinedBefore = Math.max(m.at, announced);
      if (rng2.next() < REGISTER[kind] * drop * (0.6 + m.stickiness)) {
        registrations.push({ eventId: id, member: m.actor, at: joinedBefore + rng2.int(0, startsAt - joinedBefore) });
        if (rng2.next() < SHOW[kind]) attendees.push(m.actor);
      } else if (rng2.next() < 0.04 * drop) attendees.push(m.actor); // walk-in
    }
    for (const member of attendees)
      attendance.push({ eventId: id, member, at: startsAt + rng2.int(0, Math.min(minutes, 30) * MIN) });
    // the satisfaction survey, sent to the attendees when the event ends (@ops/feedback shapes)
    const questionnaire = {
      id: `survey_${id}`,
      version: 1,
      activityId: id,
      title: `「${title}」活动满意度调查`,
      questions: [
        { id: "sat", kind: "csat", text: "您对本次活动满意吗？（1 = 非常不满意，5 = 非常满意）" },
        { id: "nps", kind: "nps", text: "您有多大可能向朋友推荐我们群里的活动？（0–10）" },
        {
          id: "useful",
          kind: "likert",
          text: "活动内容对我有用",
          scale: { min: 1, max: 5 },
          labels: LIKERT_LABELS,
        },
        {
          id: "next",
          kind: "multiple_choice",
          text: "下次想参加哪类活动？（最多选两项）",
          options: [
            { id: "talk", label: "专家讲座" },
            { id: "sharing_session", label: "会员分享会" },
            { id: "group_buy", label: "团购" },
            { id: "qa", label: "新品答疑" },
          ],
          maxSelections: 2,
        },
        { id: "comment", kind: "free_text", text: "还有什么建议？", required: false, maxLength: 500 },
      ],
    };
    const responses = [];
    let r = 0;
    for (const member of attendees) {
      if (rng2.next() > 0.62) continue; // about 60 % answer (the survey comes with a coupon)
      const at = endsAt + Math.floor(lognormalMinutes(rng2, 90, 1.1));
      const sat = Math.min(5, Math.max(1, Math.round(rng2.normal(mean, 0.85))));
      const answers = {
        sat,
        nps: Math.min(10, Math.max(0, Math.round(2 * sat - 0.5 + rng2.normal(0, 1.3)))),
        useful: Math.min(5, Math.max(1, Math.round(sat + rng2.normal(-0.2, 0.7)))),
        next: rng2.shuffle(questionnaire.questions[3].options.map((o) => o.id)).slice(0, rng2.int(1, 3)),
        ...(rng2.next() < 0.35 ? { comment: rng2.pick(COMMENTS) } : {}),
      };
      // about 3 % abandon the form before the required satisfaction question: invalid, kept as delivered
      if (rng2.next() < 0.03) delete answers.sat;
      const response = {
        id: `r${++r}`,
        questionnaireId: questionnaire.id,
        version: 1,
        respondent: member,
        at: round(at),
        answers,
      };
      responses.push(response);
      // about 5 % edit their answer later (the last one counts)
      if (rng2.next() < 0.05)
        responses.push({
          ...response,
          id: `r${++r}`,
          at: round(at + rng2.int(10 * MIN, 6 * HOUR)),
          answers: { ...answers, sat: Math.min(5, (answers.sat ?? 3) + 1) },
        });
    }
    // numbered in the order they were submitted, as a survey tool's export numbers them
    responses.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    surveys.push({
      questionnaire,
      responses: responses.map((x, k) => ({ ...x, id: `${questionnaire.id}_${String(k + 1).padStart(3, "0")}` })),
    });
  }
  // messages that break the group's rules: advertising (links, WeChat ids, phone numbers) and
  // personal attacks, from a few members, and two spam accounts that join only to advertise
  const ADS = [
    "代购大牌正品，加V：meizhuang_888，全网最低价",
    "点击领取优惠券 http://t.cn/A6xYz9Q 限时",
    "兼职刷单日结，联系 13812345678",
  ];
  const ATTACKS = ["你是脑残吗，这都不懂", "楼上蠢货，别在群里瞎说", "what an idiot"];
  const violations = [];
  const regulars = members.filter((m) => m.stickiness > 0.5);
  for (let week = 0; week < WEEKS; week++) {
    const weekStart = START + week * 7 * DAY;
    for (let i = 0, n = count(rng2, 1.6); i < n; i++) {
      const m = rng2.pick(members.filter((x) => x.at < weekStart + 7 * DAY));
      const at = Math.max(m.at + HOUR, weekStart + daytime(rng2));
      if (at >= weekStart + 7 * DAY) continue;
      const attack = rng2.next() < 0.4;
      violations.push({ actor: m.actor, at, text: rng2.pick(attack ? ATTACKS : ADS) });
    }
  }
  // a regular who loses their temper twice in week 7 (muted for 24 h, then removed: a personal
  // attack weighs 2 strike points on the default ladder)
  const hothead = rng2.pick(regulars);
  for (const [d, text] of [
    [1, "你懂什么，蠢货"],
    [3, "真是脑残活动"],
  ])
    violations.push({ actor: hothead.actor, at: START + (6 * 7 + d) * DAY + 21 * HOUR + rng2.int(0, HOUR), text });
  // two spam accounts join in week 8 and advertise within the hour
  for (let k = 0; k < 2; k++) {
    const actor = actorKey({ platform: "wechat_oa", scope: SCOPE.wechat_oa, userId: `spam${k + 1}` });
    const at = START + (7 * 7 + 1 + 2 * k) * DAY + rng2.int(9 * HOUR, 22 * HOUR);
    community.joins.push({ actor, at });
    violations.push({ actor, at: at + rng2.int(2 * MIN, 50 * MIN), text: ADS[k] });
    violations.push({ actor, at: at + rng2.int(55 * MIN, 2 * HOUR), text: ADS[(k + 1) % ADS.length] });
  }
  community.messages.push(...violations);
  // a moderator revokes one strike on appeal: the member's link was a product page they were asked for
  const appealed = violations.find((v) => /t\.cn/.test(v.text));

  // --- order and serialise
  const byTime = (a, b) => a.at - b.at || (a.id ?? a.actor).localeCompare(b.id ?? b.actor);
  const toIso = (rows, fields = ["at"]) =>
    rows.sort(byTime).map((r) => {
      const o = { ...r };
      for (const f of fields) if (o[f] !== undefined) o[f] = iso(o[f]);
      return o;
    });
  // message ids in time order: the moderation log and the revocations name them
  const messagesOut = toIso(community.messages).map((m, i) => ({ id: `gm${String(i + 1).padStart(5, "0")}`, ...m }));
  const sortRecords = (rows) =>
    rows
      .sort((a, b) => a.at - b.at || a.eventId.localeCompare(b.eventId) || a.member.localeCompare(b.member))
      .map((r) => ({ ...r, at: iso(r.at) }));
  return {
    format: "ops-sample/v1",
    about:
      "Eight weeks of a cosmetics brand's social-media operations, generated by examples/sample-data/generate.mjs with @ops/core createRandom(seed). Fictional people and content. Instants are ISO-8601 UTC; the brand works in Asia/Shanghai.",
    seed: SEED,
    brand: "Ops Beauty 欧普美妆",
    timeZone: ZONE,
    start: iso(START),
    weeks: WEEKS,
    platforms: PLATFORMS,
    baseFollowers: BASE_FOLLOWERS,
    agents: AGENTS,
    injected: [
      {
        id: "follower_growth_drop",
        week: 6,
        start: iso(DROP_WEEK.start),
        end: iso(DROP_WEEK.end),
        what: "follows at 30 % of normal, unfollows ×1.8 on every platform",
        why: "half the planned posts were skipped and the rest reached 30 % fewer people, while a competitor ran a giveaway",
      },
      {
        id: "slow_reply_weekend",
        week: 4,
        start: iso(SLOW_WEEKEND.start),
        end: iso(SLOW_WEEKEND.end),
        what: "first replies about 10× slower than usual",
        why: "only one agent (agent_zhao) on duty that weekend",
      },
    ],
    beacon: {
      ...beacon,
      chainHash: fixture.chain.hash,
      source: "packages/raffle/test/fixtures/drand-quicknet.json (a real drand quicknet round)",
    },
    campaigns: campaigns.map((c) => ({
      ...c,
      opensAt: iso(c.opensAt),
      spec: { ...c.spec, closeAt: iso(c.spec.closeAt) },
    })),
    followersAtClose: weiboFollowersAtClose.sort(),
    blocklist,
    quiz: {
      id: "brand-quiz-2023-08",
      platform: "wechat_oa",
      opensAt: iso(quizOpens),
      closeAt: iso(quizCloses),
      answerKey,
      submissions: toIso(quizSubmissions),
    },
    survey: toIso(survey),
    community: {
      group: community.group,
      groupId: GROUP_ID,
      joins: toIso(community.joins),
      messages: messagesOut,
      events: events.map((e) => ({ ...e, startsAt: iso(e.startsAt), endsAt: iso(e.endsAt) })),
      registrations: sortRecords(registrations),
      attendance: sortRecords(attendance),
      revocations: appealed
        ? [
            {
              messageId: messagesOut[community.messages.indexOf(appealed)].id,
              ruleId: "no-ads",
              at: iso(appealed.at + 20 * HOUR),
              reason: "appeal upheld: a product link the member had asked for",
            },
          ]
        : [],
    },
    surveys: surveys.map((s) => ({ questionnaire: s.questionnaire, responses: toIso(s.responses) })),
    posts: toIso(posts),
    interactions: toIso(interactions),
    orders: toIso(orders),
    followerSnapshots: followerSnapshots.map((r) => ({ ...r, at: iso(r.at) })),
    feedbackEvents: toIso(feedbackEvents.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))),
  };
}

/** JSON with one record per line inside arrays of objects: small, stable, diff-friendly. */
export function serialize(data) {
  const out = [];
  const walk = (v, indent) => {
    if (Array.isArray(v) && v.length > 0 && typeof v[0] === "object" && v[0] !== null) {
      return `[\n${v.map((x) => `${indent}  ${JSON.stringify(x)}`).join(",\n")}\n${indent}]`;
    }
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const entries = Object.entries(v).map(([k, x]) => `${indent}  ${JSON.stringify(k)}: ${walk(x, `${indent}  `)}`);
      return `{\n${entries.join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(v);
  };
  out.push(walk(data, ""));
  return `${out.join("")}\n`;
}

export const DEFAULT_PATH = fileURLToPath(new URL("./brand-8-weeks.json", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2] ?? DEFAULT_PATH;
  const text = serialize(generate());
  writeFileSync(target, text);
  console.log(`wrote ${target} (${(text.length / 1e6).toFixed(2)} MB)`);
}
