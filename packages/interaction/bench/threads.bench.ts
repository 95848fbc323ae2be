// Heavy path: build threads and the reply queue over 1 000 000 interactions, and tag needs.
// Compared, in the same run, with a naive baseline written the obvious way (group with
// Array.filter per conversation key) on a 5 000-interaction sample — there is no npm peer
// library for thread clocks. Run: `pnpm bench` from packages/interaction.
import { createRandom } from "@ops/core";
import { buildThreads, compileNeedRules, countTagsByPeriod, needsReply, type Interaction } from "@ops/interaction";

const N = Number(process.env.N ?? 1_000_000);
const rnd = createRandom(20260308);
const T0 = Date.UTC(2026, 2, 1);
const TEXTS = [
  "敏感肌用什么洁面？",
  "防晒会不会闷痘",
  "什么时候补货",
  "thanks!",
  "订单还没发货",
  "有没有优惠券",
  "SPF50 white cast?",
  "好用",
];
const account = "gh_3a8f1c2d9e7b";

/**
 * The synthetic interactions, each passed once through JSON (as they reach a service: from a
 * webhook body, a queue or a database). Objects built with object spread, as the generator
 * does, get a different internal layout in V8: field reads on them were measured about 7×
 * slower (`checkInteractions` 2.0 s vs 0.3 s on 600 000), which made earlier figures of this
 * benchmark understate the library by half.
 */
function generate(n: number): Interaction[] {
  return generateSpread(n).map((x) => JSON.parse(JSON.stringify(x)) as Interaction);
}

function generateSpread(n: number): Interaction[] {
  const out: Interaction[] = [];
  for (let i = 0; i < n; i++) {
    const t = T0 + i * 2_000 + rnd.int(0, 1_000);
    const roll = rnd.next();
    const user = { platform: "wechat_oa", scope: account, userId: `o${rnd.int(0, 50_000)}` };
    const base = {
      channelId: "ch_wx",
      receivedAt: t + 500,
      platformCreatedAt: t,
      content: { text: rnd.pick(TEXTS), media: [], hashtags: [] },
    };
    if (roll < 0.45)
      out.push({
        ...base,
        id: `m${i}`,
        kind: "dm",
        direction: "in",
        visibility: "private",
        actor: user,
      } as unknown as Interaction);
    else if (roll < 0.6)
      out.push({
        ...base,
        id: `o${i}`,
        kind: "dm",
        direction: "out",
        visibility: "private",
        actor: { platform: "wechat_oa", scope: account, userId: account },
        recipient: user,
      } as unknown as Interaction);
    else if (roll < 0.8)
      out.push({
        ...base,
        id: `c${i}`,
        kind: "comment",
        direction: "in",
        visibility: "public",
        actor: user,
        target: { type: "post", id: `p${rnd.int(0, 2_000)}` },
      } as unknown as Interaction);
    else if (roll < 0.9 && i > 0)
      out.push({
        ...base,
        id: `r${i}`,
        kind: "reply",
        direction: rnd.next() < 0.5 ? "out" : "in",
        visibility: "public",
        actor: user,
        inReplyTo: `c${rnd.int(Math.max(0, i - 5_000), i)}`,
      } as unknown as Interaction);
    else
      out.push({
        ...base,
        id: `l${i}`,
        kind: "like",
        direction: "activity",
        visibility: "public",
        actor: user,
        target: { type: "post", id: `p${rnd.int(0, 2_000)}` },
      } as unknown as Interaction);
  }
  return out;
}

/** The obvious implementation: one Array.filter pass per DM user (quadratic). */
function naiveWaiting(list: readonly Interaction[]): number {
  const users = new Set(
    list.filter((x) => x.kind === "dm").map((x) => (x.direction === "out" ? x.recipient?.userId : x.actor.userId)),
  );
  let waiting = 0;
  for (const u of users) {
    const conv = list
      .filter((x) => x.kind === "dm" && (x.actor.userId === u || x.recipient?.userId === u))
      .sort((a, b) => a.platformCreatedAt - b.platformCreatedAt);
    const last = conv[conv.length - 1];
    if (last !== undefined && last.direction === "in") waiting++;
  }
  return waiting;
}

function time<T>(f: () => T): [T, number] {
  const s = process.hrtime.bigint();
  const r = f();
  return [r, Number(process.hrtime.bigint() - s) / 1e6];
}

const [data, genMs] = time(() => generate(N));
console.error(`generated ${N} in ${genMs.toFixed(0)} ms`);
globalThis.gc?.();
const [build, buildMs] = time(() => buildThreads(data));
console.error(`buildThreads ${buildMs.toFixed(0)} ms`);
const [queue, queueMs] = time(() => needsReply(build.threads));
console.error(`needsReply ${queueMs.toFixed(0)} ms`);
const rules = compileNeedRules([
  { tag: "sensitive_skin", any: ["敏感肌"] },
  { tag: "sunscreen", any: ["防晒", "SPF"] },
  { tag: "stock", any: ["补货", "发货"] },
]);
const [counts, tagMs] = time(() => countTagsByPeriod(rules, data, { period: "week", timeZone: "Asia/Shanghai" }));

const SAMPLE = 5_000;
console.error(`countTagsByPeriod ${tagMs.toFixed(0)} ms`);
const sample = data.slice(0, SAMPLE);
const [, oursSampleMs] = time(() => needsReply(buildThreads(sample).threads).length);
const [, naiveSampleMs] = time(() => naiveWaiting(sample));

// A calibration loop, so that figures from a loaded or slow machine can be normalised.
const [, calMs] = time(() => {
  let a = 0;
  for (let i = 0; i < 1e8; i++) a += Math.sqrt(i);
  return a;
});
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en-US")}/s`;
console.log(
  `node ${process.version}, N = ${N.toLocaleString("en-US")} interactions (generated in ${genMs.toFixed(0)} ms)`,
);
console.table([
  {
    task: "buildThreads",
    items: N,
    ms: Math.round(buildMs),
    throughput: rate(N, buildMs),
    result: `${build.threads.length} threads`,
  },
  {
    task: "needsReply (queue)",
    items: build.threads.length,
    ms: Math.round(queueMs),
    throughput: rate(build.threads.length, queueMs),
    result: `${queue.length} waiting`,
  },
  {
    task: "countTagsByPeriod (week, Asia/Shanghai)",
    items: N,
    ms: Math.round(tagMs),
    throughput: rate(N, tagMs),
    result: `${counts.length} cells`,
  },
  {
    task: "@ops buildThreads+needsReply, 5k sample",
    items: SAMPLE,
    ms: Math.round(oursSampleMs),
    throughput: rate(SAMPLE, oursSampleMs),
    result: "",
  },
  {
    task: "naive filter-per-user baseline, 5k sample (DM waiting only)",
    items: SAMPLE,
    ms: Math.round(naiveSampleMs),
    throughput: rate(SAMPLE, naiveSampleMs),
    result: "",
  },
]);
console.log(
  `calibration: 1e8 Math.sqrt additions took ${calMs.toFixed(0)} ms (about 100–300 ms on an idle modern core)`,
);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
