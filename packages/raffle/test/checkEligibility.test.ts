import { describe, expect, it } from "vitest";
import type { InteractionInput } from "@ops/interaction";
import { checkEligibility, compileEntrants } from "@ops/raffle";

const CLOSE = 1_772_933_400_000;
let n = 0;
function ev(kind: InteractionInput["kind"], userId: string, extra: Partial<InteractionInput> = {}): InteractionInput {
  n++;
  return {
    id: `e${n}`,
    channelId: "ch_weibo",
    kind,
    direction: kind === "follow" || kind === "unfollow" || kind === "repost" || kind === "like" ? "activity" : "in",
    visibility: "public",
    actor: { platform: "weibo", scope: "", userId },
    target: kind === "follow" || kind === "unfollow" ? { type: "account", id: "brand" } : { type: "post", id: "P1" },
    platformCreatedAt: CLOSE - 60_000,
    receivedAt: CLOSE - 59_000,
    ...extra,
  };
}
const comment = (userId: string, text: string, extra: Partial<InteractionInput> = {}): InteractionInput =>
  ev("comment", userId, { content: { text }, ...extra });

const rules = {
  mustFollow: true,
  mustRepost: true,
  comment: { keywords: ["#春日妆容"], minMentions: 1 },
  excludeBlocklisted: true,
  excludePreviousWinners: true,
  excludeBots: true,
  minAccountAgeDays: 30,
};
const old = CLOSE - 400 * 86_400_000;

/** A campaign where each user breaks exactly one rule (or none). */
function campaign(): {
  events: InteractionInput[];
  profiles: Record<string, { accountCreatedAt: number; followers: number }>;
} {
  const users = [
    "ok",
    "ok2",
    "blocked",
    "winner",
    "bot",
    "nofollow",
    "norepost",
    "nocomment",
    "nomention",
    "new",
    "unfollowed",
  ];
  const events: InteractionInput[] = [];
  const profiles: Record<string, { accountCreatedAt: number; followers: number }> = {};
  for (const u of users) {
    if (u !== "nofollow") events.push(ev("follow", u));
    if (u === "unfollowed") events.push(ev("unfollow", u, { platformCreatedAt: CLOSE - 1000 }));
    if (u !== "norepost") events.push(ev("repost", u));
    if (u === "nocomment") events.push(comment(u, "抽我抽我"));
    else if (u === "nomention") events.push(comment(u, "#春日妆容 好看"));
    else events.push(comment(u, "#春日妆容 @闺蜜 一起"));
    profiles[`weibo::${u}`] = { accountCreatedAt: u === "new" ? CLOSE - 5 * 86_400_000 : old, followers: 10 };
  }
  return { events, profiles };
}

describe("checkEligibility", () => {
  it("admits those who follow, repost and comment with the keyword and a mention, and counts each exclusion reason", () => {
    const { events, profiles } = campaign();
    const result = checkEligibility(
      rules,
      events,
      { postId: "P1", closeAt: CLOSE, profiles, blocklist: ["weibo::blocked"], previousWinners: ["weibo::winner"] },
      { isBot: (e) => e.id === "weibo::bot" },
    );
    expect(result.entrants).toEqual([
      { id: "weibo::ok", weight: 1 },
      { id: "weibo::ok2", weight: 1 },
    ]);
    expect(result.candidates).toBe(11);
    expect(result.counts).toEqual({
      blocklisted: 1,
      previous_winner: 1,
      bot: 1,
      not_following: 2,
      no_repost: 1,
      no_qualifying_comment: 1,
      too_few_mentions: 1,
      account_too_new: 1,
      too_few_followers: 0,
      duplicate_actor: 0,
    });
    expect(result.excluded.find((x) => x.id === "weibo::unfollowed")?.reasons).toEqual(["not_following"]);
  });

  it("lists every broken rule per entrant, counting only the first", () => {
    const events = [comment("lazy", "hi")];
    const result = checkEligibility(rules, events, { postId: "P1", closeAt: CLOSE });
    expect(result.excluded).toEqual([
      { id: "weibo::lazy", reasons: ["not_following", "no_repost", "no_qualifying_comment", "account_too_new"] },
    ]);
    expect(result.counts.not_following).toBe(1);
  });

  it("ignores events after close and before opening", () => {
    const events = [
      ev("repost", "late", { platformCreatedAt: CLOSE + 1 }),
      ev("repost", "early", { platformCreatedAt: 5 }),
      ev("repost", "ontime"),
    ];
    const result = checkEligibility({ mustRepost: true }, events, { postId: "P1", opensAt: 10, closeAt: CLOSE });
    expect(result.entrants.map((e) => e.id)).toEqual(["weibo::ontime"]);
    expect(result.outsideWindow).toBe(2);
  });

  it("matches keywords after NFKC and case folding, in text or hashtags (CJK and full-width)", () => {
    const events = [
      comment("a", "ＬＩＰＳＴＩＣＫ please"),
      ev("comment", "b", { content: { text: "见图", hashtags: ["春日妆容"] } }),
      comment("c", "nothing"),
    ];
    const result = checkEligibility({ comment: { keywords: ["lipstick", "#春日妆容"] } }, events, {
      postId: "P1",
      closeAt: CLOSE,
    });
    expect(result.entrants.map((e) => e.id)).toEqual(["weibo::a", "weibo::b"]);
  });

  it("keeps one entry per merged actor across platforms", () => {
    const events = [
      ev("repost", "1", { actorId: "act_7" }),
      ev("repost", "x1", { actor: { platform: "douyin", scope: "app", userId: "x1" }, actorId: "act_7" }),
      ev("repost", "2"),
    ];
    const result = checkEligibility({ mustRepost: true }, events, { postId: "P1", closeAt: CLOSE });
    expect(result.entrants.map((e) => e.id)).toEqual(["douyin:app:x1", "weibo::2"]);
    expect(result.excluded).toEqual([{ id: "weibo::1", reasons: ["duplicate_actor"] }]);
  });

  it("is deterministic whatever the event order, and feeds compileEntrants", () => {
    const { events, profiles } = campaign();
    const ctx = { postId: "P1", closeAt: CLOSE, profiles };
    const a = checkEligibility(rules, events, ctx);
    const b = checkEligibility(rules, [...events].reverse(), ctx);
    expect(b).toEqual(a);
    expect(compileEntrants(a.entrants).size).toBe(a.entrants.length);
  });

  it("uses the weight hook and refuses a bad weight", () => {
    const events = [comment("a", "@x @y @z")];
    const weighted = checkEligibility(
      {},
      events,
      { postId: "P1", closeAt: CLOSE },
      { weight: (e) => 1 + (e.events[0]?.content?.text.match(/@/g)?.length ?? 0) },
    );
    expect(weighted.entrants).toEqual([{ id: "weibo::a", weight: 4 }]);
    expect(() => checkEligibility({}, events, { postId: "P1", closeAt: CLOSE }, { weight: () => 0.5 })).toThrowOpsError(
      "invalid_argument",
      { message: /options\.weight must return an integer/ },
    );
  });

  it("counts WeChat 在看 (wow) as an entry, as a like; a comment rule on top makes 点赞 + 在看 + 留言", () => {
    const wow = (userId: string) => ev("wow", userId, { direction: "activity", channelId: "ch_wechat" });
    const open = checkEligibility({}, [wow("a"), ev("like", "b")], { postId: "P1", closeAt: CLOSE });
    expect(open.entrants.map((e) => e.id)).toEqual(["weibo::a", "weibo::b"]);
    const withComment = checkEligibility(
      { comment: { keywords: ["抽我"] } },
      [wow("a"), wow("c"), comment("c", "抽我")],
      { postId: "P1", closeAt: CLOSE },
    );
    expect(withComment.entrants.map((e) => e.id)).toEqual(["weibo::c"]);
    expect(withComment.excluded.map((e) => e.id)).toEqual(["weibo::a"]);
  });

  it("handles no events, and refuses bad rules, events and context", () => {
    expect(checkEligibility({}, [], { postId: "P1", closeAt: CLOSE }).entrants).toEqual([]);
    expect(() => checkEligibility({ minFollowers: -1 }, [], { postId: "P1", closeAt: CLOSE })).toThrowOpsError(
      "invalid_argument",
      { message: /checkEligibility: rules\.minFollowers/ },
    );
    expect(() =>
      checkEligibility({}, [{ kind: "comment" } as never], { postId: "P1", closeAt: CLOSE }),
    ).toThrowOpsError("invalid_argument", { message: /checkEligibility: interactions\[0\]/ });
    expect(() => checkEligibility({}, [], { postId: "", closeAt: CLOSE })).toThrowOpsError("invalid_argument", {
      message: /context\.postId/,
    });
  });

  it("does not mutate the events", () => {
    const { events } = campaign();
    const copy = structuredClone(events);
    checkEligibility(rules, events, { postId: "P1", closeAt: CLOSE });
    expect(events).toEqual(copy);
  });
});
