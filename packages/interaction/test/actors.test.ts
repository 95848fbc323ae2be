import { describe, expect, it } from "vitest";
import { actorHistory, mergeActors } from "./helpers/index";
import { brand, ix, T0, user, user2 } from "./helpers/make";

const dy = { platform: "douyin", scope: "aw_app", userId: "_000b" };

describe("mergeActors", () => {
  it("merges actors sharing an identity, transitively, keeping the first as survivor", () => {
    const r = mergeActors([
      { id: "a1", kind: "person", identities: [user], attributes: {}, mergedFrom: [] },
      { id: "a2", kind: "person", identities: [user, dy], attributes: {}, mergedFrom: [] },
      { id: "a3", kind: "person", identities: [dy], attributes: {}, mergedFrom: [] },
      { id: "a4", kind: "person", identities: [user2], attributes: {}, mergedFrom: [] },
    ] as never);
    expect(r.actors.map((a) => [a.id, a.identities.length, a.mergedFrom])).toEqual([
      ["a1", 2, ["a2", "a3"]],
      ["a4", 1, []],
    ]);
    expect(r.idMap.get("a3" as never)).toBe("a1");
  });

  it("does not merge the same user id under different scopes (WeChat OpenIDs are per account)", () => {
    const r = mergeActors([
      { id: "a1", kind: "person", identities: [{ ...user, scope: "gh_A" }] },
      { id: "a2", kind: "person", identities: [{ ...user, scope: "gh_B" }] },
    ] as never);
    expect(r.actors).toHaveLength(2);
  });

  it("reports conflicting kinds and attribute values", () => {
    const r = mergeActors([
      { id: "a1", kind: "person", identities: [user], attributes: { skinType: "dry", vip: true } },
      { id: "a2", kind: "bot", identities: [user], attributes: { skinType: "dry", vip: false } },
    ] as never);
    expect(r.conflicts).toEqual([
      { actorId: "a1", key: "kind", kept: "person", dropped: ["bot"] },
      { actorId: "a1", key: "vip", kept: true, dropped: [false] },
    ]);
  });

  it("refuses duplicate ids, unknown links and malformed actors", () => {
    const a = { id: "a1", kind: "person", identities: [user] };
    expect(() => mergeActors([a, a] as never)).toThrowOpsError("duplicate");
    expect(() => mergeActors([a] as never, { links: [["a1", "zz"]] as never })).toThrowOpsError("not_found");
    expect(() => mergeActors([{ ...a, identities: [] }] as never)).toThrowOpsError("invalid_argument");
  });

  it("returns nothing for nothing and does not mutate its input", () => {
    expect(mergeActors([]).actors).toEqual([]);
    const input = [
      { id: "a1", kind: "person", identities: [user], attributes: { tags: ["x"] }, mergedFrom: [] },
      { id: "a2", kind: "person", identities: [user], attributes: { tags: ["y"] }, mergedFrom: [] },
    ];
    const copy = structuredClone(input);
    const r = mergeActors(input as never);
    expect(input).toEqual(copy);
    expect(r.actors[0]!.attributes.tags).toEqual(["x", "y"]);
  });
});

describe("actorHistory", () => {
  const list = [
    ix({ id: "m1", platformCreatedAt: T0 }),
    ix({ id: "o1", direction: "out", actor: brand, recipient: user, platformCreatedAt: T0 + 1 }),
    ix({ id: "x", actor: user2, platformCreatedAt: T0 + 2 }),
    ix({
      id: "n",
      direction: "out",
      actor: brand,
      recipient: user,
      visibility: "internal_note",
      platformCreatedAt: T0 + 3,
    }),
    ix({ id: "d1", channelId: "ch_dy", actor: dy, kind: "comment", visibility: "public", platformCreatedAt: T0 + 4 }),
  ];

  it("collects what the user did and what was sent to them, across identities", () => {
    const h = actorHistory(list, [user, dy]);
    expect(h.interactions.map((i) => i.id)).toEqual(["m1", "o1", "n", "d1"]);
    expect(h.countsByKind).toEqual({ dm: 1, comment: 1 });
    expect(h.channels).toEqual(["ch_dy", "ch_wx"]);
    expect([h.firstSeenAt, h.lastSeenAt]).toEqual([T0, T0 + 4]);
  });

  it("applies the half-open period and can drop internal notes", () => {
    const period = { start: T0 + 1, end: T0 + 4 };
    expect(
      actorHistory(list, [user, dy], { period, includeInternalNotes: false }).interactions.map((i) => i.id),
    ).toEqual(["o1"]);
    expect(actorHistory(list, [user], { period: { start: T0 - 10, end: T0 } }).firstSeenAt).toBeNull();
    expect(actorHistory(list, [user], { period: { start: T0, end: T0 + 1 } }).firstSeenAt).toBe(T0);
  });

  it("refuses empty identities and an empty or malformed period", () => {
    expect(() => actorHistory(list, [])).toThrowOpsError("invalid_argument", { path: ["identities"] });
    expect(() => actorHistory(list, [user], { period: { start: T0, end: T0 } })).toThrowOpsError("invalid_argument", {
      fn: "actorHistory",
      path: ["options", "period", "end"],
    });
    expect(() => actorHistory(list, [user], { period: { start: Number.NaN, end: T0 } })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "period", "start"] },
    );
  });
});
