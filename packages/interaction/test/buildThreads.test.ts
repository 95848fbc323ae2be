import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildThreads } from "./helpers/index";
import { brand, HOUR, ix, MIN, T0, user, user2 } from "./helpers/make";

describe("buildThreads", () => {
  it("puts a DM conversation with one user into one dm thread and computes its clocks", () => {
    const { threads, threadOf } = buildThreads([
      ix({ id: "m1", platformCreatedAt: T0 }),
      ix({ id: "m2", platformCreatedAt: T0 + 5 * MIN }),
      ix({ id: "o1", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + 20 * MIN }),
    ]);
    expect(threads).toHaveLength(1);
    const t = threads[0]!;
    expect(t.type).toBe("dm");
    expect(t.status).toBe("pending");
    expect(t.waitingSince).toBeNull();
    expect(t.firstReplyAt).toBe(T0 + 20 * MIN);
    expect(t.lastInboundAt).toBe(T0 + 5 * MIN);
    expect(t.lastOutboundAt).toBe(T0 + 20 * MIN);
    expect(t.counterpart).toEqual(user);
    expect(threadOf.get("o1" as never)).toBe(t.id);
  });

  it("keeps waitingSince at the oldest unanswered message, not the latest", () => {
    const { threads } = buildThreads([
      ix({ id: "m1", platformCreatedAt: T0 }),
      ix({ id: "m2", platformCreatedAt: T0 + HOUR }),
    ]);
    expect(threads[0]!.waitingSince).toBe(T0);
    expect(threads[0]!.status).toBe("open");
  });

  it("separates users and channels into different threads", () => {
    const { threads } = buildThreads([
      ix({ id: "a", platformCreatedAt: T0 }),
      ix({ id: "b", actor: user2, platformCreatedAt: T0 + 1 }),
      ix({ id: "c", channelId: "ch_other", platformCreatedAt: T0 + 2 }),
    ]);
    expect(threads).toHaveLength(3);
  });

  it("does not let internal notes, likes or failed sends stop the clock", () => {
    const { threads } = buildThreads([
      ix({ id: "m1", platformCreatedAt: T0 }),
      ix({
        id: "n1",
        direction: "out",
        actor: brand,
        visibility: "internal_note",
        inReplyTo: "m1",
        platformCreatedAt: T0 + MIN,
      }),
      ix({
        id: "f1",
        direction: "out",
        actor: brand,
        recipient: user,
        delivery: { status: "failed" },
        platformCreatedAt: T0 + 2 * MIN,
      }),
      ix({
        id: "l1",
        kind: "like",
        direction: "out",
        actor: brand,
        visibility: "public",
        target: { type: "comment", id: "x" },
        platformCreatedAt: T0 + 3 * MIN,
      }),
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.waitingSince).toBe(T0);
    expect(threads[0]!.firstReplyAt).toBeNull();
  });

  it("gives each top-level public comment its own thread and joins replies through inReplyTo chains", () => {
    const pub = { visibility: "public", kind: "comment", target: { type: "post", id: "p1" } } as const;
    const { threads, threadOf } = buildThreads([
      ix({ ...pub, id: "c1", platformCreatedAt: T0 }),
      ix({ ...pub, id: "c2", actor: user2, platformCreatedAt: T0 + 1 }),
      ix({
        id: "r1",
        kind: "reply",
        visibility: "public",
        direction: "out",
        actor: brand,
        inReplyTo: "c1",
        platformCreatedAt: T0 + 10 * MIN,
      }),
      ix({ id: "r2", kind: "reply", visibility: "public", inReplyTo: "r1", platformCreatedAt: T0 + 20 * MIN }),
    ]);
    expect(threads.map((t) => t.type)).toEqual(["public", "public"]);
    expect(threadOf.get("r2" as never)).toBe(threadOf.get("c1" as never));
    const t1 = threads.find((t) => t.rootId === "c1")!;
    expect(t1.firstReplyAt).toBe(T0 + 10 * MIN);
    expect(t1.waitingSince).toBe(T0 + 20 * MIN);
  });

  it("leaves likes, reposts and campaign entries unthreaded", () => {
    const { threads, threadOf } = buildThreads([
      ix({ id: "l", kind: "like", direction: "activity", visibility: "public", platformCreatedAt: T0 }),
      ix({ id: "r", kind: "repost", direction: "activity", visibility: "public", platformCreatedAt: T0 }),
      ix({ id: "e", kind: "campaign_entry", direction: "in", visibility: "public", platformCreatedAt: T0 }),
    ]);
    expect(threads).toEqual([]);
    expect(threadOf.size).toBe(0);
  });

  it("records reply-window events per kind with the private messages sent since", () => {
    const { threads } = buildThreads([
      ix({ id: "f", kind: "follow", direction: "activity", platformCreatedAt: T0 }),
      ix({ id: "m1", platformCreatedAt: T0 + MIN }),
      ix({ id: "o1", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + 2 * MIN }),
      ix({ id: "o2", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + 3 * MIN }),
    ]);
    expect(threads[0]!.replyWindowEvents).toEqual([
      { kind: "follow", at: T0, sentSince: 2 },
      { kind: "dm", at: T0 + MIN, sentSince: 2 },
    ]);
  });

  it("keeps one copy of a retried delivery (the one received last)", () => {
    const { members } = buildThreads([
      ix({ id: "m1", platformCreatedAt: T0, receivedAt: T0 + 1 }),
      ix({ id: "m1", platformCreatedAt: T0, receivedAt: T0 + 9 }),
    ]);
    const list = [...members.values()][0]!;
    expect(list).toHaveLength(1);
    expect(list[0]!.receivedAt).toBe(T0 + 9);
  });

  it("carries the team's resolved state until a new question arrives", () => {
    const first = buildThreads([ix({ id: "m1", platformCreatedAt: T0 })]).threads[0]!;
    const resolved = {
      ...first,
      status: "resolved" as const,
      assignee: "agent_1" as never,
      labels: ["vip"],
      priority: "high" as const,
    };
    const again = buildThreads([ix({ id: "m1", platformCreatedAt: T0 })], { previous: [resolved] }).threads[0]!;
    expect([again.status, again.waitingSince, again.assignee, again.labels, again.priority]).toEqual([
      "resolved",
      null,
      "agent_1",
      ["vip"],
      "high",
    ]);
    const reopened = buildThreads(
      [ix({ id: "m1", platformCreatedAt: T0 }), ix({ id: "m2", platformCreatedAt: T0 + HOUR })],
      { previous: [resolved] },
    ).threads[0]!;
    expect([reopened.status, reopened.waitingSince]).toEqual(["open", T0]);
  });

  it("groups a group chat by its conversation id", () => {
    const conv = { conversation: { id: "g1", type: "group" as const } };
    const { threads } = buildThreads([
      ix({ ...conv, id: "a", platformCreatedAt: T0 }),
      ix({ ...conv, id: "b", actor: user2, platformCreatedAt: T0 + 1 }),
    ]);
    expect(threads.map((t) => t.type)).toEqual(["group"]);
  });

  it("threads a recall with the message it recalls", () => {
    const { threadOf } = buildThreads([
      ix({ id: "m1", nativeId: "22541386101", platformCreatedAt: T0 }),
      ix({
        id: "rc",
        kind: "recall",
        direction: "activity",
        target: { type: "message", id: "22541386101" },
        platformCreatedAt: T0 + 1,
      }),
    ]);
    expect(threadOf.get("rc" as never)).toBe(threadOf.get("m1" as never));
  });

  it("survives an inReplyTo cycle", () => {
    const { threads } = buildThreads([
      ix({ id: "a", inReplyTo: "b", visibility: "public", kind: "reply", platformCreatedAt: T0 }),
      ix({ id: "b", inReplyTo: "a", visibility: "public", kind: "reply", platformCreatedAt: T0 + 1 }),
    ]);
    expect(threads.length).toBeGreaterThan(0);
  });

  it("follows a reply chain 20 000 deep without overflowing the stack", () => {
    const list = [ix({ id: "n0", kind: "comment", visibility: "public", platformCreatedAt: T0 })];
    for (let i = 1; i < 20_000; i++)
      list.push({
        ...list[0]!,
        id: `n${i}` as never,
        kind: "reply",
        inReplyTo: `n${i - 1}` as never,
        platformCreatedAt: T0 + i,
        receivedAt: T0 + i,
      });
    const { threads } = buildThreads(list.reverse());
    expect(threads).toHaveLength(1);
  });

  it("returns nothing for no interactions", () => {
    expect(buildThreads([]).threads).toEqual([]);
  });

  it("names the thread of a long key by the SHA-256 of the key (the id does not depend on the implementation)", () => {
    const conversation = { id: `群聊-${"x".repeat(300)}`, type: "group" as const };
    const { threads } = buildThreads([ix({ id: "g1", conversation, platformCreatedAt: T0 })]);
    // node:crypto as the independent reference
    const key = `ch_wx|conv|${conversation.id}`;
    expect(threads[0]?.id).toBe(`thr_h_${createHash("sha256").update(key, "utf8").digest("hex")}`);
    expect(
      buildThreads([ix({ id: "g2", conversation: { id: "c1", type: "group" }, platformCreatedAt: T0 })]).threads[0]?.id,
    ).toBe("thr_ch_wx|conv|c1");
  });

  it("handles CJK text and ids", () => {
    const { threads } = buildThreads([
      ix({ id: "微信:消息:1", content: { text: "敏感肌用什么洁面？" }, platformCreatedAt: T0 }),
    ]);
    expect(threads).toHaveLength(1);
  });

  it("refuses a malformed interaction, naming index and field", () => {
    const bad = [
      ix({ id: "m1", platformCreatedAt: T0 }),
      { ...ix({ id: "m2", platformCreatedAt: T0 }), platformCreatedAt: Number.NaN },
    ];
    expect(() => buildThreads(bad)).toThrowOpsError("invalid_argument", {
      fn: "buildThreads",
      path: ["interactions", 1, "platformCreatedAt"],
      message: /^buildThreads: interactions\[1\]\.platformCreatedAt/,
    });
    expect(() => buildThreads("x" as never)).toThrowOpsError("invalid_argument");
  });

  it("does not mutate its input", () => {
    const input = [ix({ id: "m2", platformCreatedAt: T0 + 1 }), ix({ id: "m1", platformCreatedAt: T0 })];
    const copy = structuredClone(input);
    buildThreads(input);
    expect(input).toEqual(copy);
  });

  it("gives the same threads whatever the input order (property)", () => {
    const base = [
      ix({ id: "m1", platformCreatedAt: T0 }),
      ix({ id: "o1", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + MIN }),
      ix({ id: "c1", kind: "comment", visibility: "public", actor: user2, platformCreatedAt: T0 + 2 }),
      ix({
        id: "r1",
        kind: "reply",
        visibility: "public",
        direction: "out",
        actor: brand,
        inReplyTo: "c1",
        platformCreatedAt: T0 + 3 * MIN,
      }),
      ix({ id: "m2", platformCreatedAt: T0 + 4 * MIN }),
    ];
    const expected = buildThreads(base).threads;
    fc.assert(
      fc.property(fc.shuffledSubarray(base, { minLength: base.length, maxLength: base.length }), (shuffled) => {
        expect(buildThreads(shuffled).threads).toEqual(expected);
      }),
    );
  });
});
