import { describe, expect, it } from "vitest";
import { buildThreads, needsReply, ThreadSchema } from "./helpers/index";
import { brand, ix, MIN, T0, user, user2 } from "./helpers/make";

const thread = (id: string, extra: Record<string, unknown>) =>
  ThreadSchema.parse({
    id,
    channelId: "ch",
    type: "dm",
    status: "open",
    createdAt: 0,
    waitingSince: 10,
    firstReplyAt: null,
    lastInboundAt: 10,
    lastInboundKind: "dm",
    lastOutboundAt: null,
    ...extra,
  });

describe("needsReply", () => {
  it("orders by priority, then oldest wait, then id", () => {
    const q = needsReply([
      thread("b", { waitingSince: 50 }),
      thread("a", { waitingSince: 50 }),
      thread("old", { waitingSince: 1 }),
      thread("hi", { waitingSince: 99, priority: "high" }),
      thread("lo", { waitingSince: 0, priority: "low" }),
    ]);
    expect(q.map((t) => t.id)).toEqual(["hi", "old", "a", "b", "lo"]);
  });

  it("leaves out answered, resolved and still-snoozed threads, and wakes snoozed ones at now", () => {
    const threads = [
      thread("answered", { waitingSince: null, status: "pending" }),
      thread("resolved", { status: "resolved" }),
      thread("snoozed", { status: "snoozed", snoozedUntil: 1_000 }),
    ];
    expect(needsReply(threads)).toEqual([]);
    expect(needsReply(threads, { now: 1_000 }).map((t) => t.id)).toEqual(["snoozed"]);
  });

  it("ignores likes and internal notes: they neither start nor end a wait", () => {
    const { threads } = buildThreads([
      ix({ id: "l", kind: "like", direction: "activity", visibility: "public", platformCreatedAt: T0 }),
      ix({ id: "m1", actor: user2, platformCreatedAt: T0 }),
      ix({
        id: "n",
        direction: "out",
        actor: brand,
        visibility: "internal_note",
        inReplyTo: "m1",
        platformCreatedAt: T0 + MIN,
      }),
      ix({ id: "m2", platformCreatedAt: T0 + 2 * MIN }),
      ix({ id: "o", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + 3 * MIN }),
    ]);
    expect(needsReply(threads).map((t) => t.counterpart?.userId)).toEqual([user2.userId]);
  });

  it("filters by channel and assignee", () => {
    const threads = [thread("x", { channelId: "c1", assignee: "ag1" }), thread("y", { channelId: "c2" })];
    expect(needsReply(threads, { channelIds: ["c1" as never] }).map((t) => t.id)).toEqual(["x"]);
    expect(needsReply(threads, { assignee: null }).map((t) => t.id)).toEqual(["y"]);
  });

  it("returns an empty queue for no threads and refuses bad input", () => {
    expect(needsReply([])).toEqual([]);
    expect(() => needsReply([{ id: "x" } as never])).toThrowOpsError("invalid_argument");
    expect(() => needsReply([], { now: Number.POSITIVE_INFINITY })).toThrowOpsError("invalid_argument");
  });

  it("does not mutate its input", () => {
    const input = [thread("b", { waitingSince: 5 }), thread("a", { waitingSince: 1 })];
    const copy = structuredClone(input);
    needsReply(input);
    expect(input).toEqual(copy);
  });
});
